"""Takes the README screenshot: the main window on the demo database at laptop size, a citizen's
handleplan open.

Run under a virtual screen so the real window system renders it:
    xvfb-run -a -s "-screen 0 1366x768x24" python docs/take_screenshot.py
The demo database is built in a temporary MENTORDESK_HOME (fictitious data only).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

OUTPUT = Path(__file__).with_name("screenshot-main.png")
SEARCH = "an"


def main() -> int:
    os.environ.setdefault("MENTORDESK_HOME", tempfile.mkdtemp(prefix="mentordesk-shot-"))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mentordesk.vault import KeyStore
    from ui.app import AppController, configure_application
    from ui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    configure_application(app)
    controller = AppController(TaskRunner(), KeyStore())
    controller.quit_requested.connect(app.exit)
    steps = iter(["search", "select", "plan", "grab"])

    def next_step() -> None:
        window = controller.main_window
        if window is None or not window.citizens_view.visible_names():
            QTimer.singleShot(200, next_step)
            return
        step = next(steps, None)
        view = window.citizens_view
        if step == "search":
            window.resize(1366, 728)  # a maximised window on a 1366×768 office laptop
            view.search_edit.setText(SEARCH)
        elif step == "select":
            view.table.selectRow(1)
        elif step == "plan":
            tabs = view.record.tabs
            titles = [tabs.tabText(index) for index in range(tabs.count())]
            tabs.setCurrentIndex(titles.index("Handleplan"))
        elif step == "grab":
            window.grab().save(str(OUTPUT))
            print(f"wrote {OUTPUT}")
            app.exit(0)
            return
        QTimer.singleShot(1500, next_step)

    QTimer.singleShot(0, lambda: controller.start(demo=True))
    QTimer.singleShot(500, next_step)
    code = app.exec()
    controller.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
