"""The named query builders (``storage/queries``): what "covers", "overlaps" and "may see"
mean, day by day, on real tables. Periods are inclusive at both ends and a row without an
end date runs on for ever."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import ColumnElement, create_engine, select
from sqlalchemy.orm import Session

from mentordesk.storage.models import (
    Absence,
    AbsenceCover,
    Assignment,
    Base,
    Citizen,
    Consent,
    Goal,
    Partner,
    SubGoal,
    User,
)
from mentordesk.storage.queries.assignments import caseload_size, primary_mentor_name
from mentordesk.storage.queries.citizen_data import belongs_to_citizen
from mentordesk.storage.queries.consents import in_force
from mentordesk.storage.queries.periods import covers, open_after, overlaps, period_overlaps
from mentordesk.storage.queries.reports import batch_citizen_ids
from mentordesk.storage.queries.visibility import visible_citizens

pytestmark = pytest.mark.both_backends

MARCH_1, MARCH_31 = date(2026, 3, 1), date(2026, 3, 31)
OPEN_FROM = date(2026, 3, 10)
DAY = timedelta(days=1)


@pytest.fixture
def session() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture
def rows(session: Session) -> dict[str, int]:
    """A March assignment (1st–31st) and an open-ended one from the 10th."""
    mentor, colleague = _user(session, "mona"), _user(session, "carl")
    march = _assignment(session, _citizen(session, "Marts"), mentor, MARCH_1, MARCH_31)
    open_ended = _assignment(session, _citizen(session, "Løbende"), colleague, OPEN_FROM,
                             None)
    return {"march": march.id, "open": open_ended.id, "mentor": mentor.id,
            "colleague": colleague.id, "march_citizen": march.citizen_id,
            "open_citizen": open_ended.citizen_id}


def _user(session: Session, login: str) -> User:
    user = User(login=login, full_name=login.title(), role="mentor")
    session.add(user)
    session.flush()
    return user


def _citizen(session: Session, name: str) -> Citizen:
    citizen = Citizen(first_name=name, search_key=name.lower(), status="active")
    session.add(citizen)
    session.flush()
    return citizen


def _assignment(session: Session, citizen: Citizen, user: User, start_on: date,
                end_on: date | None) -> Assignment:
    row = Assignment(citizen_id=citizen.id, user_id=user.id, kind="primary",
                     start_on=start_on, end_on=end_on)
    session.add(row)
    session.flush()
    return row


def matching(session: Session, condition: ColumnElement[bool]) -> set[int]:
    return set(session.scalars(select(Assignment.id).where(condition)))


def names(rows: dict[str, int], ids: set[int]) -> set[str]:
    return {name for name in ("march", "open") if rows[name] in ids}


@pytest.mark.parametrize(("day", "expected"), [
    (MARCH_1 - DAY, set()),                  # the day before anything starts
    (MARCH_1, {"march"}),                    # the first day counts
    (OPEN_FROM - DAY, {"march"}),
    (OPEN_FROM, {"march", "open"}),
    (MARCH_31, {"march", "open"}),           # the last day counts
    (MARCH_31 + DAY, {"open"}),              # the day after the end
    (date(2040, 1, 1), {"open"}),            # an open-ended row runs on
])
def test_a_period_covers_its_first_and_last_day_and_no_day_outside(session, rows, day,
                                                                   expected):
    assert names(rows, matching(session, covers(Assignment, day))) == expected


@pytest.mark.parametrize(("first", "last", "expected"), [
    (date(2026, 2, 1), MARCH_1 - DAY, set()),         # ends the day before March starts
    (date(2026, 2, 1), MARCH_1, {"march"}),           # shares only March's first day
    (MARCH_31, date(2026, 4, 30), {"march", "open"}),  # shares only March's last day
    (MARCH_31 + DAY, date(2026, 4, 30), {"open"}),    # starts the day after March ends
    (date(2026, 2, 1), OPEN_FROM - DAY, {"march"}),   # ends before the open row begins
    (date(2026, 1, 1), date(2026, 12, 31), {"march", "open"}),  # contains both
    (date(2026, 3, 15), date(2026, 3, 16), {"march", "open"}),  # inside both
])
def test_two_periods_overlap_when_they_share_a_day(session, rows, first, last, expected):
    assert names(rows, matching(session, overlaps(Assignment, first, last))) == expected


@pytest.mark.parametrize(("day", "expected"), [
    (MARCH_31 - DAY, {"march", "open"}),
    (MARCH_31, {"open"}),          # March has ended by its last day
    (date(2040, 1, 1), {"open"}),
])
def test_open_after_means_the_row_runs_beyond_the_day(session, rows, day, expected):
    assert names(rows, matching(session, open_after(Assignment, day))) == expected


def test_loaded_rows_follow_the_same_rule_as_the_query(session, rows):
    loaded = {row.id: row for row in session.scalars(select(Assignment))}
    start = MARCH_1 - 3 * DAY
    for offset in range(45):
        first = start + offset * DAY
        for length in (0, 1, 7, 40):
            last = first + length * DAY
            in_python = {row_id for row_id, row in loaded.items()
                         if period_overlaps(row.start_on, row.end_on, first, last)}
            assert in_python == matching(session, overlaps(Assignment, first, last)), \
                (first, last)


def visible(session: Session, user_id: int | None, day: date) -> set[int]:
    return set(session.scalars(select(Citizen.id).where(visible_citizens(user_id, day))))


def test_a_mentor_sees_a_case_on_the_days_of_the_assignment_only(session, rows):
    mentor, citizen = rows["mentor"], rows["march_citizen"]
    assert visible(session, mentor, MARCH_1 - DAY) == set()
    assert visible(session, mentor, MARCH_1) == {citizen}
    assert visible(session, mentor, MARCH_31) == {citizen}
    assert visible(session, mentor, MARCH_31 + DAY) == set()


def test_a_substitute_sees_a_colleagues_case_while_covering_the_absence(session, rows):
    absence = Absence(user_id=rows["colleague"], kind="holiday", start_on=date(2026, 4, 6),
                      end_on=date(2026, 4, 10))
    session.add(absence)
    session.flush()
    session.add(AbsenceCover(absence_id=absence.id, citizen_id=rows["open_citizen"],
                             substitute_id=rows["mentor"]))
    session.flush()
    mentor, covered = rows["mentor"], rows["open_citizen"]
    assert covered not in visible(session, mentor, date(2026, 4, 5))
    assert covered in visible(session, mentor, date(2026, 4, 6))
    assert covered in visible(session, mentor, date(2026, 4, 10))
    assert covered not in visible(session, mentor, date(2026, 4, 11))


def test_the_whole_team_sees_every_case(session, rows):
    assert visible(session, None, MARCH_1 - DAY) == {rows["march_citizen"],
                                                     rows["open_citizen"]}


def test_the_primary_mentor_is_the_one_assigned_that_day(session, rows):
    citizen = rows["march_citizen"]
    later = _user(session, "lars")
    session.add(Assignment(citizen_id=citizen, user_id=later.id, kind="primary",
                           start_on=MARCH_31 + DAY))
    session.flush()

    def primary(day: date) -> str | None:
        return session.scalar(primary_mentor_name(citizen, day))

    assert primary(MARCH_1 - DAY) is None
    assert primary(MARCH_31) == "Mona"
    assert primary(MARCH_31 + DAY) == "Lars"


def test_a_caseload_counts_each_citizen_once(session, rows):
    mentor, citizen = rows["mentor"], rows["march_citizen"]
    # The same citizen twice (primary, then substitute the same month) is one case.
    session.add(Assignment(citizen_id=citizen, user_id=mentor, kind="substitute",
                           start_on=MARCH_1, end_on=MARCH_31))
    session.flush()
    assert session.scalar(caseload_size(mentor, MARCH_1)) == 1
    assert session.scalar(caseload_size(mentor, MARCH_31 + DAY)) == 0


@pytest.mark.parametrize(("day", "expected"), [
    (MARCH_1 - DAY, set()),            # not yet given
    (MARCH_1, {"expiring", "withdrawn"}),  # counts from the day it was given
    (MARCH_31 - DAY, {"expiring"}),    # withdrawn on the 30th: no longer from that day
    (MARCH_31, set()),                 # expires on the 31st: not in force that day
])
def test_a_consent_is_in_force_from_given_until_the_day_before_it_ends(session, rows, day,
                                                                       expected):
    partner = Partner(name="Lægehuset", kind="gp")
    session.add(partner)
    session.flush()
    consents = {
        "expiring": Consent(citizen_id=rows["march_citizen"], partner_id=partner.id,
                            purpose="Samarbejde", given_on=MARCH_1, expires_on=MARCH_31),
        "withdrawn": Consent(citizen_id=rows["march_citizen"], partner_id=partner.id,
                             purpose="Samarbejde", given_on=MARCH_1,
                             withdrawn_on=MARCH_31 - DAY),
    }
    session.add_all(consents.values())
    session.flush()
    found = set(session.scalars(select(Consent.id).where(in_force(day))))
    assert {name for name, consent in consents.items() if consent.id in found} == expected


@pytest.mark.parametrize(("first", "last", "expected"), [
    (MARCH_1 - 10 * DAY, MARCH_1 - DAY, set()),    # a period before any assignment
    (MARCH_1 - 10 * DAY, MARCH_1, {"march"}),       # sharing the first day is enough
    (MARCH_31 + DAY, MARCH_31 + 9 * DAY, set()),    # Mona's case ended on the 31st
])
def test_a_mentors_batch_holds_the_cases_they_were_primary_mentor_for_in_the_period(
        session, rows, first, last, expected):
    found = set(session.scalars(batch_citizen_ids(
        visible_citizens(None, MARCH_1), active_status="active", mentor_id=rows["mentor"],
        first=first, last=last)))
    assert {name for name in ("march",) if rows[f"{name}_citizen"] in found} == expected
    assert rows["open_citizen"] not in found  # the colleague's case never belongs to Mona


def test_a_citizens_rows_are_found_through_their_parent_rows(session, rows):
    goals = {key: Goal(citizen_id=rows[f"{key}_citizen"], title=key, position=1)
             for key in ("march", "open")}
    session.add_all(goals.values())
    session.flush()
    subs = {key: SubGoal(goal_id=goal.id, text=key, position=1) for key, goal in goals.items()}
    session.add_all(subs.values())
    session.flush()
    path = (("goal_id", "goal"),)
    found = set(session.scalars(select(SubGoal.id).where(
        belongs_to_citizen("sub_goal", path, rows["march_citizen"]))))
    assert found == {subs["march"].id}
