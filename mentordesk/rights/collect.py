"""Gather one citizen's data for the right-of-access package, inside one transaction.

Rows are plain dicts of JSON-ready values (dates as ISO text). A reference to a staff
member shows name and role; a reference to a catalogue (partner, legal basis …) shows its
name next to the id. The access log is shown WITHOUT staff names: each user becomes
their role, and names and logins inside the log's details are replaced by the role too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from mentordesk.audit_admin.labels import action_label, local_time
from mentordesk.domain.codes import Role
from mentordesk.rights.tables import CITIZEN_TABLES, REFERENCE_LABELS, CitizenTable, excluded
from mentordesk.storage.queries.audit_log import citizen_events
from mentordesk.storage.queries.citizen_data import citizen_rows, frozen_reports, id_labels
from mentordesk.storage.queries.team import every_user

STAFF_TABLE = "user"
UNKNOWN_ROLE = "Medarbejder"


@dataclass
class CitizenData:
    citizen_id: int
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    reports: list[tuple[str, bytes]] = field(default_factory=list)  # (file name, PDF)
    log: list[dict[str, str]] = field(default_factory=list)

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.tables.get(table, [])


@dataclass(frozen=True)
class Staff:
    names: dict[int, str]  # user id → "Name (Role)"
    roles_by_login: dict[str, str]
    replacements: list[tuple[re.Pattern[str], str]]  # name or login → role

    def scrub(self, text: str) -> str:
        for pattern, role in self.replacements:
            text = pattern.sub(f"[{role}]", text)
        return text


def collect(session: Session, citizen_id: int) -> CitizenData:
    staff = _staff(session)
    labels = _reference_labels(session)
    data = CitizenData(citizen_id)
    for spec in CITIZEN_TABLES:
        data.tables[spec.name] = _table_rows(session, spec, citizen_id, staff, labels)
    data.reports = _frozen_reports(session, citizen_id)
    data.log = _log(session, citizen_id, staff)
    return data


def _table_rows(session: Session, spec: CitizenTable, citizen_id: int, staff: Staff,
                labels: dict[str, dict[int, str]]) -> list[dict[str, Any]]:
    table = spec.table
    columns = [column.name for column in table.columns if not excluded(spec.name, column.name)]
    rows = session.execute(citizen_rows(spec.name, spec.path, citizen_id, columns))
    return [_row(table, row._mapping, staff, labels) for row in rows]


def _row(table: Table, values: Any, staff: Staff,
         labels: dict[str, dict[int, str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in values.items():
        out[name] = json_value(value)
        target = _referenced_table(table, name)
        if value is None or target is None:
            continue
        if target == STAFF_TABLE:
            out[f"{name} (medarbejder)"] = staff.names.get(value, UNKNOWN_ROLE)
        elif target in labels:
            out[f"{name} (navn)"] = labels[target].get(value, "")
    return out


def _referenced_table(table: Table, column: str) -> str | None:
    for key in table.c[column].foreign_keys:
        return key.column.table.name
    return None


def json_value(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"({len(value)} bytes)"
    return value


def _staff(session: Session) -> Staff:
    names: dict[int, str] = {}
    roles: dict[str, str] = {}
    replacements: list[tuple[str, str]] = []
    for user in session.scalars(every_user()):
        role = Role(user.role).label if user.role in Role._value2member_map_ else UNKNOWN_ROLE
        names[user.id] = f"{user.full_name} ({role})"
        roles[user.login] = role
        replacements += [(text, role) for text in (user.full_name, user.login)
                         if len(text.strip()) >= 3]
    # Longest first, so "Anna Holm" goes before a colleague whose login is "anna".
    replacements.sort(key=lambda pair: len(pair[0]), reverse=True)
    patterns = [(re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)", re.IGNORECASE), role)
                for text, role in replacements]
    return Staff(names, roles, patterns)


def _reference_labels(session: Session) -> dict[str, dict[int, str]]:
    out: dict[str, dict[int, str]] = {}
    for table_name, column in REFERENCE_LABELS.items():
        out[table_name] = dict(session.execute(id_labels(table_name, column)).tuples().all())
    return out


def _frozen_reports(session: Session, citizen_id: int) -> list[tuple[str, bytes]]:
    rows = session.execute(frozen_reports(citizen_id))
    return [(f"rapport-{row.id}-{row.period_from:%Y%m%d}-{row.period_to:%Y%m%d}.pdf",
             row.frozen_pdf) for row in rows]


def _log(session: Session, citizen_id: int, staff: Staff) -> list[dict[str, str]]:
    events = session.scalars(citizen_events(citizen_id))
    return [{
        "tidspunkt": local_time(event.occurred_at).isoformat(timespec="seconds"),
        "rolle": staff.roles_by_login.get(event.user_login, UNKNOWN_ROLE),
        "handling": action_label(event.action),
        "emne": event.entity,
        "detaljer": staff.scrub(event.detail),
    } for event in events]
