"""Creating, unlocking and remembering keys with a real (in-memory) keyring backend."""

from __future__ import annotations

import pytest
from conftest import TEST_PASSPHRASE

from mentordesk import audit, vault
from mentordesk.errors import CannotOpenDatabase, KeyUnavailable, WeakPassphrase
from mentordesk.services import new_team
from mentordesk.storage.engine import read_salt


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


def test_remember_stores_raw_key_keyed_by_salt(database, db_path, memory_keyring):
    database.close()
    keystore = vault.KeyStore(memory_keyring)
    vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE, remember=True, keystore=keystore).close()
    salt = read_salt(db_path)
    stored = memory_keyring.get_password(vault.KEYRING_SERVICE, salt.hex())
    assert stored is not None and len(bytes.fromhex(stored)) == 32
    assert TEST_PASSPHRASE not in stored
    reopened = vault.unlock_with_keyring(db_path, keystore)
    assert reopened.meta("team_name") == "Testteamet"
    reopened.close()


def test_forget_then_keyring_unlock_asks_for_passphrase(database, db_path, memory_keyring):
    database.close()
    keystore = vault.KeyStore(memory_keyring)
    vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE, remember=True, keystore=keystore).close()
    keystore.forget(read_salt(db_path))
    with pytest.raises(KeyUnavailable):
        vault.unlock_with_keyring(db_path, keystore)


def test_wrong_keyring_entry_falls_back_to_passphrase(database, db_path, memory_keyring):
    database.close()
    salt = read_salt(db_path)
    memory_keyring.set_password(vault.KEYRING_SERVICE, salt.hex(), "ab" * 32)
    before = db_path.read_bytes()
    with pytest.raises(KeyUnavailable, match="adgangskoden"):
        vault.unlock_with_keyring(db_path, vault.KeyStore(memory_keyring))
    assert db_path.read_bytes() == before
    memory_keyring.set_password(vault.KEYRING_SERVICE, salt.hex(), "not hex at all")
    with pytest.raises(KeyUnavailable):
        vault.unlock_with_keyring(db_path, vault.KeyStore(memory_keyring))


def test_missing_keyring_backend_means_ask(database, db_path):
    """On a PC without a keyring (keyring's fail backend) the app must ask, not crash."""
    from keyring.backends.fail import Keyring as FailKeyring

    database.close()
    keystore = vault.KeyStore(FailKeyring())
    assert keystore.remember(vault.derive_key("x" * 12, read_salt(db_path))) is False
    with pytest.raises(KeyUnavailable):
        vault.unlock_with_keyring(db_path, keystore)


def test_failed_unlock_is_audited_at_next_unlock(database, db_path):
    database.close()
    for _ in range(2):
        with pytest.raises(CannotOpenDatabase):
            vault.unlock_with_passphrase(db_path, "forkert adgangskode igen")
    reopened = vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE)
    with reopened.read_session() as session:
        from sqlalchemy import select

        from mentordesk.storage.models import AuditEvent

        failed = session.scalars(
            select(AuditEvent).where(AuditEvent.action == audit.Action.UNLOCK_FAILED.value)
        ).all()
        assert len(failed) == 2
        assert all(event.user_login == vault.current_login() for event in failed)
        assert audit.verify_chain(session).ok
    reopened.close()
    # Flushed once: a further unlock adds no duplicates.
    again = vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE)
    with again.read_session() as session:
        from sqlalchemy import func, select

        from mentordesk.storage.models import AuditEvent

        count = session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == audit.Action.UNLOCK_FAILED.value))
        assert count == 2
    again.close()


def test_key_derivation_matches_sqlcipher_defaults():
    """PBKDF2-HMAC-SHA512, 256 000 iterations, 32 bytes: SQLCipher 4's own settings."""
    import hashlib

    salt = bytes(range(16))
    expected = hashlib.pbkdf2_hmac("sha512", b"abc", salt, 256_000, 32)
    assert vault.derive_key("abc", salt).key == expected


def test_the_apps_keystore_remembers_in_the_process_keyring(database, db_path, memory_keyring):
    """The app builds ``KeyStore()`` without a backend, so the key goes to whatever keyring
    the process has: the OS's in the app, here the one set with ``keyring.set_keyring``."""
    import keyring

    assert keyring.get_keyring() is memory_keyring
    database.close()
    vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE, remember=True).close()
    salt = read_salt(db_path)
    assert list(memory_keyring.secrets) == [(vault.KEYRING_SERVICE, salt.hex())]
    reopened = vault.unlock_with_keyring(db_path)
    assert reopened.meta("team_name") == "Testteamet"
    reopened.close()
    vault.KeyStore().forget(salt)
    assert memory_keyring.secrets == {}
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
    assert vault.KeyStore().recall(read_salt(db_path)) is None
    with pytest.raises(KeyUnavailable, match="adgangskoden"):
        vault.unlock_with_keyring(db_path)
    vault.KeyStore().forget(read_salt(db_path))  # nothing remembered: nothing to forget


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
