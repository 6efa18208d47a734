"""Edit a logged contact; a stale save opens the conflict dialog, so nobody's text is lost.

The dialog loads the contact (and the choices for its citizen) off the GUI thread, saves
the user's changes against the version it loaded, and on ``EditConflict`` lets the user
resolve field by field before saving against the new version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from mentordesk.domain.dates import format_date
from mentordesk.domain.grant_choice import GrantOption
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict, FieldConflict
from mentordesk.services.contacts import (
    ContactDetail,
    GoalChoice,
    PartnerChoice,
    active_partners,
    format_duration,
    format_time,
    get_contact,
    goals_for_linking,
    update_contact,
)
from mentordesk.services.grant_attribution import grant_options
from ui.operations import Operations
from ui.tasks import show_error
from ui.views.common.conflict_dialog import ConflictDialog
from ui.views.common.screen_fit import fit_to_screen
from ui.views.contacts.entry_form import ContactEntryForm
from ui.views.contacts.saving import ContactSaveFlow

_TEXT_FIELDS = ("note", "place", "consent_override_reason")


@dataclass(frozen=True)
class _Loaded:
    detail: ContactDetail
    goals: list[GoalChoice]
    partners: list[PartnerChoice]
    grants: list[GrantOption]


@dataclass(frozen=True)
class _Shown:
    """A non-text value in the conflict dialog, with the Danish text it is shown as."""

    value: Any
    text: str


class ContactEditDialog(QDialog):
    loaded = Signal()

    def __init__(self, ops: Operations, contact_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit contact"))
        self._ops = ops
        self.contact_id = contact_id
        self._citizen_id: int | None = None
        self._version = 0
        self._original: dict[str, Any] = {}
        self._goal_titles: dict[int, str] = {}
        self.conflict_dialog: ConflictDialog | None = None
        self.form = ContactEntryForm(clear_on_escape=False)
        self.form.submitted.connect(self.save)
        self.info_label = QLabel()
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)  # names and reasons as typed
        self.info_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.save_button.setAutoDefault(False)  # Enter is the form's: it saves
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info_label)
        layout.addWidget(self.form, 1)
        layout.addWidget(buttons)
        self.flow = ContactSaveFlow(ops, self.form, self)
        self.flow.saved.connect(self._on_saved)
        self.flow.conflicted.connect(self._on_conflict)
        fit_to_screen(self, QSize(820, 560))
        self._load()

    def _load(self) -> None:
        self._ops.run(_load_contact, self.contact_id, owner=self, slot="load",
                      label=self.tr("Opening the contact…"), done=self._show,
                      failed=self._on_load_failed)

    def _on_load_failed(self, message: str) -> None:
        # E.g. deleted meanwhile: say so over the list the dialog was opened from.
        show_error(self.parentWidget(), message)
        self.reject()

    def _show(self, loaded: _Loaded) -> None:
        detail, partners = loaded.detail, list(loaded.partners)
        if detail.partner_id is not None and detail.partner_id not in {p.id for p in partners}:
            # A partner since made inactive stays selectable on its old contacts.
            partners.append(PartnerChoice(detail.partner_id, detail.partner_name, ""))
        self._goal_titles = {goal.id: goal.title for goal in loaded.goals}
        self.form.set_choices(partners, loaded.goals, [], detail.mentor_id)
        self.form.set_grant_options(loaded.grants)
        self.form.load(detail)
        self._citizen_id = detail.citizen_id
        self._version, self._original = detail.version, detail.editable_values()
        info = self.tr("Logged by {mentor}.").format(mentor=detail.mentor_name)
        if detail.consent_override_reason:
            info += " " + self.tr("Logged without consent, reason: {reason}").format(
                reason=detail.consent_override_reason)
        self.info_label.setText(info)
        self.save_button.setEnabled(True)
        self.loaded.emit()

    # -- saving -----------------------------------------------------------------------

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return  # not loaded yet
        self._save(self._version, self.form.values(), self._original)

    def _save(self, version: int, changes: dict[str, Any],
              original: dict[str, Any] | None) -> None:
        contact_id = self.contact_id

        def save(context: Context, reason: str) -> object:
            with_reason = {**changes, "consent_override_reason": reason} if reason else changes
            return update_contact(context, contact_id, version, with_reason, original)

        self.flow.save(save, self.tr("Saving the contact…"))

    def _on_saved(self, _diff: object) -> None:
        self.accept()  # the lists reload from the change hub

    def _on_conflict(self, conflict: EditConflict) -> None:
        # Someone else saved this contact meanwhile: every list showing it is stale too,
        # even if resolving ends up saving nothing new.
        self._ops.hub.publish(Changes.of(Kind.CONTACTS, citizen=self._citizen_id))
        shown = [self._shown_conflict(item) for item in conflict.conflicts]
        dialog = ConflictDialog(shown, self._labels(), shown=lambda value: value.text,
                                parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_resolution(conflict, dialog))
        dialog.finished.connect(lambda _result: setattr(self, "conflict_dialog", None))
        self.conflict_dialog = dialog
        dialog.open()

    def _save_resolution(self, conflict: EditConflict, dialog: ConflictDialog) -> None:
        resolved = {field: value.value if isinstance(value, _Shown) else value
                    for field, value in dialog.resolved_values().items()}
        self._save(conflict.current_version, {**conflict.merged, **resolved}, None)

    def _shown_conflict(self, conflict: FieldConflict) -> FieldConflict:
        if conflict.field in _TEXT_FIELDS:
            return conflict  # the dialog offers both texts, editable
        return FieldConflict(conflict.field,
                             _Shown(conflict.mine, self._text(conflict.field, conflict.mine)),
                             _Shown(conflict.theirs,
                                    self._text(conflict.field, conflict.theirs)))

    def _text(self, field: str, value: Any) -> str:
        if field == "contact_on":
            return format_date(value)
        if field == "start_time":
            return format_time(value) or self.tr("(none)")
        if field in ("duration_minutes", "travel_minutes", "indirect_minutes"):
            return format_duration(value)
        if field == "travel_km":
            return f"{value} km"
        if field in ("form", "attendance"):
            return value.label
        if field == "partner_id":
            index = self.form.partner_combo.findData(value)
            return self.form.partner_combo.itemText(index) if index >= 0 else self.tr("(none)")
        if field == "grant_id":
            index = self.form.grant_combo.findData(value)
            return self.form.grant_combo.itemText(index) if index >= 0 else str(value)
        if field == "goal_ids":
            titles = [self._goal_titles.get(goal_id, str(goal_id)) for goal_id in value]
            return ", ".join(titles) or self.tr("(none)")
        return str(value)

    def _labels(self) -> dict[str, str]:
        return {
            "contact_on": self.tr("Date"), "start_time": self.tr("Start time"),
            "duration_minutes": self.tr("Duration"), "form": self.tr("Form"),
            "place": self.tr("Place"), "attendance": self.tr("Attendance"),
            "note": self.tr("Note"), "partner_id": self.tr("Partner"),
            "consent_override_reason": self.tr("Reason for contact without consent"),
            "goal_ids": self.tr("Goals"), "grant_id": self.tr("Grant"),
            "travel_minutes": self.tr("Travel time"), "travel_km": self.tr("Kilometres"),
            "indirect_minutes": self.tr("Indirect time"),
        }


def _load_contact(context: Context, contact_id: int) -> _Loaded:
    """The contact with the goals and partners it may link to, read together."""
    detail = get_contact(context, contact_id)
    return _Loaded(detail, goals_for_linking(context, detail.citizen_id),
                   active_partners(context.database),
                   grant_options(context, detail.citizen_id))
