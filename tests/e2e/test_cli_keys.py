"""Personal keys through the real command line: who you are is the key you unlock with,
a removed person opens nothing this installation keeps, and the access log cannot be
rewritten, cut short or rolled back without ``check`` saying so."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mentordesk import audit
from mentordesk.keys import keyfile
from mentordesk.storage.audit_guard import EXPECTED_TRIGGERS
from mentordesk.storage.backup import backup_folder_for

ANNA = ("anna", "Annas egen lange adgangskode")
BO = ("bo", "Bos helt egen adgangskode")
FIXTURES = Path(__file__).resolve().parents[1] / "storage" / "fixtures"


def run(*args: str, home: Path, user: tuple[str, str] | None = None,
        **env: str) -> subprocess.CompletedProcess[str]:
    environment = {name: value for name, value in os.environ.items()
                   if name != "MENTORDESK_PASSPHRASE"}
    environment.update(MENTORDESK_HOME=str(home),
                       PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", **env)
    login: list[str] = []
    if user is not None:
        login = ["--user", user[0]]
        environment.setdefault("MENTORDESK_PASSPHRASE", user[1])
    return subprocess.run([sys.executable, "-m", "mentordesk", *login, *args],
                          capture_output=True, text=True, encoding="utf-8", env=environment,
                          timeout=300)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "pc-1"


@pytest.fixture
def team(tmp_path: Path, home: Path) -> Path:
    """A team made by anna (admin) with bo enrolled as a mentor, and one citizen."""
    path = tmp_path / "team.mentordesk"
    ok(run("init", str(path), "--team", "Nøgleteamet", home=home, user=ANNA))
    code = ok(run("users", str(path), "add", "bo", "--role", "mentor", "--name", "Bo Berg",
                  home=home, user=ANNA)).splitlines()[0].rsplit(" ", 1)[1]
    ok(run("enrol", str(path), home=home, user=(BO[0], ""),
           MENTORDESK_ENROLMENT_CODE=code, MENTORDESK_NEW_PASSPHRASE=BO[1]))
    return path


def database_pragma(path: Path, user: tuple[str, str], key_file: Path | None = None) -> str:
    """The raw key a person's slot yields (what an attacker with their passphrase has)."""
    keys = keyfile.read_key_file(key_file or keyfile.key_file_path(path), path)
    slot = keys.slot_for(user[0])
    assert slot is not None
    _keys, database_key = slot.unlock(user[1], keys.file_id)
    return f"\"x'{database_key.hex()}{path.read_bytes()[:16].hex()}'\""


def raw_connection(path: Path, pragma: str) -> sqlcipher3.Connection:
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = {pragma}")
    return connection


def opens(path: Path, pragma: str) -> bool:
    connection = raw_connection(path, pragma)
    try:
        connection.execute("SELECT count(*) FROM citizen").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        connection.close()


def test_login_environment_variables_change_nothing(team, home):
    spoofed = {"LOGNAME": "anna", "USER": "anna", "USERNAME": "anna"}
    # Bo's passphrase with anna's name in every login variable: no slot of that person
    # opens with it (the OS login only picks the default slot).
    refused = run("citizens", str(team), home=home, user=None,
                  MENTORDESK_PASSPHRASE=BO[1], **spoofed)
    assert refused.returncode == 3
    assert "Forkert login eller adgangskode" in refused.stderr
    # As bo, whatever the environment says, the log records bo and bo sees his caseload.
    ok(run("citizens", str(team), home=home, user=BO, **spoofed))
    listing = ok(run("users", str(team), "list", home=home, user=ANNA))
    assert "bo" in listing and "nøgle" in listing
    db = raw_connection(team, database_pragma(team, ANNA))
    try:
        last = db.execute("SELECT user_login FROM audit_event WHERE action = 'unlock' "
                          "ORDER BY id DESC LIMIT 2").fetchall()
    finally:
        db.close()
    assert ("bo",) in last
    # A mentor cannot manage people, whatever the environment claims.
    denied = run("users", str(team), "add", "eve", home=home, user=BO, **spoofed)
    assert denied.returncode != 0 and "administrator" in denied.stderr


def test_a_removed_person_opens_neither_the_file_nor_any_backup(team, home, tmp_path):
    folder = backup_folder_for(team)
    ok(run("backup", str(team), "--out", str(folder / "manuel.mentordesk"), home=home,
           user=ANNA))
    bo_key_file = tmp_path / "bo-kopi-af-noeglefilen.keys"
    shutil.copyfile(keyfile.key_file_path(team), bo_key_file)  # bo kept a copy
    bos_old_key = database_pragma(team, BO)
    assert opens(team, bos_old_key)
    removed = ok(run("users", str(team), "remove", "bo", home=home, user=ANNA))
    assert "Databasenøglen er skiftet" in removed
    backups = [path for path in folder.rglob("*.mentordesk")]
    assert backups, "the test needs at least one backup made by the app"
    for copy in [team, *backups]:
        assert not opens(copy, database_pragma(copy, BO, bo_key_file)), copy.name
    assert run("citizens", str(team), home=home, user=BO).returncode == 3
    # Everyone else goes on as before, with their own passphrase, and the log is whole.
    ok(run("citizens", str(team), home=home, user=ANNA))
    assert "OK   Underskrifter" in ok(run("check", str(team), home=home, user=ANNA))
    for copy in backups:
        assert opens(copy, database_pragma(copy, ANNA))


def _tamper(path: Path, pragma: str, statements: list[str]) -> None:
    """What someone with the database key and any SQLCipher tool can do."""
    db = raw_connection(path, pragma)
    try:
        for name in EXPECTED_TRIGGERS:
            db.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            db.execute(statement)
        for sql in EXPECTED_TRIGGERS.values():
            db.execute(sql)
    finally:
        db.close()


def _rechain(path: Path, pragma: str) -> None:
    """Recompute every hash and the head/count counters, as a careful forger would."""
    from mentordesk.storage.models import AuditEvent

    db = raw_connection(path, pragma)
    try:
        for name in EXPECTED_TRIGGERS:
            db.execute(f"DROP TRIGGER {name}")
        rows = db.execute("SELECT id, occurred_at, user_login, action, entity, entity_id, "
                          "citizen_id, detail FROM audit_event ORDER BY id").fetchall()
        previous = audit.GENESIS_HASH
        for row in rows:
            event = AuditEvent(id=row[0], occurred_at=row[1], user_login=row[2], action=row[3],
                               entity=row[4], entity_id=row[5], citizen_id=row[6],
                               detail=row[7], prev_hash=previous)
            previous = audit.compute_hash(event)
            db.execute("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?",
                       (event.prev_hash, previous, row[0]))
        db.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", (previous,))
        db.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_count'", (str(len(rows)),))
        for sql in EXPECTED_TRIGGERS.values():
            db.execute(sql)
    finally:
        db.close()


def test_events_removed_from_the_middle_and_rechained_fail_check_on_any_pc(team, home,
                                                                            tmp_path):
    for user in (ANNA, BO, ANNA):  # the log goes on after the events the forger removes
        ok(run("citizens", str(team), home=home, user=user))
    pragma = database_pragma(team, ANNA)
    _tamper(team, pragma, ["DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event "
                           "ORDER BY id LIMIT 2 OFFSET 2)"])
    _rechain(team, pragma)
    other_pc = tmp_path / "pc-2"  # has never seen the file: no witness to help
    result = run("check", str(team), home=other_pc, user=ANNA)
    assert result.returncode == 1
    assert "FEJL Underskrifter i adgangsloggen" in result.stdout
    assert "OK   Adgangsloggens kæde" in result.stdout  # the forger got the chain right
    assert "ADVARSEL" in result.stderr  # opening the file says so too (GUI: a warning box)


def test_a_cut_off_tail_fails_check_on_the_pc_that_saw_it(team, home):
    ok(run("check", str(team), home=home, user=ANNA))  # this PC has seen the full log
    _tamper(team, database_pragma(team, ANNA),
            ["DELETE FROM audit_event WHERE id > (SELECT max(id) - 3 FROM audit_event)"])
    _rechain(team, database_pragma(team, ANNA))
    result = run("check", str(team), home=home, user=ANNA)
    assert result.returncode == 1
    assert "FEJL Loggen fortsætter det, denne pc har set" in result.stdout
    assert "ADVARSEL" in result.stderr


def test_a_dropped_trigger_fails_check(team, home):
    db = raw_connection(team, database_pragma(team, ANNA))
    db.execute("DROP TRIGGER audit_event_no_update")
    db.close()
    result = run("check", str(team), home=home, user=ANNA)
    assert result.returncode == 1
    assert "udløseren audit_event_no_update mangler" in result.stdout
    assert "ADVARSEL" in result.stderr


def test_an_event_signed_by_a_key_nobody_enrolled_fails_check(team, home):
    pragma = database_pragma(team, ANNA)
    db = raw_connection(team, pragma)
    head = db.execute("SELECT value FROM app_meta WHERE key = 'audit_head'").fetchone()[0]
    count = int(db.execute("SELECT value FROM app_meta WHERE key = 'audit_count'").fetchone()[0])
    from mentordesk.storage.models import AuditEvent

    forged = AuditEvent(occurred_at=audit.utc_timestamp(), user_login="anna", action="read",
                        entity="citizen", entity_id=None, citizen_id=None,
                        detail="Læst af anna", prev_hash=head)
    forged_hash = audit.compute_hash(forged)
    signature = Ed25519PrivateKey.generate().sign(audit.signed_message(forged_hash))
    db.execute("INSERT INTO audit_event (occurred_at, user_login, action, entity, entity_id, "
               "citizen_id, detail, prev_hash, hash, signature) VALUES (?,?,?,?,?,?,?,?,?,?)",
               (forged.occurred_at, "anna", "read", "citizen", None, None, forged.detail, head,
                forged_hash, base64.b64encode(signature).decode()))
    db.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", (forged_hash,))
    db.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_count'", (str(count + 1),))
    db.close()
    result = run("check", str(team), home=home, user=ANNA)
    assert result.returncode == 1
    assert "ikke underskrevet med en registreret nøgle for «anna»" in result.stdout
    assert "ADVARSEL" in result.stderr


def test_a_rollback_to_an_older_copy_is_reported_on_a_pc_that_saw_the_newer(team, home,
                                                                            tmp_path):
    older = tmp_path / "aeldre.mentordesk"
    shutil.copyfile(team, older)
    ok(run("citizens", str(team), home=home, user=ANNA))
    ok(run("citizens", str(team), home=home, user=BO))
    shutil.copyfile(older, team)  # someone puts yesterday's copy back
    warned = run("citizens", str(team), home=home, user=ANNA)
    assert warned.returncode == 0
    assert "ADVARSEL" in warned.stderr and "ældre kopi" in warned.stderr
    db = raw_connection(team, database_pragma(team, ANNA))
    try:
        logged = db.execute("SELECT count(*) FROM audit_event WHERE action = 'log_rollback'"
                            ).fetchone()[0]
    finally:
        db.close()
    assert logged == 1


def test_an_untouched_log_gives_no_warning_on_any_pc(team, home, tmp_path):
    for pc in (home, tmp_path / "pc-2"):
        result = run("citizens", str(team), home=pc, user=ANNA)
        assert result.returncode == 0 and "ADVARSEL" not in result.stderr


def test_the_recovery_key_opens_the_file_and_init_writes_no_secret(tmp_path, home):
    path = tmp_path / "nyt.mentordesk"
    created = ok(run("init", str(path), home=home, user=ANNA))
    recovery_key = next(line.rsplit(" ", 1)[1] for line in created.splitlines()
                        if line.startswith("Gendannelsesnøgle"))
    written = [file for file in tmp_path.rglob("*") if file.is_file()]
    for secret in (recovery_key, ANNA[1]):
        leaks = [file for file in written if secret.encode("utf-8") in file.read_bytes()]
        assert not leaks, f"{secret!r} is on disk in {leaks}"
    assert not list(tmp_path.glob("*.pdf"))
    listing = ok(run("citizens", str(path), home=home, user=("gendannelse", recovery_key)))
    assert listing == ""  # a new team has no citizens; the point is that it opened
    assert "Gendannelsesnøgle" in ok(run("users", str(path), "list", home=home,
                                         user=("gendannelse", recovery_key)))


def test_migrate_keys_converts_the_last_shared_passphrase_release(tmp_path, home):
    path = tmp_path / "gammel.mentordesk"
    shutil.copyfile(FIXTURES / "passphrase-0004.mentordesk", path)
    team_passphrase = "fixture-fælles-adgangskode"
    before = run("citizens", str(path), home=home, user=("fixture.admin", team_passphrase))
    assert before.returncode == 3 and "migrate-keys" in before.stderr
    converted = ok(run("migrate-keys", str(path), home=home,
                       user=("fixture.admin", team_passphrase),
                       MENTORDESK_NEW_PASSPHRASE="Adminens nye egen kode"))
    codes = dict(line.removeprefix("Engangskode til ").split(": ")
                 for line in converted.splitlines() if line.startswith("Engangskode til "))
    assert set(codes) == {"mentor01", "mentor02", "mentor03"}
    admin = ("fixture.admin", "Adminens nye egen kode")
    assert len(ok(run("citizens", str(path), home=home, user=admin)).splitlines()) == 4
    assert run("citizens", str(path), home=home, user=("fixture.admin", team_passphrase)
               ).returncode == 3
    # The old team passphrase opens nothing the app keeps, the pre-conversion backup
    # included (it was re-encrypted to the new key).
    from mentordesk.security.key_migration import legacy_key

    backups = list(backup_folder_for(path).rglob("*.mentordesk"))
    assert any("foer-personlige-noegler" in backup.name for backup in backups)
    for copy in [path, *backups]:
        old = legacy_key(team_passphrase, copy.read_bytes()[:16])
        assert not opens(copy, f"\"{old.pragma_value()}\""), copy.name
        assert opens(copy, database_pragma(copy, admin, keyfile.key_file_path(path)))
    ok(run("enrol", str(path), home=home, user=("mentor03", ""),
           MENTORDESK_ENROLMENT_CODE=codes["mentor03"],
           MENTORDESK_NEW_PASSPHRASE="Mentor tre vælger selv"))
    ok(run("citizens", str(path), home=home, user=("mentor03", "Mentor tre vælger selv")))
    assert "OK   Underskrifter" in ok(run("check", str(path), home=home, user=admin))
