"""The citizens list: visibility by role, search, Danish order, masking done in SQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mentordesk.domain.codes import CitizenStatus, Role
from mentordesk.domain.cpr import mask_cpr
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import Assignment, User

pytestmark = pytest.mark.both_backends

PEOPLE = [
    ("Åse", "Ågård", "", "0101909011"),
    ("Øjvind", "Østergaard", "", "0202909022"),
    ("Æbelø", "Ærø", "", "0303909033"),
    ("Anders", "And", "", "0404909044"),
    ("", "", "Ravnen", ""),
]


def _populate(database, admin) -> dict[str, int]:
    ids = {}
    for first, last, alias, cpr in PEOPLE:
        ids[first or alias] = create_citizen(
            Context(database, admin),
            NewCitizen(first_name=first, last_name=last, alias=alias, cpr=cpr)).value
    return ids


def test_danish_order_and_masking(database, admin):
    _populate(database, admin)
    rows = list_citizens(Context(database, admin))
    assert [row.display_name for row in rows] == [
        "Anders And", "Ravnen", "Æbelø Ærø", "Øjvind Østergaard", "Åse Ågård"]
    by_name = {row.display_name: row for row in rows}
    for first, last, alias, cpr in PEOPLE:
        row = by_name[f"{first} {last}".strip() or alias]
        assert row.cpr_masked == mask_cpr(cpr)
        assert cpr == "" or cpr not in repr(row)
    assert by_name["Ravnen"].is_anonymous and by_name["Ravnen"].alias == "Ravnen"


def test_search_by_name_part_alias_and_last_four(database, admin):
    _populate(database, admin)
    assert [r.display_name for r in list_citizens(Context(database, admin), "øster")] == [
        "Øjvind Østergaard"]
    assert [r.display_name for r in list_citizens(Context(database, admin), "RAVN")] == ["Ravnen"]
    assert [r.display_name for r in list_citizens(Context(database, admin),
                                                  "9033")] == ["Æbelø Ærø"]
    assert list_citizens(Context(database, admin), "%") == []
    assert list_citizens(Context(database, admin), "_") == []


def test_status_filter(database, admin):
    _populate(database, admin)
    create_citizen(Context(database, admin), NewCitizen(first_name="Aktiv", last_name="Borger",
                                               status=CitizenStatus.ACTIVE))
    rows = list_citizens(Context(database, admin), status=CitizenStatus.ACTIVE)
    assert [row.display_name for row in rows] == ["Aktiv Borger"]
    assert rows[0].status is CitizenStatus.ACTIVE


def test_mentor_sees_only_current_assignments(database, admin):
    ids = _populate(database, admin)
    today = date(2026, 11, 23)
    with database.session() as session:
        mentor = User(login="mentor.m", full_name="Mona Mentor", role=Role.MENTOR.value)
        session.add(mentor)
        session.flush()
        session.add_all([
            Assignment(citizen_id=ids["Åse"], user_id=mentor.id, kind="primary",
                       start_on=today - timedelta(days=30)),
            Assignment(citizen_id=ids["Ravnen"], user_id=mentor.id, kind="substitute",
                       start_on=today - timedelta(days=3), end_on=today + timedelta(days=3)),
            Assignment(citizen_id=ids["Anders"], user_id=mentor.id, kind="primary",
                       start_on=today - timedelta(days=300), end_on=today - timedelta(days=1)),
        ])
    actor = resolve_actor(database, "mentor.m")
    rows = list_citizens(Context(database, actor), today=today)
    assert sorted(row.display_name for row in rows) == ["Ravnen", "Åse Ågård"]
    assert {row.display_name: row.primary_mentor for row in rows}["Åse Ågård"] == "Mona Mentor"
    assert len(list_citizens(Context(database, admin), today=today)) == len(PEOPLE)
