"""Schema-derived helpers for the rights tests: which tables hold a citizen's data (from
``Base.metadata``, not from the code under test), and one row in every table.

``fill_every_table`` puts a row in every table of the schema, with a sentinel text in
each text column (``«table.column#tag»``), so a test can look for each one in an export.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    Time,
    false,
    func,
    or_,
    select,
)

from mentordesk.storage.models import Base

# The access log and the deletion register outlive a deleted citizen on purpose; the log and
# the enrolled keys are the file's own signed machinery (a sentinel row there is tampering).
SKIPPED = {"audit_event", "deletion_register", "app_meta", "alembic_version", "person_key"}
# Kept by the database's triggers from the contact row (migration 0010), not written.
DERIVED = {"delivered_citizen_week", "delivered_mentor_week"}
# Code columns the exporters interpret (enums): a valid code instead of a sentinel.
CODES = {
    ("user", "role"): "mentor", ("citizen", "status"): "closed",
    ("economy_overview", "norm_kind"): "disposable_amount",
    ("economy_line", "section"): "income", ("economy_line", "frequency"): "monthly",
    ("economy_line", "person"): "citizen", ("economy_line", "category"): "",
    ("debt", "debt_type"): "other", ("debt", "status"): "reminder",
    ("benefit_application", "status"): "draft", ("goal", "goal_type"): "develop",
    ("goal", "status"): "in_progress", ("sub_goal", "status"): "in_progress",
    ("contact", "form"): "home_visit", ("appointment", "form"): "home_visit",
    ("grant", "price_model"): "hour", ("course_type", "price_model"): "hour",
    ("assignment", "kind"): "primary", ("absence", "kind"): "holiday",
    ("report_draft", "status"): "approved", ("report_draft", "recommendation"): "continue",
    ("economy_snapshot", "payload"): "{}", ("economy_snapshot", "reason"): "save",
    ("economy_item", "section"): "income", ("anonymous_contact_tally", "form"): "phone",
}
INTEGERS = {"year": 2024, "first_month": 1, "weekday": 0, "level": 2, "support_need": 1}


# Columns whose length the app checks before saving (so no user can reach the limit),
# where the full sentinel would not fit: their sentinel is its tail, still ending in the
# tag. PostgreSQL enforces String(n) where SQLite does not; any other column keeps the
# full sentinel, so one the app lets a user overfill fails here on the server.
LENGTH_CHECKED_BY_THE_APP = {
    ("authority", "ean"),           # domain.billing_terms.clean_ean: 13 digits
    ("citizen", "cpr"),             # domain.cpr: 10 digits
    ("citizen", "cpr_last4"),       # derived from the CPR number
    ("citizen", "postal_code"),     # services.citizens / importing: check_lengths
    ("limitation_rule", "basis"),   # a DebtBasis code
    ("debt", "established_by"),     # a DebtBasis code (economy.service_records)
}


def sentinel(table: str, column: str, tag: str) -> str:
    text = f"«{table}.{column}#{tag}»"
    if (table, column) in LENGTH_CHECKED_BY_THE_APP:
        return text[-Base.metadata.tables[table].c[column].type.length:]
    return text


def citizen_linked_tables() -> set[str]:
    """Tables with a citizen_id column or a foreign-key path to ``citizen``."""
    linked = {"citizen"}
    changed = True
    while changed:
        changed = False
        for table in Base.metadata.sorted_tables:
            if table.name in linked:
                continue
            if "citizen_id" in table.c or any(
                    key.column.table.name in linked for key in table.foreign_keys):
                linked.add(table.name)
                changed = True
    return linked


def reaches_citizen(table: Table, citizen_id: int, depth: int = 0):  # type: ignore[no-untyped-def]
    """SQL condition: the row belongs to the citizen through any foreign-key path."""
    if table.name == "citizen":
        return table.c.id == citizen_id
    conditions = []
    if "citizen_id" in table.c:
        conditions.append(table.c.citizen_id == citizen_id)
    linked = citizen_linked_tables()
    for key in table.foreign_keys:
        parent = key.column.table
        if parent.name in linked and parent.name != "citizen" and depth < 5:
            conditions.append(key.parent.in_(select(parent.c.id).where(
                reaches_citizen(parent, citizen_id, depth + 1))))
    return or_(*conditions) if conditions else false()


def count_reaching(session, citizen_id: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    out = {}
    for name in sorted(citizen_linked_tables() - SKIPPED):
        table = Base.metadata.tables[name]
        out[name] = session.scalar(select(func.count()).select_from(table).where(
            reaches_citizen(table, citizen_id)))
    return out


def fill_every_table(session, tag: str) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    """One row in each table (parents first); returns the inserted values per table."""
    inserted: dict[str, dict[str, object]] = {}
    for table in Base.metadata.sorted_tables:
        if table.name in SKIPPED | DERIVED:
            continue
        values = {column.name: _value(table, column, tag, inserted)
                  for column in table.columns if not _autoincrement(table, column)}
        result = session.execute(table.insert().values(**values))
        if "id" in table.c and "id" not in values:
            values["id"] = result.inserted_primary_key[0]
        inserted[table.name] = values
    return inserted


def _autoincrement(table: Table, column) -> bool:  # type: ignore[no-untyped-def]
    return column.primary_key and column.name == "id" and not column.foreign_keys


def _value(table: Table, column, tag: str, inserted):  # type: ignore[no-untyped-def]
    for key in column.foreign_keys:
        return inserted[key.column.table.name][key.column.name]
    if (table.name, column.name) in CODES:
        return CODES[(table.name, column.name)]
    kind = column.type
    if isinstance(kind, Boolean):
        return True
    if isinstance(kind, Integer):
        return INTEGERS.get(column.name, 3)
    if isinstance(kind, DateTime):
        return datetime(2020, 3, 4, 10, 30)
    if isinstance(kind, Date):
        return date(2020, 3, 4)
    if isinstance(kind, Time):
        return time(10, 30)
    if isinstance(kind, LargeBinary):
        return f"%PDF-1.4 {sentinel(table.name, column.name, tag)}".encode()
    if isinstance(kind, String | Text):
        return sentinel(table.name, column.name, tag)
    raise AssertionError(f"no test value for {table.name}.{column.name} ({kind})")
