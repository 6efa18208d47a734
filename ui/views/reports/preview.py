"""Preview of a report's pages (QtPdf), printing through the system dialog, and opening the
file in the default PDF viewer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.files import write_atomically
from ui.viewer_copies import viewer_copies
from ui.views.common.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter  # imported when printing, see print_pages


class ReportPreviewDialog(QDialog):
    """Shows the PDF bytes as pages; Print and Open in viewer work on the same bytes."""

    printed = Signal(int)  # pages sent to the printer; the owner audits it

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preview: {title}").format(title=title))
        fit_to_screen(self, QSize(820, 900))  # a laptop: the buttons stay on screen
        self.pdf, self.title = pdf, title
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel(self.tr("%n page(s)", "", self.document.pageCount()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Print…"))
        self.open_button = QPushButton(self.tr("Open in PDF viewer"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_pages)
        self.open_button.clicked.connect(self.open_in_viewer)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        layout.addWidget(buttons)

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_pages(self) -> None:
        # QtPrintSupport is only needed when someone prints: imported here.
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print on a printer already chosen (by the dialog, or a test's PDF printer);
        returns the pages printed and emits ``printed`` so the print is audited."""
        from PySide6.QtPrintSupport import QPrinter

        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat \
                and printer.outputFileName() and printer.fromPage() <= 0:
            # "Print to file": the report itself is already the best PDF there is (text
            # stays searchable, pages identical); rasterizing it would only lose that.
            write_atomically(Path(printer.outputFileName()), self.pdf)
            pages = self.document.pageCount()
        else:
            pages = print_document(self.document, printer)
        if pages:
            self.printed.emit(pages)
        return pages

    def open_in_viewer(self) -> Path:
        """Write a copy into the app's viewer folder (deleted when the app closes) and hand
        it to the system's default viewer."""
        path = viewer_copies().write(self.title, self.pdf)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Each page rendered at the printer's resolution, scaled into its page rectangle;
    returns the number of pages printed (0 when the printer could not start)."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    first, last = _page_range(printer, document.pageCount())
    try:
        for index in range(first, last):
            if index > first:
                printer.newPage()
            target = painter.viewport()
            size = document.pagePointSize(index)
            scale = min(target.width() / size.width(), target.height() / size.height())
            image = document.render(index, QSize(int(size.width() * scale),
                                                 int(size.height() * scale)))
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
    return last - first


def _page_range(printer: QPrinter, count: int) -> tuple[int, int]:
    """The pages chosen in the print dialog ("Sider 2–3") as a 0-based half-open range."""
    if printer.fromPage() <= 0:
        return 0, count
    last = printer.toPage() if printer.toPage() > 0 else count
    return min(printer.fromPage(), count) - 1, min(last, count)
