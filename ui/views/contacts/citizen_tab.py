"""The "Kontakter" tab of a citizen's record: log a contact, see and filter the journal.

Top: the keyboard-first entry form. Below: the filters, the attendance stability of the
last three months and the citizen's contacts, newest first. Double-click (or Enter) on a
contact edits it; Delete deletes it after a confirmation. All loading runs on the worker;
the journal reloads when the change hub reports contacts of this citizen changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.grant_choice import GrantOption
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.services.contacts import (
    AttendanceRate,
    ContactFilters,
    ContactRow,
    GoalChoice,
    MentorChoice,
    PartnerChoice,
    active_partners,
    attendance_rate,
    contact_mentors,
    contacts_for_citizen,
    log_contact,
)
from mentordesk.services.grant_attribution import grant_options
from mentordesk.services.plan import GoalChoice as OpenGoal
from mentordesk.services.plan import goal_choices
from ui.operations import Operations
from ui.settings import remember_splitter
from ui.views.areas import CitizenTab
from ui.views.common.keys import shortcut
from ui.views.contacts.actions import ContactActions
from ui.views.contacts.entry_form import ContactEntryForm
from ui.views.contacts.filter_bar import ContactFilterBar, months_before
from ui.views.contacts.list_table import ContactsTable
from ui.views.contacts.saving import ContactSaveFlow
from ui.views.contacts.table_model import CITIZEN_TAB_COLUMNS

RATE_MONTHS = 3


@dataclass(frozen=True)
class _Journal:
    rows: list[ContactRow]
    rate: AttendanceRate


@dataclass(frozen=True)
class _Choices:
    partners: list[PartnerChoice]
    goals: list[GoalChoice] | list[OpenGoal]
    mentors: list[MentorChoice]
    grants: list[GrantOption]


class ContactsTab(CitizenTab):
    contacts_loaded = Signal(int)  # number of contacts listed
    contact_saved = Signal(int)  # new contact id

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.citizen_id: int | None = None
        self._needs_load = False
        self.form = ContactEntryForm()
        self.form.submitted.connect(self.save)
        self.flow = ContactSaveFlow(ops, self.form, self)
        self.flow.saved.connect(self._on_saved)
        self.filter_bar = ContactFilterBar()
        self.filter_bar.changed.connect(self.refresh)
        self.table = ContactsTable(CITIZEN_TAB_COLUMNS)
        self.contact_actions = ContactActions(ops, self)
        self.table.edit_requested.connect(self.contact_actions.edit)
        self.table.delete_requested.connect(self.contact_actions.delete)
        self._build()
        shortcut("Ctrl+N", self, self.new_contact)  # this tab only: the list has "Ny borger"
        ops.hub.changed.connect(self._on_changes)
        self.show_citizen(None)

    def has_unsaved_changes(self) -> bool:
        # Choosing another citizen clears the form: a half-written note must stop that.
        return self.citizen_id is not None and self.form.has_typed_text()

    def save_changes(self) -> None:
        """"Gem" when closing the window: log the contact being written."""
        self.save()

    def _build(self) -> None:
        self.save_button = QPushButton(self.tr("Save contact"))
        self.save_button.setToolTip(self.tr("Ctrl+S or Ctrl+Enter"))
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Esc"))
        self.clear_button.clicked.connect(self.form.clear)
        for button in (self.save_button, self.clear_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys do it; keep Tab short
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        entry = QGroupBox(self.tr("New contact (Ctrl+N)"))
        entry_layout = QVBoxLayout(entry)
        entry_layout.addWidget(self.form)
        entry_layout.addLayout(buttons)
        self.rate_label = QLabel()
        self.rate_label.setToolTip(self.tr(
            "In-person meetings in the last 3 months; phone, SMS and online do not count."))
        self.count_label = QLabel()
        header = QHBoxLayout()
        header.addWidget(self.filter_bar, 1)
        header.addWidget(self.count_label)
        journal = QWidget()
        journal_layout = QVBoxLayout(journal)
        journal_layout.setContentsMargins(0, 0, 0, 0)
        journal_layout.addLayout(header)
        journal_layout.addWidget(self.rate_label)
        journal_layout.addWidget(self.table, 1)
        # In a narrow record the form scrolls sideways instead of squeezing the list of
        # citizens beside the record.
        entry_scroll = QScrollArea()
        entry_scroll.setWidget(entry)
        entry_scroll.setWidgetResizable(True)
        entry_scroll.setFrameShape(QFrame.Shape.NoFrame)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(entry_scroll)
        splitter.addWidget(journal)
        # The journal gets the spare height: the note field grows when dragged. The form
        # scrolls, so on a laptop the journal still shows a handful of contacts.
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 470])
        remember_splitter(splitter, "contacts_tab", self._ops.actor.login)
        self.splitter = splitter
        QVBoxLayout(self).addWidget(splitter)

    # -- loading ----------------------------------------------------------------------

    def show_citizen(self, citizen_id: int | None) -> None:
        """Show a citizen's journal. The same citizen again only reloads: a contact being
        typed is kept, and new partners or goals become choosable."""
        if citizen_id is None or citizen_id != self.citizen_id:
            self.table.rows_model.set_rows([])
            self.count_label.clear()
            self.rate_label.clear()
            self.form.clear()
        self.citizen_id = citizen_id
        self.setEnabled(citizen_id is not None)
        # Read when seen: choosing citizens in the list must not read (and log reading)
        # every journal while another tab of the record is open.
        self._needs_load = citizen_id is not None
        if self.isVisible():
            self._load()

    def _on_changes(self, changes: Changes) -> None:
        shows_them = (self.citizen_id is not None and changes.touches(Kind.CONTACTS)
                      and changes.concerns(self.citizen_id))
        if not shows_them:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._needs_load = True  # read when seen, like a newly chosen citizen

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._needs_load:
            self._load()

    def _load(self) -> None:
        self._needs_load = False
        if self.citizen_id is not None:
            self._load_choices(self.citizen_id)
            self.refresh()

    def _load_choices(self, citizen_id: int) -> None:
        self._ops.run(_choices, citizen_id, owner=self, slot="choices",
                      label=self.tr("Loading…"),
                      done=lambda choices: self._show_choices(citizen_id, choices))

    def _show_choices(self, citizen_id: int, choices: _Choices) -> None:
        if citizen_id == self.citizen_id:  # not another citizen chosen meanwhile
            self.form.set_choices(choices.partners, choices.goals, choices.mentors,
                                  self._ops.actor.user_id)
            self.form.set_grant_options(choices.grants)

    def refresh(self) -> None:
        """Reload the list (with the current filters) and the attendance stability."""
        if self.citizen_id is None:
            return
        citizen_id = self.citizen_id
        self._ops.run(_journal, citizen_id, self.filter_bar.filters(), owner=self,
                      slot="journal", label=self.tr("Loading contacts…"),
                      done=lambda journal: self._show_journal(citizen_id, journal))

    def _show_journal(self, citizen_id: int, journal: _Journal) -> None:
        if citizen_id != self.citizen_id:
            return  # another citizen was chosen meanwhile
        self.table.rows_model.set_rows(journal.rows)
        self.count_label.setText(self.tr("%n contact(s)", "", len(journal.rows)))
        self.rate_label.setText(self.rate_text(journal.rate))
        self.contacts_loaded.emit(len(journal.rows))

    def rate_text(self, rate: AttendanceRate) -> str:
        if rate.rate is None:
            return self.tr("Attendance stability: no in-person meetings in the last 3 months")
        return self.tr("Attendance stability: {percent} % ({attended} of {planned})").format(
            percent=round(rate.rate * 100), attended=rate.attended, planned=rate.planned)

    # -- saving -----------------------------------------------------------------------

    def new_contact(self) -> None:
        self.form.date_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save(self) -> None:
        if self.citizen_id is None:
            return
        new = self.form.new_contact(self.citizen_id)

        def save(context: Context, reason: str) -> object:
            return log_contact(context, replace(new, consent_override_reason=reason))

        self.flow.save(save, self.tr("Saving the contact…"))

    def _on_saved(self, contact_id: object) -> None:
        # The journal reloads from the change hub, like every other view of contacts.
        self.form.reset_for_next()
        self.contact_saved.emit(int(contact_id))  # type: ignore[call-overload]


def _journal(context: Context, citizen_id: int, filters: ContactFilters) -> _Journal:
    """The list and the stability figure, read together on the worker thread."""
    today = date.today()
    return _Journal(contacts_for_citizen(context, citizen_id, filters),
                    attendance_rate(context, citizen_id, months_before(today, RATE_MONTHS),
                                    today))


def _choices(context: Context, citizen_id: int) -> _Choices:
    """What a new contact can name: partners, the citizen's open goals, the mentors, the
    citizen's grants."""
    return _Choices(active_partners(context.database), goal_choices(context, citizen_id),
                    contact_mentors(context), grant_options(context, citizen_id))
