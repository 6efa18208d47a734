"""Row counts and checksums per table, the same on a SQLCipher file and on the server.

Each row is rendered canonically from its typed values (a bool is ``true`` whether SQLite
stored 1 or PostgreSQL a boolean; a date is ISO text whichever way it was stored), in
primary key order, and hashed: two databases that hold the same rows give the same
fingerprint, and one changed value anywhere changes its table's checksum.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Connection, Table

from mentordesk.storage.models import AppMeta
from mentordesk.storage.queries.table_copy import copied_tables, rows_in_key_order

# Rows read per round trip: enough to be quick, small enough for a large contact table.
BATCH_ROWS = 2000


@dataclass(frozen=True)
class TableFingerprint:
    rows: int
    checksum: str


def fingerprints(connection: Connection, *,
                 skip_meta: Collection[str] = ()) -> dict[str, TableFingerprint]:
    """Every table's row count and checksum; ``app_meta`` rows named in ``skip_meta``
    are left out (what belongs to one side only, such as the file's id)."""
    return {table.name: table_fingerprint(connection, table, _meta_filter(table, skip_meta))
            for table in copied_tables()}


def differing_tables(source: dict[str, TableFingerprint],
                     target: dict[str, TableFingerprint]) -> list[str]:
    return [name for name in source if source[name] != target.get(name)]


def table_fingerprint(connection: Connection, table: Table,
                      keep: Callable[[tuple[object, ...]], bool] | None = None
                      ) -> TableFingerprint:
    digest = hashlib.sha256()
    rows = 0
    # Per statement: Connection.execution_options would keep streaming on for every
    # later statement of the transaction (an INSERT cannot be a server-side cursor).
    result = connection.execute(rows_in_key_order(table),
                                execution_options={"yield_per": BATCH_ROWS})
    for row in result.tuples():
        if keep is not None and not keep(row):
            continue
        digest.update(canonical_row(row).encode("utf-8"))
        digest.update(b"\n")
        rows += 1
    return TableFingerprint(rows, digest.hexdigest())


def canonical_row(row: tuple[object, ...]) -> str:
    return json.dumps([canonical_value(value) for value in row], ensure_ascii=False,
                      separators=(",", ":"))


def canonical_value(value: object) -> object:
    """A JSON value that does not depend on how the backend stored ``value``."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, enum.Enum):
        return canonical_value(value.value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.datetime):
        # A time-zone-aware value (PostgreSQL) and a naive UTC one (SQLite) are equal.
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    raise TypeError(f"no canonical form for {type(value).__name__}")


def _meta_filter(table: Table, skip: Collection[str]
                 ) -> Callable[[tuple[object, ...]], bool] | None:
    if table.name != AppMeta.__tablename__ or not skip:
        return None
    key_index = list(table.columns).index(table.columns["key"])
    return lambda row: row[key_index] not in skip
