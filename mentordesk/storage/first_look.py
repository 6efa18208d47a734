"""The first window's facts, read with one plain driver connection before the ORM loads.

Start-up shows the main window with its citizens list as soon as the key is known; the
full open (SQLAlchemy, the models, the key registry, the log's witness and triggers, the
UNLOCK event) follows right after the first paint (``ui.views.opening.flow``). This read
is what may happen before that, and only what the person may see:

- the schema must already be at ``SCHEMA_HEAD`` and the file must be the key file's own
  (a file to migrate or a foreign file goes the full way, which explains or migrates);
- the person is the key slot's login, and must be an active user of the file (an
  unknown or deactivated login goes the full way, which adds or refuses them);
- the list applies the app's visibility rule (``storage.queries.visibility``): a mentor
  sees their assigned and covered citizens only. ``tests/storage/test_first_look.py``
  holds these statements to the ORM's list for every kind of visibility.

Nothing is written here, and no citizen data is read but the list. The list's read is
logged by the full open, once it has logged the unlock (``services.citizens``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlcipher3

from mentordesk.domain.codes import Role
from mentordesk.storage.cipher_file import (
    RawKey,
    fingerprint,
    open_keyed,
    remove_side_files_created_by_failed_open,
)
from mentordesk.storage.citizen_rows import ANONYMOUS_MARK, CitizenRow
from mentordesk.storage.schema_version import SCHEMA_HEAD, VERSION_TABLE

# The app_meta keys of storage.database (not imported: that module loads SQLAlchemy).
_FILE_ID_KEY, _TEAM_NAME_KEY, _DEMO_KEY = "file_id", "team_name", "is_demo"

_REVISION = f"SELECT version_num FROM {VERSION_TABLE}"
_META = "SELECT key, value FROM app_meta WHERE key IN (?, ?, ?)"
_USER = 'SELECT id, full_name, role, active FROM "user" WHERE login = ?'

# The citizens list of storage.queries.citizens.citizen_list without filters, in the
# same column order (CitizenRow) and the same Danish sort order.
_LIST = """
SELECT citizen.id,
       CASE WHEN trim(citizen.first_name || ' ' || citizen.last_name) = ''
            THEN coalesce(nullif(citizen.alias, ''), :anonymous)
            ELSE trim(citizen.first_name || ' ' || citizen.last_name) END,
       CASE WHEN citizen.is_anonymous THEN coalesce(nullif(citizen.alias, ''), :anonymous)
            ELSE citizen.alias END,
       citizen.is_anonymous,
       CASE WHEN coalesce(citizen.cpr, '') = '' THEN ''
            ELSE substr(citizen.cpr, 1, 6) || '-xxxx' END,
       citizen.status,
       coalesce((SELECT "user".full_name FROM "user"
                 JOIN assignment ON assignment.user_id = "user".id
                 WHERE assignment.citizen_id = citizen.id AND assignment.kind = 'primary'
                   AND assignment.start_on <= :today
                   AND (assignment.end_on IS NULL OR assignment.end_on >= :today)
                 ORDER BY assignment.start_on DESC LIMIT 1), '')
FROM citizen
{visible}
ORDER BY citizen.search_key
"""
# storage.queries.visibility for a mentor: assigned today, or covering an absence today.
_MENTORS_CITIZENS = """
WHERE citizen.id IN (SELECT assignment.citizen_id FROM assignment
                     WHERE assignment.user_id = :user_id AND assignment.start_on <= :today
                       AND (assignment.end_on IS NULL OR assignment.end_on >= :today))
   OR citizen.id IN (SELECT absence_cover.citizen_id FROM absence_cover
                     JOIN absence ON absence.id = absence_cover.absence_id
                     WHERE absence_cover.substitute_id = :user_id
                       AND absence.start_on <= :today AND absence.end_on >= :today)
"""
_TEAM_ROLES = {Role.COORDINATOR, Role.ADMIN}  # kernel.actor: they see every case


@dataclass(frozen=True)
class FirstLook:
    """Who opened the file and the first citizens list they may see."""

    user_id: int
    login: str
    full_name: str
    role: Role
    team_name: str
    is_demo: bool
    rows: tuple[CitizenRow, ...]


def read_first_look(path: Path, raw_key: RawKey, login: str, file_id: str,
                    today: date | None = None) -> FirstLook | None:
    """The first window's facts, or None when only the full open may decide (see the
    module). A driver error is None too: the full open names what is wrong."""
    before = fingerprint(path)
    try:
        connection = open_keyed(path, raw_key)
    except sqlcipher3.Error:
        remove_side_files_created_by_failed_open(path, before)
        return None
    try:
        return _read(connection, login, file_id, today or date.today())
    except sqlcipher3.Error:
        return None
    finally:
        connection.close()


def _read(connection: sqlcipher3.Connection, login: str, file_id: str,
          today: date) -> FirstLook | None:
    connection.execute("BEGIN")  # one snapshot for all of it; never a write lock
    revision = connection.execute(_REVISION).fetchone()
    if revision is None or revision[0] != SCHEMA_HEAD:
        return None
    meta = dict(connection.execute(_META, (_FILE_ID_KEY, _TEAM_NAME_KEY, _DEMO_KEY)))
    if meta.get(_FILE_ID_KEY) != file_id:
        return None
    user = connection.execute(_USER, (login,)).fetchone()
    role = _role(user[2]) if user is not None and user[3] else None
    if user is None or role is None:
        return None
    user_id, full_name = int(user[0]), str(user[1])
    rows = _citizens(connection, None if role in _TEAM_ROLES else user_id, today)
    return FirstLook(user_id=user_id, login=login, full_name=full_name, role=role,
                     team_name=meta.get(_TEAM_NAME_KEY) or "",
                     is_demo=meta.get(_DEMO_KEY) == "1", rows=rows)


def _role(code: str) -> Role | None:
    try:
        return Role(code)
    except ValueError:
        return None


def _citizens(connection: sqlcipher3.Connection, mentor_id: int | None,
              today: date) -> tuple[CitizenRow, ...]:
    """Every case for the team roles (``mentor_id`` None), else the mentor's own."""
    statement = _LIST.format(visible="" if mentor_id is None else _MENTORS_CITIZENS)
    parameters: dict[str, object] = {"anonymous": ANONYMOUS_MARK, "today": today.isoformat()}
    if mentor_id is not None:
        parameters["user_id"] = mentor_id
    return tuple(
        CitizenRow(int(row[0]), row[1], row[2], bool(row[3]), row[4], row[5], row[6])
        for row in connection.execute(statement, parameters))
