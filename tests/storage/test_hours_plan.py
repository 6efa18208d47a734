"""A practice course's stepped hours plan (seed 003): each week is judged against the step
in force that week — never a sum of steps — on the Timer page, in its month totals and in
the grant's report; a bad plan is refused and nothing is saved."""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.domain.codes import ContactForm
from mentordesk.domain.hours_plan import HoursStep
from mentordesk.errors import InvalidInput, StaleEdit
from mentordesk.kernel.context import Context
from mentordesk.reports.progress.assemble import Period, assemble
from mentordesk.reports.progress.scope import ReportScope
from mentordesk.schedule import citizen_weeks, weekly_hours
from mentordesk.services.catalogue_admin import load_catalogue
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.contacts import NewContact, log_contact
from mentordesk.services.grants import GrantInput, create_grant
from mentordesk.services.hours_plan import hours_plan, save_hours_plan

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 6, 1)
START, END = date(2026, 1, 5), date(2026, 4, 26)   # ISO weeks 2–17 of 2026
H = 60
PLAN = (HoursStep(date(2026, 1, 5), 2 * H, 5 * H),     # from week 2: 2–5 hours
        HoursStep(date(2026, 2, 4), 6 * H, 10 * H),    # a Wednesday: from week 6, 6–10
        HoursStep(date(2026, 3, 2), 10 * H, 15 * H))   # from week 10: 10–15
CONTACTS = {date(2026, 1, 6): 4 * H,     # week 2: 4 t, within 2–5
            date(2026, 2, 2): 4 * H,     # week 6: 4 t, under 6–10 (the step of its week)
            date(2026, 3, 3): 8 * H,     # week 10: 8 t, under 10–15 — within the old 6–10
            date(2026, 3, 10): 16 * H}   # week 11: 16 t, over 10–15


@pytest.fixture
def practice(database, admin):
    context = Context(database, admin)
    catalogue = load_catalogue(database)
    basis = next(item.id for item in catalogue.legal_bases if item.code == "LAB §42")
    citizen = create_citizen(context, NewCitizen(first_name="Pia", last_name="Praktik",
                                                 cpr="0101909004")).value
    grant = create_grant(context, citizen, GrantInput(
        legal_basis_id=basis, start_on=START, end_on=END, hours_min_minutes=5 * H)).value
    plan = save_hours_plan(context, grant.id, grant.version, PLAN).value
    for day, minutes in CONTACTS.items():
        log_contact(context, NewContact(citizen_id=citizen, duration_minutes=minutes,
                                        form=ContactForm.HOME_VISIT, contact_on=day,
                                        grant_id=grant.id), today=TODAY)
    return context, citizen, grant.id, plan


def test_each_week_is_judged_against_the_step_in_force(database, practice):
    _context, citizen, _grant, _plan = practice
    with database.read_session() as session:
        rows = {row.week: row for row in citizen_weeks(session, [citizen], START, END,
                                                       today=TODAY)}
    band = {week: (row.granted_min_minutes, row.granted_max_minutes, row.flag)
            for week, row in rows.items()}
    assert band["2026-W02"] == (2 * H, 5 * H, "within")
    assert band["2026-W05"] == (2 * H, 5 * H, "under")
    assert band["2026-W06"] == (6 * H, 10 * H, "under")      # the step's week, from Monday
    assert band["2026-W10"] == (10 * H, 15 * H, "under")
    assert band["2026-W11"] == (10 * H, 15 * H, "over")
    assert band["2026-W17"] == (10 * H, 15 * H, "under")


def test_month_totals_add_the_step_of_each_week_never_a_sum_of_steps(practice):
    context, citizen, _grant, _plan = practice
    overview = weekly_hours(context, date(2026, 2, 2), date(2026, 3, 1), citizen_ids=[citizen],
                            today=TODAY)
    [february] = overview.month_totals()["2026-02"]
    # Weeks 6–9 all under the 6–10 step.
    assert (february.weeks, february.granted_min_minutes, february.granted_max_minutes) == (
        4, 4 * 6 * H, 4 * 10 * H)
    assert february.weeks_under == 4


def test_the_grants_report_tables_the_band_of_each_week(database, practice):
    _context, citizen, grant_id, _plan = practice
    with database.read_session() as session:
        key = (citizen, ReportScope(grant_id=grant_id))
        report = assemble(session, [key], Period(START, END), today=TODAY,
                          team_name="Test").reports[key]
    [grant] = report.grants
    weeks = {week.week: week for week in grant.weeks}
    assert (weeks["2026-W02"].granted_min_minutes, weeks["2026-W02"].flag) == (2 * H, "within")
    assert (weeks["2026-W10"].granted_min_minutes, weeks["2026-W10"].granted_max_minutes,
            weeks["2026-W10"].flag) == (10 * H, 15 * H, "under")
    # The whole period's granted hours: 4 weeks of 2–5, 4 of 6–10, 8 of 10–15.
    assert grant.granted_range == (4 * 2 * H + 4 * 6 * H + 8 * 10 * H,
                                   4 * 5 * H + 4 * 10 * H + 8 * 15 * H)


@pytest.mark.parametrize(("steps", "message"), [
    ((HoursStep(date(2026, 1, 5), 2 * H, 5 * H), HoursStep(date(2026, 5, 4), 6 * H, 10 * H)),
     "Trin 2 ligger uden for bevillingens periode."),
    ((HoursStep(date(2025, 12, 29), 2 * H, 5 * H),),
     "Trin 1 ligger uden for bevillingens periode."),
    ((HoursStep(date(2026, 1, 5), 5 * H, 2 * H),),
     "Trin 1: det mindste timetal må ikke være større end det højeste."),
    ((HoursStep(date(2026, 3, 2), 10 * H, 15 * H), HoursStep(date(2026, 2, 2), 6 * H, 10 * H)),
     "Trin 2 skal begynde i en senere uge end trin 1"),
    ((HoursStep(date(2026, 3, 2), 10 * H, 15 * H), HoursStep(date(2026, 3, 4), 6 * H, 10 * H)),
     "Trin 2 skal begynde i en senere uge end trin 1"),
])
def test_a_bad_plan_is_refused_and_nothing_is_saved(practice, steps, message):
    context, _citizen, grant_id, plan = practice
    with pytest.raises(InvalidInput, match=message):
        save_hours_plan(context, grant_id, plan.version, steps)
    assert hours_plan(context, grant_id).steps == PLAN


def test_a_plan_saved_meanwhile_is_not_overwritten(practice):
    context, _citizen, grant_id, plan = practice
    save_hours_plan(context, grant_id, plan.version, PLAN[:1])
    with pytest.raises(StaleEdit):
        save_hours_plan(context, grant_id, plan.version, PLAN)
    assert hours_plan(context, grant_id).steps == PLAN[:1]


def test_an_empty_plan_brings_back_the_grants_own_band(database, practice):
    context, citizen, grant_id, plan = practice
    save_hours_plan(context, grant_id, plan.version, ())
    with database.read_session() as session:
        [week] = citizen_weeks(session, [citizen], date(2026, 3, 2), date(2026, 3, 8),
                               today=TODAY)
    assert (week.granted_min_minutes, week.granted_max_minutes) == (5 * H, None)
