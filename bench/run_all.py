"""Runs every benchmark and prints its table (on demand; not part of the test run).

    python bench/run_all.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calendar_week  # noqa: E402
import citizen_search  # noqa: E402
import economy_xlsx  # noqa: E402
import personal_keys  # noqa: E402
import report_batch  # noqa: E402
import schedule_team_week  # noqa: E402
import startup  # noqa: E402
import storage_cipher_vs_plain  # noqa: E402


def main() -> None:
    for benchmark in (startup, storage_cipher_vs_plain, citizen_search, schedule_team_week,
                      calendar_week, economy_xlsx, report_batch, personal_keys):
        benchmark.main()
        print()


if __name__ == "__main__":
    main()
