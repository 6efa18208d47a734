"""The access-log viewer: filter by citizen, user, action and period; newest first, a
page at a time; export what the filter shows; the monthly review; retention pruning.

When the log itself changes (pruning, here or elsewhere) the change hub has the viewer
search again with the filter shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.audit_admin import LogFilter, LogPage, export_log, log_choices, search_log
from mentordesk.audit_admin.viewer import LogChoices
from mentordesk.kernel.changes import Changes, Kind
from ui.operations import Operations
from ui.views.audit.log_actions import LogActions
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.reload_when_shown import ReloadWhenShown


class LogViewer(QWidget):
    loaded = Signal(int)  # rows shown

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._filter = LogFilter()
        self._shown = 0
        self.citizen_edit = QLineEdit()
        self.citizen_edit.setPlaceholderText(self.tr("Citizen number"))
        self.user_combo = QComboBox()
        self.action_combo = QComboBox()
        self.start_edit = DanishDateEdit(self.tr("From"), required=False)
        self.end_edit = DanishDateEdit(self.tr("To"), required=False)
        self.search_button = QPushButton(self.tr("Show"))
        self.search_button.clicked.connect(self.search)
        self.more_button = QPushButton(self.tr("Show more"))
        self.more_button.clicked.connect(self.more)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.choose_export)
        self.log_actions = LogActions(ops, self)
        self.status_label = QLabel()
        self.table = self._table()
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        buttons = QHBoxLayout()
        for button in (self.search_button, self.more_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.log_actions.review_button)
        buttons.addWidget(self.log_actions.prune_button)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        self._load_choices()
        self._refresh = ReloadWhenShown(self, self.search)
        ops.hub.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.AUDIT):
            self._refresh()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Citizen no."), self.citizen_edit)
        left.addRow(self.tr("User"), self.user_combo)
        left.addRow(self.tr("Action"), self.action_combo)
        right.addRow(self.tr("From"), self.start_edit)
        right.addRow(self.tr("To"), self.end_edit)
        row.addLayout(left)
        row.addLayout(right)
        row.addStretch(1)
        return row

    def _table(self) -> QTableWidget:
        headers = [self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Citizen"),
                   self.tr("Details")]
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((140, 160, 120, 180)):
            table.horizontalHeader().resizeSection(column, width)
        return table

    # -- filter choices -----------------------------------------------------------------

    def _load_choices(self) -> None:
        self._ops.run(log_choices, owner=self, slot="choices", label=self.tr("Loading the log…"),
                      done=self._show_choices)

    def _show_choices(self, choices: LogChoices) -> None:
        self.user_combo.clear()
        self.user_combo.addItem(self.tr("All users"), "")
        for login, name in choices.users:
            self.user_combo.addItem(f"{name} ({login})", login)
        self.action_combo.clear()
        self.action_combo.addItem(self.tr("All actions"), "")
        for code, label in choices.actions:
            self.action_combo.addItem(label, code)
        self.search()

    # -- searching ----------------------------------------------------------------------

    def current_filter(self) -> LogFilter:
        """The filter as typed; ValueError with a Danish message for bad input."""
        text = self.citizen_edit.text().strip()
        if text and not text.isdigit():
            raise ValueError(self.tr("The citizen number must be a whole number."))
        return LogFilter(citizen_id=int(text) if text else None,
                         user_login=self.user_combo.currentData() or "",
                         action=self.action_combo.currentData() or "",
                         start=self.start_edit.date_value(), end=self.end_edit.date_value())

    def search(self) -> None:
        try:
            self._filter = self.current_filter()
        except ValueError as error:
            self.status_label.setText(str(error))
            return
        self._shown = 0
        self.table.setRowCount(0)
        self._fetch(0)

    def more(self) -> None:
        self._fetch(self._shown)

    def _fetch(self, offset: int) -> None:
        # A new search replaces a page still being read: only the newest is shown.
        self._ops.run(search_log, self._filter, offset=offset, owner=self, slot="page",
                      label=self.tr("Searching the log…"), done=self._show_page,
                      failed=self.status_label.setText)

    def _show_page(self, page: LogPage) -> None:
        start = self.table.rowCount()
        self.table.setRowCount(start + len(page.rows))
        for number, row in enumerate(page.rows, start=start):
            texts = (row.occurred_at.strftime("%d-%m-%Y %H:%M:%S"),
                     f"{row.user_name} ({row.user_login})", row.action_label,
                     row.citizen_label + (f" (nr. {row.citizen_id})" if row.citizen_id else ""),
                     row.detail)
            for column, text in enumerate(texts):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self._shown = self.table.rowCount()
        self.more_button.setEnabled(self._shown < page.total)
        self.status_label.setText(self.tr("{shown} of {total} events").format(
            shown=self._shown, total=page.total))
        self.loaded.emit(self._shown)

    # -- export -------------------------------------------------------------------------

    def choose_export(self) -> None:
        name = f"adgangslog-{date.today():%Y-%m-%d}.xlsx"
        path, _kind = QFileDialog.getSaveFileName(
            self, self.tr("Export the access log"), str(Path.home() / name),
            self.tr("Workbook (*.xlsx);;Text (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        try:
            log_filter = self.current_filter()
        except ValueError as error:
            self.status_label.setText(str(error))
            return
        self._ops.run(export_log, log_filter, path, owner=self, slot="export",
                      label=self.tr("Exporting the log…"),
                      done=lambda count: self.status_label.setText(self.tr(
                          "{count} events exported to {name}").format(count=count,
                                                                      name=path.name)))
