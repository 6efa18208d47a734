"""backup, restore, your own passphrase and init's recovery key, as real processes with exit
codes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "sikkerhed på kommandolinjen 8"
NEW_PASSPHRASE = "den nye adgangskode til holdet 9"


def run(*args: str, home: Path, passphrase: str | None = PASSPHRASE,
        new_passphrase: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["MENTORDESK_HOME"] = str(home)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env.pop("MENTORDESK_PASSPHRASE", None)
    env.pop("MENTORDESK_NEW_PASSPHRASE", None)
    if passphrase is not None:
        env["MENTORDESK_PASSPHRASE"] = passphrase
    if new_passphrase is not None:
        env["MENTORDESK_NEW_PASSPHRASE"] = new_passphrase
    return subprocess.run([sys.executable, "-m", "mentordesk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=300,
                          stdin=subprocess.DEVNULL)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path, isolated_home: Path) -> Path:
    path = tmp_path / "hold.mentordesk"
    result = run("init", str(path), "--team", "Sikkerhedsteamet", home=isolated_home)
    assert result.returncode == 0, result.stderr
    return path


def test_init_writes_no_sheet_unless_asked(db):
    assert not list(db.parent.glob("*.pdf"))


def test_init_saves_the_recovery_sheet_only_where_asked(tmp_path, isolated_home, pdf_text):
    path, sheet = tmp_path / "gen.mentordesk", tmp_path / "ark" / "mit-ark.pdf"
    result = run("init", str(path), "--recovery-sheet", str(sheet), home=isolated_home)
    assert result.returncode == 0, result.stderr
    text = pdf_text(sheet)
    recovery_key = next(word for word in text.split() if word.count("-") == 5)
    assert recovery_key in result.stdout and PASSPHRASE not in text
    assert run("--user", "gendannelse", "check", str(path), home=isolated_home,
               passphrase=recovery_key).returncode == 0


def test_backup_then_restore_round_trip(db, tmp_path, isolated_home):
    backup = tmp_path / "kopi.mentordesk"
    made = run("backup", str(db), "--out", str(backup), home=isolated_home)
    assert made.returncode == 0, made.stderr
    assert run("check", str(backup), home=isolated_home).returncode == 0
    again = run("backup", str(db), "--out", str(backup), home=isolated_home)
    assert again.returncode == 2 and "overskrevet" in again.stderr
    restored = run("restore", str(backup), str(db), home=isolated_home)
    assert restored.returncode == 0, restored.stderr
    assert "Databasen er gendannet" in restored.stdout
    assert "erstattede database er gemt" in restored.stdout
    assert run("check", str(db), home=isolated_home).returncode == 0


def test_restore_refuses_damaged_backup_and_changes_nothing(db, tmp_path, isolated_home):
    backup = tmp_path / "kopi.mentordesk"
    assert run("backup", str(db), "--out", str(backup), home=isolated_home).returncode == 0
    data = bytearray(backup.read_bytes())
    data[len(data) - 1500] ^= 0x01
    backup.write_bytes(bytes(data))
    before = _sha(db)
    result = run("restore", str(backup), str(db), home=isolated_home)
    assert result.returncode in (1, 3)
    assert result.stderr.startswith("mentordesk: ") and result.stderr.count("\n") == 1
    assert _sha(db) == before


def test_restore_with_a_wrong_passphrase_exits_3(db, tmp_path, isolated_home):
    backup = tmp_path / "kopi.mentordesk"
    assert run("backup", str(db), "--out", str(backup), home=isolated_home).returncode == 0
    before = _sha(db)
    result = run("restore", str(backup), str(db), home=isolated_home,
                 passphrase="forkert adgangskode helt")
    assert result.returncode == 3 and "Forkert login eller adgangskode" in result.stderr
    assert _sha(db) == before


def test_my_own_passphrase_changes_nothing_else(db, isolated_home):
    result = run("passphrase", str(db), home=isolated_home, new_passphrase=NEW_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert "Din adgangskode er skiftet" in result.stdout
    assert run("check", str(db), home=isolated_home).returncode == 3
    assert run("check", str(db), home=isolated_home, passphrase=NEW_PASSPHRASE).returncode == 0
    assert not list(db.parent.glob("*.pdf"))


def test_a_weak_new_passphrase_is_refused(db, isolated_home):
    keys = db.with_name(db.name + ".keys")
    before = keys.read_bytes()
    result = run("passphrase", str(db), home=isolated_home, new_passphrase="kort")
    assert result.returncode == 2 and "mindst 12 tegn" in result.stderr
    assert keys.read_bytes() == before


def test_removal_and_restore_refused_while_someone_else_has_the_file_open(db, tmp_path,
                                                                          isolated_home):
    from mentordesk import vault
    from mentordesk.security import lock

    backup = tmp_path / "kopi.mentordesk"
    assert run("backup", str(db), "--out", str(backup), home=isolated_home).returncode == 0
    assert run("users", str(db), "add", "bo", home=isolated_home).returncode == 0
    database = vault.unlock_with_passphrase(db, PASSPHRASE)
    lock.register(database, "kollega", host="PC-17", process_id=4242)
    database.close()
    keys = db.with_name(db.name + ".keys")
    keys_before, before = keys.read_bytes(), _sha(db)
    restore = run("restore", str(backup), str(db), home=isolated_home)
    assert restore.returncode == 2 and "åben hos kollega på PC-17" in restore.stderr
    assert _sha(db) == before
    removal = run("users", str(db), "remove", "bo", home=isolated_home)
    assert removal.returncode == 2 and "åben hos kollega på PC-17" in removal.stderr
    assert keys.read_bytes() == keys_before  # no new database key, bo's slot still there


def test_a_backup_is_logged_in_the_access_log_it_carries(db, tmp_path, isolated_home):
    """A backup is every citizen's case in one file: who took it, and where to, is in the
    access log of the database and of the copy itself."""
    from mentordesk import vault
    from mentordesk.audit_admin.viewer import LogFilter, search_log
    from mentordesk.kernel.context import Context
    from mentordesk.services.team import resolve_actor

    backup = tmp_path / "kopi.mentordesk"
    made = run("backup", str(db), "--out", str(backup), home=isolated_home)
    assert made.returncode == 0, made.stderr
    for path in (db, backup):
        database = vault.unlock_with_passphrase(path, PASSPHRASE)
        try:
            admin = resolve_actor(database, vault.current_login())
            rows = search_log(Context(database, admin), LogFilter(action="export")).rows
        finally:
            database.close()
        # Who (the event's user) and where: the copy's full path.
        assert any(row.detail == f"Sikkerhedskopi taget: {backup.resolve()}"
                   and row.user_login == vault.current_login() for row in rows), path


def test_a_backup_from_before_a_removal_is_refused_and_replaces_nothing(db, tmp_path,
                                                                         isolated_home):
    """A copy kept outside the backup folder stays on the key of its day; once someone
    has been removed (a new database key), it is refused: the live file never goes back
    to a key the leaver knew."""
    outside = tmp_path / "udenfor" / "gammel.mentordesk"
    assert run("backup", str(db), "--out", str(outside), home=isolated_home).returncode == 0
    assert run("users", str(db), "add", "bo", home=isolated_home).returncode == 0
    assert run("users", str(db), "remove", "bo", home=isolated_home).returncode == 0
    before = _sha(db)
    result = run("restore", str(outside), str(db), home=isolated_home)
    assert result.returncode == 1, result.stderr
    assert "intet er erstattet" in result.stderr.lower()
    assert _sha(db) == before


def test_restore_of_another_team_s_file_is_refused(db, tmp_path, isolated_home):
    other = tmp_path / "nabo.mentordesk"
    assert run("init", str(other), "--team", "Naboteamet", home=isolated_home).returncode == 0
    before = _sha(db)
    refused = run("restore", str(other), str(db), home=isolated_home)
    assert refused.returncode == 1
    assert "intet er erstattet" in refused.stderr.lower()
    assert len(refused.stderr.strip().splitlines()) == 1
    assert _sha(db) == before



def test_restore_into_the_place_of_a_file_moved_away_as_damaged(db, tmp_path, isolated_home):
    """The database is gone (moved aside as damaged), its key file is still there: the
    person's own slot gives the key, and the backup becomes the database again."""
    backup = tmp_path / "kopi.mentordesk"
    assert run("backup", str(db), "--out", str(backup), home=isolated_home).returncode == 0
    db.rename(tmp_path / "beskadiget.mentordesk")
    wrong = run("restore", str(backup), str(db), home=isolated_home,
                passphrase="forkert adgangskode helt")
    assert wrong.returncode == 3 and not db.exists()
    restored = run("restore", str(backup), str(db), home=isolated_home)
    assert restored.returncode == 0, restored.stderr
    assert run("check", str(db), home=isolated_home).returncode == 0
