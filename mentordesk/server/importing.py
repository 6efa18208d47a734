"""Moving a team's file to the team server: every row, the access log as history, the
frozen report PDFs, in one server transaction that proves itself before it commits.

The file is read through the models' typed tables (SQLite's 0/1 and date text come back
as bools and dates) and written with ids kept. Before anything is written, values longer
than a server column allows are listed (SQLite ignores ``String(n)``, PostgreSQL does
not), so IT gets every problem at once instead of a failure half-way. After the copy,
each table's row count and checksum are computed on both sides inside the same
transaction; any difference rolls everything back. The access log moves verbatim (its
hashes, signatures and the chain's head in ``app_meta``), so the chain verifies on the
server and the server's next event continues it.

What does not move: the file's key slots and id (on a server, people log in as
themselves). The server records which file it came from and when, and keeps the team's
recovery slot (its public key and the private key wrapped by the recovery secret, as in
the key file): a backup is then encrypted to the recovery key without any secret.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Table
from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.audit import utc_timestamp
from mentordesk.errors import CannotOpenDatabase
from mentordesk.keys.keyfile import KEY_FILE_SUFFIX, NEXT_SUFFIX
from mentordesk.server import takeover
from mentordesk.server.fingerprints import (
    BATCH_ROWS,
    TableFingerprint,
    differing_tables,
    fingerprints,
)
from mentordesk.server.import_errors import (
    ImportMismatch,
    ImportRefused,
    InvalidLogins,
    ValuesTooLong,
)
from mentordesk.server.people import GivenLogin, give_logins, plan_logins
from mentordesk.server.provision import secure_team
from mentordesk.server.recovery import RECOVERY_SLOT_KEY, RecoverySlot
from mentordesk.server.takeover import MIGRATION_SEEDED_TABLES
from mentordesk.storage import server_roles
from mentordesk.storage.bulk import catch_up_id_sequences
from mentordesk.storage.database import FILE_ID_KEY, RESTORE_MARK_KEY, SIGNER_INFO, Database
from mentordesk.storage.engine import ServerProfile, open_server_engine
from mentordesk.storage.migrate import SCHEMA_HEAD, build_server_schema, revision_on
from mentordesk.storage.models import AppMeta
from mentordesk.storage.queries.table_copy import (
    copied_tables,
    copy_rows_in,
    delete_all_rows,
    insert_rows,
    limited_text_columns,
    rows_in_key_order,
    values_longer_than_limit,
)

__all__ = ["ImportMismatch", "ImportRefused", "ImportReport", "InvalidLogins",
           "ValuesTooLong", "copy_for_import", "import_file", "values_too_long"]

IMPORTED_FROM_KEY = "imported_from_file_id"
IMPORTED_AT_KEY = "imported_at"
# The file's own: its id binds its key slots; the restore mark guards its page copy.
FILE_ONLY_META = frozenset({FILE_ID_KEY, RESTORE_MARK_KEY})
# The server's own: a new id of its own, where it came from, the recovery slot.
SERVER_ONLY_META = frozenset({FILE_ID_KEY, IMPORTED_FROM_KEY, IMPORTED_AT_KEY,
                              RECOVERY_SLOT_KEY})
# Filled on the server by triggers on contact (migration 0010) while contacts go in; they
# are emptied and copied verbatim after everything else, so the file's sums arrive as
# they were and not added twice.
TRIGGER_FILLED_TABLES = frozenset({"delivered_citizen_week", "delivered_mentor_week"})
# The triggers that fill them as contacts are inserted: paused while the file's contacts
# go in, since what they would add is replaced anyway (they cost half the import's time).
FILLING_TRIGGERS = {"contact": ("contact_delivered_insert",)}


# The database and what belongs with it: its key files (a rotation's next one too), and
# SQLite's write-ahead log or rollback journal, which may hold the latest commits.
_FILES_OF_A_DATABASE = ("", KEY_FILE_SUFFIX, KEY_FILE_SUFFIX + NEXT_SUFFIX, "-wal", "-journal")


@dataclass(frozen=True)
class ImportReport:
    tables: dict[str, TableFingerprint]
    people: list[GivenLogin]
    onto_setup: bool  # the database was one ``server init`` had set up

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables.values())


def copy_for_import(path: Path, folder: Path) -> Path:
    """The file and its key file copied into ``folder``: unlocking migrates an old file to
    the current schema, and that must happen to a copy, never to the team's file."""
    copy = folder / path.name
    for suffix in _FILES_OF_A_DATABASE:
        original = path.with_name(path.name + suffix)
        if original.exists():
            shutil.copy2(original, copy.with_name(copy.name + suffix))
    return copy


def import_file(source: Database, profile: ServerProfile,
                recovery: RecoverySlot | None) -> ImportReport:
    """Copy the unlocked file ``source`` into the server database of ``profile``: an
    empty one or one ``server init`` has just set up (see ``takeover``). The file's
    people get login roles without passwords, and the team's security is applied, in
    the same transaction."""
    with source.read_session() as session:
        problems = values_too_long(session.connection())
        if problems:
            raise ValuesTooLong(problems)
        plan_logins(server_roles.team_people(session.connection()))  # refuse before writing
        expected = fingerprints(session.connection(), skip_meta=FILE_ONLY_META)
        source_file_id = source.file_id
        engine = open_server_engine(profile, pooled=False)
        try:
            with engine.connect() as server, server.begin():
                setup = _prepare_schema(server, profile)
                _copy_tables(session.connection(), server)
                _record_origin(server, source_file_id, recovery)
                writer = Session(bind=server)
                catch_up_id_sequences(writer)
                _verify_copy(server, expected)
                if setup is not None:
                    takeover.retell(server, setup, takeover.keep_first_admin(server, setup))
                _log_the_move(writer, source, expected)
                people = give_logins(server, plan_logins(server_roles.team_people(server)))
                secure_team(server)
        finally:
            engine.dispose()
    return ImportReport(expected, people, setup is not None)


def values_too_long(connection: Connection) -> list[str]:
    """Danish lines naming table, row and column of every value over its column's limit."""
    problems = []
    for table in copied_tables():
        for column in limited_text_columns(table):
            for *key, length in connection.execute(values_longer_than_limit(table, column)):
                row = ", ".join(f"{name}={value}" for name, value
                                in zip(table.primary_key.columns.keys(), key, strict=True))
                problems.append(f"tabellen {table.name}, rækken {row}, kolonnen "
                                f"{column.name}: {length} tegn (højst "
                                f"{column.type.length})")  # type: ignore[attr-defined]
    return problems


def _prepare_schema(server: Connection,
                    profile: ServerProfile) -> takeover.InitialSetup | None:
    """Build the schema in this transaction, or take over one ``server init`` set up."""
    revision = revision_on(server)
    if revision is None:
        build_server_schema(server)
        return None
    if revision != SCHEMA_HEAD:
        raise CannotOpenDatabase(
            f"Databasen {profile.describe()} har en anden skemaversion end programmet; "
            "opgradér den med 'mentordesk server upgrade' eller brug en tom database.")
    return takeover.take_over(server, profile.describe())


def _copy_tables(source: Connection, server: Connection) -> None:
    later = []
    for table in copied_tables():
        if table.name in TRIGGER_FILLED_TABLES:
            later.append(table)
            continue
        if table.name in MIGRATION_SEEDED_TABLES:
            server.execute(delete_all_rows(table))
        _copy_rows(source, server, table)
    for table in later:
        server.execute(delete_all_rows(table))
        _copy_rows(source, server, table)


def _copy_rows(source: Connection, server: Connection, table: Table) -> None:
    copy_rows_in(server, table, _batches(source, table),
                 paused_triggers=FILLING_TRIGGERS.get(table.name, ()))


def _batches(source: Connection, table: Table) -> Iterator[list[dict[str, object]]]:
    result = source.execute(rows_in_key_order(table),
                            execution_options={"yield_per": BATCH_ROWS})
    for part in result.mappings().partitions():
        rows = [dict(row) for row in part]
        if table.name == AppMeta.__tablename__:
            rows = [row for row in rows if row["key"] not in FILE_ONLY_META]
        if rows:
            yield rows


def _record_origin(server: Connection, source_file_id: str,
                   recovery: RecoverySlot | None) -> None:
    meta = {FILE_ID_KEY: str(uuid.uuid4()), IMPORTED_FROM_KEY: source_file_id,
            IMPORTED_AT_KEY: utc_timestamp()}
    if recovery is not None:
        meta[RECOVERY_SLOT_KEY] = recovery.to_text()
    server.execute(insert_rows(AppMeta.__table__),  # type: ignore[arg-type]
                   [{"key": key, "value": value} for key, value in meta.items()])


def _log_the_move(writer: Session, source: Database,
                  copied: dict[str, TableFingerprint]) -> None:
    """The move itself, as the server log's first event of its own: it continues the
    file's chain, signed by the person who unlocked the file (whose key moved with it)."""
    if source.signer is None:
        return
    writer.info[SIGNER_INFO] = source.signer
    rows = sum(table.rows for table in copied.values())
    audit.record(writer, source.signer.login, audit.Action.MOVE_TO_SERVER, entity="database",
                 detail=f"Teamets fil flyttet til teamserveren: {rows} rækker i "
                        f"{len(copied)} tabeller, kontrolsummer ens")
    writer.flush()


def _verify_copy(server: Connection, expected: dict[str, TableFingerprint]) -> None:
    """Raise (and so roll back) unless every table holds what the file holds."""
    found = fingerprints(server, skip_meta=SERVER_ONLY_META)
    different = differing_tables(expected, found)
    if different:
        raise ImportMismatch(different)
