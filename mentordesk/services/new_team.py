"""A new team's database: the encrypted file, its default catalogue and its first admin.

Lives above ``vault`` (which only knows keys and files) so that the key layer never
imports the services that fill a new file.
"""

from __future__ import annotations

from pathlib import Path

from mentordesk.services.catalogue import seed_default_catalogue
from mentordesk.services.team import register_first_admin
from mentordesk.storage.database import Database
from mentordesk.storage.new_file import build_then_move
from mentordesk.vault import KeyStore, create_encrypted_database, current_login


def create_database(
    path: Path,
    passphrase: str,
    *,
    team_name: str,
    remember: bool = False,
    keystore: KeyStore | None = None,
    admin_login: str | None = None,
    admin_name: str = "",
) -> Database:
    """Create a new encrypted database whose first user (this PC's login) is admin.

    Built under a temporary name and renamed when complete (``storage.new_file``): a run
    killed half-way leaves no file at ``path`` that passes ``check`` or blocks a retry."""

    def build(temporary: Path) -> Database:
        database = create_encrypted_database(temporary, passphrase, team_name=team_name)
        try:
            with database.session() as session:
                seed_default_catalogue(session)
            login = admin_login or current_login()
            register_first_admin(database, login, admin_name or login)
        except BaseException:
            database.close()
            raise
        return database

    database = build_then_move(path, build)
    # Remembered last: a file that failed to fill leaves no key behind on this PC.
    if remember:
        (keystore or KeyStore()).remember(database.raw_key)
    return database
