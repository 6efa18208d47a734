"""Whole-table statements for moving a team's file to the team server (``server import``)
and for checking that both sides hold the same rows.

Every statement works on the models' own ``Table`` objects, so values are read and written
through the column types (SQLite's 0/1 comes back as a bool, its date text as a date) and
the same statement serves both dialects.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from sqlalchemy import (
    Column,
    Connection,
    Delete,
    Insert,
    Select,
    Table,
    TextClause,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy import String as StringType

from mentordesk.storage.models import Base

# The file's lock record (who has this very file open, storage/queries/open_sessions):
# it describes the file, not the team, and means nothing on a server.
FILE_ONLY_TABLES = frozenset({"open_session"})


def copied_tables() -> list[Table]:
    """Every table the models know but the file's own, parents before children."""
    return [table for table in Base.metadata.sorted_tables
            if table.name not in FILE_ONLY_TABLES]


def rows_in_key_order(table: Table) -> Select[tuple[object, ...]]:
    """All of a table's rows, ordered by primary key: the same order on both backends."""
    return select(table).order_by(*table.primary_key.columns)


def insert_rows(table: Table) -> Insert:
    """Insert with every column given (ids kept); executed with a list of row dicts."""
    return insert(table)


def copy_rows_in(server: Connection, table: Table,
                 batches: Iterable[list[dict[str, object]]], *,
                 paused_triggers: Collection[str] = ()) -> None:
    """Write every row of ``batches`` (dicts holding every column, ids kept) into ``table``
    on the server with one ``COPY … FROM STDIN``: one stream instead of a round trip and a
    parsed statement per batch, several times faster than INSERT for a team's contacts.

    Each value goes through its column type's bind processing for this dialect first, the
    same conversion an INSERT of the row applies (enums to their value, JSON wrapped), so
    the server stores exactly what ``insert_rows`` would have stored; psycopg then writes
    it in COPY's text format, escaping as COPY requires.

    ``paused_triggers`` (trigger names on ``table``) are disabled while the rows go in and
    enabled again before this returns; ALTER TABLE is transactional, so a failed copy
    rolls the switch back with everything else."""
    columns = list(table.columns)
    converters = _bind_converters(server, columns)
    quote = server.dialect.identifier_preparer
    for trigger in paused_triggers:
        server.exec_driver_sql(f"ALTER TABLE {quote.format_table(table)} "
                               f"DISABLE TRIGGER {quote.quote(trigger)}")
    statement = (f"COPY {quote.format_table(table)} "
                 f"({', '.join(quote.quote(column.name) for column in columns)}) FROM STDIN")
    # The driver's own cursor on this connection, so the rows join its open transaction.
    cursor = server.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(statement) as copy:
            for batch in batches:
                for row in batch:
                    copy.write_row([convert(row[column.name])
                                    for column, convert in zip(columns, converters,
                                                               strict=True)])
    finally:
        cursor.close()
    for trigger in paused_triggers:
        server.exec_driver_sql(f"ALTER TABLE {quote.format_table(table)} "
                               f"ENABLE TRIGGER {quote.quote(trigger)}")


def _bind_converters(server: Connection,
                     columns: list[Column[object]]) -> list[Callable[[object], object]]:
    converters: list[Callable[[object], object]] = []
    for column in columns:
        process = column.type._cached_bind_processor(server.dialect)
        converters.append(_unchanged if process is None else process)
    return converters


def _unchanged(value: object) -> object:
    return value


def delete_all_rows(table: Table) -> Delete:
    return delete(table)


def any_row(table: Table) -> Select[tuple[int]]:
    return select(func.count()).select_from(select(table).limit(1).subquery())


def limited_text_columns(table: Table) -> list[Column[str]]:
    """Columns with a length limit (``String(n)``), which PostgreSQL enforces and SQLite
    does not: a file may hold longer values than the server accepts."""
    return [column for column in table.columns
            if isinstance(column.type, StringType) and column.type.length]


def values_longer_than_limit(table: Table,
                             column: Column[str]) -> Select[tuple[object, ...]]:
    """Primary key and length of every value in ``column`` over its limit."""
    length = func.length(column)
    return (select(*table.primary_key.columns, length)
            .where(length > column.type.length)  # type: ignore[attr-defined]
            .order_by(*table.primary_key.columns))



def user_relations_on_server() -> TextClause:
    """How many tables, views and sequences a server database has outside PostgreSQL's own
    schemas: 0 means empty, the only kind a restore may write into."""
    return text("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') "
                "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                "AND n.nspname NOT LIKE 'pg\\_%'")
