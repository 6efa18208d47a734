"""The file on disk is encrypted, and bad files are refused without being touched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from conftest import TEST_PASSPHRASE

from mentordesk import vault
from mentordesk.errors import CannotOpenDatabase
from mentordesk.kernel.context import Context
from mentordesk.services import new_team
from mentordesk.services.citizens import NewCitizen, create_citizen

pytestmark = pytest.mark.file_only(
    reason="the file's encryption on disk; a server's is TLS (test_server_connection)")

SENTINEL_CPR = "0101909001"
SENTINEL_NAME = "Sentinelia Krypteringsen"


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_file_is_encrypted_and_sentinel_cpr_is_not_in_bytes(database, admin, db_path):
    create_citizen(Context(database, admin), NewCitizen(
        first_name="Sentinelia", last_name="Krypteringsen", cpr=SENTINEL_CPR))
    database.close()
    raw = db_path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for needle in (SENTINEL_CPR.encode(), SENTINEL_NAME.encode(), "Sentinelia".encode("utf-16-le")):
        assert needle not in raw
    for side in db_path.parent.glob(db_path.name + "-*"):
        assert SENTINEL_CPR.encode() not in side.read_bytes()


def test_the_database_key_from_a_slot_opens_the_file_in_plain_sqlcipher(database, admin,
                                                                        db_path):
    """IT's way out: the key a person's slot yields opens the file in any SQLCipher 4 tool,
    while the passphrase itself does not (the key is random, not derived from it)."""
    import sqlcipher3

    from mentordesk.keys import keyfile

    create_citizen(Context(database, admin), NewCitizen(first_name="Åse", last_name="Øbro",
                                                         cpr=SENTINEL_CPR))
    database.close()
    keys = keyfile.load(db_path)
    _person, database_key = keys.slot_for(vault.current_login()).unlock(TEST_PASSPHRASE,
                                                                        keys.file_id)
    connection = sqlcipher3.connect(str(db_path))
    connection.execute(f"PRAGMA key = \"x'{database_key.hex()}'\"")
    assert connection.execute("SELECT cpr FROM citizen").fetchone()[0] == SENTINEL_CPR
    connection.close()
    connection = sqlcipher3.connect(str(db_path))
    quoted = "'" + TEST_PASSPHRASE.replace("'", "''") + "'"
    connection.execute(f"PRAGMA key = {quoted}")
    with pytest.raises(sqlcipher3.DatabaseError):
        connection.execute("SELECT cpr FROM citizen").fetchone()
    connection.close()


def _plain_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES ('plain')")
    connection.commit()
    connection.close()


def _truncated(path: Path, source: Path) -> None:
    path.write_bytes(source.read_bytes()[:300])


def _chopped(path: Path, source: Path) -> None:
    path.write_bytes(source.read_bytes()[:4096 + 100])


@pytest.mark.parametrize("kind", ["wrong_key", "truncated", "chopped", "plain_sqlite", "text",
                                  "random"])
def test_bad_files_are_refused_untouched(kind, database, db_path, tmp_path):
    database.close()
    folder = tmp_path / "bad"
    folder.mkdir()
    target = folder / "x.mentordesk"
    passphrase = TEST_PASSPHRASE
    if kind == "wrong_key":
        target.write_bytes(db_path.read_bytes())
        passphrase = "helt forkert adgangskode"
    elif kind == "truncated":
        _truncated(target, db_path)
    elif kind == "chopped":
        _chopped(target, db_path)
    elif kind == "plain_sqlite":
        _plain_sqlite(target)
    elif kind == "text":
        target.write_text("Dette er en almindelig tekstfil med æøå.\n" * 40, encoding="utf-8")
    else:
        target.write_bytes(bytes(range(256)) * 8)
    before = _snapshot(folder)
    with pytest.raises(CannotOpenDatabase) as error:
        vault.unlock_with_passphrase(target, passphrase)
    assert _snapshot(folder) == before
    message = str(error.value)
    assert "x.mentordesk" in message and message.strip().endswith(".")
    assert "\n" not in message


def test_specific_messages_for_plain_sqlite_and_text(tmp_path):
    plain = tmp_path / "plain.db"
    _plain_sqlite(plain)
    with pytest.raises(CannotOpenDatabase, match="ukrypteret SQLite"):
        vault.unlock_with_passphrase(plain, TEST_PASSPHRASE)
    text = tmp_path / "notes.txt"
    text.write_text("x" * 600, encoding="utf-8")
    with pytest.raises(CannotOpenDatabase, match="tekstfil"):
        vault.unlock_with_passphrase(text, TEST_PASSPHRASE)


def test_missing_file_is_not_created(tmp_path):
    missing = tmp_path / "nothing.mentordesk"
    with pytest.raises(CannotOpenDatabase, match="findes ikke"):
        vault.unlock_with_passphrase(missing, TEST_PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


def test_create_never_overwrites(database, db_path):
    database.close()
    before = db_path.read_bytes()
    with pytest.raises(CannotOpenDatabase, match="overskrevet"):
        new_team.create_database(db_path, TEST_PASSPHRASE, team_name="Andet team")
    assert db_path.read_bytes() == before


def test_connection_pragmas(database):
    with database.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert driver.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert driver.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        assert driver.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert driver.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert driver.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
