"""The team: users (admins only), the protected last admin, and mentor assignments with
one primary at a time — every change audited."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied, NotFound
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict
from mentordesk.services.assignments import (
    PRIMARY,
    SUBSTITUTE,
    assign_mentor,
    assignments_for_citizen,
    change_assignment_period,
    end_assignment,
    remove_assignment,
)
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens, my_caseload
from mentordesk.services.team import (
    InvalidInput,
    NewUser,
    create_user,
    format_weekly_hours,
    list_users,
    parse_weekly_hours,
    resolve_actor,
    update_user,
)
from mentordesk.storage.models import AuditEvent

pytestmark = pytest.mark.both_backends

TODAY = date.today()


def _events(database, entity):
    with database.read_session() as session:
        return session.scalars(select(AuditEvent).where(AuditEvent.entity == entity)
                               .order_by(AuditEvent.id)).all()


def _user(database, admin, login, name, role=Role.MENTOR, **values):
    create_user(Context(database, admin), NewUser(login=login, full_name=name, role=role, **values))
    return resolve_actor(database, login)


def _member(database, admin, login):
    return next(m for m in list_users(Context(database, admin)) if m.login == login)


@pytest.fixture
def citizen_id(database, admin):
    return create_citizen(Context(database, admin),
                          NewCitizen(first_name="Bodil", last_name="Bæk")).value


# -- users ----------------------------------------------------------------------------------


def test_first_user_of_a_new_database_is_admin(database, admin):
    [member] = list_users(Context(database, admin))
    assert member.role is Role.ADMIN and member.login == admin.login


def test_admin_creates_and_edits_users_with_capacity_in_minutes(database, admin):
    user_id = create_user(Context(database, admin), NewUser(
        login=" mona.mentor ", full_name="Mona Mentor", weekly_capacity_minutes=2250,
        is_volunteer=True)).value
    member = _member(database, admin, "mona.mentor")
    assert (member.id, member.role, member.weekly_capacity_minutes, member.is_volunteer) == (
        user_id, Role.MENTOR, 2250, True)
    updated = update_user(Context(database, admin), user_id, member.version,
                          {"role": Role.COORDINATOR, "full_name": "Mona Koordinator"},
                          member.editable()).value
    assert (updated.role, updated.full_name) == (Role.COORDINATOR, "Mona Koordinator")
    assert [e.action for e in _events(database, "user")][-2:] == ["create", "update"]
    assert _events(database, "user")[-1].detail == "Bruger ændret: Navn, Rolle"


def test_weekly_hours_parse_and_format_the_danish_way():
    assert parse_weekly_hours("37") == 2220
    assert parse_weekly_hours("7,5") == 450
    assert parse_weekly_hours(" ") == 0
    assert format_weekly_hours(2250) == "37,5" and format_weekly_hours(2220) == "37"
    with pytest.raises(InvalidInput, match="et tal"):
        parse_weekly_hours("mange")
    with pytest.raises(InvalidInput, match="mellem 0 og 168"):
        parse_weekly_hours("200")


def test_only_admins_manage_users(database, admin):
    coordinator = _user(database, admin, "kim.koord", "Kim Koordinator", Role.COORDINATOR)
    with pytest.raises(AccessDenied):
        create_user(Context(database, coordinator), NewUser(login="x", full_name="X"))
    member = _member(database, admin, "kim.koord")
    with pytest.raises(AccessDenied):
        update_user(Context(database, coordinator), member.id, member.version, {"role": Role.ADMIN})


def test_login_is_unique_and_fields_are_checked(database, admin):
    _user(database, admin, "mona", "Mona Mentor")
    with pytest.raises(InvalidInput, match="findes allerede en bruger med login »MONA«"):
        create_user(Context(database, admin), NewUser(login="MONA", full_name="En anden"))
    with pytest.raises(InvalidInput, match="Angiv brugerens navn"):
        create_user(Context(database, admin), NewUser(login="ny", full_name=" "))
    with pytest.raises(InvalidInput, match="Navn må højst være 200 tegn."):
        create_user(Context(database, admin), NewUser(login="ny", full_name="n" * 201))
    assert {m.login for m in list_users(Context(database, admin))} == {admin.login, "mona"}


def test_last_active_admin_can_be_neither_demoted_nor_deactivated(database, admin):
    me = _member(database, admin, admin.login)
    for changes in ({"role": Role.MENTOR}, {"active": False}):
        with pytest.raises(InvalidInput, match="mindst én aktiv administrator"):
            update_user(Context(database, admin), me.id, me.version, changes, me.editable())
    _user(database, admin, "anden.admin", "Anden Admin", Role.ADMIN)
    demoted = update_user(Context(database, admin),
                          me.id, me.version, {"role": Role.COORDINATOR}).value
    assert demoted.role is Role.COORDINATOR


def test_deactivated_user_cannot_open_the_database(database, admin):
    _user(database, admin, "gone", "Gå Væk")
    member = _member(database, admin, "gone")
    update_user(Context(database, admin), member.id, member.version, {"active": False})
    with pytest.raises(AccessDenied, match="deaktiveret"):
        resolve_actor(database, "gone")


def test_stale_user_edit_is_a_conflict(database, admin):
    _user(database, admin, "mona", "Mona Mentor")
    loaded = _member(database, admin, "mona")
    update_user(Context(database, admin), loaded.id, loaded.version, {"full_name": "Mona M."},
                loaded.editable())
    with pytest.raises(EditConflict) as caught:
        update_user(Context(database, admin),
                    loaded.id, loaded.version, {"full_name": "Mona Møller"},
                    loaded.editable())
    assert [(c.mine, c.theirs) for c in caught.value.conflicts] == [("Mona Møller", "Mona M.")]


# -- assignments ----------------------------------------------------------------------------


def test_new_primary_ends_the_previous_one_the_day_before(database, admin, citizen_id):
    first = _user(database, admin, "mona", "Mona Mentor")
    second = _user(database, admin, "ole", "Ole Olsen")
    assign_mentor(Context(database, admin),
                  citizen_id, first.user_id, PRIMARY, TODAY - timedelta(90))
    assign_mentor(Context(database, admin),
                  citizen_id, second.user_id, PRIMARY, TODAY + timedelta(7))

    rows = assignments_for_citizen(Context(database, admin), citizen_id)
    periods = {row.mentor_name: (row.kind, row.start_on, row.end_on) for row in rows}
    assert periods == {
        "Mona Mentor": (PRIMARY, TODAY - timedelta(90), TODAY + timedelta(6)),
        "Ole Olsen": (PRIMARY, TODAY + timedelta(7), None),
    }
    in_a_week = TODAY + timedelta(7)
    current = [row.mentor_name for row in rows if row.is_current(in_a_week)]
    assert current == ["Ole Olsen"]  # exactly one current primary
    assert list_citizens(Context(database, admin))[0].primary_mentor == "Mona Mentor"
    created = [e for e in _events(database, "assignment") if e.action == "create"]
    assert created[-1].citizen_id == citizen_id
    assert created[-1].detail == (f"Primær kontaktperson tildelt: Ole Olsen "
                                  f"({in_a_week:%d-%m-%Y} – løbende)")


def test_any_number_of_substitutes_but_one_role_per_person(database, admin, citizen_id):
    primary = _user(database, admin, "mona", "Mona Mentor")
    subs = [_user(database, admin, f"sub{i}", f"Afløser {i}") for i in (1, 2)]
    assign_mentor(Context(database, admin), citizen_id, primary.user_id, PRIMARY)
    for sub in subs:
        assign_mentor(Context(database, admin), citizen_id, sub.user_id, SUBSTITUTE, TODAY,
                      TODAY + timedelta(30))
    kinds = sorted((row.mentor_name, row.kind)
                   for row in assignments_for_citizen(Context(database, admin), citizen_id))
    assert kinds == [("Afløser 1", SUBSTITUTE), ("Afløser 2", SUBSTITUTE),
                     ("Mona Mentor", PRIMARY)]
    with pytest.raises(InvalidInput, match="allerede primær kontaktperson"):
        assign_mentor(Context(database, admin), citizen_id, primary.user_id, SUBSTITUTE)
    with pytest.raises(InvalidInput, match="Slutdatoen ligger før startdatoen"):
        assign_mentor(Context(database, admin), citizen_id, subs[0].user_id, SUBSTITUTE,
                      TODAY + timedelta(40), TODAY + timedelta(35))
    # Substitutes see the case while they cover it; the primary mentor too.
    assert [row.id for row in my_caseload(Context(database, subs[0]))] == [citizen_id]
    assert [row.id for row in list_citizens(Context(database, primary))] == [citizen_id]


def test_mentor_cannot_assign(database, admin, citizen_id):
    mentor = _user(database, admin, "mona", "Mona Mentor")
    assign_mentor(Context(database, admin), citizen_id, mentor.user_id, PRIMARY)
    other = _user(database, admin, "ole", "Ole Olsen")
    with pytest.raises(AccessDenied):
        assign_mentor(Context(database, mentor), citizen_id, other.user_id, SUBSTITUTE)
    [row] = assignments_for_citizen(Context(database, mentor), citizen_id)
    with pytest.raises(AccessDenied):
        end_assignment(Context(database, mentor), row.id, row.version)
    with pytest.raises(AccessDenied):
        remove_assignment(Context(database, mentor), row.id)


def test_coordinator_assigns_and_mentor_sees_case_only_while_assigned(
        database, admin, citizen_id):
    coordinator = _user(database, admin, "kim", "Kim Koordinator", Role.COORDINATOR)
    mentor = _user(database, admin, "mona", "Mona Mentor")
    with pytest.raises(NotFound):
        assignments_for_citizen(Context(database, mentor), citizen_id)
    assign_mentor(Context(database, coordinator), citizen_id, mentor.user_id, SUBSTITUTE,
                  TODAY - timedelta(10))
    [row] = assignments_for_citizen(Context(database, mentor), citizen_id)
    end_assignment(Context(database, coordinator), row.id, row.version, TODAY - timedelta(1))
    assert list_citizens(Context(database, mentor)) == []


def test_changed_period_may_not_overlap_another_primary(database, admin, citizen_id):
    first = _user(database, admin, "mona", "Mona Mentor")
    second = _user(database, admin, "ole", "Ole Olsen")
    assign_mentor(Context(database, admin),
                  citizen_id, first.user_id, PRIMARY, TODAY - timedelta(30))
    assign_mentor(Context(database, admin), citizen_id, second.user_id, PRIMARY, TODAY)
    mona = next(row for row in assignments_for_citizen(Context(database, admin), citizen_id)
                if row.mentor_name == "Mona Mentor")
    with pytest.raises(InvalidInput, match="overlapper"):
        change_assignment_period(Context(database, admin), mona.id, mona.version, mona.start_on,
                                 TODAY + timedelta(5))


def test_inactive_user_cannot_be_assigned_and_removal_is_audited(database, admin, citizen_id):
    mentor = _user(database, admin, "mona", "Mona Mentor")
    assign_mentor(Context(database, admin), citizen_id, mentor.user_id, SUBSTITUTE)
    [row] = assignments_for_citizen(Context(database, admin), citizen_id)
    remove_assignment(Context(database, admin), row.id)
    assert assignments_for_citizen(Context(database, admin), citizen_id) == []
    assert _events(database, "assignment")[-2].action == "delete"
    member = _member(database, admin, "mona")
    update_user(Context(database, admin), member.id, member.version, {"active": False})
    with pytest.raises(InvalidInput, match="deaktiveret"):
        assign_mentor(Context(database, admin), citizen_id, mentor.user_id, PRIMARY)


def test_caseload_counts_current_citizens(database, admin, citizen_id):
    mentor = _user(database, admin, "mona", "Mona Mentor")
    other = create_citizen(Context(database, admin), NewCitizen(alias="Uglen")).value
    assign_mentor(Context(database, admin), citizen_id, mentor.user_id, PRIMARY)
    assign_mentor(Context(database, admin), other, mentor.user_id, SUBSTITUTE, TODAY + timedelta(3))
    assert _member(database, admin, "mona").caseload == 1
