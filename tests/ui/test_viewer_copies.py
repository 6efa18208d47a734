""""Åbn i PDF-fremviser" hands the viewer a plaintext copy of a citizen's report: it goes
into the app's own temp folder, is deleted when the app closes, and a copy an earlier run
left behind (a crash) is swept at the next start."""

from __future__ import annotations

import os
import time

from PySide6.QtGui import QDesktopServices

from ui.app import AppController
from ui.tasks import TaskRunner
from ui.viewer_copies import viewer_copies, viewer_folder
from ui.views.reports.preview import ReportPreviewDialog


def _pdf(pdf_path) -> bytes:
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(pdf_path))
    drawing.drawString(72, 720, "Statusrapport for Fiktiv Borger")
    drawing.save()
    return pdf_path.read_bytes()


def test_the_viewer_copy_is_deleted_when_the_app_closes(qtbot, keystore, tmp_path,
                                                        monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    controller = AppController(TaskRunner(), keystore)
    pdf = _pdf(tmp_path / "rapport.pdf")
    dialog = ReportPreviewDialog(pdf, "Fiktiv Borger 01-11-2026", None)
    qtbot.addWidget(dialog)

    copy = dialog.open_in_viewer()

    assert copy.read_bytes() == pdf and copy.name == "Fiktiv Borger 01-11-2026.pdf"
    assert viewer_folder() in copy.parents
    assert [url.toLocalFile() for url in opened] == [str(copy)]
    controller.shutdown()
    assert not copy.exists() and not copy.parent.exists()


def test_copies_left_by_an_earlier_run_are_swept_at_the_next_start(keystore, tmp_path):
    folder = viewer_folder()
    left = folder / "rapport-crashed" / "Borger.pdf"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"%PDF-1.4 fiktiv")
    an_hour_ago = time.time() - 3600
    for path in (left, left.parent):
        os.utime(path, (an_hour_ago, an_hour_ago))
    current = viewer_copies().write("Denne kørsel", b"%PDF-1.4 ny")  # this run's own copy

    controller = AppController(TaskRunner(), keystore)
    try:
        assert not left.parent.exists()
        assert current.exists()  # newer than this run's start: not a leftover
    finally:
        controller.shutdown()
    assert not current.exists()
