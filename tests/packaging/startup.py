"""Start-up of two installations of MentorDesk, measured alternately in the same run.

    python tests/packaging/startup.py --runs 5 venv=GUI:HOME frozen=GUI:HOME

Each ``GUI`` is started with ``--self-check`` on the demo database that the smoke test
left in ``HOME`` (so no run builds it); the time is from starting the process to the main
window being shown. Runs alternate between the installations so a busy machine slows both
alike; the medians are printed. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEMO_PASSPHRASE = "demo-mentordesk-2026"  # public: fictitious data only (README)


def seconds_to_window(gui: str, home: Path) -> float:
    env = {**os.environ, "MENTORDESK_HOME": str(home), "MENTORDESK_PASSPHRASE": DEMO_PASSPHRASE,
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
           "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder, "self-check.json")
        started = time.time()
        subprocess.run([gui, "--self-check", str(out)], env=env, cwd=folder, check=True,
                       capture_output=True, timeout=600)
        return json.loads(out.read_text(encoding="utf-8"))["window_shown_epoch"] - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("installations", nargs="+", metavar="NAME=GUI:HOME")
    args = parser.parse_args(argv)
    targets = {}
    for item in args.installations:
        name, _, rest = item.partition("=")
        gui, _, home = rest.rpartition(":")
        targets[name] = (gui, Path(home))
    times: dict[str, list[float]] = {name: [] for name in targets}
    for _ in range(args.runs):
        for name, (gui, home) in targets.items():
            times[name].append(seconds_to_window(gui, home))
    for name, values in times.items():
        print(f"start-up to main window, {name:8} median {statistics.median(values):5.2f} s "
              f"({', '.join(f'{value:.2f}' for value in values)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
