"""``mentordesk --self-check OUT.json``: does this installation work? (IT, smoke tests)

Opens the demo database (built on first use) the way ``--demo`` does, builds every page
of the main window, loads a PDF into the report preview (QtPdf) and writes what it saw to
``OUT.json``: the navigation texts (Danish when the translation loaded), Qt's own Danish
strings, the stylesheet, the icon, the pages built, errors raised, when the main window
appeared, whether reportlab's C accelerators are in use, and the team server's driver
(psycopg with its bundled libpq: an engine is built, no server is contacted). The exit
code is 0 when everything worked, 1 otherwise. A windowed program has no console to print
to, hence the file.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from mentordesk import __version__

# Long enough for the pages' first loads on the worker to finish (or fail visibly).
SETTLE_MS = 3000
GIVE_UP_MS = 600_000
# The team server's driver as every installation must have it (see server_driver).
SERVER_DRIVER = "psycopg binary"


class SelfCheck(QObject):
    def __init__(self, app: QApplication, controller: Any, out: Path,
                 pdf: Path | None = None) -> None:
        super().__init__(controller)  # lives as long as the controller
        self.app, self.controller, self.out, self.pdf = app, controller, out, pdf
        self.started = time.monotonic()
        self.errors: list[str] = []
        self.result: dict[str, Any] = {"version": __version__, "frozen": _is_frozen()}
        sys.excepthook = self._collect_error
        controller.flow.opened.connect(self._opened)
        controller.flow.aborted.connect(lambda code: self._finish(f"opening aborted ({code})"))
        QTimer.singleShot(GIVE_UP_MS, lambda: self._finish("timed out"))

    def _collect_error(self, kind: type[BaseException], error: BaseException,
                       trace: Any) -> None:
        self.errors.append("".join(traceback.format_exception(kind, error, trace)))

    def _opened(self, _workspace: object) -> None:
        self.result["window_shown_epoch"] = time.time()
        self.result["seconds_to_window"] = round(time.monotonic() - self.started, 3)
        QTimer.singleShot(0, self._build_every_page)

    def _build_every_page(self) -> None:
        window = self.controller.main_window
        navigation = window.navigation
        self.result["navigation"] = [navigation.item(row).text()
                                     for row in range(navigation.count())]
        built = []
        for row in range(navigation.count()):
            window.switch_area(row)
            QCoreApplication.processEvents()
            widget = window.pages.widget(row)
            page = getattr(widget, "page", widget)  # LazyPage builds on first show
            if page is not None:
                built.append(type(page).__name__)
        window.switch_area(0)
        self.result["pages_built"] = built
        self._preview_pdf()
        QTimer.singleShot(SETTLE_MS, self._finish)

    def _preview_pdf(self) -> None:
        if self.pdf is None:
            return
        from ui.views.reports.preview import ReportPreviewDialog

        preview = ReportPreviewDialog(self.pdf.read_bytes(), "selvtest")
        self.result["pdf_pages"] = preview.page_count()
        self.result["pdf_status"] = preview.document.status().name
        preview.deleteLater()

    def _finish(self, failure: str = "") -> None:
        if "ok" in self.result:
            return
        if failure:
            self.errors.append(failure)
        self.errors += [f"dialog: {widget.text()}" for widget in QApplication.topLevelWidgets()
                        if isinstance(widget, QMessageBox) and widget.isVisible()]
        self.result.update(
            qt_danish_close=_standard_close_button_text(),
            stylesheet_chars=len(self.app.styleSheet()),
            window_icon=not self.app.windowIcon().isNull(),
            rl_accel=_reportlab_accelerated(),
            server_driver=self._server_driver(),
            errors=self.errors,
        )
        self.result["ok"] = self._passed()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.out.write_text(json.dumps(self.result, ensure_ascii=False, indent=2),
                            encoding="utf-8")
        self.controller.quit_requested.emit(0 if self.result["ok"] else 1)

    def _server_driver(self) -> str:
        from mentordesk.server.connect import server_driver

        try:
            return server_driver()
        except ImportError as missing:  # psycopg or its libpq left out of the installation
            self.errors.append(f"team server driver: {missing}")
            return ""

    def _passed(self) -> bool:
        navigation = self.result.get("navigation", [])
        pages = self.result.get("pages_built", [])
        return (not self.errors and "Borgere" in navigation and len(pages) == len(navigation)
                and self.result["stylesheet_chars"] > 0 and self.result["window_icon"]
                and self.result["rl_accel"] and self.result["server_driver"] == SERVER_DRIVER
                and (self.pdf is None or self.result.get("pdf_pages", 0) > 0))


def _standard_close_button_text() -> str:
    """Qt's own strings (standard buttons, file dialogs) come from its qtbase_da.qm."""
    close = QDialogButtonBox.StandardButton.Close
    box = QDialogButtonBox(close)
    return box.button(close).text().replace("&", "")


def _reportlab_accelerated() -> bool:
    """reportlab loads its C helpers (``_rl_accel``) with exec(), out of a freezer's sight;
    without them it silently falls back to slow Python code."""
    from reportlab.lib.rl_accel import fp_str

    return fp_str.__module__ == "_rl_accel"


def _is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))
