"""Benchmark (a): start-up to a shown, populated main window on the 250-citizen demo DB.

Each measurement is a fresh process, timed from before the interpreter starts. The
baseline is a bare PySide6 QMainWindow, shown. MentorDesk is timed twice in each run:

- "first rows": the window is on screen with the citizens list filled (the first look,
  before the database layer has loaded: ``ui/views/opening/flow.py``);
- "working": the same window attached to the fully opened database, its citizens area
  showing the rows (what a user can click in).

Two ways in, as users start it: the demo (``--demo``: the passphrase's key derivation
runs) and a mentor's personal key remembered on this PC (the keyring: no derivation; the
list is the mentor's own citizens). Best and median of RUNS alternating runs.
Target: ≤ 3× the bare window now, ≤ 1.5× the goal.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
DEMO_PASSPHRASE = "demo-mentordesk-2026"  # the demo's fictitious staff share it (README)
MENTOR = "mentor03"  # a mentor in the demo (mentor01/02 coordinate)
BENCH_DIR = Path(__file__).resolve().parent

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("MentorDesk"))
window.resize(1200, 800)
window.show()
app.processEvents()
"""

# {args} and {open}: how the app is started, the demo or the remembered file (keyring).
# As ui/launch.py does: the first opening begins before the GUI's imports.
_MENTORDESK = """
import os, sys, time
from ui.launch import first_opening_in_advance
in_advance = first_opening_in_advance({args})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from mentordesk.keys.keystore import KeyStore
from ui.app import AppController, configure_application
from ui.tasks import TaskRunner

app = QApplication([])
configure_application(app)
controller = AppController(TaskRunner(), KeyStore(), in_advance=in_advance)
controller.quit_requested.connect(app.exit)
first_rows = []

def rows_on_screen(window) -> bool:
    if window is None or not window.isVisible():
        return False
    if window.first_list is not None:
        return bool(window.first_list.visible_names())
    return bool(window.citizens_view.visible_names())

def watch() -> None:
    if not first_rows and (rows_on_screen(controller.first_window)
                           or rows_on_screen(controller.main_window)):
        first_rows.append(time.time() - float(os.environ["BENCH_T0"]))
    window = controller.main_window
    if window is not None and window.is_attached and rows_on_screen(window):
        app.exit(0)
    else:
        QTimer.singleShot(2, watch)

QTimer.singleShot(0, lambda: {open})
QTimer.singleShot(0, watch)
code = app.exec()
controller.shutdown()
print(f"first-rows {{first_rows[0]:.4f}}")
sys.exit(code)
"""
MENTORDESK_WINDOW = _MENTORDESK.format(args=["--demo"], open="controller.start(demo=True)")
MENTORDESK_KEYRING = _MENTORDESK.format(args=[], open="controller.start()")

# Run once before timing: remember the file, the mentor's login and her key on this "PC".
_REMEMBER_MENTOR = f"""
import sys
from PySide6.QtWidgets import QApplication
from mentordesk import paths
from mentordesk.keys.keystore import KeyStore
from mentordesk.vault import unlock_with_passphrase
from ui import settings
from ui.app import configure_application

app = QApplication([])
configure_application(app)
path = paths.demo_database_path()
unlock_with_passphrase(path, {DEMO_PASSPHRASE!r}, login={MENTOR!r}, remember=True,
                       keystore=KeyStore()).close()
settings.remember_database(path)
settings.remember_login({MENTOR!r})
"""


def _timed(script: str, env: dict[str, str]) -> float:
    """Seconds from before the interpreter starts until the process has ended."""
    return _timed_phases(script, env)[1]


def _timed_phases(script: str, env: dict[str, str]) -> tuple[float, float]:
    """(first rows on screen, process ended) in seconds; the bare window has one moment."""
    start = time.time()
    done = subprocess.run([sys.executable, "-c", script], env=dict(env, BENCH_T0=str(start)),
                          check=True, timeout=120, capture_output=True, text=True)
    total = time.time() - start
    marks = [line.split()[1] for line in done.stdout.splitlines()
             if line.startswith("first-rows ")]
    return (float(marks[0]) if marks else total), total


def keep_bytecode_as_installed(folder: Path) -> None:
    """This process reads (and writes) our modules' bytecode in ``folder``, compiled now:
    an installation has it compiled, while PYTHONDONTWRITEBYTECODE (set on the machines
    benches run on) would make each first import compile from source."""
    sys.dont_write_bytecode = False
    sys.pycache_prefix = str(folder)
    for package in ("mentordesk", "ui"):
        compileall.compile_dir(BENCH_DIR.parent / package, quiet=1)


def bench_environment(home: str) -> dict[str, str]:
    """A throw-away home: the app's data, its settings and a keyring file all in it.

    Bytecode is kept (in the home, not beside the sources) as an installation keeps it: pip
    and the MSI compile every module once, while a checkout run with
    PYTHONDONTWRITEBYTECODE would compile our few hundred modules at every start."""
    environment = {name: value for name, value in os.environ.items()
                   if name != "PYTHONDONTWRITEBYTECODE"}
    return dict(environment, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                PYTHONPYCACHEPREFIX=str(Path(home) / "bytecode"),
                MENTORDESK_HOME=home, XDG_CONFIG_HOME=str(Path(home) / "config"),
                PYTHON_KEYRING_BACKEND="file_keyring.FileKeyring",
                MENTORDESK_BENCH_KEYRING=str(Path(home) / "keyring.json"),
                PYTHONPATH=os.pathsep.join(filter(None, [
                    str(BENCH_DIR), str(BENCH_DIR.parent), os.environ.get("PYTHONPATH")])))


def _row(name: str, bare: list[float], times: list[float]) -> str:
    ratios = sorted(time_ / base for time_, base in zip(times, bare, strict=True))
    return (f"{name:<36}{min(times) * 1000:>7.0f}{statistics.median(times) * 1000:>8.0f} ms"
            f"   best {min(times) / min(bare):.2f}×  median {statistics.median(ratios):.2f}×")


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = bench_environment(home)
        print("building the demo database (250 citizens, 5 years)…", flush=True)
        subprocess.run([sys.executable, "-m", "mentordesk", "demo",
                        str(Path(home) / "data" / "demo.mentordesk")], env=env, check=True,
                       capture_output=True, timeout=600)
        subprocess.run([sys.executable, "-c", _REMEMBER_MENTOR], env=env, check=True,
                       capture_output=True, timeout=120)
        for script in (MENTORDESK_WINDOW, MENTORDESK_KEYRING, BARE_WINDOW):
            _timed(script, env)  # the OS file cache and the bytecode, for every side alike
        bare: list[float] = []
        demo: list[tuple[float, float]] = []
        keyring: list[tuple[float, float]] = []
        for _ in range(RUNS):
            bare.append(_timed(BARE_WINDOW, env))
            demo.append(_timed_phases(MENTORDESK_WINDOW, env))
            keyring.append(_timed_phases(MENTORDESK_KEYRING, env))
    print(f"(a) start-up, {RUNS} alternating fresh processes     best  median")
    print(f"{'bare PySide6 window':<36}{min(bare) * 1000:>7.0f}"
          f"{statistics.median(bare) * 1000:>8.0f} ms")
    for name, runs in (("demo (--demo, passphrase)", demo),
                       (f"own key remembered ({MENTOR})", keyring)):
        print(_row(f"{name}: first rows", bare, [first for first, _ in runs]))
        print(_row(f"{name}: working", bare, [total for _, total in runs]))
    print("target ≤ 3× the bare window (≤ 1.5× the goal)")


if __name__ == "__main__":
    main()
