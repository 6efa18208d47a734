"""The "Bevillinger" tab of a citizen's record: the grants, newest first, and their dialogs.

Keyboard: Ctrl+N new grant, Enter (or double-click) edits the selected one. A grant's
stepped hours plan and (LAB courses) practice hours open from their own buttons.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from mentordesk.kernel.changes import Kind
from mentordesk.kernel.context import Context
from mentordesk.services.catalogue_admin import Catalogue, load_catalogue
from mentordesk.services.grants import GrantRow, GrantState, grants_for_citizen
from mentordesk.services.hours_plan import hours_plan, practice_hours
from ui.operations import Operations
from ui.views.areas import CitizenTab
from ui.views.common.record_dialog import RecordDialog
from ui.views.common.record_list import CitizenRecordList, Request
from ui.views.common.record_table import RowLook, TableColumn
from ui.views.grants.grant_dialog import EndGrantDialog, GrantDialog
from ui.views.grants.hours_plan_dialog import HoursPlanDialog, PracticeHoursDialog

ENDED_GREY = "#777777"
WARNING_BACKGROUND = "#fff1c7"


def grants_and_catalogue(context: Context, citizen_id: int,
                         ) -> tuple[list[GrantRow], Catalogue]:
    """The citizen's grants and the catalogue their dialogs choose from."""
    return grants_for_citizen(context, citizen_id), load_catalogue(context.database)


def is_lab(grant: GrantRow) -> bool:
    """Practice hours belong to the jobcenter's (LAB) practice courses."""
    return grant.legal_basis_code.startswith("LAB")


class GrantsTab(CitizenRecordList, CitizenTab):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        self.catalogue: Catalogue | None = None
        super().__init__(
            ops, self._columns(), look=self._look, kinds=(Kind.GRANTS, Kind.CATALOGUE),
            new_text=self.tr("New grant (Ctrl+N)"), edit_text=self.tr("Edit (Enter)"),
            empty_text=self.tr("No grants registered yet."), parent=parent)
        self.end_button = self.add_row_action(self.tr("End grant…"), self.end_grant)
        self.plan_button = self.add_row_action(self.tr("Hours plan…"), self.edit_plan)
        self.practice_button = self.add_row_action(self.tr("Practice hours…"),
                                                   self.edit_practice, applies=is_lab)
        self.update_buttons()

    def _columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Legal basis"), lambda row: row.legal_basis_code),
            TableColumn(self.tr("Course type"), lambda row: row.course_type_name),
            TableColumn(self.tr("Period"), lambda row: row.period_label),
            TableColumn(self.tr("Weekly hours"), lambda row: row.hours_label),
            TableColumn(self.tr("Price"), lambda row: row.price_label),
            TableColumn(self.tr("Status"), lambda row: row.state(date.today()).label),
            TableColumn(self.tr("Authority"), lambda row: row.authority_name),
            TableColumn(self.tr("Caseworker"), lambda row: row.caseworker_name),
        ]

    def _look(self, row: GrantRow) -> RowLook | None:
        if row.period_warning:
            return RowLook(background=WARNING_BACKGROUND, tooltip=row.period_warning)
        if row.state(date.today()) is GrantState.ENDED:
            return RowLook(foreground=ENDED_GREY)
        return None

    # -- the list's questions ---------------------------------------------------------

    def show_citizen(self, citizen_id: int | None) -> None:
        self.catalogue = None
        super().show_citizen(citizen_id)

    def ready(self) -> bool:
        return super().ready() and self.catalogue is not None

    def load_request(self) -> Request | None:
        return None if self.citizen_id is None else (grants_and_catalogue, self.citizen_id)

    def take_loaded(self, value: Any) -> list[GrantRow]:
        rows, self.catalogue = value
        return rows

    def make_dialog(self, row: GrantRow | None) -> RecordDialog | None:
        if self.citizen_id is None or self.catalogue is None:
            return None
        return GrantDialog(self._ops, self.catalogue, self.citizen_id, row, parent=self)

    # -- actions ----------------------------------------------------------------------

    def new_grant(self) -> None:
        self.new_record()

    def end_grant(self, grant: GrantRow) -> None:
        self._open(EndGrantDialog(self._ops, grant, parent=self))

    def edit_plan(self, grant: GrantRow) -> None:
        self._ops.run(hours_plan, grant.id, owner=self, slot="plan", done=lambda plan:
                      self._open(HoursPlanDialog(self._ops, grant, plan, parent=self)))

    def edit_practice(self, grant: GrantRow) -> None:
        self._ops.run(practice_hours, grant.id, owner=self, slot="practice", done=lambda weeks:
                      self._open(PracticeHoursDialog(self._ops, grant, weeks, date.today(),
                                                     parent=self)))

    def end_selected(self) -> None:
        grant = self.selected()
        if grant is not None:
            self.end_grant(grant)
