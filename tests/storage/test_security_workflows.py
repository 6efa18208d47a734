"""The restore and passphrase-change workflows both front ends run (the GUI's guard and
security tab, ``mentordesk restore`` and ``rekey``): what they refuse, what they leave
open, and the changes they announce."""

from __future__ import annotations

import pytest
from conftest import TEST_PASSPHRASE

from mentordesk import vault
from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied
from mentordesk.kernel.changes import NOTHING, Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.security import lock
from mentordesk.security.backups import RestoreRefused, backup_now
from mentordesk.security.workflows import (
    change_passphrase,
    check_backup,
    open_elsewhere,
    restore_database,
)
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import User

NEW_PASSPHRASE = "en helt ny sætning til teamet"


def _add(database, actor, last_name: str) -> None:
    create_citizen(Context(database, actor), NewCitizen(first_name="Borger", last_name=last_name))


def _names(database) -> list[str]:
    actor = resolve_actor(database, vault.current_login())
    return [row.display_name for row in list_citizens(Context(database, actor))]


def test_restore_replaces_reopens_and_clears_the_copy_s_lock_rows(database, db_path, admin,
                                                                   tmp_path):
    _add(database, admin, "Før")
    lock.register(database, "kollega", host="PC-17", process_id=4242)
    backup = backup_now(database, tmp_path / "kopi.mentordesk")
    lock.clear(database)
    _add(database, admin, "Efter")
    mine = lock.register(database, vault.current_login())

    result = restore_database(db_path, backup, database.raw_key, current=database,
                              session_id=mine)

    outcome = result.value
    assert result.changes == Changes.everything()
    assert outcome.refusal is None and outcome.database is not None
    try:
        assert _names(outcome.database) == ["Borger Før"]
        assert lock.others(outcome.database) == []  # the backup's row was from another time
    finally:
        outcome.database.close()
    lines = outcome.lines()
    assert lines[-1] == f"Databasen er gendannet: {db_path}"
    assert any(line.startswith("Den erstattede database er gemt som: ") for line in lines)


def test_restore_is_refused_while_a_colleague_has_the_file_open(database, db_path, admin,
                                                                tmp_path):
    backup = backup_now(database, tmp_path / "kopi.mentordesk")
    _add(database, admin, "Efter")
    lock.register(database, "kollega", host="PC-17", process_id=4242)

    result = restore_database(db_path, backup, database.raw_key, current=database)

    outcome = result.value
    assert result.changes == NOTHING
    assert isinstance(outcome.refusal, lock.OpenElsewhere)
    assert str(outcome.refusal) == ("Databasen er åben hos kollega på PC-17. Bed dem lukke "
                                    "MentorDesk, og prøv igen.")
    assert outcome.database is not None and outcome.database is not database
    try:
        assert _names(outcome.database) == ["Borger Efter"]  # untouched, and open again
    finally:
        outcome.database.close()
    assert not list(db_path.parent.rglob("*foer-gendannelse*"))  # nothing was replaced


def test_a_damaged_backup_is_refused_before_confirming_and_when_restoring(database, db_path,
                                                                          admin, tmp_path):
    backup = backup_now(database, tmp_path / "kopi.mentordesk")
    data = bytearray(backup.read_bytes())
    data[len(data) - 1500] ^= 0x01
    backup.write_bytes(bytes(data))
    with pytest.raises(RestoreRefused):
        check_backup(Context(database, admin), backup, raw_key=database.raw_key)
    result = restore_database(db_path, backup, database.raw_key, current=database)
    assert isinstance(result.value.refusal, RestoreRefused)
    assert "intet er erstattet" in str(result.value.refusal)
    result.value.database.close()


def test_check_backup_with_the_old_passphrase_of_a_backup(database, admin, tmp_path):
    backup = backup_now(database, tmp_path / "kopi.mentordesk")
    vault.rekey(database, NEW_PASSPHRASE)
    checked = check_backup(Context(database, admin), backup, passphrase=TEST_PASSPHRASE)
    assert checked.raw_key == vault.derive_key(TEST_PASSPHRASE, checked.raw_key.salt)
    assert checked.lines and all(not line.startswith("FEJL") for line in checked.lines)


def test_change_passphrase_keeps_the_same_database_working(database, db_path, admin):
    _add(database, admin, "Rekey")
    result = change_passphrase(Context(database, admin), NEW_PASSPHRASE)
    assert result.changes == Changes.everything() and result.changes.touches(Kind.CITIZEN)
    assert _names(database) == ["Borger Rekey"]  # the same object, re-bound to the new key
    database.close()
    vault.unlock_with_passphrase(db_path, NEW_PASSPHRASE).close()


def test_change_passphrase_refused_for_a_mentor_and_while_others_are_in(database, db_path,
                                                                        admin):
    with database.session() as session:
        session.add(User(login="mette", full_name="Mette", role=Role.MENTOR.value))
    mentor = resolve_actor(database, "mette")
    with pytest.raises(AccessDenied):
        change_passphrase(Context(database, mentor), NEW_PASSPHRASE)
    lock.register(database, "kollega", host="PC-17", process_id=4242)
    assert [entry.login for entry in open_elsewhere(Context(database, admin))] == ["kollega"]
    with pytest.raises(lock.OpenElsewhere):
        change_passphrase(Context(database, admin), NEW_PASSPHRASE)
    database.close()
    vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE).close()  # the old key still opens


def test_this_app_s_own_lock_row_never_refuses(database, admin):
    lock.register(database, vault.current_login())  # this process, as the GUI registers
    assert open_elsewhere(Context(database, admin)) == []
    lock.refuse_if_open_elsewhere(database)


def test_only_an_administrator_takes_a_backup_or_a_recovery_sheet_and_backups_are_logged(
        database, admin, tmp_path):
    from mentordesk.audit_admin.viewer import LogFilter, search_log
    from mentordesk.security.workflows import save_recovery_sheet, take_backup

    with database.session() as session:
        session.add(User(login="kim", full_name="Kim", role=Role.COORDINATOR.value))
    coordinator = resolve_actor(database, "kim")
    # A backup is every citizen's case in one file: not a coordinator's to take home.
    with pytest.raises(AccessDenied):
        take_backup(Context(database, coordinator), tmp_path / "kim.mentordesk")
    with pytest.raises(AccessDenied):
        save_recovery_sheet(Context(database, coordinator), tmp_path / "kim.pdf")
    assert not (tmp_path / "kim.mentordesk").exists() and not (tmp_path / "kim.pdf").exists()
    take_backup(Context(database, admin), tmp_path / "kopi.mentordesk")
    logged = search_log(Context(database, admin), LogFilter(action="export")).rows
    assert any(f"Sikkerhedskopi taget: {(tmp_path / 'kopi.mentordesk').resolve()}" in row.detail
               and row.user_login == admin.login for row in logged)
