"""The "Oversigt" tab of a citizen's record: the editable case details, the CPR number
(masked; revealed on request for 30 seconds, audited), closing and reopening the case,
and the citizen's network.

Saving is against the version that was loaded (``ConflictAwareSave``): a stale save opens
the conflict dialog instead of overwriting. User text is only ever shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import CitizenStatus, ContactForm
from mentordesk.domain.dates import format_date
from mentordesk.kernel.editing import EditConflict
from mentordesk.services.case_record import (
    CitizenDetails,
    close_case,
    reopen_case,
    reveal_cpr,
    set_cpr,
    update_citizen,
)
from mentordesk.services.citizens import FIELD_LABELS
from ui.operations import Operations
from ui.tasks import Task
from ui.views.citizens.case_dialogs import CloseCaseDialog
from ui.views.citizens.conflict_save import ConflictAwareSave
from ui.views.citizens.cpr_field import CprDialog
from ui.views.citizens.relatives_panel import RelativesPanel
from ui.views.common.keys import shortcut

REVEAL_MS = 30_000  # how long a revealed CPR number stays on screen
LINE_FIELDS = ("first_name", "last_name", "alias", "address", "postal_code", "city", "phone",
               "email")
EMPTY = "–"


class OverviewTab(QWidget):
    saved = Signal(object)  # CitizenDetails after a save, a CPR change, closing or reopening
    reload_requested = Signal()  # the case changed elsewhere: load it again

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._details: CitizenDetails | None = None
        self._busy = False
        self.confirm_box: QMessageBox | None = None
        self.close_dialog: CloseCaseDialog | None = None
        self.cpr_dialog: CprDialog | None = None
        self.saver = ConflictAwareSave(ops, self, FIELD_LABELS, choices={
            "status": dict(CitizenStatus.choices()),
            "preferred_contact": {"": "", **dict(ContactForm.choices())},
        })
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self._show_error)
        self.saver.cancelled.connect(lambda: self._set_busy(False))
        self.reveal_timer = QTimer(self)
        self.reveal_timer.setSingleShot(True)
        self.reveal_timer.timeout.connect(self.mask_cpr)
        self._build()
        self._update_buttons()

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        self.fields = {name: QLineEdit() for name in LINE_FIELDS}
        self.anonymous_check = QCheckBox(self.tr("Anonymous (§99): alias only, no CPR number"))
        self.status_combo = self._status_combo()
        self.contact_combo = QComboBox()
        self.contact_combo.addItem(self.tr("(not chosen)"), "")
        for code, label in ContactForm.choices():
            self.contact_combo.addItem(label, code)
        self.note_edit = QPlainTextEdit()  # plain text: "<b>" stays "<b>"
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(90)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.clicked.connect(self.revert)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.relatives = RelativesPanel(self._ops)
        text_widgets: list[QLineEdit | QPlainTextEdit] = [*self.fields.values(), self.note_edit]
        for widget in text_widgets:
            widget.textChanged.connect(self._update_buttons)
        for edit in self.fields.values():
            edit.returnPressed.connect(self.save)  # Enter in a one-line field saves
        self.anonymous_check.toggled.connect(self._update_buttons)
        self.status_combo.currentIndexChanged.connect(self._update_buttons)
        self.contact_combo.currentIndexChanged.connect(self._update_buttons)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self._identity_group())
        layout.addWidget(self._contact_group())
        layout.addWidget(self._case_group())
        layout.addWidget(QLabel(self.tr("Note:")))
        layout.addWidget(self.note_edit)
        layout.addWidget(self.error_label)
        layout.addLayout(self._save_row())
        layout.addWidget(self._relatives_group())
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        shortcut("Ctrl+S", self, self.save)

    def _status_combo(self) -> QComboBox:
        combo = QComboBox()
        for code, label in CitizenStatus.choices():
            combo.addItem(label, code)
        # A case is closed with "Afslut sag" (it also ends the mentors' periods).
        model = combo.model()
        if isinstance(model, QStandardItemModel):
            model.item(combo.findData(CitizenStatus.CLOSED.value)).setEnabled(False)
        return combo

    def _identity_group(self) -> QGroupBox:
        self.cpr_label = QLabel(EMPTY)
        self.cpr_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton(self.tr("Show CPR"))
        self.reveal_button.setToolTip(self.tr("Shows the full CPR number for 30 seconds. "
                                              "This is recorded in the log."))
        self.reveal_button.clicked.connect(self.toggle_cpr)
        self.change_cpr_button = QPushButton(self.tr("Change CPR…"))
        self.change_cpr_button.clicked.connect(self.open_cpr_dialog)
        cpr_row = QHBoxLayout()
        cpr_row.addWidget(self.cpr_label, 1)
        cpr_row.addWidget(self.reveal_button)
        cpr_row.addWidget(self.change_cpr_button)
        group = QGroupBox(self.tr("Citizen"))
        form = QFormLayout(group)
        form.addRow(self.anonymous_check)
        form.addRow(self.tr("First name:"), self.fields["first_name"])
        form.addRow(self.tr("Last name:"), self.fields["last_name"])
        form.addRow(self.tr("Alias:"), self.fields["alias"])
        form.addRow(self.tr("CPR:"), cpr_row)
        return group

    def _contact_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Contact details"))
        form = QFormLayout(group)
        form.addRow(self.tr("Address:"), self.fields["address"])
        town = QHBoxLayout()
        self.fields["postal_code"].setMaximumWidth(80)
        town.addWidget(self.fields["postal_code"])
        town.addWidget(self.fields["city"], 1)
        form.addRow(self.tr("Postal code and town:"), town)
        form.addRow(self.tr("Phone:"), self.fields["phone"])
        form.addRow(self.tr("E-mail:"), self.fields["email"])
        form.addRow(self.tr("Preferred contact:"), self.contact_combo)
        return group

    def _case_group(self) -> QGroupBox:
        self.dates_label = QLabel(EMPTY)
        self.close_button = QPushButton(self.tr("Close case…"))
        self.close_button.clicked.connect(self.ask_close)
        self.reopen_button = QPushButton(self.tr("Reopen case…"))
        self.reopen_button.clicked.connect(self.ask_reopen)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        group = QGroupBox(self.tr("Case"))
        form = QFormLayout(group)
        form.addRow(self.tr("Status:"), self.status_combo)
        form.addRow(self.tr("Period:"), self.dates_label)
        form.addRow(buttons)
        return group

    def _relatives_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Relatives and network"))
        QVBoxLayout(group).addWidget(self.relatives)
        return group

    def _save_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        return row

    # -- showing a citizen ------------------------------------------------------------

    @property
    def citizen_id(self) -> int | None:
        return self._details.id if self._details else None

    @property
    def details(self) -> CitizenDetails | None:
        return self._details

    def set_details(self, details: CitizenDetails) -> None:
        if self._details is None or self._details.id != details.id:
            self.mask_cpr()
            self.error_label.clear()
        self._details = details
        self._fill(details.editable())
        self.cpr_label.setText(self._cpr_text())
        self.dates_label.setText(self._period_text(details))
        self.relatives.show_rows(details.id, details.relatives)
        self._set_busy(False)

    def clear(self) -> None:
        self._details = None
        self.mask_cpr()
        self._fill({name: "" for name in LINE_FIELDS} | {
            "note": "", "is_anonymous": False, "status": CitizenStatus.WAITING.value,
            "preferred_contact": ""})
        self.cpr_label.setText(EMPTY)
        self.dates_label.setText(EMPTY)
        self.relatives.show_rows(None, ())
        self.error_label.clear()
        self._update_buttons()

    def _fill(self, values: dict[str, Any]) -> None:
        for name, edit in self.fields.items():
            edit.setText(values[name])
            edit.setCursorPosition(0)
        self.note_edit.setPlainText(values["note"])
        self.anonymous_check.setChecked(values["is_anonymous"])
        self.status_combo.setCurrentIndex(self.status_combo.findData(values["status"]))
        self._select_preferred_contact(values["preferred_contact"])

    def _select_preferred_contact(self, value: str) -> None:
        """Select the stored contact form; a value from elsewhere (an import, an older
        version) is kept as its own choice, so saving never erases it unasked."""
        index = self.contact_combo.findData(value)
        if index < 0:
            self.contact_combo.addItem(value, value)
            index = self.contact_combo.count() - 1
        self.contact_combo.setCurrentIndex(index)

    def form_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {name: edit.text() for name, edit in self.fields.items()}
        values["note"] = self.note_edit.toPlainText()
        values["is_anonymous"] = self.anonymous_check.isChecked()
        values["status"] = self.status_combo.currentData()
        values["preferred_contact"] = self.contact_combo.currentData()
        return values

    def changes(self) -> dict[str, Any]:
        if self._details is None:
            return {}
        original = self._details.editable()
        return {name: value for name, value in self.form_values().items()
                if value != original[name]}

    def has_unsaved_changes(self) -> bool:
        return bool(self.changes())

    # -- saving -----------------------------------------------------------------------

    def save(self) -> None:
        changes = self.changes()
        if self._details is None or not changes or not self.save_button.isEnabled():
            return
        citizen_id = self._details.id
        self._set_busy(True)
        self.error_label.clear()
        self.saver.submit(
            lambda context, version, values, original: update_citizen(
                context, citizen_id, version, values, original),
            self._details.version, changes, self._details.editable())

    def save_changes(self) -> None:
        """"Gem" when closing the window: the form's own save (Ctrl+S)."""
        self.save()

    def revert(self) -> None:
        if self._details is not None:
            self._fill(self._details.editable())
            self.error_label.clear()

    def _on_saved(self, details: CitizenDetails) -> None:
        self.set_details(details)
        self.saved.emit(details)

    def _show_error(self, message: str) -> None:
        self._set_busy(False)
        self.error_label.setText(message)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        details = self._details
        loaded = details is not None
        dirty = loaded and self.has_unsaved_changes()
        closed = details is not None and details.status is CitizenStatus.CLOSED
        coordinator = self._ops.actor.sees_all_citizens
        self.save_button.setEnabled(dirty and not self._busy)
        self.revert_button.setEnabled(dirty and not self._busy)
        self.status_combo.setEnabled(loaded and not closed)
        self.reveal_button.setEnabled(details is not None and details.has_cpr)
        self.change_cpr_button.setEnabled(loaded)
        # Closing ends the mentors' periods: a coordinator's decision, on a saved form.
        self.close_button.setVisible(coordinator and not closed)
        self.reopen_button.setVisible(coordinator and closed)
        self.close_button.setEnabled(loaded and not dirty and not self._busy)
        self.reopen_button.setEnabled(loaded and not dirty and not self._busy)

    # -- CPR --------------------------------------------------------------------------

    def toggle_cpr(self) -> None:
        if self.reveal_timer.isActive():
            self.mask_cpr()
            return
        if self._details is None:
            return
        citizen_id = self._details.id
        self._ops.run(reveal_cpr, citizen_id, owner=self, slot="cpr",
                      label=self.tr("Fetching the CPR number…"),
                      done=lambda cpr: self._show_cpr(citizen_id, cpr))

    def _show_cpr(self, citizen_id: int, cpr: str) -> None:
        if self.citizen_id != citizen_id:
            return  # another citizen was chosen meanwhile
        self.cpr_label.setText(cpr)
        self.reveal_button.setText(self.tr("Hide CPR"))
        self.reveal_timer.start(REVEAL_MS)

    def mask_cpr(self) -> None:
        self.reveal_timer.stop()
        self.cpr_label.setText(self._cpr_text())
        self.reveal_button.setText(self.tr("Show CPR"))

    def _cpr_text(self) -> str:
        if self._details is None:
            return EMPTY
        if self._details.is_anonymous:
            return self.tr("None (anonymous, §99)")
        return self._details.cpr_masked or self.tr("Not registered")

    def open_cpr_dialog(self) -> None:
        if self._details is None:
            return
        dialog = CprDialog(self)
        citizen_id = self._details.id
        dialog.submitted.connect(lambda cpr: self._save_cpr(dialog, citizen_id, cpr))
        dialog.finished.connect(lambda _result: self._forget_cpr_dialog(dialog))
        self.cpr_dialog = dialog
        dialog.open()

    def _forget_cpr_dialog(self, dialog: CprDialog) -> None:
        if self.cpr_dialog is dialog:
            self.cpr_dialog = None
        dialog.deleteLater()

    def _save_cpr(self, dialog: CprDialog, citizen_id: int, cpr: str) -> None:
        self._ops.run(set_cpr, citizen_id, cpr, owner=dialog, slot="save",
                      label=self.tr("Saving…"),
                      done=lambda details: self._cpr_saved(dialog, details),
                      failed=dialog.show_error)

    def _cpr_saved(self, dialog: CprDialog, details: CitizenDetails) -> None:
        dialog.accept()
        if self.citizen_id != details.id:
            return
        if self.has_unsaved_changes():
            # Keep the edits in progress: their save meets the new version and merges.
            self._details = _with_cpr(self._details, details.cpr_masked)
            self.mask_cpr()
        else:
            self.set_details(details)
        self.saved.emit(details)

    # -- closing and reopening --------------------------------------------------------

    def ask_close(self) -> None:
        if self._details is None:
            return
        dialog = CloseCaseDialog(self._details.display_name, self)
        dialog.accepted.connect(lambda: self._close_on(dialog.closed_on()))
        dialog.finished.connect(lambda _result: self._forget_close_dialog(dialog))
        self.close_dialog = dialog
        dialog.open()

    def _forget_close_dialog(self, dialog: CloseCaseDialog) -> None:
        if self.close_dialog is dialog:
            self.close_dialog = None
        dialog.deleteLater()

    def _close_on(self, closed_on: date | None) -> None:
        self._run_case_action(close_case, closed_on)

    def ask_reopen(self) -> None:
        if self._details is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Reopen case"),
                          self.tr("Reopen the case with status Active? Assign a primary "
                                  "mentor afterwards under Mentors."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)
        box.finished.connect(lambda _result: self._reopen_if_confirmed(box))
        self.confirm_box = box
        box.open()

    def _reopen_if_confirmed(self, box: QMessageBox) -> None:
        self.confirm_box = None
        box.deleteLater()
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self._run_case_action(reopen_case)

    def _run_case_action(self, action: Callable[..., Any], *args: Any) -> None:
        """Close or reopen: ``action(context, citizen_id, version, *args)``."""
        if self._details is None:
            return
        self._set_busy(True)
        task: Task = self._ops.run(
            action, self._details.id, self._details.version, *args, owner=self, slot="case",
            label=self.tr("Saving…"), done=self._on_saved,
            failed=lambda message: self._case_action_failed(task.error, message))

    def _case_action_failed(self, error: BaseException | None, message: str) -> None:
        if isinstance(error, EditConflict):
            message = self.tr("Someone else changed the case meanwhile. It has been loaded "
                              "again: check it and try once more.")
            self.reload_requested.emit()
        self._show_error(message)

    def _period_text(self, details: CitizenDetails) -> str:
        opened = format_date(details.opened_on) if details.opened_on else EMPTY
        if details.closed_on:
            return self.tr("Opened {opened}, closed {closed}").format(
                opened=opened, closed=format_date(details.closed_on))
        return self.tr("Opened {opened}").format(opened=opened)


def _with_cpr(details: CitizenDetails | None, cpr_masked: str) -> CitizenDetails | None:
    return None if details is None else replace(details, cpr_masked=cpr_masked)
