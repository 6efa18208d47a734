"""Personal keys in the core: enrolment with a one-time code, removal with a new database
key, the recovery key, and the key file holding no identity that the team did not enrol."""

from __future__ import annotations

import json

import pytest
from conftest import TEST_PASSPHRASE

from mentordesk import vault
from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied, CannotOpenDatabase, KeyUnavailable
from mentordesk.kernel.context import Context
from mentordesk.keys import keyfile, registry
from mentordesk.keys.crypto import PersonKeys, WrappingKey
from mentordesk.keys.identity import Identity
from mentordesk.keys.keyfile import SlotKind
from mentordesk.keys.registry import verify_signatures
from mentordesk.security.integrity import check_database
from mentordesk.security.people import (
    complete_enrolment,
    enrol_person,
    remove_person,
    renew_recovery_key,
)
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens
from mentordesk.services.team import NewUser, create_user, resolve_actor
from mentordesk.storage.database import Database
from mentordesk.storage.engine import RawKey, rekey_file

pytestmark = pytest.mark.file_only(
    reason="personal keys unlock the file's key; a server has logins instead")

BO_PASSPHRASE = "Bos egen sætning til nøglen"


@pytest.fixture
def bo_code(database, admin) -> str:
    context = Context(database, admin)
    create_user(context, NewUser(login="bo", full_name="Bo Berg"))
    return enrol_person(context, "bo").value


def _as_bo(db_path):
    return vault.unlock_with_passphrase(db_path, BO_PASSPHRASE, login="bo")


def test_a_one_time_code_works_once_and_gives_the_member_a_key_nobody_else_had(
        database, db_path, bo_code):
    enrolment_key = keyfile.load(db_path).slot_for("bo").public
    with pytest.raises(vault.EnrolmentPending):
        vault.unlock_with_passphrase(db_path, bo_code, login="bo")
    before = keyfile.key_file_path(db_path).read_bytes()
    with pytest.raises(CannotOpenDatabase):
        complete_enrolment(db_path, "bo", "forkert-kode-igen", BO_PASSPHRASE)
    assert keyfile.key_file_path(db_path).read_bytes() == before  # a wrong code changes nothing
    complete_enrolment(db_path, "bo", bo_code, BO_PASSPHRASE).close()
    slot = keyfile.load(db_path).slot_for("bo")
    assert slot.kind is SlotKind.PERSON and slot.public != enrolment_key
    with pytest.raises(CannotOpenDatabase):
        complete_enrolment(db_path, "bo", bo_code, "en anden ny adgangskode")
    bo = _as_bo(db_path)
    try:
        actor = resolve_actor(bo, vault.require_identity(bo).login)
        assert actor.login == "bo" and actor.role.value == "mentor"
        assert list_citizens(Context(bo, actor)) == []  # a mentor without citizens sees none
        with bo.read_session() as session:
            assert verify_signatures(session).ok
    finally:
        bo.close()


def test_a_slot_written_into_the_key_file_by_a_key_holder_gives_no_identity(
        database, db_path):
    """Someone with the database key can seal it to a key pair of their own under any
    login; unlocking with it is refused, because the team never enrolled that key."""
    key_file = keyfile.load(db_path)
    forged = PersonKeys.generate()
    keyfile.save(db_path, key_file.with_slot(keyfile.new_slot(
        vault.current_login(), SlotKind.PERSON, forged, WrappingKey.derive("falsk men lang nok"),
        database.raw_key.key, key_file.file_id)))
    database.close()
    with pytest.raises(CannotOpenDatabase, match="ikke registreret"):
        vault.unlock_with_passphrase(db_path, "falsk men lang nok")


def test_a_key_row_added_by_a_key_holder_does_not_make_an_identity_either(database, db_path):
    """Going one step further: the forger also enrols the key in the database, signing
    the row with that same key. Nobody enrolled by the team signed it, so it is refused."""
    key_file = keyfile.load(db_path)
    forged = PersonKeys.generate()
    keyfile.save(db_path, key_file.with_slot(keyfile.new_slot(
        "chefen", SlotKind.PERSON, forged, WrappingKey.derive("falsk men lang nok"),
        database.raw_key.key, key_file.file_id)))
    with database.session() as session:
        registry.register_key(session, "chefen", SlotKind.PERSON, forged.public,
                              Identity("chefen", forged))
    database.close()
    with pytest.raises(CannotOpenDatabase, match="ikke registreret"):
        vault.unlock_with_passphrase(db_path, "falsk men lang nok", login="chefen")


def test_a_slot_renamed_to_another_login_does_not_unwrap(database, db_path, bo_code):
    complete_enrolment(db_path, "bo", bo_code, BO_PASSPHRASE).close()
    document = json.loads(keyfile.key_file_path(db_path).read_text(encoding="utf-8"))
    for slot in document["slots"]:
        if slot["login"] == vault.current_login():
            slot["login"] = "tidligere-admin"
        elif slot["login"] == "bo":
            slot["login"] = vault.current_login()  # bo's slot now claims to be the admin's
    keyfile.key_file_path(db_path).write_text(json.dumps(document), encoding="utf-8")
    database.close()
    with pytest.raises(CannotOpenDatabase):
        vault.unlock_with_passphrase(db_path, BO_PASSPHRASE)


def test_removal_rotates_the_key_and_remembered_keys_of_the_others_keep_working(
        database, db_path, admin, bo_code, memory_keyring):
    keystore = vault.KeyStore(memory_keyring)
    complete_enrolment(db_path, "bo", bo_code, BO_PASSPHRASE, remember=True,
                       keystore=keystore).close()
    vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE, remember=True,
                                 keystore=keystore).close()
    old_key = database.raw_key.key
    removal = remove_person(Context(database, admin), "bo").value
    assert removal.login == "bo" and database.raw_key.key != old_key
    database.close()
    with pytest.raises(CannotOpenDatabase):
        _as_bo(db_path)
    with pytest.raises(KeyUnavailable):
        vault.unlock_with_keyring(db_path, keystore, login="bo")
    again = vault.unlock_with_keyring(db_path, keystore)  # no passphrase needed for the rest
    try:
        assert check_database(again).ok  # bo's earlier events still verify
        with pytest.raises(AccessDenied):
            resolve_actor(again, "bo")
    finally:
        again.close()


def test_removal_re_encrypts_the_team_s_backups_and_destroys_what_the_old_key_cannot_open(
        database, db_path, admin, bo_code):
    from mentordesk.security.backups import automatic_backup, automatic_folder

    made = automatic_backup(database)
    stranger = automatic_folder(db_path) / "fremmed.mentordesk"
    stranger.write_bytes(bytes(range(256)) * 8)  # under no key of this team
    removal = remove_person(Context(database, admin), "bo").value
    assert removal.backups_destroyed == [stranger] and not stranger.exists()
    assert removal.backups_reencrypted >= 1 and made is not None and made.exists()
    backup = Database.open(made, RawKey(database.raw_key.key, made.read_bytes()[:16]))
    backup.close()


def test_removal_is_refused_for_oneself_and_for_the_recovery_key(database, admin):
    context = Context(database, admin)
    with pytest.raises(AccessDenied):
        remove_person(context, admin.login)
    with pytest.raises(AccessDenied):
        remove_person(context, "gendannelse")


def test_only_an_administrator_manages_keys(database, admin, bo_code):
    context = Context(database, admin)
    create_user(context, NewUser(login="kim", full_name="Kim", role=Role.COORDINATOR))
    coordinator = Context(database, resolve_actor(database, "kim"))
    for attempt in (lambda: enrol_person(coordinator, "bo"),
                    lambda: remove_person(coordinator, "bo"),
                    lambda: renew_recovery_key(coordinator)):
        with pytest.raises(AccessDenied):
            attempt()
    assert keyfile.load(database.path).slot_for("bo").kind is SlotKind.ENROLMENT


def test_a_rotation_cut_off_after_re_encrypting_is_finished_at_the_next_unlock(
        database, db_path, admin):
    """The crash window of a removal: the file is on the new key, the next key file is
    written, but not yet moved into place."""
    create_citizen(Context(database, admin), NewCitizen(first_name="Karl", last_name="Krak"))
    from mentordesk.storage.engine import RawKey

    new_key = RawKey(bytes(range(32)), database.raw_key.salt)
    keyfile.save_next(db_path, keyfile.load(db_path).resealed(new_key.key))
    old_key = database.raw_key
    database.close()
    rekey_file(db_path, old_key, new_key)
    reopened = vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE)
    try:
        assert reopened.raw_key.key == new_key.key
        assert not keyfile.next_key_file_path(db_path).exists()
        actor = resolve_actor(reopened, admin.login)
        assert [row.display_name for row in list_citizens(Context(reopened, actor))] == [
            "Karl Krak"]
    finally:
        reopened.close()


def test_a_new_recovery_key_replaces_the_old_one(database, db_path, admin):
    new_key = renew_recovery_key(Context(database, admin)).value
    database.close()
    as_recovery = vault.unlock_with_passphrase(db_path, new_key, login="gendannelse")
    try:
        actor = resolve_actor(as_recovery, "gendannelse")
        assert actor.role.value == "admin"
        with as_recovery.read_session() as session:
            assert verify_signatures(session).ok
    finally:
        as_recovery.close()


def test_the_recovery_sheet_names_the_team_and_carries_the_key_only_when_asked(
        database, admin, pdf_text, tmp_path):
    from mentordesk.security.workflows import save_recovery_sheet

    key = renew_recovery_key(Context(database, admin)).value
    assert not list(tmp_path.rglob("*.pdf"))
    sheet = save_recovery_sheet(Context(database, admin), tmp_path / "ark.pdf", key)
    text = pdf_text(sheet)
    assert "Testteamet" in text and key in text and "gendannelse" in text
    assert TEST_PASSPHRASE not in text
