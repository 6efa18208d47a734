"""Creating, unlocking and remembering keys with a real (in-memory) keyring backend."""

from __future__ import annotations

import pytest
from conftest import TEST_PASSPHRASE

from mentordesk import audit, vault
from mentordesk.errors import CannotOpenDatabase, KeyUnavailable, WeakPassphrase
from mentordesk.keys import keyfile
from mentordesk.keys.crypto import PersonKeys
from mentordesk.services import new_team

pytestmark = pytest.mark.file_only(
    reason="the file's keys in the keyring; a server's password: tests/server")


@pytest.mark.parametrize("weak", ["", "kort", "elleve tegn", "aaaaaaaaaaaaaaaa"])
def test_weak_passphrases_are_refused_and_nothing_is_created(weak, db_path):
    with pytest.raises(WeakPassphrase):
        new_team.create_database(db_path, weak, team_name="Team")
    assert not db_path.exists()
    assert list(db_path.parent.iterdir()) == []


def test_first_user_is_admin(database, admin):
    assert admin.role.value == "admin"
    assert admin.login == vault.current_login()


def test_unlock_by_passphrase(database, db_path):
    database.close()
    reopened = vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE)
    assert reopened.meta("team_name") == "Testteamet"
    reopened.close()


def _file_id(db_path) -> str:
    return keyfile.load(db_path).file_id


def test_remember_keeps_the_persons_keys_keyed_by_file_and_login(database, db_path,
                                                                  memory_keyring):
    database.close()
    keystore = vault.KeyStore(memory_keyring)
    vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE, remember=True, keystore=keystore).close()
    entry = f"{_file_id(db_path)}:{vault.current_login().casefold()}"
    stored = memory_keyring.get_password(vault.KEYRING_SERVICE, entry)
    assert stored is not None and TEST_PASSPHRASE not in stored
    reopened = vault.unlock_with_keyring(db_path, keystore)
    assert reopened.meta("team_name") == "Testteamet"
    assert reopened.signer is not None and reopened.signer.login == vault.current_login()
    reopened.close()
    # Another login on the same Windows account gets nothing from it.
    with pytest.raises(KeyUnavailable):
        vault.unlock_with_keyring(db_path, keystore, login="en-anden")


def test_forget_then_keyring_unlock_asks_for_passphrase(database, db_path, memory_keyring):
    database.close()
    keystore = vault.KeyStore(memory_keyring)
    vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE, remember=True, keystore=keystore).close()
    keystore.forget(_file_id(db_path), vault.current_login())
    with pytest.raises(KeyUnavailable):
        vault.unlock_with_keyring(db_path, keystore)


def test_wrong_keyring_entry_falls_back_to_passphrase(database, db_path, memory_keyring):
    database.close()
    entry = f"{_file_id(db_path)}:{vault.current_login().casefold()}"
    memory_keyring.set_password(vault.KEYRING_SERVICE, entry,
                                PersonKeys.generate().to_text())  # someone else's keys
    before = db_path.read_bytes()
    with pytest.raises(KeyUnavailable, match="adgangskoden"):
        vault.unlock_with_keyring(db_path, vault.KeyStore(memory_keyring))
    assert db_path.read_bytes() == before
    memory_keyring.set_password(vault.KEYRING_SERVICE, entry, "not base64 at all")
    with pytest.raises(KeyUnavailable):
        vault.unlock_with_keyring(db_path, vault.KeyStore(memory_keyring))


def test_missing_keyring_backend_means_ask(database, db_path):
    """On a PC without a keyring (keyring's fail backend) the app must ask, not crash."""
    from keyring.backends.fail import Keyring as FailKeyring

    database.close()
    keystore = vault.KeyStore(FailKeyring())
    assert keystore.remember(_file_id(db_path), "x", PersonKeys.generate()) is False
    with pytest.raises(KeyUnavailable):
        vault.unlock_with_keyring(db_path, keystore)


def test_failed_unlock_is_audited_at_next_unlock_dated_now(database, db_path):
    database.close()
    started = audit.utc_timestamp()
    for _ in range(2):
        with pytest.raises(CannotOpenDatabase):
            vault.unlock_with_passphrase(db_path, "forkert adgangskode igen")
    reopened = vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE)
    with reopened.read_session() as session:
        failed = _failed_unlocks(session)
        assert len(failed) == 2
        assert all(vault.current_login() in event.detail for event in failed)
        assert all(event.occurred_at >= started for event in failed)
        assert audit.verify_chain(session).ok
    reopened.close()
    # Flushed once: a further unlock adds no duplicates.
    again = vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE)
    with again.read_session() as session:
        assert len(_failed_unlocks(session)) == 2
    again.close()


def test_forged_failed_unlock_notes_never_become_backdated_events(database, db_path):
    """The note file is outside the encryption: notes written by hand (or for another
    file) are rejected, and the rejection itself is logged."""
    import json

    from mentordesk.paths import state_dir

    database.close()
    file_id = _file_id(db_path)
    forged = [{"file_id": file_id, "login": "chefen", "at": "2019-01-01T00:00:00+00:00",
               "mac": "00" * 32},
              {"file_id": file_id, "login": "x", "at": "2019-01-01T00:00:00+00:00"},
              "not even a note"]
    (state_dir() / "failed-unlocks.json").write_text(json.dumps(forged), encoding="utf-8")
    reopened = vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE)
    with reopened.read_session() as session:
        events = _failed_unlocks(session)
        assert not any(event.occurred_at.startswith("2019") for event in events)
        assert not any("chefen" in event.detail for event in events)
        assert len(events) == 1 and "afvist" in events[0].detail
    reopened.close()


def _failed_unlocks(session):
    from sqlalchemy import select

    from mentordesk.storage.models import AuditEvent

    return session.scalars(select(AuditEvent).where(
        AuditEvent.action == audit.Action.UNLOCK_FAILED.value)).all()


def test_the_apps_keystore_remembers_in_the_process_keyring(database, db_path, memory_keyring):
    """The app builds ``KeyStore()`` without a backend, so the key goes to whatever keyring
    the process has: the OS's in the app, here the one set with ``keyring.set_keyring``."""
    import keyring

    assert keyring.get_keyring() is memory_keyring
    database.close()
    vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE, remember=True).close()
    entry = f"{_file_id(db_path)}:{vault.current_login().casefold()}"
    assert (vault.KEYRING_SERVICE, entry) in memory_keyring.secrets
    reopened = vault.unlock_with_keyring(db_path)
    assert reopened.meta("team_name") == "Testteamet"
    reopened.close()
    vault.KeyStore().forget(_file_id(db_path), vault.current_login())
    assert (vault.KEYRING_SERVICE, entry) not in memory_keyring.secrets
    with pytest.raises(KeyUnavailable):
        vault.unlock_with_keyring(db_path)


def test_the_apps_keystore_asks_when_the_process_has_no_keyring(database, db_path):
    """keyring's fail backend is what a PC without a keyring gets: remembering is refused
    quietly and unlocking asks for the passphrase."""
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    keyring.set_keyring(FailKeyring())  # the autouse fixture puts the previous one back
    database.close()
    unlocked = vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE, remember=True)
    unlocked.close()
    assert vault.KeyStore().recall(_file_id(db_path), vault.current_login()) is None
    with pytest.raises(KeyUnavailable, match="adgangskoden"):
        vault.unlock_with_keyring(db_path)
    vault.KeyStore().forget(_file_id(db_path), vault.current_login())


def test_new_database_has_default_catalogue(database):
    from sqlalchemy import select

    from mentordesk.storage.models import CourseType, LegalBasis

    with database.read_session() as session:
        codes = set(session.scalars(select(LegalBasis.code)))
        courses = session.scalars(select(CourseType)).all()
    assert {"SEL §85", "SEL §99", "SEL §12", "LAB §42", "LAB §68a"} <= codes
    assert len(courses) >= 10
    psychologist = next(c for c in courses if "psykolog/psykiater" in c.name)
    assert psychologist.price_model and psychologist.price_oere == 50_000
    assert psychologist.min_weeks == 13
