"""Weekly hours (*timeoverblik*): granted vs delivered vs planned per citizen and ISO week.

Delivered time comes from the contact log (attended contacts), never from plans: the
national audit asked for proof of delivered hours, and only a logged contact is proof.
Delivered is face-to-face time (``Contact.duration_minutes``): travel and indirect time
are kept beside it and never fill up the band (why: :mod:`mentordesk.schedule.billing`).
Planned time is the not-cancelled appointments from ``today`` on, so a week in progress
shows both what was done and what is still booked — and is "on track" (På vej), not "under",
while that booked time can still reach the grant.

These functions work on an open Session and do no access check or audit; the service
wrappers in :mod:`mentordesk.schedule.overview` add both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from mentordesk.domain.catalogue import NO_GRANT_FLAG, PARTIAL_WEEK_FLAG, HoursStatus
from mentordesk.domain.dates import iso_week_code, iso_week_codes_between, week_start
from mentordesk.domain.hours_plan import HoursStep, band_in_week
from mentordesk.schedule.recurrence import Occurrence, expand_appointments
from mentordesk.storage.queries import delivered_weeks
from mentordesk.storage.queries import hours as queries
from mentordesk.storage.queries.hours_plan import hours_steps
from mentordesk.storage.queries.periods import period_overlaps

# The flags are HoursStatus values, so hours_flag_label gives every one its Danish word.
FLAG_UNDER = HoursStatus.UNDER.value
FLAG_ON_TRACK = HoursStatus.ON_TRACK.value
FLAG_WITHIN = HoursStatus.WITHIN.value
FLAG_OVER = HoursStatus.OVER.value
FLAG_PARTIAL = PARTIAL_WEEK_FLAG

# A grant as the citizen's weekly band sees it: (start, end, min, max, stepped plan).
GrantBands = tuple[date, date | None, int | None, int | None, tuple[HoursStep, ...]]


@dataclass(frozen=True)
class CitizenWeek:
    citizen_id: int
    week: str                        # ISO "2026-W47"
    week_start: date                 # Monday
    granted_min_minutes: int | None  # None: no grant active that week
    granted_max_minutes: int | None  # None: a minimum only, or no grant
    delivered_minutes: int           # attended contacts dated in that week
    planned_minutes: int             # not-cancelled appointments from `today` on, in that week
    flag: str                        # "under" | "on_track" | "within" | "over" | "no_grant"
    finished: bool = True            # the week's Sunday lies before `today`


@dataclass(frozen=True)
class MentorWeek:
    """A mentor's week: capacity (User.weekly_capacity_minutes) vs delivered vs planned."""

    mentor_id: int
    week: str
    week_start: date
    capacity_minutes: int            # 0 when the mentor has no capacity set
    delivered_minutes: int           # attended contacts the mentor logged that week
    planned_minutes: int             # citizen appointments from `today` on with this mentor


@dataclass(frozen=True)
class HoursTotal:
    """Sums over several weeks (a month or a period) for one citizen."""

    citizen_id: int
    weeks: int
    granted_min_minutes: int | None
    granted_max_minutes: int | None
    delivered_minutes: int
    planned_minutes: int
    weeks_under: int                  # finished weeks only: a running week may still catch up
    weeks_over: int


def weekly_flag(granted_min: int | None, granted_max: int | None, delivered: int,
                planned: int = 0, *, finished: bool = True) -> str:
    """Compare one week's delivered minutes with the grant.

    A week that is not over yet is only "under" when even its still-planned appointments
    cannot reach the minimum; otherwise it is "on track" (the booked time may yet be held).
    """
    if granted_min is None:
        return NO_GRANT_FLAG
    if delivered < granted_min:
        if not finished and delivered + planned >= granted_min:
            return FLAG_ON_TRACK
        return FLAG_UNDER
    if granted_max is not None and delivered > granted_max:
        return FLAG_OVER
    return FLAG_WITHIN


def citizen_weeks(session: Session, citizen_ids: Sequence[int], start: date, end: date,
                  *, today: date, booked: Sequence[Occurrence] | None = None
                  ) -> list[CitizenWeek]:
    """One row per citizen per ISO week touched by ``start..end``, ordered by citizen, week.
    ``booked``: the team's ``team_bookings`` of the span, if the caller has them already."""
    ids = sorted(set(citizen_ids))
    if not ids or end < start:
        return []
    first, last = _week_span(start, end)
    delivered = _delivered_by_citizen(session, ids, first, last)
    planned = planned_by_citizen(session, ids, first, last, today, booked)
    grants = _grants_by_citizen(session, ids, first, last)
    # The weeks once, not per citizen: a team's year is 2 500 citizens × 52 weeks.
    weeks = [(code, monday, monday.isoformat(), monday + timedelta(days=6) < today)
             for code in iso_week_codes_between(first, last)
             for monday in [date.fromisocalendar(int(code[:4]), int(code[6:]), 1)]]
    rows = []
    for citizen_id in ids:
        citizen_grants = grants.get(citizen_id)
        for code, monday, monday_text, finished in weeks:
            low, high = granted_in_week(_bands_in_week(citizen_grants, monday), monday) \
                if citizen_grants else (None, None)
            done = delivered.get((citizen_id, monday_text), 0)
            still_booked = planned.get((citizen_id, code), 0)
            rows.append(CitizenWeek(citizen_id, code, monday, low, high, done, still_booked,
                                    weekly_flag(low, high, done, still_booked,
                                                finished=finished),
                                    finished))
    return rows


def mentor_weeks(session: Session, mentor_ids: Sequence[int], start: date, end: date,
                 *, today: date, booked: Sequence[Occurrence] | None = None
                 ) -> list[MentorWeek]:
    """One row per mentor per ISO week touched by ``start..end``, ordered by mentor, week.
    ``booked``: the team's ``team_bookings`` of the span, if the caller has them already."""
    ids = sorted(set(mentor_ids))
    if not ids or end < start:
        return []
    first, last = _week_span(start, end)
    capacity: dict[int, int] = {mentor: minutes for mentor, minutes in session.execute(
        queries.weekly_capacity(ids))}
    delivered = _delivered_by_mentor(session, ids, first, last)
    planned: dict[tuple[int, str], int] = defaultdict(int)
    if booked is None:
        booked = _future_occurrences(session, first, last, today, mentor_ids=ids)
    for occurrence in booked:
        if occurrence.citizen_id is None:
            continue  # a busy block (e.g. imported from Outlook) is not work with a citizen
        for mentor_id in occurrence.mentor_ids:
            if mentor_id in capacity:
                planned[(mentor_id, iso_week_code(occurrence.starts_at.date()))] += (
                    occurrence.duration_minutes)
    return [
        MentorWeek(mentor_id, code, date.fromisocalendar(int(code[:4]), int(code[6:]), 1),
                   int(capacity.get(mentor_id) or 0), delivered.get((mentor_id, code), 0),
                   planned.get((mentor_id, code), 0))
        for mentor_id in ids for code in iso_week_codes_between(first, last)
    ]


def granted_in_week(grants: Sequence[tuple[date, date | None, int | None, int | None]],
                    monday: date) -> tuple[int | None, int | None]:
    """Granted (min, max) minutes for the week starting ``monday``: the band of the ONE
    grant that governs the week, never a sum of two grants.

    Two grants in one week are two authorities' (or two periods') bands, each judged
    against its own contacts (``grant_weeks``); adding them made an ending §12 grant and a
    starting LAB grant look like one bigger band. The governing grant is the one running
    on most days of the week; on a tie the later-starting one (the grant carrying on).
    Grants without hours do not count: they cannot be under- or over-delivered.
    """
    sunday = monday + timedelta(days=6)
    best: tuple[int, date] | None = None
    band: tuple[int | None, int | None] = (None, None)
    for start_on, end_on, min_minutes, max_minutes in grants:
        if min_minutes is None or not period_overlaps(start_on, end_on, monday, sunday):
            continue
        days = (min(end_on or sunday, sunday) - max(start_on, monday)).days + 1
        if best is None or (days, start_on) > best:
            best, band = (days, start_on), (min_minutes, max_minutes)
    return band


@dataclass(frozen=True)
class GrantWeek:
    """One grant's ISO week: its own band against the contacts attributed to it."""

    grant_id: int
    citizen_id: int
    week: str
    week_start: date
    granted_min_minutes: int | None  # None: the grant has no weekly hours
    granted_max_minutes: int | None
    delivered_minutes: int           # attended contacts of this grant, inside the span
    planned_minutes: int             # not-cancelled appointments of this grant from `today`
    flag: str
    finished: bool
    partial: bool                    # the grant or the span covers only part of the week


def grant_weeks(session: Session, grant_ids: Sequence[int], start: date, end: date, *,
                today: date) -> list[GrantWeek]:
    """Per grant, each ISO week in which the grant runs within ``start..end``, in order.

    Only contacts dated inside ``start..end`` (and the grant period) count, so a report's
    weekly table and its contact table add up to the same total. A week the grant or the
    span covers only partly is marked ``partial`` and not judged against the whole band.
    """
    ids = sorted(set(grant_ids))
    if not ids or end < start:
        return []
    grants = list(session.execute(queries.grants_by_id(ids)))
    steps = steps_by_grant(session, ids)
    delivered: dict[tuple[int, str], int] = defaultdict(int)
    for grant_id, day, minutes in session.execute(
            queries.delivered_per_grant_day(ids, start, end)):
        delivered[(grant_id, iso_week_code(day))] += int(minutes or 0)
    planned = _planned_by_grant(session, grants, start, end, today)
    rows = []
    for grant_id, citizen_id, start_on, end_on, grant_low, grant_high in grants:
        first, last = max(start, start_on), min(end, end_on or end)
        for code in iso_week_codes_between(first, last) if first <= last else []:
            monday = date.fromisocalendar(int(code[:4]), int(code[6:]), 1)
            sunday = monday + timedelta(days=6)
            low, high = band_in_week(steps.get(grant_id, ()), (grant_low, grant_high), monday)
            partial = first > monday or last < sunday
            done, booked = delivered.get((grant_id, code), 0), planned.get((grant_id, code), 0)
            finished = sunday < today
            flag = FLAG_PARTIAL if partial and low is not None else weekly_flag(
                low, high, done, booked, finished=finished)
            rows.append(GrantWeek(grant_id, citizen_id, code, monday, low, high, done, booked,
                                  flag, finished, partial))
    return rows


def _planned_by_grant(session: Session, grants: Sequence, start: date, end: date,  # type: ignore[type-arg]
                      today: date) -> dict[tuple[int, str], int]:
    citizen_ids = sorted({row[1] for row in grants})
    occurrences = _future_occurrences(session, start, end, today, citizen_ids=citizen_ids)
    owner: dict[int, int | None] = {}
    if occurrences:
        owner = {appointment: grant for appointment, grant in session.execute(
            queries.appointment_grants(sorted({o.appointment_id for o in occurrences})))}
    wanted = {row[0] for row in grants}
    totals: dict[tuple[int, str], int] = defaultdict(int)
    for occurrence in occurrences:
        grant_id = owner.get(occurrence.appointment_id)
        if grant_id is not None and grant_id in wanted and occurrence.starts_at.date() <= end:
            totals[(grant_id, iso_week_code(occurrence.starts_at.date()))] += (
                occurrence.duration_minutes)
    return totals


# --- queries -------------------------------------------------------------------------------


def _week_span(start: date, end: date) -> tuple[date, date]:
    first = week_start(start)
    return first, week_start(end) + timedelta(days=6)


def _delivered_by_citizen(session: Session, ids: Sequence[int], first: date,
                          last: date) -> dict[tuple[int, str], int]:
    """(citizen, Monday 'YYYY-MM-DD') -> minutes, from the per-week sums the database keeps
    (a row per citizen-week, not per contact)."""
    return {(citizen_id, monday): int(minutes) for citizen_id, monday, minutes
            in session.execute(delivered_weeks.delivered_per_citizen_week(
                ids, week_start(first), week_start(last)))}


def _delivered_by_mentor(session: Session, ids: Sequence[int], first: date,
                         last: date) -> dict[tuple[int, str], int]:
    """The mentor's own time: a group session counts once for its leader, however many
    participants' contacts it produced (each participant's contact proves *their* hours).
    Contacts outside group sessions come from the kept per-week sums."""
    totals: dict[tuple[int, str], int] = defaultdict(int)
    for mentor_id, monday, minutes in session.execute(
            delivered_weeks.delivered_alone_per_mentor_week(ids, week_start(first),
                                                            week_start(last))):
        totals[(mentor_id, iso_week_code(monday))] += int(minutes)
    for mentor_id, day, minutes in session.execute(
            queries.delivered_per_mentor_group_session(ids, first, last)):
        totals[(mentor_id, iso_week_code(day))] += int(minutes or 0)
    return totals


def team_bookings(session: Session, start: date, end: date, *,
                  today: date) -> list[Occurrence]:
    """The whole team's not-yet-held bookings in the weeks touched by ``start..end``.
    Expanding every series is most of a team's week: the overview does it once for the
    citizens' and the mentors' planned hours instead of once for each."""
    first, last = _week_span(start, end)
    return _future_occurrences(session, first, last, today)


def shared_team_bookings(session: Session, spans: Sequence[tuple[date, date]], *,
                         today: date) -> list[list[Occurrence]]:
    """Each span's ``team_bookings``, expanded once for all of them when their weeks meet
    (the Timer page's week lies in its month): expanding every series twice was most of
    the page's load at 2 500 citizens. Spans far apart are expanded apart, so a gap
    between them is never expanded for nothing."""
    weeks = [_week_span(start, end) for start, end in spans]
    if not weeks:
        return []
    if not _weeks_meet(weeks):
        return [_future_occurrences(session, first, last, today) for first, last in weeks]
    booked = _future_occurrences(session, min(first for first, _ in weeks),
                                 max(last for _, last in weeks), today)
    return [[o for o in booked if first <= o.starts_at.date() <= last] for first, last in weeks]


def _weeks_meet(weeks: Sequence[tuple[date, date]]) -> bool:
    """The week spans overlap or follow on one another without a week between."""
    ordered = sorted(weeks)
    reached = ordered[0][1]
    for first, last in ordered[1:]:
        if first > reached + timedelta(days=1):
            return False
        reached = max(reached, last)
    return True


def planned_by_citizen(session: Session, ids: Sequence[int], first: date, last: date,
                       today: date, booked: Sequence[Occurrence] | None = None
                       ) -> dict[tuple[int, str], int]:
    """(citizen, ISO week) -> minutes of not-cancelled appointments from ``today`` on."""
    if booked is None:
        booked = _future_occurrences(session, first, last, today, citizen_ids=ids)
    wanted = set(ids)
    totals: dict[tuple[int, str], int] = defaultdict(int)
    for occurrence in booked:
        if occurrence.citizen_id in wanted:
            key = (occurrence.citizen_id, iso_week_code(occurrence.starts_at.date()))
            totals[key] += occurrence.duration_minutes
    return totals


def _future_occurrences(session: Session, first: date, last: date, today: date, *,
                        citizen_ids: Sequence[int] | None = None,
                        mentor_ids: Sequence[int] | None = None) -> list[Occurrence]:
    """Not-cancelled, not-yet-logged occurrences starting on ``today`` or later."""
    window_start = datetime.combine(max(first, today), time.min)
    window_end = datetime.combine(last + timedelta(days=1), time.min)
    if window_start >= window_end:
        return []
    occurrences = expand_appointments(session, window_start, window_end,
                                      citizen_ids=citizen_ids, mentor_ids=mentor_ids)
    return [o for o in occurrences
            if not o.cancelled and not o.logged and o.starts_at >= window_start]


def steps_by_grant(session: Session, grant_ids: Sequence[int]
                   ) -> dict[int, tuple[HoursStep, ...]]:
    """Each stepped grant's plan, in date order; grants without a plan are absent."""
    steps: dict[int, list[HoursStep]] = defaultdict(list)
    for grant_id, starts_on, low, high in session.execute(hours_steps(grant_ids)):
        steps[grant_id].append(HoursStep(starts_on, low, high))
    return {grant_id: tuple(plan) for grant_id, plan in steps.items()}


def _grants_by_citizen(session: Session, ids: Sequence[int], first: date, last: date
                       ) -> dict[int, list[GrantBands]]:
    rows = list(session.execute(queries.granted_hours(ids, first, last)))
    steps = steps_by_grant(session, [row[0] for row in rows]) if rows else {}
    grants: dict[int, list[GrantBands]] = defaultdict(list)
    for grant_id, citizen_id, start_on, end_on, low, high in rows:
        grants[citizen_id].append((start_on, end_on, low, high, steps.get(grant_id, ())))
    return grants


def _bands_in_week(grants: Sequence[GrantBands], monday: date
                   ) -> list[tuple[date, date | None, int | None, int | None]]:
    """The grants with the band each has in force in the week (a stepped plan's step)."""
    return [(start_on, end_on, *band_in_week(steps, (low, high), monday)) if steps
            else (start_on, end_on, low, high)
            for start_on, end_on, low, high, steps in grants]
