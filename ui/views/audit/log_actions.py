"""The log viewer's two coordinator actions: the monthly review PDF and pruning."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton, QWidget

from mentordesk.audit_admin.retention import PruneResult, prune_log
from mentordesk.audit_admin.review import ReviewReport, export_review_pdf
from mentordesk.domain.dates import format_date
from ui.operations import Operations


class LogActions(QObject):
    """Pruning changes the log: the change hub has the viewer search again."""

    def __init__(self, ops: Operations, owner: QWidget) -> None:
        super().__init__(owner)
        self._ops, self._owner = ops, owner
        self.review_button = QPushButton(self.tr("Monthly review…"))
        self.review_button.clicked.connect(self.choose_review)
        self.prune_button = QPushButton(self.tr("Delete old events…"))
        self.prune_button.clicked.connect(self.confirm_prune)
        self.last_message = ""

    # -- the monthly review -------------------------------------------------------------

    def choose_review(self) -> None:
        months = [date.today().replace(day=1) - relativedelta(months=n) for n in range(13)]
        labels = [f"{month:%m-%Y}" for month in months]
        choice, ok = QInputDialog.getItem(self._owner, self.tr("Monthly review"),
                                          self.tr("Month"), labels, 1, False)
        if not ok:
            return
        month = months[labels.index(choice)]
        path, _kind = QFileDialog.getSaveFileName(
            self._owner, self.tr("Save the review"),
            str(Path.home() / f"logkontrol-{month:%Y-%m}.pdf"), self.tr("PDF (*.pdf)"))
        if path:
            self.write_review(month, Path(path))

    def write_review(self, month: date, path: Path) -> None:
        def saved(report: ReviewReport) -> None:
            self._done(self.tr(
                "Review saved to {name}: {outside} look-ups outside the caseload, {reveals} "
                "CPR reveals, {exports} exports.").format(
                name=path.name, outside=len(report.outside_caseload),
                reveals=len(report.cpr_reveals), exports=len(report.exports)))

        self._ops.run(export_review_pdf, month, path, owner=self._owner, slot="review",
                      label=self.tr("Making the review…"), done=saved)

    # -- pruning ------------------------------------------------------------------------

    def confirm_prune(self) -> None:
        answer = QMessageBox.question(self._owner, self.tr("Delete old events"), self.tr(
            "Events older than the retention period (at least six months) are deleted for "
            "good. The remaining log stays verifiable. Continue?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.prune()

    def prune(self) -> None:
        def pruned(result: PruneResult) -> None:
            self._done(self.tr(
                "{removed} events from before {cutoff} deleted; {kept} remain.").format(
                removed=result.removed, cutoff=format_date(result.cutoff), kept=result.kept))

        self._ops.run(prune_log, owner=self._owner, slot="prune",
                      label=self.tr("Deleting old events…"), done=pruned)

    def _done(self, message: str) -> None:
        # open(), not exec(): the window stays usable and tests are never blocked.
        self.last_message = message
        self.message_box = QMessageBox(QMessageBox.Icon.Information, self.tr("Access log"),
                                       message, QMessageBox.StandardButton.Ok, self._owner)
        self.message_box.open()
