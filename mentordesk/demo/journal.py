"""The demo's journal and calendar: years of contacts, group courses and their sessions,
staff absence and who covers, and the appointments of the next six weeks."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from mentordesk.demo import texts
from mentordesk.demo.state import (
    CHUNK_CITIZENS,
    CONTACTS_PER_CITIZEN_YEAR,
    Case,
    DemoState,
    GrantPlan,
    bulk,
    next_id,
)
from mentordesk.storage import models as m
from mentordesk.storage.database import Database

FORMS = ("home_visit", "public_space", "activity_centre", "accompaniment", "phone", "sms",
         "online")
# Cumulative weights per legal basis ("" = any other): §99 is outreach in public space,
# §12 is mostly phone and online talks right after discharge.
_WEIGHTS = {"": (30, 10, 8, 12, 22, 12, 6), "SEL §99": (12, 35, 18, 8, 15, 10, 2),
            "SEL §12": (10, 6, 4, 6, 45, 14, 15)}
FORM_CUM_WEIGHTS = {
    basis: tuple(sum(weights[: i + 1]) for i in range(len(weights)))
    for basis, weights in _WEIGHTS.items()
}
DURATIONS = {"home_visit": (45, 120), "public_space": (30, 120), "activity_centre": (60, 180),
             "accompaniment": (60, 180), "phone": (15, 45), "sms": (15, 15),
             "online": (30, 60)}


def weeks(low: date, high: date) -> Iterator[tuple[list[date], float]]:
    """Each week's weekdays within [low, high] and that week's share of a full week of
    contacts, damped in the summer holidays and around Christmas."""
    monday = low - timedelta(days=low.weekday())
    while monday <= high:
        days = [day for day in (monday + timedelta(days=d) for d in range(5))
                if low <= day <= high]
        if days:
            week = monday.isocalendar()[1]
            season = 0.6 if 28 <= week <= 31 else (0.4 if week in (1, 52, 53) else 1.0)
            yield days, len(days) / 5 * season
        monday += timedelta(days=7)


# --- group courses and their sessions -----------------------------------------------------


def add_groups(state: DemoState, session: Session) -> None:
    """The group courses, their weekly sessions and the members' attendance, which is
    journalled as group contacts (so contact ids start here)."""
    rng, today = state.rng, state.today
    course_id, session_id = next_id(session, m.GroupCourse), next_id(session, m.GroupSession)
    state.contact_id = next_id(session, m.Contact)
    courses, leaders, members_rows, sessions, contacts = [], [], [], [], []
    pool = state.staff or state.users
    for gid, (name, weekday, hour, minutes, months, ended) in enumerate(texts.GROUP_COURSES,
                                                                         course_id):
        begin = max(state.start, today - timedelta(days=months * 30))
        begin += timedelta(days=(weekday - begin.weekday()) % 7)
        ends = today - state.days(60, 180) if ended else None
        ends = ends if ends is None or ends > begin else None
        courses.append({"id": gid, "name": name, "place": texts.DEMO_HOUSE,
                        "weekday": weekday, "start_time": time(hour),
                        "duration_minutes": minutes, "starts_on": begin, "ends_on": ends})
        lead = rng.sample(pool, min(2, len(pool)))
        leaders += [{"group_course_id": gid, "user_id": user} for user in lead]
        last = min(ends or today, today - timedelta(days=1))
        members = [c for c in state.cases if c.active_until and c.active_until >= begin
                   and c.grants[0].start <= last]
        members = rng.sample(members, min(len(members), rng.randint(5, 9)))
        members_rows += [{"group_course_id": gid, "citizen_id": c.id} for c in members]
        for day in (begin + timedelta(weeks=w) for w in range((last - begin).days // 7 + 1)):
            if day.isocalendar()[1] in (1, 28, 29, 30, 31, 52, 53):
                continue  # no groups in the summer and Christmas holidays
            leader = next((u for u in lead if day.toordinal() not in state.absent[u]), None)
            cancelled = leader is None or rng.random() < 0.05
            note = "Aflyst: begge gruppeledere er fraværende." if leader is None else (
                "Aflyst på grund af sygdom." if cancelled else "")
            sessions.append({"id": session_id, "group_course_id": gid, "held_on": day,
                             "cancelled": cancelled, "note": note})
            if not cancelled and leader is not None:
                for case in members:
                    if case.active_on(day):
                        came = rng.random() < 0.85
                        contacts.append(_contact_row(
                            state, case, leader, day, time(hour), minutes if came else 15,
                            "group", texts.DEMO_HOUSE, came,
                            f"Deltog i {name}." if came else f"Udeblev fra {name}.",
                            group_session_id=session_id))
            session_id += 1
    bulk(session, m.GroupCourse, courses)
    bulk(session, m.group_leader, leaders)
    bulk(session, m.group_participant, members_rows)
    bulk(session, m.GroupSession, sessions)
    bulk(session, m.Contact, contacts)


# --- the contact journal ------------------------------------------------------------------


# Travel (minutes, km) to where a meeting happens; the same for every such meeting keeps
# the demo's random sequence as it was.
_TRAVEL = {"home_visit": (20, 12), "accompaniment": (30, 18), "public_space": (15, 6)}


def _contact_row(state: DemoState, case: Case, mentor: int, day: date, start: time,
                 minutes: int, form: str, place: str, attended: bool, note: str, *,
                 partner_id: int | None = None, group_session_id: int | None = None) -> dict:
    state.contact_id += 1
    state.contact_count += 1
    return {
        "id": state.contact_id - 1, "citizen_id": case.id, "mentor_id": mentor,
        "contact_on": day, "start_time": start, "duration_minutes": minutes, "form": form,
        "place": place, "attended": attended, "note": note, "partner_id": partner_id,
        "consent_override_reason": "", "appointment_id": None, "grant_id": None,
        "group_session_id": group_session_id, "version": 1,
        "travel_minutes": _TRAVEL.get(form, (0, 0))[0], "travel_km": _TRAVEL.get(form, (0, 0))[1],
        # Writing the journal up takes a little time whether the citizen came or not.
        "indirect_minutes": 0 if group_session_id else 10,
        "created_at": datetime.combine(day, start) + timedelta(minutes=minutes),
    }


def _segments(state: DemoState, case: Case) -> Iterator[tuple[GrantPlan, date, date]]:
    """The parts of each grant inside the demo's years while the case had contacts."""
    if case.active_until is None:
        return
    for grant in case.grants:
        low = max(grant.start, state.start)
        high = min(grant.end or state.today, case.active_until, state.today)
        if low <= high:
            yield grant, low, high


def add_contacts(state: DemoState, database: Database, step: Callable[[], None]) -> None:
    """About CONTACTS_PER_CITIZEN_YEAR × citizens × years contacts in all (group
    attendance included). Each grant-week first gets a target in hours from its band
    (``_week_target``) and the visits that target needs; the rest of the total is spread
    as ordinary visits over the grants by their intensity. Written in chunks of
    CHUNK_CITIZENS citizens, each in its own transaction, calling ``step()`` after each."""
    target = CONTACTS_PER_CITIZEN_YEAR * state.n_citizens * state.years
    plans = {case.id: [(grant, days, share, _week_target(state.rng, grant.band) * share)
                       for grant, low, high in _segments(state, case)
                       for days, share in weeks(low, high)]
             for case in state.cases}
    weight = sum(grant.intensity * share for weeks_of_case in plans.values()
                 for grant, _days, share, _target in weeks_of_case)
    needed = sum(_visits_for(minutes) for weeks_of_case in plans.values()
                 for *_rest, minutes in weeks_of_case)
    per_week = max(0, target - state.contact_count - needed) / weight if weight else 0.0
    for first in range(0, len(state.cases), CHUNK_CITIZENS):
        rows: list[dict] = []
        links: list[dict] = []
        for case in state.cases[first:first + CHUNK_CITIZENS]:
            for grant, days, share, minutes in plans[case.id]:
                weights = FORM_CUM_WEIGHTS.get(grant.basis_code, FORM_CUM_WEIGHTS[""])
                expected = per_week * grant.intensity * share
                count = _visits_for(minutes) + int(expected) + (
                    state.rng.random() < expected % 1)
                rows += _week_of_contacts(state, case, grant, days, minutes, count,
                                          weights, links)
        with database.session() as session:
            bulk(session, m.Contact, rows)
            bulk(session, m.contact_goal, links)
        step()


def _week_of_contacts(state: DemoState, case: Case, grant: GrantPlan, days: list[date],
                      target: float, count: int, weights: tuple[int, ...],
                      links: list[dict]) -> list[dict]:
    """One grant's contacts in one week, landing where real weeks do: mostly within the
    granted band, some under, a few over (a demo that is red everywhere teaches nothing).
    Visits are lengthened or shortened toward the week's ``target`` minutes, 15 minutes to
    3 hours each; a week whose no-shows leave too little gets another visit."""
    week: list[dict] = []
    for _ in range(count):
        _add_contact(state, case, state.rng.choice(days), weights, week, links)
    while target and len(week) < 12 and _reachable(week) < target:
        _add_contact(state, case, state.rng.choice(days), weights, week, links)
    attended = [row for row in week if row["attended"] and row["form"] != "sms"]
    if target and attended:
        scale = target / sum(row["duration_minutes"] for row in attended)
        for row in attended:
            minutes = min(180, max(15, round(row["duration_minutes"] * scale / 5) * 5))
            row["created_at"] += timedelta(minutes=minutes - row["duration_minutes"])
            row["duration_minutes"] = minutes
    for row in week:
        row["grant_id"] = grant.id  # the demo knows whose hours these are
    return week


def _visits_for(minutes: float) -> int:
    """Visits a week's target needs at about two and a half hours each."""
    return math.ceil(minutes / 150) if minutes else 0


def _week_target(rng: random.Random, band: tuple[int | None, int | None]) -> float:
    """Minutes a week: 75 % within the band, 19 % under, 6 % over; 0 without a band."""
    low, high = band
    if not low:
        return 0.0
    top = high if high is not None else low * 3 // 2
    roll = rng.random()
    if roll < 0.75:  # teams plan to the band's lower half and keep a margin
        return rng.uniform(low, (low + top) / 2)
    if roll < 0.94:
        return rng.uniform(0.5, 0.95) * low
    return rng.uniform(1.05, 1.3) * top


def _reachable(week: list[dict]) -> int:
    """The most the week's attended visits can hold at three hours each."""
    return 180 * sum(row["attended"] and row["form"] != "sms" for row in week)


def _add_contact(state: DemoState, case: Case, day: date, weights: tuple[int, ...],
                 rows: list[dict], links: list[dict]) -> None:
    rng, ordinal = state.rng, day.toordinal()
    primary = case.primary_at(ordinal)
    mentor = rng.choice(case.substitutes) if case.substitutes and rng.random() < 0.1 \
        else primary
    if ordinal in state.absent[mentor]:  # the substitute, else a colleague, covers
        turn = case.id % len(state.staff) if state.staff else 0
        mentor = next((u for u in (*case.substitutes, primary, *state.staff[turn:],
                                   *state.staff[:turn]) if ordinal not in state.absent[u]),
                      mentor)
    form = rng.choices(FORMS, cum_weights=weights)[0]
    attended = form == "sms" or rng.random() >= 0.11
    low, high = DURATIONS[form]
    minutes = rng.randrange(low, high + 1, 5) if attended else rng.choice((15, 20, 30))
    start = time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)))
    partner_id, place = None, texts.contact_place(rng, form)
    if form == "accompaniment":
        valid = [c for c in case.consents if c[2] <= ordinal <= c[3]]
        if valid and rng.random() < 0.6:  # to a partner the citizen has consented to
            partner_id, place = rng.choice(valid)[:2]
    row = _contact_row(state, case, mentor, day, start, minutes, form, place, attended,
                       texts.contact_note(rng, form, attended), partner_id=partner_id)
    rows.append(row)
    if attended and case.goals and rng.random() < 0.5:
        started = [goal for goal, since in case.goals if since <= ordinal]
        for goal in rng.sample(started, min(len(started), rng.choice((1, 1, 1, 2)))):
            links.append({"contact_id": row["id"], "goal_id": goal})


# --- staff absence and who covers ---------------------------------------------------------


def add_absences(state: DemoState, session: Session) -> None:
    horizon = state.today + timedelta(days=42)
    absence_id = next_id(session, m.Absence)
    absences, made = [], []
    for user in state.users:
        for year in range(state.start.year, horizon.year + 1):
            for kind, start, end, note in absence_spells(state.rng, year):
                if end < state.start or start > horizon or (
                        kind == "sickness" and start > state.today):
                    continue  # outside the demo's time, or sickness not yet known
                absences.append({"id": absence_id, "user_id": user, "kind": kind,
                                 "start_on": start, "end_on": end, "note": note})
                state.absent[user].update(range(start.toordinal(), end.toordinal() + 1))
                made.append((absence_id, user, start.toordinal()))
                absence_id += 1
    by_primary: dict[int, list[tuple[int, int, Case]]] = {u: [] for u in state.users}
    for case in state.cases:
        for first, last, user in case.primaries:
            by_primary[user].append((first, min(last, (case.closed or horizon).toordinal()),
                                     case))
    covers = []
    for absence_id, user, day in made:  # the substitute, else a free colleague, covers
        for first, last, case in by_primary[user]:
            if first <= day <= last:
                free = (u for u in (*case.substitutes, *state.staff)
                        if u != user and day not in state.absent[u])
                substitute = next(free, None)
                if substitute is not None:
                    covers.append({"absence_id": absence_id, "citizen_id": case.id,
                                   "substitute_id": substitute})
    bulk(session, m.Absence, absences)
    bulk(session, m.AbsenceCover, covers)


def absence_spells(rng: random.Random, year: int) -> list[tuple[str, date, date, str]]:
    """One mentor's absences in a year: summer holiday, maybe autumn and Christmas weeks,
    a few sick days, maybe a course. (kind, first day, last day, note)"""
    summer = date.fromisocalendar(year, rng.randint(26, 31), 1)  # staggered
    spells = [("holiday", summer, summer + timedelta(days=18), "Sommerferie")]
    if rng.random() < 0.5:
        autumn = date.fromisocalendar(year, 42, 1)
        spells.append(("holiday", autumn, autumn + timedelta(days=4), "Efterårsferie"))
    if rng.random() < 0.6:
        spells.append(("holiday", date(year, 12, 22), date(year, 12, 31), "Juleferie"))
    for _ in range(rng.choices((0, 1, 2, 3), (30, 35, 25, 10))[0]):
        sick = date(year, 1, 1) + timedelta(days=rng.randint(0, 360))
        spells.append(("sickness", sick, sick + timedelta(days=rng.randint(0, 4)), "Sygdom"))
    if rng.random() < 0.3:
        course = date(year, 1, 1) + timedelta(days=rng.randint(0, 360))
        spells.append(("course", course, course + timedelta(days=1), "Kursus"))
    return spells


# --- calendar: fixed weekly times and the next six weeks ----------------------------------


def add_appointments(state: DemoState, session: Session) -> None:
    rows, extra = appointments(state.rng, state.cases, state.today,
                               next_id(session, m.Appointment))
    bulk(session, m.Appointment, rows)
    bulk(session, m.appointment_mentor, extra)


_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _weekday(day: date) -> date:
    """The day itself, or the Monday after a weekend."""
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def appointments(rng: random.Random, cases: list[Case], today: date,
                 first_id: int) -> tuple[list[dict], list[dict]]:
    """Calendar rows for the next six weeks: a first meeting for waiting citizens, a fixed
    weekly (or fortnightly) time for about a third of active ones, and single meetings.
    Returns (appointment rows, extra-mentor rows)."""
    rows: list[dict] = []
    extra: list[dict] = []

    def add(case: Case, at: datetime, minutes: int, form: str, note: str = "",
            rrule: str = "", cancelled: bool = False) -> None:
        rows.append({"id": first_id + len(rows), "citizen_id": case.id,
                     "mentor_id": case.primary_at(at.toordinal()), "starts_at": at,
                     "duration_minutes": minutes, "form": form,
                     "place": texts.contact_place(rng, form),
                     "note": note, "rrule": rrule, "series_id": None, "cancelled": cancelled,
                     "version": 1})
        if case.substitutes and rng.random() < 0.08:  # two mentors at the meeting
            extra.append({"appointment_id": rows[-1]["id"], "user_id": case.substitutes[0]})

    for case in cases:
        if case.status == "waiting" and case.grants[0].start <= today + timedelta(days=42):
            add(case, datetime.combine(_weekday(case.grants[0].start), time(10)), 60,
                "home_visit", "Første møde: forventningsafstemning og samtykker.")
        if case.status != "active":
            continue
        if rng.random() < 0.35:
            weekday = rng.randrange(5)
            since = today - timedelta(weeks=rng.randint(2, 20))
            since += timedelta(days=(weekday - since.weekday()) % 7)
            interval = "INTERVAL=2;" if rng.random() < 0.2 else ""
            add(case, datetime.combine(since, time(rng.randint(9, 15))), rng.choice((60, 90)),
                rng.choice(("home_visit", "public_space")), "Fast aftale.",
                f"FREQ=WEEKLY;{interval}BYDAY={_BYDAY[weekday]}")
        for _ in range(rng.randint(0, 3)):
            day = _weekday(today + timedelta(days=rng.randint(1, 42)))
            add(case, datetime.combine(day, time(rng.randint(8, 16), rng.choice((0, 30)))),
                rng.choice((30, 60, 90)),
                rng.choices(FORMS, cum_weights=FORM_CUM_WEIGHTS[""])[0],
                cancelled=rng.random() < 0.05)
    return rows, extra
