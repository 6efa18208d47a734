"""backup → restore round trip on realistic (demo) data: identical row checksums in
every table and a valid audit chain; a damaged backup replaces nothing."""

from __future__ import annotations

import hashlib

import pytest
from reliability_support import (
    PASSPHRASE,
    add_citizen,
    file_checks,
    open_copy,
    open_database,
    report,
    row_checksums,
)

from mentordesk.security.backups import RestoreRefused, backup_now, restore_backup


@pytest.fixture
def demo_database(tmp_path):
    from mentordesk.demo import build_demo

    path = tmp_path / "demo" / "hold.mentordesk"
    path.parent.mkdir()
    database = build_demo(path, PASSPHRASE, citizens=12, years=1, seed=7)
    yield database
    database.close()


def test_backup_restore_round_trip(demo_database, tmp_path):
    path, raw_key = demo_database.path, demo_database.raw_key
    backup = tmp_path / "kopier" / "hold-kopi.mentordesk"
    backup_now(demo_database, backup)
    at_backup = row_checksums(demo_database)
    add_citizen(demo_database, "EfterKopien")  # a change the restore must undo
    demo_database.close()

    result = restore_backup(backup, path, raw_key)
    assert result.report.ok
    assert result.replaced_copy is not None and result.replaced_copy.exists()
    restored = open_database(path, raw_key)
    try:
        after = row_checksums(restored)
    finally:
        restored.close()
    assert file_checks(path, raw_key) == []
    assert after == at_backup
    # The replaced file is kept, and still holds the change made after the backup.
    kept = open_copy(result.replaced_copy, raw_key)
    try:
        assert row_checksums(kept)["citizen"] != at_backup["citizen"]
    finally:
        kept.close()
    report(f"backup/restore: {len(after)} tables, {sum(1 for _ in after)} checksums equal, "
           "audit chain valid")


def test_damaged_backup_replaces_nothing(demo_database, tmp_path):
    path, raw_key = demo_database.path, demo_database.raw_key
    backup = tmp_path / "kopi.mentordesk"
    backup_now(demo_database, backup)
    demo_database.close()
    data = bytearray(backup.read_bytes())
    data[len(data) - 2000] ^= 0x40  # a flipped bit in the last page
    backup.write_bytes(bytes(data))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    folder_before = sorted(entry.name for entry in path.parent.iterdir())
    with pytest.raises(RestoreRefused, match="intet er erstattet"):
        restore_backup(backup, path, raw_key)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(entry.name for entry in path.parent.iterdir()) == folder_before
