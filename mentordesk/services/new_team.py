"""A new team's database: the encrypted file with its key slots, its default catalogue and
its first admin.

Lives above ``vault`` (which only knows keys and files) so that the key layer never
imports the services that fill a new file.
"""

from __future__ import annotations

from pathlib import Path

from mentordesk.services.catalogue import seed_default_catalogue
from mentordesk.services.team import register_first_admin
from mentordesk.storage.database import Database
from mentordesk.storage.new_file import build_then_move
from mentordesk.vault import KeyStore, NewDatabase, create_encrypted_database, current_login


def create_database(
    path: Path,
    passphrase: str,
    *,
    team_name: str,
    remember: bool = False,
    keystore: KeyStore | None = None,
    admin_login: str | None = None,
    admin_name: str = "",
) -> NewDatabase:
    """Create a new encrypted database whose first user is its admin: ``admin_login``
    (default: the OS login, only as a default) with ``passphrase`` as their own.

    Built under a temporary name and renamed when complete (``storage.new_file``), the key
    file with it: a run killed half-way leaves no file at ``path`` that passes ``check``
    or blocks a retry."""
    login = (admin_login or current_login()).strip()
    recovery_keys: list[str] = []

    def build(temporary: Path) -> Database:
        created = create_encrypted_database(temporary, passphrase, team_name=team_name,
                                            admin_login=login)
        database = created.database
        try:
            with database.session() as session:
                seed_default_catalogue(session)
            register_first_admin(database, login, admin_name or login)
        except BaseException:
            database.close()
            raise
        recovery_keys.append(created.recovery_key)
        return database

    database = build_then_move(path, build)
    # Remembered last: a file that failed to fill leaves no key behind on this PC.
    if remember:
        from mentordesk.vault import require_identity

        identity = require_identity(database)
        (keystore or KeyStore()).remember(database.file_id, identity.login, identity.keys)
    return NewDatabase(database, recovery_keys[0])
