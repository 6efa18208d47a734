"""What an operation reports as changed decides which open views refresh: a view showing
one citizen refreshes for changes to that citizen (or team-wide ones), never for another
citizen's. These tests hold the operations to that, from the side of such a view."""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.domain.codes import ContactForm, Role
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.services.assignments import SUBSTITUTE, assign_mentor
from mentordesk.services.case_record import close_case, get_citizen_record, update_citizen
from mentordesk.services.catalogue_admin import load_catalogue, update_course_type
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.contacts import NewContact, delete_contact, log_contact
from mentordesk.services.grants import GrantInput, create_grant, update_grant
from mentordesk.services.network import RelativeInput, add_relative
from mentordesk.services.partners import (
    ConsentInput,
    PartnerInput,
    create_partner,
    record_consent,
)
from mentordesk.services.plan import GoalInput, create_goal, link_contacts
from mentordesk.services.plan.vum_terms import theme_choices
from mentordesk.services.team import NewUser, create_user, list_users, update_user

pytestmark = pytest.mark.both_backends

DAY = date(2026, 3, 2)


@pytest.fixture
def context(database, admin) -> Context:
    return Context(database, admin)


@pytest.fixture
def anna(context) -> int:
    return create_citizen(context, NewCitizen(first_name="Anna", last_name="Andersen",
                                              opened_on=DAY)).value


@pytest.fixture
def bent(context) -> int:
    return create_citizen(context, NewCitizen(first_name="Bent", last_name="Bruun",
                                              opened_on=DAY)).value


def refreshes(changes: Changes, kind: Kind, citizen_id: int) -> bool:
    """Would a view showing ``kind`` for ``citizen_id`` reload (the views' own test)?"""
    return changes.touches(kind) and changes.concerns(citizen_id)


def _contact(citizen_id: int, goal_ids: tuple[int, ...] = ()) -> NewContact:
    return NewContact(citizen_id, 30, ContactForm.PHONE, contact_on=DAY, goal_ids=goal_ids)


def _goal(database, context: Context, citizen_id: int) -> int:
    theme = theme_choices(database)[0]
    return create_goal(context, citizen_id, GoalInput(
        "Komme op om morgenen", theme_code=theme.code,
        subtheme_code=theme.children[0].code if theme.children else "")).value.id


def test_logging_a_contact_refreshes_that_citizens_journal_and_no_one_elses(
        context, anna, bent):
    changes = log_contact(context, _contact(anna)).changes
    assert refreshes(changes, Kind.CONTACTS, anna)
    assert not refreshes(changes, Kind.CONTACTS, bent)
    # No goal lists the contact: the plan shown for Anna stays as it is.
    assert not changes.touches(Kind.PLAN)


def test_a_contact_linked_to_a_goal_also_refreshes_the_plan(database, context, anna):
    goal_id = _goal(database, context, anna)
    changes = log_contact(context, _contact(anna, (goal_id,))).changes
    assert refreshes(changes, Kind.PLAN, anna)
    assert refreshes(changes, Kind.CONTACTS, anna)


def test_deleting_a_linked_contact_refreshes_journal_and_plan(database, context, anna, bent):
    goal_id = _goal(database, context, anna)
    contact_id = log_contact(context, _contact(anna, (goal_id,))).value
    changes = delete_contact(context, contact_id).changes
    assert refreshes(changes, Kind.CONTACTS, anna) and refreshes(changes, Kind.PLAN, anna)
    assert not changes.concerns(bent)


def test_linking_contacts_to_a_goal_changes_plan_and_contacts_of_that_citizen(
        database, context, anna, bent):
    goal_id = _goal(database, context, anna)
    contact_id = log_contact(context, _contact(anna)).value
    linked = link_contacts(context, goal_id, [contact_id])
    assert linked.value == 1
    assert linked.changes == Changes.of(Kind.PLAN, Kind.CONTACTS, citizen=anna)
    # Linking it again adds no link: nothing to refresh.
    assert not link_contacts(context, goal_id, [contact_id]).changes


def test_a_plan_edit_concerns_only_that_citizens_plan(database, context, anna, bent):
    changes = create_goal(context, anna, GoalInput(
        "Mål", theme_code=theme_choices(database)[0].code)).changes
    assert changes == Changes.of(Kind.PLAN, citizen=anna)
    assert not refreshes(changes, Kind.PLAN, bent)


def test_renaming_a_course_type_refreshes_every_citizens_views(database, context, anna, bent):
    course = load_catalogue(database).course_types[0]
    changes = update_course_type(context, course.id, course.version,
                                 {"name": "Omdøbt forløb"}).changes
    assert changes.touches(Kind.CATALOGUE)
    assert changes.concerns(anna) and changes.concerns(bent)


def test_a_catalogue_save_without_a_change_refreshes_nothing(database, context):
    course = load_catalogue(database).course_types[0]
    assert not update_course_type(context, course.id, course.version,
                                  {"name": course.name}).changes


def test_registering_a_citizen_as_mentor_reports_the_case_and_its_mentor(database, context):
    mentor_id = create_user(context, NewUser("mona", "Mona Mentor", Role.MENTOR)).value
    mona = Actor(mentor_id, "mona", "Mona Mentor", Role.MENTOR)
    result = create_citizen(Context(database, mona), NewCitizen(first_name="Carl"))
    assert result.changes == Changes.of(Kind.CITIZEN, Kind.ASSIGNMENTS, citizen=result.value)


def test_assigning_a_mentor_reports_that_citizens_assignments(context, anna, bent):
    mentor_id = create_user(context, NewUser("mona", "Mona Mentor", Role.MENTOR)).value
    changes = assign_mentor(context, anna, mentor_id, SUBSTITUTE, DAY).changes
    assert changes == Changes.of(Kind.ASSIGNMENTS, citizen=anna)
    assert not changes.concerns(bent)


def test_closing_a_case_refreshes_the_record_and_its_mentors(context, anna, bent):
    record = get_citizen_record(context, anna)
    changes = close_case(context, anna, record.version, DAY).changes
    assert changes == Changes.of(Kind.CITIZEN, Kind.ASSIGNMENTS, citizen=anna)


def test_editing_the_case_record_concerns_only_that_citizen(context, anna, bent):
    record = get_citizen_record(context, anna)
    changes = update_citizen(context, anna, record.version, {"phone": "12345678"}).changes
    assert refreshes(changes, Kind.CITIZEN, anna)
    assert not refreshes(changes, Kind.CITIZEN, bent)


def test_network_grants_and_consents_report_their_own_kind(database, context, anna, bent):
    relative = add_relative(context, anna, RelativeInput("Mor")).changes
    assert relative == Changes.of(Kind.NETWORK, citizen=anna)
    basis = load_catalogue(database).legal_bases[0]
    grant = create_grant(context, anna, GrantInput(basis.id, DAY))
    assert grant.changes == Changes.of(Kind.GRANTS, citizen=anna)
    partner = create_partner(context, PartnerInput("Lægehuset"))
    # The partner register is the team's; the consent is Anna's.
    assert partner.changes == Changes.of(Kind.PARTNERS)
    consent = record_consent(context, anna, ConsentInput(partner.value.id, "Samarbejde", DAY))
    assert consent.changes == Changes.of(Kind.PARTNERS, citizen=anna)
    assert not consent.changes.concerns(bent)
    # Saving the grant unchanged tells no view to reload.
    row = grant.value
    assert not update_grant(context, row.id, row.version, row.values(), row.values()).changes


def test_editing_a_team_member_is_team_wide(context, anna):
    member = next(user for user in list_users(context) if user.id == context.actor.user_id)
    changes = update_user(context, member.id, member.version,
                          {"full_name": "Ny Administrator"}).changes
    assert changes == Changes.of(Kind.TEAM)
    assert changes.concerns(anna)


def test_saving_the_case_record_unchanged_refreshes_nothing(context, anna):
    record = get_citizen_record(context, anna)
    assert not update_citizen(context, anna, record.version, record.editable(),
                              record.editable()).changes
