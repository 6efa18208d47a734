"""Printing many reports at once (coordinators): period, who, where; runs on the worker
with a progress bar, a time estimate, cancel, and the list of citizens that failed.

The batch is one core operation (``run_batch``) run as a long job: it hears progress and
cancel through ``context.progress``, from the progress dialog or this panel's button.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.kernel.context import Context
from mentordesk.reports.progress.assemble import Period
from mentordesk.reports.progress.batch import BatchResult, Selection, run_batch
from mentordesk.services.catalogue_admin import load_catalogue
from mentordesk.services.team import list_users
from ui.operations import Operations
from ui.tasks import Task, show_error
from ui.views.common.date_edit import DanishDateEdit


def load_batch_choices(context: Context) -> tuple[Any, list[Any]]:
    """The ordering authorities and active mentors a batch can be limited to."""
    return load_catalogue(context.database), list_users(context, active_only=True)


class BatchPanel(QWidget):
    batch_finished = Signal(object)  # the BatchResult; tests listen

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._started = 0.0
        self.task: Task | None = None
        self._build()

    def _build(self) -> None:
        today = date.today()
        self.start_edit = DanishDateEdit(self.tr("From"), required=True)
        self.end_edit = DanishDateEdit(self.tr("To"), required=True)
        self.start_edit.set_date(today - timedelta(days=91))
        self.end_edit.set_date(today)
        period = QHBoxLayout()
        period.addWidget(self.start_edit)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end_edit)
        self.authority_combo = QComboBox()
        self.authority_combo.addItem(self.tr("All ordering authorities"), None)
        self.mentor_combo = QComboBox()
        self.mentor_combo.addItem(self.tr("All mentors"), "")
        self.per_citizen = QRadioButton(self.tr("One PDF per citizen in a folder"))
        self.combined = QRadioButton(self.tr("One combined PDF"))
        self.per_citizen.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.per_citizen)
        group.addButton(self.combined)
        self.out_edit = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_output)
        output = QHBoxLayout()
        output.addWidget(self.out_edit, 1)
        output.addWidget(browse)
        self.start_button = QPushButton(self.tr("Create reports"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress_label = QLabel()
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.failures = QListWidget()
        form = QFormLayout()
        form.addRow(self.tr("Period"), period)
        form.addRow(self.tr("Ordering authority"), self.authority_combo)
        form.addRow(self.tr("Primary mentor"), self.mentor_combo)
        form.addRow(self.tr("Output"), self.per_citizen)
        form.addRow("", self.combined)
        form.addRow(self.tr("Folder or file"), output)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(QLabel(self.tr("Citizens that could not be reported")))
        layout.addWidget(self.failures, 1)

    def load_choices(self) -> None:
        self._ops.run(load_batch_choices, owner=self, slot="choices", label=self.tr("Loading…"),
                      done=lambda result: self._fill_choices(*result))

    def _fill_choices(self, catalogue: Any, users: list[Any]) -> None:
        for authority in catalogue.authorities:
            self.authority_combo.addItem(authority.name, authority.id)
        for user in users:
            self.mentor_combo.addItem(user.full_name, user.login)

    def _choose_output(self) -> None:
        if self.combined.isChecked():
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save combined PDF"), "", self.tr("PDF files (*.pdf)"))
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose folder"))
        if path:
            self.out_edit.setText(path)

    def start(self) -> None:
        try:
            period = Period(self.start_edit.required_date(), self.end_edit.required_date())
        except ValueError as error:
            show_error(self, str(error))
            return
        if not self.out_edit.text().strip():
            show_error(self, self.tr("Choose where to save the reports."))
            return
        selection = Selection(authority_id=self.authority_combo.currentData(),
                              mentor_login=self.mentor_combo.currentData() or "")
        out = Path(self.out_edit.text().strip())
        self.failures.clear()
        self._started = time.monotonic()
        self._set_running(True)
        self.task = self._ops.run(run_batch, selection, period, out,
                                  combined=self.combined.isChecked(), owner=self, slot="batch",
                                  long=True, label=self.tr("Creating reports…"),
                                  done=self._show_result)
        self.task.progressed.connect(self._show_progress)
        self.task.finished.connect(lambda: self._set_running(False))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()  # the batch stops before the next citizen

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _show_progress(self, done: int, total: int, label: str) -> None:
        if self.task is None or self.task.is_done:
            # The progress dialog's setValue() processes events, so the outcome can be
            # shown before the last progress signal arrives: never overwrite it.
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        elapsed = time.monotonic() - self._started
        if done and total > done:
            left = round(elapsed / done * (total - done))
            self.progress_label.setText(self.tr("{done} of {total} · about {seconds} s left · "
                                                "{name}").format(done=done, total=total,
                                                                 seconds=left, name=label))
        else:
            self.progress_label.setText(self.tr("{done} of {total}").format(done=done,
                                                                           total=total))

    def _show_result(self, result: BatchResult) -> None:
        self.progress.setRange(0, max(result.total, 1))
        self.progress.setValue(result.total if not result.cancelled else self.progress.value())
        for failure in result.failures:
            self.failures.addItem(f"{failure.label} (nr. {failure.citizen_id}): "
                                  f"{failure.message}")
        if result.cancelled:
            text = self.tr("Cancelled: {count} of {total} reports were created.")
        else:
            text = self.tr("Done: {count} of {total} reports were created.")
        self.progress_label.setText(text.format(count=result.reports, total=result.total))
        self.batch_finished.emit(result)
