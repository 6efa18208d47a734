"""A sentinel CPR number and health note never appear in plain text anywhere MentorDesk
writes: the database, its WAL, the temp folder, the application log, backups."""

from __future__ import annotations

import logging
import tempfile
import traceback
from pathlib import Path

import pytest
from reliability_support import PASSPHRASE, new_database, open_database
from sqlalchemy import text

from mentordesk import vault
from mentordesk.errors import MentorDeskError
from mentordesk.kernel.context import Context
from mentordesk.security import app_log
from mentordesk.security.backups import automatic_backup, backup_now
from mentordesk.security.people import enrol_person, remove_person
from mentordesk.services.citizens import (
    NewCitizen,
    create_citizen,
    get_citizen_summary,
    list_citizens,
)
from mentordesk.services.team import NewUser, create_user, resolve_actor

SENTINEL_CPR = "0101909001"
SENTINEL_NOTE = "Sentinelnote-hjertemedicin-XK47"
SENTINEL_NAME = "Zentinella"
NEEDLES = [SENTINEL_CPR, "010190-9001", SENTINEL_NOTE, SENTINEL_NAME]


def _hits(folder: Path) -> list[str]:
    found = []
    for entry in folder.rglob("*"):
        if not entry.is_file():
            continue
        data = entry.read_bytes()
        for needle in NEEDLES:
            for encoded in (needle.encode("utf-8"), needle.encode("utf-16-le")):
                if encoded in data:
                    found.append(f"{entry}: {needle}")
    return found


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _representative_flows(path: Path, raw_key, log: logging.Logger) -> None:
    database = open_database(path, raw_key)
    actor = resolve_actor(database, vault.current_login())
    citizen_id = create_citizen(Context(database, actor), NewCitizen(
        first_name=SENTINEL_NAME, last_name="Prøvesen", cpr=SENTINEL_CPR, note=SENTINEL_NOTE)).value
    list_citizens(Context(database, actor), search=SENTINEL_NAME)
    list_citizens(Context(database, actor), search=SENTINEL_CPR)
    get_citizen_summary(Context(database, actor), citizen_id)
    try:  # the same CPR twice: refused with a message that must not reach the log raw
        create_citizen(Context(database, actor),
                       NewCitizen(first_name=SENTINEL_NAME, cpr=SENTINEL_CPR))
    except MentorDeskError:
        log.exception("Saving a citizen was refused")
    try:  # a database error whose text carries the row's values
        with database.session() as session:
            session.execute(text("INSERT INTO citizen (id, first_name, cpr) VALUES "
                                 "(:id, :name, :cpr)"),
                            {"id": citizen_id, "name": SENTINEL_NAME, "cpr": SENTINEL_CPR})
    except Exception:  # noqa: BLE001 - logged as the GUI's task runner logs it
        log.error("Task %r failed:\n%s", "Gemmer", traceback.format_exc())
    log.info("Opened %s with %d citizens", path.name, 1)
    backup_now(database, path.parent / "kopi.mentordesk")
    automatic_backup(database)
    return database


def test_no_plaintext_sentinel_anywhere(tmp_path, private_temp, isolated_home):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "sentinel.mentordesk"
    log_path = app_log.configure(level=logging.DEBUG)
    log = logging.getLogger("mentordesk.reliability")
    try:
        raw_key = new_database(path)
        database = _representative_flows(path, raw_key, log)
        assert Path(str(path) + "-wal").exists()  # scanned while the log is live
        while_open = _hits(folder) + _hits(private_temp)
        # Someone leaves (a new database key: the file and its backups re-encrypted), and
        # the admin changes their own passphrase: neither may leave plaintext behind.
        admin = Context(database, resolve_actor(database, vault.current_login()))
        create_user(admin, NewUser(login="vikar", full_name="Vikar Vikarsen"))
        enrol_person(admin, "vikar")
        remove_person(admin, "vikar")
        vault.change_own_passphrase(database, PASSPHRASE + " ny")
        database.close()
    finally:
        app_log.remove(log_path)
    logged = log_path.read_text("utf-8")
    # The failures were logged (scrubbed), so the scan below looked at real content.
    assert "failed:" in logged and "[parameters: skjult]" in logged
    assert "Saving a citizen was refused" in logged
    assert while_open == []
    assert _hits(folder) == []  # the file, the key file, the backups
    assert _hits(private_temp) == []
    assert _hits(isolated_home) == []  # logs and state
    # The sentinel *is* in the database, readable with the key: the scan was meaningful.
    reopened = vault.unlock_with_passphrase(path, PASSPHRASE + " ny")
    with reopened.read_session() as session:
        assert session.execute(text("SELECT cpr FROM citizen")).scalar() == SENTINEL_CPR
    reopened.close()
