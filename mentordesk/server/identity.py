"""Who acts on a team server: the person the server authenticated, never a local name."""

from __future__ import annotations

from mentordesk.errors import AccessDenied
from mentordesk.kernel.actor import Actor
from mentordesk.services.team import resolve_actor
from mentordesk.storage.database import ServerDatabase
from mentordesk.storage.queries.server import server_login
from mentordesk.storage.queries.team import user_with_login


def server_actor(database: ServerDatabase) -> Actor:
    """The acting user on a server: the user row whose login is ``current_user``.

    On the file an unknown login joins as a mentor without citizens; on a server a login
    role without a user row is refused instead: IT adds people with ``server add-user``,
    which makes both, so a role made by hand in ``psql`` gets no way in through the app.
    The unlock is written to the access log as on the file (``resolve_actor``).

    (The roles lane, ``pgroles``, builds the same rule in the core; the lead keeps one.)"""
    with database.read_session() as session:
        login = session.scalar(server_login()) or ""
        known = session.scalar(user_with_login(login)) is not None
    if not known:
        raise AccessDenied(f"Login «{login}» er ikke bruger i teamet på denne server. "
                           "Bed en administrator om at tilføje dig.")
    return resolve_actor(database, login)
