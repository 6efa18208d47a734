"""The restore and passphrase-change workflows both front ends run (the GUI's guard and
security tab, ``mentordesk restore`` and ``rekey``): what they refuse, what they leave
open, and the changes they announce."""

from __future__ import annotations

import pytest
from conftest import TEST_PASSPHRASE

from mentordesk import vault
from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied, CannotOpenDatabase, WeakPassphrase
from mentordesk.kernel.changes import NOTHING, Changes
from mentordesk.kernel.context import Context
from mentordesk.keys import keyfile
from mentordesk.keys.registry import verify_signatures
from mentordesk.security import lock
from mentordesk.security.backups import RestoreRefused, backup_now
from mentordesk.security.people import change_my_passphrase
from mentordesk.security.workflows import check_backup, open_elsewhere, restore_database
from mentordesk.services import new_team
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import User

pytestmark = pytest.mark.file_only(
    reason="restore and passphrase change act on the file; a server has neither")

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
        check_backup(Context(database, admin), backup)
    result = restore_database(db_path, backup, database.raw_key, current=database)
    assert isinstance(result.value.refusal, RestoreRefused)
    assert "intet er erstattet" in str(result.value.refusal)
    result.value.database.close()


def test_a_backup_under_another_key_is_refused_with_a_reason(database, admin, tmp_path):
    """Another team's file (or one from before someone was removed) never replaces this
    one: the live file does not go back to a key that someone outside the team knows."""
    other = new_team.create_database(tmp_path / "andet.mentordesk", "et andet teams kode",
                                     team_name="Andet team").database
    backup = backup_now(other, tmp_path / "andet-kopi.mentordesk")
    other.close()
    with pytest.raises(RestoreRefused, match="andet team"):
        check_backup(Context(database, admin), backup)


def test_my_own_passphrase_change_touches_nobody_else(database, db_path, admin):
    _add(database, admin, "Kode")
    result = change_my_passphrase(Context(database, admin), NEW_PASSPHRASE)
    assert result.changes == NOTHING
    assert _names(database) == ["Borger Kode"]  # the file was not re-encrypted
    database.close()
    with pytest.raises(CannotOpenDatabase):
        vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE)
    reopened = vault.unlock_with_passphrase(db_path, NEW_PASSPHRASE)
    with reopened.read_session() as session:
        assert verify_signatures(session).ok
    reopened.close()
    recovery_still_works = keyfile.load(db_path).slot_for("gendannelse")
    assert recovery_still_works is not None


def test_a_weak_new_passphrase_changes_nothing(database, db_path, admin):
    before = keyfile.key_file_path(db_path).read_bytes()
    with pytest.raises(WeakPassphrase):
        change_my_passphrase(Context(database, admin), "kort")
    assert keyfile.key_file_path(db_path).read_bytes() == before


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
        save_recovery_sheet(Context(database, coordinator), tmp_path / "kim.pdf", "nøgle")
    assert not (tmp_path / "kim.mentordesk").exists() and not (tmp_path / "kim.pdf").exists()
    take_backup(Context(database, admin), tmp_path / "kopi.mentordesk")
    logged = search_log(Context(database, admin), LogFilter(action="export")).rows
    assert any(f"Sikkerhedskopi taget: {(tmp_path / 'kopi.mentordesk').resolve()}" in row.detail
               and row.user_login == admin.login for row in logged)
