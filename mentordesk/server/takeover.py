"""``server init`` then ``server import``: the file moves into a database init has set up.

IT may well set a team's server up first (``server init``: schema, catalogue, roles, the
first admin) and move the file afterwards. Such a database holds only init's rows: the
team name, the default catalogue and the migrations' reference rows, the first admin's
user row and init's log events. The import takes those away, copies the file as into an
empty database (the file's catalogue, which the team may have edited, replaces init's),
and afterwards keeps the first admin and tells init's events again after the file's
history, so the log is one chain. A database with anything else (a citizen, a second
person, any other event) holds a team already and is refused with nothing written.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from mentordesk.audit_admin.labels import local_time
from mentordesk.domain.codes import Role
from mentordesk.domain.dates import format_date
from mentordesk.server.import_errors import ImportRefused
from mentordesk.server.people import role_name_for
from mentordesk.storage import server_roles
from mentordesk.storage.queries import server_setup
from mentordesk.storage.queries.table_copy import any_row, copied_tables, delete_all_rows

# Given reference rows by the migrations (0007's limitation rules, 0011's legal bases): a
# fresh schema holds them, so they do not make a database "not empty", and they are
# replaced by the file's own rows (which the team may have edited), ids and all.
MIGRATION_SEEDED_TABLES = frozenset({"limitation_rule", "legal_basis"})
# What init fills (seed_default_catalogue's tables, the migrations' reference rows, the
# team's settings, the first admin, the log); every other table must be empty.
SETUP_TABLES = frozenset({"app_meta", "audit_event", "user", "legal_basis", "course_type",
                          "norm_rate", "limitation_rule", "vum_term", "economy_item"})
# init's events (and an app's first admin, registered the same way): people created.
SETUP_EVENTS = frozenset({("create", "user"), ("create", "database")})
# The first admin's row as init made it; the id is the server's anew.
_USER_COLUMNS = ("login", "full_name", "role", "weekly_capacity_minutes", "is_volunteer",
                 "active", "created_at")


@dataclass(frozen=True)
class SetupEvent:
    occurred_at: str
    actor: str
    action: str
    entity: str
    entity_id: int | None
    detail: str


@dataclass(frozen=True)
class InitialSetup:
    """What init made that outlives the import: its first admin and its events."""

    admin: dict[str, object]
    events: list[SetupEvent]

    @property
    def admin_login(self) -> str:
        return str(self.admin["login"])


def take_over(server: Connection, where: str) -> InitialSetup | None:
    """Check that ``server`` holds only init's rows, remember what outlives the import,
    and remove every row, so the file's go in as into an empty database. None: a schema
    with only the migrations' reference rows, which the copy replaces by itself."""
    filled = [table for table in copied_tables() if server.execute(any_row(table)).scalar()]
    if all(table.name in MIGRATION_SEEDED_TABLES for table in filled):
        return None
    others = [table.name for table in filled if table.name not in SETUP_TABLES]
    users = server.execute(server_setup.all_users()).mappings().all()
    events = server.execute(server_setup.all_events()).mappings().all()
    strange_events = [event for event in events
                      if (event["action"], event["entity"]) not in SETUP_EVENTS]
    admins = [user for user in users if user["role"] == Role.ADMIN.value]
    if others or strange_events or len(users) != 1 or len(admins) != 1:
        what = (f"tabellen {', '.join(others)} har rækker" if others
                else "den har andre brugere eller hændelser end opsætningens")
        raise ImportRefused(
            f"Databasen {where} er ikke tom ({what}). En fil flyttes kun til en tom database "
            "eller en, som 'server init' lige har sat op.")
    setup = InitialSetup(
        {column: admins[0][column] for column in _USER_COLUMNS},
        [SetupEvent(event["occurred_at"], event["user_login"], event["action"],
                    event["entity"], event["entity_id"], event["detail"]) for event in events])
    server_setup.remove_log_events(server)
    for table in reversed(filled):
        if table.name != "audit_event":
            server.execute(delete_all_rows(table))
    return setup


def keep_first_admin(server: Connection, setup: InitialSetup) -> int:
    """The first admin stays admin: the file's row with the same login (lower-cased as
    its role will be) made an active admin, or init's row again after the file's users.
    Returns the admin's user id on the server."""
    for user in server.execute(server_setup.all_users()).mappings():
        if role_name_for(user["login"]) == setup.admin_login:
            server.execute(server_setup.make_active_admin(user["login"]))
            return int(user["id"])
    return int(server.execute(server_setup.insert_user(), setup.admin).scalar_one())


def retell(server: Connection, setup: InitialSetup, admin_id: int) -> None:
    """init's events again after the file's history, each under its own actor and
    naming when it first happened (the file's chain came first, so init's own links
    could not be kept)."""
    for event in setup.events:
        entity_id = admin_id if event.entity == "user" else event.entity_id
        moment = local_time(event.occurred_at)
        when = f"{format_date(moment.date())} {moment:%H:%M}"
        server_roles.log_event(server, event.action, event.entity, entity_id,
                               f"Fra opsætningen {when}: {event.detail}", actor=event.actor)
