"""The coordinators' view of the access log: filter by citizen, user, action and period,
page through the result, and export it (xlsx or csv).

Looking at the log is itself a use of citizens' data, so every search and export is
logged too (with the filter, never with more than the log already holds).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Select
from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.audit_admin.labels import ACTION_LABELS, action_label, local_time, utc_bound
from mentordesk.errors import InvalidInput
from mentordesk.files import write_atomically
from mentordesk.kernel.access import require_coordinator
from mentordesk.kernel.context import Context
from mentordesk.storage.models import AuditEvent
from mentordesk.storage.queries.audit_log import (
    EventFilter,
    count_matching,
    events_matching,
    logins_in_log,
    newest_events_matching,
)
from mentordesk.storage.queries.schedule import citizens_with_ids
from mentordesk.storage.queries.team import names_by_login

PAGE_SIZE = 500
EXPORT_FORMATS = ("xlsx", "csv")
# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class LogFilter:
    citizen_id: int | None = None
    user_login: str = ""
    action: str = ""
    start: date | None = None
    end: date | None = None

    def describe(self) -> str:
        parts = []
        if self.citizen_id is not None:
            parts.append(f"borger {self.citizen_id}")
        if self.user_login:
            parts.append(f"bruger {self.user_login}")
        if self.action:
            parts.append(f"handling {action_label(self.action)}")
        if self.start or self.end:
            parts.append(f"periode {self.start or '…'}–{self.end or '…'}")
        return ", ".join(parts) or "alle hændelser"


@dataclass(frozen=True)
class LogRow:
    id: int
    occurred_at: datetime  # local time
    user_login: str
    user_name: str
    action: str
    entity: str
    entity_id: int | None
    citizen_id: int | None
    citizen_label: str
    detail: str

    @property
    def action_label(self) -> str:
        return action_label(self.action)


@dataclass(frozen=True)
class LogPage:
    rows: list[LogRow]
    total: int
    offset: int


@dataclass(frozen=True)
class LogChoices:
    users: list[tuple[str, str]]  # (login, name)
    actions: list[tuple[str, str]]  # (code, Danish label)


def search_log(context: Context, log_filter: LogFilter, *,
               offset: int = 0, limit: int = PAGE_SIZE) -> LogPage:
    """One page of matching events, newest first, and how many match in all."""
    require_coordinator(context.actor)
    _check_filter(log_filter)
    # Counting matches in a long log takes a while: read without holding the write lock.
    with context.read() as session:
        wanted = _event_filter(log_filter)
        total = session.scalar(count_matching(wanted)) or 0
        rows = _rows(session, newest_events_matching(wanted, offset, limit))
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.SEARCH, entity="audit_event",
                     citizen_id=log_filter.citizen_id,
                     detail=f"Adgangslog vist: {log_filter.describe()} ({total} hændelser)")
    return LogPage(rows, total, offset)


def log_choices(context: Context) -> LogChoices:
    """The users and actions the filter offers (users who appear in the log, by login)."""
    require_coordinator(context.actor)
    with context.read() as session:
        logins = session.scalars(logins_in_log()).all()
        names = dict(session.execute(names_by_login()).tuples().all())
    users = sorted(((login, names.get(login, login)) for login in logins),
                   key=lambda pair: pair[1].casefold())
    return LogChoices(users, [(str(code), label) for code, label in ACTION_LABELS.items()])


def export_log(context: Context, log_filter: LogFilter, out: Path) -> int:
    """Write every matching event to ``out`` (.xlsx or .csv, atomically); returns the count."""
    require_coordinator(context.actor)
    _check_filter(log_filter)
    kind = Path(out).suffix.lower().lstrip(".")
    if kind not in EXPORT_FORMATS:
        raise InvalidInput("Loggen kan eksporteres som .xlsx eller .csv.")
    with context.read() as session:
        rows = _rows(session, events_matching(_event_filter(log_filter)))
    # Written outside any transaction, so no colleague's save waits for the workbook.
    write_atomically(Path(out), _xlsx(rows) if kind == "xlsx" else _csv(rows))
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.EXPORT, entity="audit_event",
                     citizen_id=log_filter.citizen_id,
                     detail=f"Adgangslog eksporteret til {audit.file_kind(out)}: "
                     f"{log_filter.describe()} ({len(rows)} hændelser)")
    return len(rows)


# --- queries ------------------------------------------------------------------------------


def _check_filter(log_filter: LogFilter) -> None:
    if log_filter.start and log_filter.end and log_filter.start > log_filter.end:
        raise InvalidInput("Periodens start skal ligge før dens slutning.")


def _event_filter(log_filter: LogFilter) -> EventFilter:
    """The filter in the log's own terms: local days become UTC timestamps."""
    return EventFilter(
        citizen_id=log_filter.citizen_id, user_login=log_filter.user_login,
        action=log_filter.action,
        occurred_from=utc_bound(log_filter.start) if log_filter.start else "",
        occurred_until=utc_bound(log_filter.end, end=True) if log_filter.end else "")


def _rows(session: Session, query: Select[tuple[AuditEvent]]) -> list[LogRow]:
    events = session.scalars(query).all()
    names = dict(session.execute(names_by_login()).tuples().all())
    citizen_ids = {event.citizen_id for event in events if event.citizen_id is not None}
    citizens = _citizen_labels(session, citizen_ids)
    return [LogRow(
        id=event.id, occurred_at=local_time(event.occurred_at), user_login=event.user_login,
        user_name=names.get(event.user_login, event.user_login), action=event.action,
        entity=event.entity, entity_id=event.entity_id, citizen_id=event.citizen_id,
        citizen_label=("" if event.citizen_id is None else citizens.get(
            event.citizen_id, f"Slettet borger (nr. {event.citizen_id})")),
        detail=event.detail,
    ) for event in events]


def _citizen_labels(session: Session, ids: set[int]) -> dict[int, str]:
    labels: dict[int, str] = {}
    id_list = sorted(ids)
    for start in range(0, len(id_list), 500):
        for citizen in session.scalars(citizens_with_ids(id_list[start:start + 500])):
            name = f"{citizen.first_name} {citizen.last_name}".strip()
            labels[citizen.id] = (citizen.alias or "(anonym)") if (
                citizen.is_anonymous or not name) else name
    return labels


# --- files --------------------------------------------------------------------------------

HEADER = ("Nr.", "Tidspunkt", "Bruger", "Navn", "Handling", "Emne", "Emne-id", "Borger-id",
          "Borger", "Detaljer")


def _values(row: LogRow) -> list[str]:
    return [str(row.id), row.occurred_at.strftime("%d-%m-%Y %H:%M:%S"), row.user_login,
            row.user_name, row.action_label, row.entity,
            "" if row.entity_id is None else str(row.entity_id),
            "" if row.citizen_id is None else str(row.citizen_id), row.citizen_label,
            row.detail]


def neutral_cell(text: str) -> str:
    """Text a spreadsheet shows as it is, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _csv(rows: list[LogRow]) -> bytes:
    buffer = io.StringIO()
    # Semicolons: Danish Excel reads a comma as the decimal separator.
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([neutral_cell(value) for value in _values(row)])
    # A BOM makes Excel read the file as UTF-8 (æøå).
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx(rows: list[LogRow]) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    sheet = book.add_worksheet("Adgangslog")
    bold = book.add_format({"bold": True})
    for column, title in enumerate(HEADER):
        sheet.write_string(0, column, title, bold)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(_values(row)):
            sheet.write_string(number, column, value)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(HEADER) - 1)
    for column, width in enumerate((8, 19, 14, 22, 16, 16, 9, 9, 22, 70)):
        sheet.set_column(column, column, width)
    book.close()
    return buffer.getvalue()
