"""An opened database together with who is using it: what the main window works on.

Built on the worker thread (``load_workspace`` reads the database), handed to the GUI by
signal; the GUI then reads only these plain attributes, never the database itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from mentordesk.kernel.actor import Actor
from mentordesk.services.team import resolve_actor
from mentordesk.storage.database import TEAM_NAME_KEY, Database
from mentordesk.vault import current_login


@dataclass(frozen=True)
class Workspace:
    database: Database
    actor: Actor
    team_name: str
    is_demo: bool

    @property
    def file_name(self) -> str:
        return self.database.path.name


def load_workspace(database: Database, login: str | None = None) -> Workspace:
    """Resolve the acting user and read the facts the window shows. Worker thread only.

    Closes the database if this fails, so a half-opened file is never left behind.
    """
    try:
        actor = resolve_actor(database, login or current_login())
        return Workspace(
            database=database,
            actor=actor,
            team_name=database.meta(TEAM_NAME_KEY),
            is_demo=database.is_demo,
        )
    except BaseException:
        database.close()
        raise
