"""Passphrase change (rekey), the keyring after it, and the recovery sheet."""

from __future__ import annotations

import pytest
from conftest import TEST_PASSPHRASE

from mentordesk import vault
from mentordesk.errors import CannotOpenDatabase, KeyUnavailable, WeakPassphrase
from mentordesk.kernel.context import Context
from mentordesk.security.recovery_sheet import (
    build_recovery_sheet,
    default_sheet_path,
    facts_for,
    write_recovery_sheet,
)
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.storage.backup import backup_folder_for
from mentordesk.storage.engine import read_salt

NEW_PASSPHRASE = "en ny og bedre adgangskode 2027"


def test_rekey_changes_key_and_salt_and_keeps_data(database, admin, db_path, memory_keyring):
    keystore = vault.KeyStore(memory_keyring)
    create_citizen(Context(database, admin), NewCitizen(first_name="Åse", last_name="Rekey"))
    keystore.remember(database.raw_key)
    old_salt = read_salt(db_path)
    reopened = vault.rekey(database, NEW_PASSPHRASE, keystore=keystore)
    reopened.close()
    new_salt = read_salt(db_path)
    assert new_salt != old_salt
    with pytest.raises(CannotOpenDatabase):
        vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE)
    # This PC's remembered key moved to the new salt; the old entry is gone.
    assert memory_keyring.get_password(vault.KEYRING_SERVICE, old_salt.hex()) is None
    by_keyring = vault.unlock_with_keyring(db_path, keystore)
    try:
        from mentordesk.services.citizens import list_citizens
        from mentordesk.services.team import resolve_actor

        actor = resolve_actor(by_keyring, vault.current_login())
        names = [row.display_name for row in list_citizens(Context(by_keyring, actor))]
        assert names == ["Åse Rekey"]
    finally:
        by_keyring.close()
    # The passphrase alone opens the file in plain SQLCipher (the recovery promise).
    import sqlcipher3

    connection = sqlcipher3.connect(str(db_path))
    connection.execute("PRAGMA key = '" + NEW_PASSPHRASE.replace("'", "''") + "'")
    assert connection.execute("SELECT count(*) FROM citizen").fetchone()[0] == 1
    connection.close()


def test_rekey_takes_a_backup_first_that_opens_with_the_old_passphrase(database, db_path):
    vault.rekey(database, NEW_PASSPHRASE).close()
    backups = list(backup_folder_for(db_path).glob("*foer-ny-adgangskode*"))
    assert len(backups) == 1
    old = vault.unlock_with_passphrase(backups[0], TEST_PASSPHRASE)
    old.close()


def test_rekey_is_audited(database, db_path):
    from sqlalchemy import select

    from mentordesk import audit
    from mentordesk.storage.models import AuditEvent

    reopened = vault.rekey(database, NEW_PASSPHRASE)
    with reopened.read_session() as session:
        actions = list(session.scalars(select(AuditEvent.action)))
        assert audit.verify_chain(session).ok
    reopened.close()
    assert actions[-1] == vault.REKEY_ACTION


def test_weak_new_passphrase_changes_nothing(database, db_path):
    before_salt = read_salt(db_path)
    with pytest.raises(WeakPassphrase):
        vault.rekey(database, "kort")
    database.close()
    assert read_salt(db_path) == before_salt
    vault.unlock_with_passphrase(db_path, TEST_PASSPHRASE).close()


def test_other_pc_with_old_remembered_key_is_asked_not_broken(database, db_path,
                                                              memory_keyring):
    """Another PC remembered the old key (under the old salt): after the rekey it finds
    no entry for the new salt and asks for the passphrase; the file is untouched."""
    other_pc = vault.KeyStore(type(memory_keyring)())
    other_pc.remember(database.raw_key)
    vault.rekey(database, NEW_PASSPHRASE).close()
    before = db_path.read_bytes()
    with pytest.raises(KeyUnavailable):
        vault.unlock_with_keyring(db_path, other_pc)
    assert db_path.read_bytes() == before
    reopened = vault.unlock_with_passphrase(db_path, NEW_PASSPHRASE, remember=True,
                                            keystore=other_pc)
    reopened.close()
    vault.unlock_with_keyring(db_path, other_pc).close()


def test_stale_keyring_entry_is_reported_as_stale(database, db_path, memory_keyring):
    database.close()
    memory_keyring.set_password(vault.KEYRING_SERVICE, read_salt(db_path).hex(), "cd" * 32)
    with pytest.raises(vault.StaleKey):
        vault.unlock_with_keyring(db_path, vault.KeyStore(memory_keyring))
    assert [entry.name for entry in db_path.parent.iterdir()] == [db_path.name]


def test_generated_passphrases_are_strong_and_differ():
    first, second = vault.generate_passphrase(), vault.generate_passphrase()
    assert first != second and len(first) == 29
    vault.check_passphrase_strength(first)


def test_recovery_sheet_names_team_and_file_but_not_a_typed_passphrase(database, pdf_text):
    facts = facts_for(database)
    text = pdf_text(build_recovery_sheet(facts))
    assert "Gendannelsesark for MentorDesk" in text
    assert "Testteamet" in text and facts.file_id in text
    assert "Skriv i hånden" in text
    assert TEST_PASSPHRASE not in text


def test_recovery_sheet_prints_a_generated_passphrase(database, pdf_text, tmp_path):
    generated = vault.generate_passphrase()
    path = write_recovery_sheet(default_sheet_path(database.path),
                                facts_for(database, generated_passphrase=generated))
    assert path.name == "team-gendannelsesark.pdf"
    assert generated in pdf_text(path)
