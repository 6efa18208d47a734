"""The first window's list, read before the ORM loads, shows exactly what the app's list
shows to that person: a mentor never sees a citizen they are not assigned to or covering."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from mentordesk import audit
from mentordesk.domain.codes import Role
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens
from mentordesk.storage.database import FILE_ID_KEY
from mentordesk.storage.first_look import read_first_look
from mentordesk.storage.models import Absence, AbsenceCover, Assignment, User

TODAY = date(2026, 11, 23)
LAST_SPRING = date(2026, 4, 1)
DAY = timedelta(days=1)

CITIZENS = {
    # key: (first name, last name, alias, anonymous, cpr)
    "primary": ("Åse", "Ågård", "", False, "0101909011"),
    "substitute": ("Øjvind", "Østergaard", "", False, "0202909022"),
    "ended": ("Æbelø", "Ærø", "", False, "0303909033"),
    "future": ("Anders", "And", "", False, ""),
    "covered": ("", "", "Ravnen", True, ""),
    "covered_last_spring": ("Bodil", "Bæk", "", False, "0404909044"),
    "deactivated_mentors": ("Carl", "Cederholm", "", False, ""),
    "nobody's": ("Dorte", "Dahl", "", False, ""),
}


@pytest.fixture
def team(database, admin):
    """A team with one citizen for every way a mentor may or may not see a case."""
    ids = {key: create_citizen(Context(database, admin), NewCitizen(
        first_name=first, last_name=last, alias=alias, anonymous=anonymous, cpr=cpr)).value
        for key, (first, last, alias, anonymous, cpr) in CITIZENS.items()}
    with database.session() as session:
        mona, otto = (User(login=login, full_name=name, role=Role.MENTOR.value)
                      for login, name in (("mona", "Mona Mentor"), ("otto", "Otto Olsen")))
        kirsten = User(login="kirsten", full_name="Kirsten Koordinator",
                       role=Role.COORDINATOR.value)
        gone = User(login="gone", full_name="Gitte Gået", role=Role.MENTOR.value,
                    active=False)
        session.add_all([mona, otto, kirsten, gone])
        session.flush()
        session.add_all([
            _assignment(ids["primary"], mona, "primary", TODAY - 30 * DAY, None),
            _assignment(ids["substitute"], mona, "substitute", TODAY - 3 * DAY, TODAY + 3 * DAY),
            _assignment(ids["substitute"], otto, "primary", TODAY - 90 * DAY, None),
            _assignment(ids["ended"], mona, "primary", TODAY - 90 * DAY, TODAY - DAY),
            _assignment(ids["future"], mona, "primary", TODAY + DAY, None),
            _assignment(ids["covered"], otto, "primary", TODAY - 400 * DAY, None),
            _assignment(ids["covered_last_spring"], otto, "primary", TODAY - 400 * DAY, None),
            _assignment(ids["deactivated_mentors"], gone, "primary",
                        TODAY - 10 * DAY, None),
        ])
        now_away = Absence(user_id=otto.id, kind="vacation", start_on=TODAY - DAY,
                           end_on=TODAY + 5 * DAY)
        spring_away = Absence(user_id=otto.id, kind="sick", start_on=LAST_SPRING - DAY,
                              end_on=LAST_SPRING + DAY)
        session.add_all([now_away, spring_away])
        session.flush()
        session.add_all([
            AbsenceCover(absence_id=now_away.id, citizen_id=ids["covered"],
                         substitute_id=mona.id),
            AbsenceCover(absence_id=spring_away.id, citizen_id=ids["covered_last_spring"],
                         substitute_id=mona.id),
        ])
        people = {user.login: _actor(user) for user in (mona, otto, kirsten, gone)}
    return ids, people


def _assignment(citizen_id: int, user: User, kind: str, start_on: date,
                end_on: date | None) -> Assignment:
    return Assignment(citizen_id=citizen_id, user_id=user.id, kind=kind, start_on=start_on,
                      end_on=end_on)


def _actor(user: User) -> Actor:
    return Actor(user_id=user.id, login=user.login, full_name=user.full_name,
                 role=Role(user.role))


def _look(database, login: str, day: date = TODAY):
    return read_first_look(database.path, database.raw_key, login,
                           database.meta(FILE_ID_KEY), day)


@pytest.mark.parametrize("day", [TODAY, LAST_SPRING])
@pytest.mark.parametrize("login", ["mona", "otto", "kirsten", "admin"])
def test_the_first_list_is_the_apps_list_for_every_role_and_day(database, admin, team,
                                                                login, day):
    _ids, people = team
    actor = admin if login == "admin" else people[login]
    look = _look(database, actor.login, day)
    assert look is not None
    assert (look.user_id, look.login, look.full_name, look.role) == (
        actor.user_id, actor.login, actor.full_name, actor.role)
    assert list(look.rows) == list_citizens(Context(database, actor), today=day)


def test_a_mentor_sees_only_assigned_and_covered_citizens(database, team):
    ids, _people = team
    look = _look(database, "mona")
    assert look is not None
    assert {row.id for row in look.rows} == {ids["primary"], ids["substitute"], ids["covered"]}
    shown = {row.id: row for row in look.rows}
    assert shown[ids["covered"]].alias == "Ravnen"
    assert shown[ids["substitute"]].primary_mentor == "Otto Olsen"
    assert all("9022" not in repr(row) for row in look.rows)  # the CPR number stays masked


def test_unknown_deactivated_or_foreign_opening_is_left_to_the_full_open(database, team):
    assert _look(database, "nobody") is None  # the full open adds them as a mentor
    assert _look(database, "gone") is None  # the full open logs and refuses
    assert read_first_look(database.path, database.raw_key, "mona", "another-file", TODAY) \
        is None


def test_a_schema_to_migrate_is_left_to_the_full_open(database, team):
    with database.session() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '0013_scale_indexes'"))
    assert _look(database, "mona") is None


def test_nothing_is_written_or_logged_by_the_first_look(database, team):
    with database.read_session() as session:
        before = audit.verify_chain(session).checked
    assert _look(database, "mona") is not None
    with database.read_session() as session:
        assert audit.verify_chain(session).checked == before


def test_the_first_look_loads_no_sqlalchemy(database, team, tmp_path: Path):
    """What makes start-up fast: the first list is read with the driver alone."""
    script = textwrap.dedent(f"""
        import sys
        from datetime import date
        from pathlib import Path
        from mentordesk.storage.cipher_file import RawKey
        from mentordesk.storage.first_look import read_first_look
        key = RawKey(bytes.fromhex({database.raw_key.key.hex()!r}),
                     bytes.fromhex({database.raw_key.salt.hex()!r}))
        look = read_first_look(Path({str(database.path)!r}), key, "mona",
                               {database.meta(FILE_ID_KEY)!r},
                               date.fromisoformat({TODAY.isoformat()!r}))
        assert look is not None and len(look.rows) == 3, look
        assert "sqlalchemy" not in sys.modules, "the first look loaded SQLAlchemy"
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60,
                   env=dict(os.environ))
