"""Encrypted server backups in many chunks: a round trip keeps every row; a backup cut
short or with chunks in the wrong order is refused and the target stays empty."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from sqlalchemy import text

from mentordesk.errors import CannotOpenDatabase
from mentordesk.server import backups
from mentordesk.server.fingerprints import fingerprints
from mentordesk.server.importing import import_file
from mentordesk.server.recovery import recovery_slot_of
from mentordesk.services import new_team
from mentordesk.storage.engine import ServerProfile, open_server_engine

PASSPHRASE = "backup-prøvens adgangskode 2026"
SMALL_CHUNK = 4096  # a small team's dump then spans many chunks


@pytest.fixture
def imported_team(tmp_path: Path, server_databases, monkeypatch):
    monkeypatch.setattr(backups, "CHUNK_SIZE", SMALL_CHUNK)
    path = tmp_path / "team.mentordesk"
    created = new_team.create_database(path, PASSPHRASE, team_name="Backupteamet",
                                       admin_login="it-admin")
    profile = server_databases.create_empty()
    try:
        import_file(created.database, profile, recovery_slot_of(path))
    finally:
        created.database.close()
    yield profile, created.recovery_key
    server_databases.drop(profile)


@pytest.fixture
def empty_target(server_databases):
    profile = server_databases.create_empty()
    yield profile
    server_databases.drop(profile)


def _state(profile: ServerProfile):
    engine = open_server_engine(profile, pooled=False)
    try:
        with engine.connect() as connection:
            return fingerprints(connection)
    finally:
        engine.dispose()


def _relations(profile: ServerProfile) -> int:
    engine = open_server_engine(profile, pooled=False)
    try:
        with engine.connect() as connection:
            return connection.execute(text(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar_one()
    finally:
        engine.dispose()


def _chunks(content: bytes) -> tuple[bytes, list[bytes]]:
    """The backup's head (magic and header) and its encrypted chunks, as stored."""
    offset = len(backups.MAGIC)
    (header_length,) = struct.unpack(">I", content[offset:offset + 4])
    offset += 4 + header_length
    head, chunks = content[:offset], []
    while offset < len(content):
        (length,) = struct.unpack(">I", content[offset:offset + 4])
        chunks.append(content[offset:offset + 4 + length])
        offset += 4 + length
    return head, chunks


def test_a_backup_in_many_chunks_restores_every_row(imported_team, empty_target, tmp_path):
    team, recovery_key = imported_team
    backup = tmp_path / "team.backup"
    backups.backup_server(team, backup)
    assert len(_chunks(backup.read_bytes())[1]) > 3

    backups.restore_server(backup, recovery_key, empty_target)

    assert _state(empty_target) == _state(team)


@pytest.mark.parametrize("damage", ["last chunk gone", "two chunks swapped"])
def test_a_cut_or_reordered_backup_is_refused_and_restores_nothing(
        imported_team, empty_target, tmp_path, damage):
    team, recovery_key = imported_team
    backup = tmp_path / "team.backup"
    backups.backup_server(team, backup)
    head, chunks = _chunks(backup.read_bytes())
    if damage == "last chunk gone":
        chunks = chunks[:-1]
    else:
        chunks[1], chunks[2] = chunks[2], chunks[1]
    damaged = tmp_path / "damaged.backup"
    damaged.write_bytes(head + b"".join(chunks))

    with pytest.raises(CannotOpenDatabase, match="beskadiget eller ændret"):
        backups.restore_server(damaged, recovery_key, empty_target)

    assert _relations(empty_target) == 0
