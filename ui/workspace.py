"""An opened database together with who is using it: what the main window works on.

Built on the worker thread (``load_workspace`` reads the database), handed to the GUI by
signal; the GUI then reads only these plain attributes, never the database itself.

``FirstView`` is what the window shows before that, at start-up: who opened the file and
their first citizens list, read before the ORM is loaded (``keys.first_opening``). Both
answer the window's questions (:class:`WindowFacts`). This module imports the database
layer only inside its functions, so start-up can use it before that layer loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from mentordesk.kernel.actor import Actor
from mentordesk.storage.citizen_rows import CitizenRow

if TYPE_CHECKING:
    from mentordesk.keys.first_opening import FirstOpening
    from mentordesk.server.profiles import ConnectionProfile
    from mentordesk.storage.database import Database, ServerDatabase


class WindowFacts(Protocol):
    """What the main window's frame shows: title, status bar, the menu's choices."""

    @property
    def actor(self) -> Actor: ...
    @property
    def team_name(self) -> str: ...
    @property
    def is_demo(self) -> bool: ...
    @property
    def is_server(self) -> bool: ...
    @property
    def server_title(self) -> str: ...
    @property
    def file_name(self) -> str: ...
    @property
    def file_path(self) -> Path | None: ...


@dataclass(frozen=True)
class Workspace:
    database: Database
    actor: Actor
    team_name: str
    is_demo: bool
    file_id: str = ""  # keys this PC's keyring entry (with the login)
    server: ConnectionProfile | None = None  # the profile it was reached by, on a server

    @property
    def is_server(self) -> bool:
        return self.server is not None

    @property
    def server_title(self) -> str:
        """"login @ host/dbname" on a team server, else ""."""
        return self.server.title() if self.server is not None else ""

    @property
    def file_name(self) -> str:
        """The file's name, or on a team server where the window says it is connected."""
        return self.server_title or self.database.path.name

    @property
    def file_path(self) -> Path | None:
        return None if self.is_server else self.database.path


@dataclass(frozen=True)
class FirstView:
    """The window's facts and first list, known before the full open has finished."""

    actor: Actor
    team_name: str
    is_demo: bool
    file_path: Path
    rows: tuple[CitizenRow, ...]
    is_server: bool = False  # a team server is reached the full way only
    server_title: str = ""

    @property
    def file_name(self) -> str:
        return self.file_path.name

    @classmethod
    def of(cls, opening: FirstOpening, path: Path) -> FirstView:
        look = opening.look
        actor = Actor(user_id=look.user_id, login=look.login, full_name=look.full_name,
                      role=look.role)
        return cls(actor=actor, team_name=look.team_name, is_demo=look.is_demo,
                   file_path=path, rows=look.rows)


def load_workspace(database: Database, login: str | None = None) -> Workspace:
    """Resolve the acting user and read the facts the window shows. Worker thread only.

    The acting user is the person the database was unlocked as. ``login`` exists for
    tests that act as several team members on one open file; the app never passes it.
    Closes the database if this fails, so a half-opened file is never left behind.
    """
    from mentordesk.services.team import resolve_actor
    from mentordesk.storage.database import TEAM_NAME_KEY
    from mentordesk.vault import require_identity

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


def load_server_workspace(database: ServerDatabase, profile: ConnectionProfile) -> Workspace:
    """As :func:`load_workspace` on a team server: the acting user is the login the
    server authenticated (``current_user``), never a name typed on this PC."""
    from mentordesk.services.team import resolve_actor
    from mentordesk.storage.database import TEAM_NAME_KEY

    try:
        return Workspace(
            database=database,
            actor=resolve_actor(database, profile.login),
            team_name=database.meta(TEAM_NAME_KEY),
            is_demo=False,
            file_id=database.file_id,
            server=profile,
        )
    except BaseException:
        database.close()
        raise
