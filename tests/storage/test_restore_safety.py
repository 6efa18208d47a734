"""Restore under real conditions: a colleague's process writing during the restore loses
nothing it was told was saved, another team's backup is refused unless confirmed, a
deleted citizen stays deleted, and the copies taken before a restore do not pile up."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.security.backups import OtherDatabase, RestoreRefused, backup_now
from mentordesk.security.workflows import backup_key_for, restore_database
from mentordesk.services import new_team
from mentordesk.storage.database import Database
from mentordesk.storage.models import Citizen

pytestmark = pytest.mark.file_only(
    reason="restoring a backup file; a server is restored by IT (mentordesk server restore)")

# A colleague's MentorDesk that never registered in the lock record: it opens the file
# with the key and saves a row every few milliseconds, reporting each save it was told
# succeeded ("ok N") and each refusal ("refused N").
WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from mentordesk.errors import MentorDeskError
    from mentordesk.storage.database import Database
    from mentordesk.storage.engine import RawKey
    from mentordesk.storage.models import Citizen, DeletedCitizen

    path, key, salt, stop = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])
    database = Database.open(Path(path), RawKey(bytes.fromhex(key), bytes.fromhex(salt)))
    number = 0
    while not stop.exists():
        number += 1
        try:
            with database.session() as session:
                session.add(Citizen(first_name="Skriver", last_name=f"r{number}"))
        except MentorDeskError:
            print(f"refused {number}", flush=True)
        else:
            print(f"ok {number}", flush=True)
        time.sleep(0.003)
    database.close()
""")


def _writer_rows(database: Database) -> set[str]:
    with database.read_session() as session:
        return set(session.scalars(select(Citizen.last_name)
                                   .where(Citizen.first_name == "Skriver")))


def _reported(output: Path, word: str) -> set[str]:
    lines = output.read_text(encoding="utf-8").splitlines() if output.exists() else []
    return {f"r{line.split()[1]}" for line in lines if line.startswith(word + " ")}


def _wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the writer made no progress"
        time.sleep(0.02)


def test_a_concurrent_writer_loses_no_save_it_was_told_succeeded(database, db_path,
                                                                   tmp_path):
    backup = backup_now(database, tmp_path / "kopi.mentordesk")
    output, stop = tmp_path / "writer.txt", tmp_path / "stop"
    key = database.raw_key
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    with open(output, "w", encoding="utf-8") as sink:
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), key.key.hex(), key.salt.hex(),
             str(stop)], stdout=sink, stderr=subprocess.PIPE, env=env)
    try:
        _wait_for(lambda: len(_reported(output, "ok")) >= 30)
        outcome = restore_database(db_path, backup, key, current=database).value
        assert outcome.refusal is None, outcome.refusal
        saved_before_restore_ended = len(_reported(output, "ok"))
        _wait_for(lambda: len(_reported(output, "ok")) >= saved_before_restore_ended + 30)
    finally:
        stop.touch()
        _stderr = writer.communicate(timeout=60)[1]
    assert writer.returncode == 0, _stderr.decode()

    saved = _reported(output, "ok")
    try:
        now = _writer_rows(outcome.database)
    finally:
        outcome.database.close()
    replaced = outcome.restored.replaced_copy
    kept = Database.open(replaced, key)
    try:
        before = _writer_rows(kept)
    finally:
        kept.close()
    # Saved before the restore: in the replaced content the user was shown the path of.
    # Saved after it: in the restored database. Nothing acknowledged is in neither.
    assert saved - now - before == set()
    assert before and now - before, "the writer must have saved on both sides"
    assert _reported(output, "refused").isdisjoint(now | before)


def test_another_team_s_backup_is_refused_even_with_that_team_s_key(database, db_path,
                                                                    tmp_path):
    """With this database's key another team's backup does not even open; handed that
    team's key as well, the file id still refuses it. Nothing is replaced either way."""
    other_path = tmp_path / "andet" / "team.mentordesk"
    other = new_team.create_database(other_path, "en helt anden adgangskode 77",
                                     team_name="Naboteamet").database
    foreign = backup_now(other, tmp_path / "nabo-kopi.mentordesk")
    their_key = other.raw_key
    other.close()

    with_our_key = restore_database(db_path, foreign, backup_key_for(database, foreign),
                                    current=database).value
    assert isinstance(with_our_key.refusal, RestoreRefused)
    assert "intet er erstattet" in str(with_our_key.refusal)
    with_their_key = restore_database(db_path, foreign, their_key,
                                      current=with_our_key.database).value
    try:
        assert isinstance(with_their_key.refusal, OtherDatabase)
        assert str(with_their_key.refusal).startswith(
            "Sikkerhedskopien er af en anden database (teamet »Naboteamet«), ikke af denne "
            "(teamet »Testteamet«). Intet er erstattet")
        assert with_their_key.database.meta("team_name") == "Testteamet"
    finally:
        with_their_key.database.close()


@pytest.mark.parametrize("reason", ["foer-gendannelse"])
def test_copies_taken_before_a_restore_rotate(database, db_path, tmp_path, reason):
    from mentordesk.storage.backup import KEEP_EVENT_BACKUPS, backup_folder_for

    backup = backup_now(database, tmp_path / "kopi.mentordesk")
    current = database
    for _ in range(KEEP_EVENT_BACKUPS + 2):
        current = restore_database(db_path, backup, current.raw_key, current=current).value \
            .database
    current.close()
    kept = sorted(backup_folder_for(db_path).glob(f"team-{reason}-*"))
    assert len(kept) == KEEP_EVENT_BACKUPS


def test_a_citizen_deleted_after_the_backup_does_not_come_back(database, db_path, admin,
                                                               tmp_path):
    from rights_support import count_reaching, fill_every_table

    from mentordesk.kernel.context import Context
    from mentordesk.rights.deletion import confirmation_text, delete_citizen
    from mentordesk.security.integrity import check_database

    with database.session() as session:
        gone = fill_every_table(session, "A")["citizen"]["id"]
        kept = fill_every_table(session, "B")["citizen"]["id"]
    backup = backup_now(database, tmp_path / "kopi.mentordesk")
    with database.read_session() as session:
        label = confirmation_text(session.get(Citizen, gone))
    delete_citizen(Context(database, admin), gone, label)

    outcome = restore_database(db_path, backup, database.raw_key, current=database).value
    restored = outcome.database
    try:
        assert outcome.refusal is None
        with restored.read_session() as session:
            assert not any(count_reaching(session, gone).values())
            assert all(count_reaching(session, kept).values())
            assert session.get(Citizen, gone) is None
        assert "Sletninger efter sikkerhedskopien er gentaget: 1 borgere" in outcome.lines()
        assert check_database(restored).ok
    finally:
        restored.close()


def test_every_writer_refuses_while_the_restore_mark_is_fresh(database):
    from datetime import timedelta

    from mentordesk.errors import RestoreInProgress
    from mentordesk.storage.database import RESTORE_MARK_KEY, RESTORE_MARK_STALE
    from mentordesk.storage.models.base import utc_now

    database.set_meta(RESTORE_MARK_KEY, utc_now().isoformat())
    with pytest.raises(RestoreInProgress, match="ved at blive gendannet.+ikke gemt"):
        with database.session() as session:
            session.add(Citizen(first_name="For", last_name="Sent"))
    # A mark left by a killed restore does not block the team for ever.
    killed = utc_now() - RESTORE_MARK_STALE - timedelta(seconds=1)
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE app_meta SET value = ? WHERE key = ?",
                                   (killed.isoformat(), RESTORE_MARK_KEY))
    with database.session() as session:
        session.add(Citizen(first_name="Senere", last_name="Gemt"))
    with database.read_session() as session:
        assert list(session.scalars(select(Citizen.last_name))) == ["Gemt"]
