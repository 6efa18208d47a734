"""A new team's database: the encrypted file with its key slots, its default catalogue and
its first admin.

Lives above ``vault`` (which only knows keys and files) so that the key layer never
imports the services that fill a new file.
"""

from __future__ import annotations

from pathlib import Path

from mentordesk.services.catalogue import seed_default_catalogue
from mentordesk.services.team import register_first_admin
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
    (default: the OS login, only as a default) with ``passphrase`` as their own."""
    login = (admin_login or current_login()).strip()
    created = create_encrypted_database(path, passphrase, team_name=team_name,
                                        admin_login=login)
    database = created.database
    with database.session() as session:
        seed_default_catalogue(session)
    register_first_admin(database, login, admin_name or login)
    # Remembered last: a file that failed to fill leaves no key behind on this PC.
    if remember:
        from mentordesk.vault import require_identity

        identity = require_identity(database)
        (keystore or KeyStore()).remember(database.file_id, identity.login, identity.keys)
    return created
