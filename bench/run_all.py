"""Runs every benchmark and prints its table (on demand; not part of the test run).

    python bench/run_all.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import citizen_search  # noqa: E402
import startup  # noqa: E402
import storage_cipher_vs_plain  # noqa: E402


def main() -> None:
    for benchmark in (startup, storage_cipher_vs_plain, citizen_search):
        benchmark.main()
        print()


if __name__ == "__main__":
    main()
