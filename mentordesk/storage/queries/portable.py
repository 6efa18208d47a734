"""SQL that differs between the two backends, as SQLAlchemy constructs that compile to each
dialect's own form. Query builders use these instead of a backend's functions, so one
statement serves the SQLCipher file and the team server (PostgreSQL) alike.

Dates: SQLite stores a ``Date`` as 'YYYY-MM-DD' text and computes with ``date()`` and
``strftime()``; PostgreSQL has a date type with ``date_trunc``. Both forms here return the
same 'YYYY-MM-DD' text, so results compare equal whichever backend produced them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    Table,
    func,
    literal,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

if TYPE_CHECKING:
    from sqlalchemy.sql.dml import Insert


class week_monday_text(FunctionElement[str]):  # noqa: N801 - used like a SQL function
    """The ISO week's Monday of a date, as 'YYYY-MM-DD' text."""

    type = String()
    name = "week_monday_text"
    inherit_cache = True


@compiles(week_monday_text, "sqlite")
def _week_monday_sqlite(element: week_monday_text, compiler: SQLCompiler, **kw: Any) -> str:
    return _monday_on_sqlite(compiler.process(element.clauses, **kw))


def _monday_on_sqlite(day: str) -> str:
    """SQLite keeps a date as 'YYYY-MM-DD' text: the Monday is that text again."""
    return f"date({day}, '-' || ((CAST(strftime('%w', {day}) AS INTEGER) + 6) % 7) || ' days')"


@compiles(week_monday_text, "postgresql")
def _week_monday_postgresql(element: week_monday_text, compiler: SQLCompiler,
                            **kw: Any) -> str:
    return f"to_char(date_trunc('week', {compiler.process(element.clauses, **kw)}), 'YYYY-MM-DD')"


class week_monday(FunctionElement[date]):  # noqa: N801 - used like a SQL function
    """The ISO week's Monday of a date, as a date: comparable with a ``Date`` column and
    with ``days_after``/``days_between`` on both backends (SQLite's dates are the text)."""

    type = Date()
    name = "week_monday"
    inherit_cache = True


@compiles(week_monday, "sqlite")
def _week_monday_date_sqlite(element: week_monday, compiler: SQLCompiler, **kw: Any) -> str:
    return _monday_on_sqlite(compiler.process(element.clauses, **kw))


@compiles(week_monday, "postgresql")
def _week_monday_date_postgresql(element: week_monday, compiler: SQLCompiler,
                                 **kw: Any) -> str:
    return f"date_trunc('week', {compiler.process(element.clauses, **kw)})::date"


class date_text(FunctionElement[str]):  # noqa: N801 - used like a SQL function
    """A date column as 'YYYY-MM-DD' text: on SQLite the stored text itself (no parsing,
    a team's year is ~100 000 rows), on PostgreSQL formatted by the server."""

    type = String()
    name = "date_text"
    inherit_cache = True


@compiles(date_text, "sqlite")
def _date_text_sqlite(element: date_text, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(date_text, "postgresql")
def _date_text_postgresql(element: date_text, compiler: SQLCompiler, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM-DD')"


class days_after(FunctionElement[date]):  # noqa: N801 - used like a SQL function
    """``days_after(day, n)``: the date ``n`` days after ``day`` (``n`` may be negative)."""

    type = Date()
    name = "days_after"
    inherit_cache = True

    def __init__(self, day: ColumnElement[date], days: int) -> None:
        super().__init__(day, literal(days, Integer))


@compiles(days_after, "sqlite")
def _days_after_sqlite(element: days_after, compiler: SQLCompiler, **kw: Any) -> str:
    day, days = (compiler.process(clause, **kw) for clause in element.clauses)
    # SQLite's modifier 'N days' accepts a signed N; the result is 'YYYY-MM-DD' text again.
    return f"date({day}, {days} || ' days')"


@compiles(days_after, "postgresql")
def _days_after_postgresql(element: days_after, compiler: SQLCompiler, **kw: Any) -> str:
    day, days = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"({day} + {days})"


class days_between(FunctionElement[int]):  # noqa: N801 - used like a SQL function
    """``days_between(first, last)``: how many days ``last`` lies after ``first`` (a whole
    number of days; SQLite's julianday difference is a float, equal in value)."""

    type = Integer()
    name = "days_between"
    inherit_cache = True


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    first, last = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(julianday({last}) - julianday({first}))"


@compiles(days_between, "postgresql")
def _days_between_postgresql(element: days_between, compiler: SQLCompiler,
                             **kw: Any) -> str:
    first, last = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"({last} - {first})"


class earliest(FunctionElement[Any]):  # noqa: N801 - used like a SQL function
    """The smallest of two or more non-NULL values in one row (SQLite's many-argument
    ``min``, PostgreSQL's ``least``; they differ on NULL, so keep the arguments non-NULL)."""

    name = "earliest"
    inherit_cache = True


class latest(FunctionElement[Any]):  # noqa: N801 - used like a SQL function
    """The largest of two or more non-NULL values in one row (``max`` / ``greatest``)."""

    name = "latest"
    inherit_cache = True


def _row_function(name: str) -> Any:
    def render(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> str:
        return f"{name}({compiler.process(element.clauses, **kw)})"
    return render


compiles(earliest, "sqlite")(_row_function("min"))
compiles(earliest, "postgresql")(_row_function("least"))
compiles(latest, "sqlite")(_row_function("max"))
compiles(latest, "postgresql")(_row_function("greatest"))


def upsert(backend: str, model: type, key: InstrumentedAttribute[Any],
           *updated: str) -> Insert:
    """INSERT … ON CONFLICT (key) DO UPDATE SET each of ``updated`` to the new value, for
    ``backend`` ("sqlite" or "postgresql": ``connection.dialect.name``).

    The clause is the same SQL on SQLite (3.24+) and PostgreSQL, built with each dialect's
    own construct (tests/unit/test_portable_sql.py compiles both). Each is imported when
    first used: SQLAlchemy's PostgreSQL dialect brings asyncio and every driver's module
    (~50 ms), which opening a file does not need."""
    if backend == "postgresql":
        from sqlalchemy.dialects import postgresql

        on_server = postgresql.insert(model)
        return on_server.on_conflict_do_update(
            index_elements=[key], set_={name: on_server.excluded[name] for name in updated})
    from sqlalchemy.dialects import sqlite

    on_file = sqlite.insert(model)
    return on_file.on_conflict_do_update(
        index_elements=[key], set_={name: on_file.excluded[name] for name in updated})


def catch_up_sequence(table: Table, key: Column[Any]) -> Select[tuple[int]]:
    """PostgreSQL only: move ``table``'s id sequence past its largest ``key`` (an empty
    table starts again at 1)."""
    largest = func.max(key)
    # Quoted: "user" and "grant" are reserved words on PostgreSQL.
    sequence = func.pg_get_serial_sequence(literal(f'"{table.name}"'), literal(key.name))
    return select(func.setval(sequence, func.coalesce(largest, 1), largest.is_not(None))
                  ).select_from(table)
