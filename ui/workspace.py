"""An opened database together with who is using it: what the main window works on.

Built on the worker thread (``load_workspace`` reads the database), handed to the GUI by
signal; the GUI then reads only these plain attributes, never the database itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from mentordesk.kernel.actor import Actor
from mentordesk.services.team import resolve_actor
from mentordesk.storage.database import TEAM_NAME_KEY, Database
from mentordesk.vault import require_identity


@dataclass(frozen=True)
class Workspace:
    database: Database
    actor: Actor
    team_name: str
    is_demo: bool
    file_id: str = ""  # keys this PC's keyring entry (with the login)

    @property
    def file_name(self) -> str:
        return self.database.path.name


def load_workspace(database: Database, login: str | None = None) -> Workspace:
    """Resolve the acting user and read the facts the window shows. Worker thread only.

    The acting user is the person the database was unlocked as. ``login`` exists for
    tests that act as several team members on one open file; the app never passes it.
    Closes the database if this fails, so a half-opened file is never left behind.
    """
    try:
        actor = resolve_actor(database, login or require_identity(database).login)
        return Workspace(
            database=database,
            actor=actor,
            team_name=database.meta(TEAM_NAME_KEY),
            is_demo=database.is_demo,
            file_id=database.file_id,
        )
    except BaseException:
        database.close()
        raise
