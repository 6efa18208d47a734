"""Benchmark (a): start-up to a shown, populated main window on the 250-citizen demo DB.

Each measurement is a fresh process, timed from before the interpreter starts until the
window is on screen: MentorDesk until the citizens table has its rows, the baseline a bare
PySide6 QMainWindow. Target: MentorDesk ≤ 1.5× the bare window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("MentorDesk"))
window.resize(1200, 800)
window.show()
app.processEvents()
"""

MENTORDESK_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from mentordesk.vault import KeyStore
from ui.app import AppController, configure_application
from ui.tasks import TaskRunner

app = QApplication([])
configure_application(app)
controller = AppController(TaskRunner(), KeyStore())
controller.quit_requested.connect(app.exit)

def watch() -> None:
    window = controller.main_window
    if window is not None and window.isVisible() and window.citizens_view.visible_names():
        app.exit(0)
    else:
        QTimer.singleShot(2, watch)

QTimer.singleShot(0, lambda: controller.start(demo=True))
QTimer.singleShot(0, watch)
code = app.exec()
controller.shutdown()
sys.exit(code)
"""


def _timed(script: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=120)
    return time.perf_counter() - start


def main() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    with tempfile.TemporaryDirectory() as home:
        env["MENTORDESK_HOME"] = home
        print("building the demo database (250 citizens, 5 years)…", flush=True)
        subprocess.run([sys.executable, "-m", "mentordesk", "demo",
                        str(Path(home) / "data" / "demo.mentordesk")], env=env, check=True,
                       capture_output=True, timeout=600)
        _timed(MENTORDESK_WINDOW, env)  # warm the OS file cache for both sides alike
        _timed(BARE_WINDOW, env)
        bare, app = [], []
        for _ in range(RUNS):
            bare.append(_timed(BARE_WINDOW, env))
            app.append(_timed(MENTORDESK_WINDOW, env))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    print(f"(a) start-up to a shown window, median of {RUNS} fresh processes")
    print(f"{'bare PySide6 window':<34}{bare_median * 1000:>8.0f} ms")
    print(f"{'MentorDesk, demo DB populated':<34}{app_median * 1000:>8.0f} ms")
    print(f"ratio: {app_median / bare_median:.2f}×   (target ≤ 1.5×)")


if __name__ == "__main__":
    main()
