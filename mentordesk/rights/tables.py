"""Every table that holds a citizen's data, and how its rows reach the citizen.

Both the right-of-access export and deletion rely on this list; a test derived from
``Base.metadata`` fails when a table with a path to ``citizen`` is missing here, or a
column is neither exported nor named in ``EXCLUDED_COLUMNS`` with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Table

from mentordesk.storage.models import Base
from mentordesk.storage.queries.citizen_data import belongs_to_citizen


@dataclass(frozen=True)
class CitizenTable:
    name: str
    title: str  # Danish, as the sheet and the summary show it
    # How the rows reach the citizen: each step (column, parent table), the last parent's
    # ``citizen_id`` or ``id`` being the citizen's id. Empty: the table has citizen_id.
    path: tuple[tuple[str, str], ...] = ()

    @property
    def table(self) -> Table:
        return Base.metadata.tables[self.name]

    def condition(self, citizen_id: int) -> ColumnElement[bool]:
        """SQL condition selecting this table's rows of one citizen."""
        return belongs_to_citizen(self.name, self.path, citizen_id)


CITIZEN_TABLES: tuple[CitizenTable, ...] = (
    CitizenTable("citizen", "Borger"),
    CitizenTable("relative", "Netværk"),
    CitizenTable("consent", "Samtykker"),
    CitizenTable("grant", "Bevillinger"),
    CitizenTable("grant_hours_step", "Bevillingers timeplaner", (("grant_id", "grant"),)),
    CitizenTable("grant_practice_week", "Praktiktimer", (("grant_id", "grant"),)),
    CitizenTable("assignment", "Mentorer"),
    CitizenTable("goal", "Indsatsmål"),
    CitizenTable("sub_goal", "Delmål", (("goal_id", "goal"),)),
    CitizenTable("assessment", "Vurderinger", (("goal_id", "goal"),)),
    CitizenTable("contact", "Kontakter"),
    CitizenTable("contact_goal", "Kontakter og mål", (("contact_id", "contact"),)),
    # Derived from the contacts (kept by the database for the hours overview), exported
    # and deleted with them all the same.
    CitizenTable("delivered_citizen_week", "Leverede minutter pr. uge"),
    CitizenTable("appointment", "Aftaler"),
    CitizenTable("appointment_mentor", "Aftalers mentorer",
                 (("appointment_id", "appointment"),)),
    CitizenTable("group_participant", "Gruppeforløb"),
    CitizenTable("absence_cover", "Afløsning"),
    CitizenTable("report_draft", "Rapporter"),
    CitizenTable("change_history", "Ændringshistorik"),
    CitizenTable("economy_overview", "Økonomi, år"),
    CitizenTable("economy_line", "Økonomi, poster", (("overview_id", "economy_overview"),)),
    CitizenTable("debt", "Gæld"),
    CitizenTable("benefit_application", "Enkeltydelser"),
    CitizenTable("economy_snapshot", "Økonomi, versioner"),
)

# The access log (audit_event) carries citizen_id without a foreign key: it is exported
# as its own part of the package (without staff names) and outlives a deletion.
LOG_TABLE = "audit_event"
# The deletion register names deleted citizens by number only (when, by whom): it outlives
# the deletion on purpose, so a restore can re-apply it, and is neither exported nor
# deleted with a case.
DELETION_REGISTER = "deletion_register"

# Columns left out of the export, with the reason. Everything else is exported.
EXCLUDED_COLUMNS: dict[str, dict[str, str]] = {
    "*": {"version": "internal edit counter"},
    "citizen": {"search_key": "derived from the name for searching",
                "cpr_last4": "derived from the CPR number, which is exported"},
    "report_draft": {"frozen_pdf": "exported as the report's PDF file instead"},
}

# Foreign keys to tables that are not the citizen's data: shown by this column's value
# next to the id, so the package reads without the rest of the database.
REFERENCE_LABELS: dict[str, str] = {
    "partner": "name", "legal_basis": "code", "course_type": "name", "authority": "name",
    "group_course": "name",
}


def excluded(table: str, column: str) -> bool:
    return column in EXCLUDED_COLUMNS["*"] or column in EXCLUDED_COLUMNS.get(table, {})
