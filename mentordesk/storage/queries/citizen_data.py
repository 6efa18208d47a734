"""Queries over all of one citizen's data, table by table: the right-of-access export and
the deletion of a closed case walk the same tables (``rights.tables`` lists them).

A table reaches the citizen through a path of (column, parent table) steps, the last
parent's ``citizen_id`` (or the citizen table's own ``id``) being the citizen's id.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import ColumnElement, Delete, Select, Table, delete, func, select

from mentordesk.storage.models import Base, Citizen, DeletedCitizen

CitizenPath = tuple[tuple[str, str], ...]


def belongs_to_citizen(table_name: str, path: CitizenPath,
                       citizen_id: int) -> ColumnElement[bool]:
    """Condition selecting the rows of ``table_name`` that are the citizen's."""
    table = Base.metadata.tables[table_name]
    if table_name == "citizen":
        return table.c.id == citizen_id
    if not path:
        return table.c.citizen_id == citizen_id
    return table.c[path[0][0]].in_(_parent_ids(path, citizen_id))


def _parent_ids(path: CitizenPath, citizen_id: int) -> Select[tuple[int]]:
    (_column, parent_name), rest = path[0], path[1:]
    parent = Base.metadata.tables[parent_name]
    if not rest:
        return select(parent.c.id).where(parent.c.citizen_id == citizen_id)
    return select(parent.c.id).where(parent.c[rest[0][0]].in_(_parent_ids(rest, citizen_id)))


def citizen_rows(table_name: str, path: CitizenPath, citizen_id: int,
                 columns: Sequence[str]) -> Select[Any]:
    """The citizen's rows of the table (only ``columns``), in primary-key order."""
    table = Base.metadata.tables[table_name]
    return (select(*(table.c[name] for name in columns))
            .where(belongs_to_citizen(table_name, path, citizen_id))
            .order_by(*table.primary_key.columns))


def count_citizen_rows(table_name: str, path: CitizenPath,
                       citizen_id: int) -> Select[tuple[int]]:
    table = Base.metadata.tables[table_name]
    return (select(func.count()).select_from(table)
            .where(belongs_to_citizen(table_name, path, citizen_id)))


def id_labels(table_name: str, column: str) -> Select[tuple[int, Any]]:
    """(id, ``column``) of every row: how a reference to a catalogue row is shown."""
    table = Base.metadata.tables[table_name]
    return select(table.c.id, table.c[column])


def frozen_reports(citizen_id: int) -> Select[Any]:
    """(id, period_from, period_to, frozen_pdf) of the citizen's approved reports, by id."""
    table = Base.metadata.tables["report_draft"]
    return (select(table.c.id, table.c.period_from, table.c.period_to, table.c.frozen_pdf)
            .where(table.c.citizen_id == citizen_id, table.c.frozen_pdf.is_not(None))
            .order_by(table.c.id))


def closed_cases_until(closed_status: str, latest_closing: date) -> Select[tuple[Citizen]]:
    """Closed cases closed on or before ``latest_closing``, oldest closing first."""
    return (select(Citizen).where(Citizen.status == closed_status,
                                  Citizen.closed_on.is_not(None),
                                  Citizen.closed_on <= latest_closing)
            .order_by(Citizen.closed_on, Citizen.id))


def delete_citizen(citizen_id: int) -> Delete:
    """Delete the citizen row; the foreign keys cascade to the rest of the case."""
    # A mapped class's __table__ is its Table; SQLAlchemy types it as any FromClause.
    return delete(cast(Table, Citizen.__table__)).where(Citizen.id == citizen_id)


def deletion_register() -> Select[tuple[DeletedCitizen]]:
    """Every entry of the deletion register, in citizen order."""
    return select(DeletedCitizen).order_by(DeletedCitizen.citizen_id)
