"""A realistic, fictitious demo database of any size, identical for the same seed and day.

``build_demo`` creates an encrypted database whose admin is the person running it, fills it
with a team, citizens, grants, action plans, years of contacts, a calendar, group courses,
absences and economy overviews, and marks it as demo data (``app_meta.is_demo = "1"``).
All randomness comes from one ``random.Random(seed)`` and the fixed ``today``. Primary keys
are assigned here, so rows go in with bulk inserts: ~100 000 contacts take a few seconds.
The fictitious names, places and sentences live in ``demo_data``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from mentordesk import audit, vault
from mentordesk import demo_data as data
from mentordesk.domain.catalogue import HOUR_BANDS, PriceModel
from mentordesk.domain.codes import CitizenStatus, Role
from mentordesk.domain.dates import format_date
from mentordesk.domain.vum import InterventionStatus
from mentordesk.errors import MentorDeskError
from mentordesk.services.catalogue import seed_default_catalogue
from mentordesk.services.citizens import search_key_for
from mentordesk.storage import models as m
from mentordesk.storage.database import DEMO_KEY, Database

DEMO_TEAM_NAME = "Demoteamet"
CONTACTS_PER_CITIZEN_YEAR = 80
ANONYMOUS_SHARE = 0.08
ECONOMY_SHARE = 0.3
_CHUNK_CITIZENS = 50  # contacts are written (and progress reported) per this many citizens
_LONG_BASES = ("SEL §85", "SEL §99", "LAB §68a")  # bases without a short maximum period
_WEEKS = {"SEL §85": (52, 156), "SEL §99": (26, 104), "SEL §12": (8, 26), "LAB §68a": (26, 78)}
_FAR = date.max.toordinal()

Progress = Callable[[int, int], None]


class DemoCancelled(MentorDeskError):
    """The user cancelled building the demo; the partly built file has been deleted."""


def build_demo(
    path: Path,
    passphrase: str,
    *,
    citizens: int = 250,
    mentors: int = 20,
    years: int = 5,
    seed: int = 1,
    today: date | None = None,
    operator_login: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Database:
    """Create the demo database at ``path`` and return it open (the caller closes it).

    The same ``seed`` and ``today`` give the same data. ``operator_login`` (default: this
    PC's login) becomes the admin, so whoever runs the demo sees every citizen.
    ``progress(done, total)`` is called between phases; when ``cancelled()`` turns true,
    ``DemoCancelled`` is raised. On cancel or any failure the new file is removed.
    """
    if citizens < 1 or mentors < 1 or years < 1:
        raise ValueError("citizens, mentors and years must be at least 1")
    today = today or date.today()
    login = operator_login or vault.current_login()
    database = vault.create_database(path, passphrase, team_name=DEMO_TEAM_NAME,
                                     admin_login=login, admin_name=login)
    try:
        _Builder(database, citizens=citizens, mentors=mentors, years=years, seed=seed,
                 today=today, login=login, progress=progress, cancelled=cancelled).run()
    except BaseException:
        database.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise
    return database


def _next_id(session: Session, model: type) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1  # type: ignore[attr-defined]


def _bulk(session: Session, target: object, rows: list[dict]) -> None:
    """One executemany INSERT; versioned rows start at version 1."""
    if not rows:
        return
    if isinstance(target, type) and issubclass(target, m.Versioned):
        for row in rows:
            row.setdefault("version", 1)
    session.execute(insert(target), rows)  # type: ignore[call-overload]


@dataclass
class _GrantPlan:
    id: int
    basis_code: str
    start: date
    end: date | None
    intensity: float  # relative number of contacts per week
    recipient: str  # caseworker and authority, for report drafts


@dataclass
class _Case:
    id: int
    status: str
    anonymous: bool
    opened: date
    closed: date | None
    active_until: date | None  # last day with contacts; None while waiting
    town: int
    grants: list[_GrantPlan] = field(default_factory=list)
    primaries: list[tuple[int, int, int]] = field(default_factory=list)  # from, to, user
    substitutes: list[int] = field(default_factory=list)
    goals: list[tuple[int, int]] = field(default_factory=list)  # goal id, start ordinal
    consents: list[tuple[int, str, int, int]] = field(default_factory=list)

    def primary_at(self, ordinal: int) -> int:
        for start, end, user in self.primaries:
            if start <= ordinal <= end:
                return user
        return self.primaries[-1][2]


@dataclass(frozen=True)
class _Offer:
    basis_id: int
    basis_code: str
    anonymous_ok: bool
    course: m.CourseType | None


class _Builder:
    def __init__(self, database: Database, *, citizens: int, mentors: int, years: int,
                 seed: int, today: date, login: str, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.db, self.n_citizens, self.n_mentors, self.years = database, citizens, mentors, years
        self.seed, self.today, self.login = seed, today, login
        self.rng = random.Random(seed)
        self.start = today - timedelta(days=round(365.25 * years))
        self._progress, self._cancelled = progress, cancelled
        self.done, self.total = 0, 8 + math.ceil(citizens / _CHUNK_CITIZENS)
        self.cases: list[_Case] = []
        self.users: list[int] = []
        self.staff: list[int] = []  # employees: not volunteers
        self.weight: dict[int, float] = {}  # share of citizens as primary mentor
        self.absent: dict[int, set[int]] = {}  # user → day ordinals
        self.contact_id = self.contact_count = self.aliases_used = 0

    def run(self) -> None:
        self._check()
        for phase in (self._team, self._cases, self._plans, self._absences, self._groups):
            with self.db.session() as session:
                phase(session)
            self._step()
        self._contacts()
        for phase in (self._appointments, self._economy, self._finish):
            with self.db.session() as session:
                phase(session)
            self._step()

    def _check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise DemoCancelled("Oprettelsen af demodatabasen blev afbrudt.")

    def _step(self) -> None:
        self.done += 1
        if self._progress is not None:
            self._progress(self.done, self.total)
        if self.done < self.total:
            self._check()

    def _days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.rng.randint(low, high))

    # --- catalogue, team, authorities, partners -------------------------------------------

    def _team(self, session: Session) -> None:
        rng = self.rng
        seed_default_catalogue(session, today=self.today)
        session.merge(m.AppMeta(key=DEMO_KEY, value="1"))
        self._make_offers(session.scalars(select(m.LegalBasis).order_by(m.LegalBasis.id)).all(),
                          session.scalars(select(m.CourseType).order_by(m.CourseType.id)).all())
        first = _next_id(session, m.User)
        coordinators = min(2, self.n_mentors - 1)
        volunteers = max(1, round(self.n_mentors * 0.15)) if self.n_mentors >= 5 else 0
        width = max(2, len(str(self.n_mentors)))
        users = []
        for index in range(self.n_mentors):
            user_id, login = first + index, f"mentor{index + 1:0{width}d}"
            volunteer = index >= self.n_mentors - volunteers
            role = Role.COORDINATOR if index < coordinators else Role.MENTOR
            hours = rng.randint(4, 10) if volunteer else rng.choice((20, 25, 30, 32, 37, 37))
            users.append({"id": user_id, "login": login + "-demo" if login == self.login else login,
                          "full_name": " ".join(data.person_name(rng)), "role": role.value,
                          "weekly_capacity_minutes": hours * 60, "is_volunteer": volunteer,
                          "active": True, "created_at": datetime.combine(self.start, time(8))})
            self.weight[user_id] = 0.3 if index < coordinators else (0.4 if volunteer else 1.0)
            self.users.append(user_id)
            self.staff += [] if volunteer else [user_id]
            self.absent[user_id] = set()
        _bulk(session, m.User, users)
        first, rows, self.authorities = _next_id(session, m.Authority), [], []
        for offset, (name, kind, town) in enumerate(data.AUTHORITIES[:rng.randint(4, 6)]):
            domain = name.casefold().replace(" ", "-").replace("ø", "oe") + ".example"
            workers = [(f"{given} {family}", f"{data.email_local(given, family)}@{domain}")
                       for given, family in (data.person_name(rng) for _ in range(3))]
            rows.append({"id": first + offset, "name": name, "kind": kind,
                         "address": f"Rådhuspladsen 1, {town}", "email": f"post@{domain}"})
            self.authorities.append((first + offset, kind, town, workers, name))
        _bulk(session, m.Authority, rows)
        first, rows, self.partners = _next_id(session, m.Partner), [], []
        for offset, (name, kind, organisation, purpose) in enumerate(data.PARTNERS):
            rows.append({"id": first + offset, "name": name, "kind": kind,
                         "organisation": organisation, "phone": data.phone(rng),
                         "email": f"kontakt{offset + 1}@partner.example", "note": "",
                         "active": True})
            self.partners.append((first + offset, name, purpose))
        _bulk(session, m.Partner, rows)

    def _make_offers(self, bases: list[m.LegalBasis], courses: list[m.CourseType]) -> None:
        """What a grant can be: a legal basis alone, or a course type under its basis."""
        by_id = {basis.id: basis for basis in bases}
        only = [_Offer(b.id, b.code, b.allows_anonymous, None) for b in bases]
        with_course = [_Offer(c.legal_basis_id, by_id[c.legal_basis_id].code,
                              by_id[c.legal_basis_id].allows_anonymous, c)
                       for c in courses if c.legal_basis_id in by_id]
        weights = {"SEL §85": 30, "SEL §99": 10, "SEL §12": 5, "LAB §31c": 2}
        self.offers = only + with_course
        self.offer_weights = [weights.get(o.basis_code, 1) for o in only] + [2] * len(with_course)
        self.long_offers = [o for o in only if o.basis_code in _LONG_BASES and not o.anonymous_ok]
        # Coverage first: one grant per legal basis (with a course type where one exists),
        # then every other course type, so even a small demo shows the whole catalogue.
        self.coverage = [next((o for o in with_course if o.basis_id == b.id), only[i])
                         for i, b in enumerate(bases)]
        self.coverage += [o for o in with_course if o not in self.coverage]

    # --- citizens, grants, assignments, consents -------------------------------------------

    def _cases(self, session: Session) -> None:
        rng, today = self.rng, self.today
        first, grant_id = _next_id(session, m.Citizen), _next_id(session, m.Grant)
        anonymous = set(rng.sample(range(self.n_citizens),
                                   round(self.n_citizens * ANONYMOUS_SHARE)))
        citizens, grants, assignments, relatives, consents = [], [], [], [], []
        used_cpr: set[str] = set()
        used_names: set[tuple[str, str]] = set()
        for index in range(self.n_citizens):
            anon = index in anonymous
            status = rng.choices(("active", "paused", "waiting", "closed"), (68, 5, 5, 22))[0]
            status = "active" if anon and status == "waiting" else status  # §99: no waiting
            offers = [self._pick_offer(anon) for _ in range(
                1 if status == "waiting" else rng.choices((1, 2, 3), (35, 40, 25))[0])]
            spans = self._place_grants(status, offers)
            closed = spans[-1][1] if status == "closed" else None
            active_until = {"active": today, "closed": closed, "waiting": None,
                            "paused": today - self._days(14, 90)}[status]
            case = _Case(first + index, status, anon, spans[0][0] - self._days(0, 21), closed,
                         active_until, rng.randrange(len(data.TOWNS)))
            for position, (offer, (start, end)) in enumerate(zip(offers, spans, strict=True)):
                grants.append(self._grant_row(grant_id, case, offer, start, end,
                                              position == len(spans) - 1))
                grant_id += 1
            citizens.append(self._citizen_row(case, used_cpr, used_names))
            assignments += self._assign(case)
            if not anon:
                relatives += data.relatives(rng, case.id)
                consents += self._consents(case)
            self.cases.append(case)
        for model, rows in ((m.Citizen, citizens), (m.Grant, grants), (m.Assignment, assignments),
                            (m.Relative, relatives), (m.Consent, consents)):
            _bulk(session, model, rows)

    def _pick_offer(self, anonymous: bool) -> _Offer:
        if anonymous:
            allowed = [o for o in self.offers if o.anonymous_ok and o.course is None]
            if allowed:
                return self.rng.choice(allowed)
        if self.coverage:
            return self.coverage.pop(0)
        return self.rng.choices(self.offers, self.offer_weights)[0]

    def _place_grants(self, status: str, offers: list[_Offer]) -> list[tuple[date, date]]:
        """Consecutive grant periods: the last one runs today (active, paused), starts soon
        (waiting) or ended inside the demo's years (closed)."""
        lengths = []
        for offer in offers:
            weeks = self.rng.randint(*_WEEKS.get(offer.basis_code, (13, 26)))
            course = offer.course
            if course is not None and course.min_weeks:
                weeks = course.min_weeks if course.fixed_period else max(weeks, course.min_weeks)
            lengths.append(timedelta(weeks=weeks))
        today = self.today
        if status == "waiting":
            start = today + self._days(7, 45)
            return [(start, start + lengths[0])]
        if status == "closed":
            span = (today - self.start).days
            last_end = self.start + self._days(min(56, span // 3), max(span - 14, span // 2))
            last_start = last_end - lengths[-1]
        else:
            last_start = today - timedelta(days=int(lengths[-1].days * self.rng.uniform(0.05, 0.9)))
        spans = [(last_start, last_start + lengths[-1])]
        for length in reversed(lengths[:-1]):
            end = spans[0][0] - self._days(1, 14)
            spans.insert(0, (end - length, end))
        # Long-running cases keep the caseload steadier over the years: an open case often
        # began long ago, under a long socio-pedagogical, SKP or resource grant.
        began = today - self._days(21, round(365.25 * 1.6 * self.years))
        if status == "closed" or began >= spans[0][0] or self.rng.random() < 0.2:
            return spans
        if offers[0].basis_code in _LONG_BASES:
            spans[0] = (began, spans[0][1])
        elif len(offers) < 3 and self.long_offers:
            offers.insert(0, self.rng.choice(self.long_offers))
            spans.insert(0, (began, spans[0][0] - self._days(1, 14)))
        return spans

    def _grant_row(self, grant_id: int, case: _Case, offer: _Offer, start: date, end: date,
                   last: bool) -> dict:
        rng, course = self.rng, offer.course
        if course is not None and course.hours_min_minutes is not None:
            low, high = course.hours_min_minutes, course.hours_max_minutes
        elif offer.basis_code == "SEL §85":
            band = rng.choices(HOUR_BANDS, (5, 3, 1))[0]
            low, high = band.min_hours * 60, (band.max_hours or band.min_hours) * 60
        else:
            low, high = rng.choice(((60, None), (60, 300)))
        if course is not None and course.price_model:
            price_model, price = course.price_model, course.price_oere
        else:  # agreed case by case: an hourly price
            price_model, price = PriceModel.PER_HOUR.value, rng.choice((48_000, 50_000, 52_500))
        kind = "jobcenter" if offer.basis_code.startswith("LAB") else "kommune"
        same_kind = [a for a in self.authorities if a[1] == kind] or self.authorities
        authority = next((a for a in same_kind if a[2] == data.TOWNS[case.town][1]), same_kind[0])
        worker, worker_contact = rng.choice(authority[3])
        open_ended = last and case.status != "closed" and offer.basis_code == "SEL §85" \
            and rng.random() < 0.3
        is_12 = offer.basis_code == "SEL §12"
        mid = (low + high) / 2 if high is not None else low + 90
        case.grants.append(_GrantPlan(grant_id, offer.basis_code, start, None if open_ended
                                      else end, math.sqrt(max(mid, 60) / 60),
                                      f"{worker}, {authority[4]}"))
        return {
            "id": grant_id, "citizen_id": case.id, "legal_basis_id": offer.basis_id,
            "course_type_id": course.id if course else None, "authority_id": authority[0],
            "caseworker_name": worker, "caseworker_contact": worker_contact,
            "start_on": start, "end_on": None if open_ended else end,
            "discharge_on": start - self._days(1, 10) if is_12 else None,
            "hours_min_minutes": low, "hours_max_minutes": high,
            "price_model": price_model, "price_oere": price,
            "note": "Telefonisk kontakt kort efter udskrivning." if is_12 else "",
        }

    def _citizen_row(self, case: _Case, used_cpr: set[str],
                     used_names: set[tuple[str, str]]) -> dict:
        if case.anonymous:
            fields = data.anonymous_fields(data.alias(self.aliases_used), case.town)
            self.aliases_used += 1
        else:
            fields = data.citizen_fields(self.rng, self.today, case.town, used_cpr, used_names)
        return fields | {
            "id": case.id, "status": CitizenStatus(case.status).value, "opened_on": case.opened,
            "closed_on": case.closed, "is_anonymous": case.anonymous,
            "search_key": search_key_for(fields["first_name"], fields["last_name"],
                                         fields["alias"]),
            "created_at": datetime.combine(case.opened, time(9)),
        }

    def _assign(self, case: _Case) -> list[dict]:
        """A primary mentor (sometimes changed once) and 0–2 substitutes for the case."""
        rng, end = self.rng, case.closed
        weights = [self.weight[u] * (3 if case.anonymous and u not in self.staff else 1)
                   for u in self.users]  # volunteers often take the anonymous §99 citizens
        primary = rng.choices(self.users, weights)[0]
        length = ((end or self.today) - case.opened).days
        rows = [("primary", primary, case.opened, end)]
        if length > 365 and rng.random() < 0.3 and len(self.users) > 1:
            change = case.opened + self._days(90, length - 30)
            primary = rng.choice([u for u in self.users if u != primary])
            rows = [("primary", rows[0][1], case.opened, change - timedelta(days=1)),
                    ("primary", primary, change, end)]
        others = [u for u in self.users if u != primary]
        case.substitutes = rng.sample(others, min(len(others),
                                                  rng.choices((0, 1, 2), (35, 45, 20))[0]))
        rows += [("substitute", user, case.opened, end) for user in case.substitutes]
        case.primaries = [(s.toordinal(), e.toordinal() if e else _FAR, u)
                          for kind, u, s, e in rows if kind == "primary"]
        return [{"citizen_id": case.id, "user_id": user, "kind": kind, "start_on": start,
                 "end_on": stop} for kind, user, start, stop in rows]

    def _consents(self, case: _Case) -> list[dict]:
        """1–3 partners; a consent lasts 1–2 years, is sometimes renewed, now and then
        withdrawn, and some are left expired."""
        rng, today = self.rng, self.today
        rows = []
        for partner_id, name, purpose in rng.sample(self.partners, rng.randint(1, 3)):
            given = min(case.opened + self._days(0, 45), today)
            while given <= (case.closed or today):
                expires = given + timedelta(days=rng.choice((365, 730)))
                withdrawn = given + self._days(20, 200) if rng.random() < 0.06 else None
                withdrawn = withdrawn if withdrawn and withdrawn <= today else None
                rows.append({"citizen_id": case.id, "partner_id": partner_id, "purpose": purpose,
                             "given_on": given, "expires_on": expires, "withdrawn_on": withdrawn,
                             "note": "Tilbagekaldt af borgeren." if withdrawn else ""})
                until = withdrawn - timedelta(days=1) if withdrawn else expires
                case.consents.append((partner_id, name, given.toordinal(), until.toordinal()))
                if withdrawn or rng.random() < 0.4:
                    break
                given = expires + timedelta(days=1)
        return rows

    # --- action plans: goals, sub-goals, assessments -----------------------------------------

    def _plans(self, session: Session) -> None:
        codes = data.theme_codes()
        goal_id = _next_id(session, m.Goal)
        goals: list[dict] = []
        subs: list[dict] = []
        assessments: list[dict] = []
        for case in self.cases:
            for row in data.action_plan(self.rng, case, codes, self.today, goal_id, subs,
                                        assessments):
                goals.append(row)
                if row["start_on"] <= self.today:
                    case.goals.append((goal_id, row["start_on"].toordinal()))
                goal_id += 1
        _bulk(session, m.Goal, goals)
        _bulk(session, m.SubGoal, subs)
        _bulk(session, m.Assessment, assessments)

    # --- staff absence and who covers --------------------------------------------------------

    def _absences(self, session: Session) -> None:
        horizon = self.today + timedelta(days=42)
        absence_id = _next_id(session, m.Absence)
        absences, made = [], []
        for user in self.users:
            for year in range(self.start.year, horizon.year + 1):
                for kind, start, end, note in data.absence_spells(self.rng, year):
                    if end < self.start or start > horizon or (
                            kind == "sickness" and start > self.today):
                        continue  # outside the demo's time, or sickness not yet known
                    absences.append({"id": absence_id, "user_id": user, "kind": kind,
                                     "start_on": start, "end_on": end, "note": note})
                    self.absent[user].update(range(start.toordinal(), end.toordinal() + 1))
                    made.append((absence_id, user, start.toordinal()))
                    absence_id += 1
        by_primary: dict[int, list[tuple[int, int, _Case]]] = {u: [] for u in self.users}
        for case in self.cases:
            for start, end, user in case.primaries:
                by_primary[user].append((start, min(end, (case.closed or horizon).toordinal()),
                                         case))
        covers = []
        for absence_id, user, day in made:  # the substitute, else a free colleague, covers
            for start, end, case in by_primary[user]:
                if start <= day <= end:
                    free = (u for u in (*case.substitutes, *self.staff)
                            if u != user and day not in self.absent[u])
                    substitute = next(free, None)
                    if substitute is not None:
                        covers.append({"absence_id": absence_id, "citizen_id": case.id,
                                       "substitute_id": substitute})
        _bulk(session, m.Absence, absences)
        _bulk(session, m.AbsenceCover, covers)

    # --- group courses and their sessions ----------------------------------------------------

    def _groups(self, session: Session) -> None:
        rng, today = self.rng, self.today
        course_id, session_id = _next_id(session, m.GroupCourse), _next_id(session, m.GroupSession)
        self.contact_id = _next_id(session, m.Contact)
        courses, leaders, members_rows, sessions, contacts = [], [], [], [], []
        pool = self.staff or self.users
        for gid, (name, weekday, hour, minutes, months, ended) in enumerate(data.GROUP_COURSES,
                                                                             course_id):
            begin = max(self.start, today - timedelta(days=months * 30))
            begin += timedelta(days=(weekday - begin.weekday()) % 7)
            ends = today - self._days(60, 180) if ended else None
            ends = ends if ends is None or ends > begin else None
            courses.append({"id": gid, "name": name, "place": data.DEMO_HOUSE,
                            "weekday": weekday, "start_time": time(hour),
                            "duration_minutes": minutes, "starts_on": begin, "ends_on": ends})
            lead = rng.sample(pool, min(2, len(pool)))
            leaders += [{"group_course_id": gid, "user_id": user} for user in lead]
            last = min(ends or today, today - timedelta(days=1))
            members = [c for c in self.cases if c.active_until and c.active_until >= begin
                       and c.grants[0].start <= last]
            members = rng.sample(members, min(len(members), rng.randint(5, 9)))
            members_rows += [{"group_course_id": gid, "citizen_id": c.id} for c in members]
            for day in (begin + timedelta(weeks=w) for w in range((last - begin).days // 7 + 1)):
                if day.isocalendar()[1] in (1, 28, 29, 30, 31, 52, 53):
                    continue  # no groups in the summer and Christmas holidays
                leader = next((u for u in lead if day.toordinal() not in self.absent[u]), None)
                cancelled = leader is None or rng.random() < 0.05
                note = "Aflyst: begge gruppeledere er fraværende." if leader is None else (
                    "Aflyst på grund af sygdom." if cancelled else "")
                sessions.append({"id": session_id, "group_course_id": gid, "held_on": day,
                                 "cancelled": cancelled, "note": note})
                for case in [] if cancelled or leader is None else members:
                    if case.grants[0].start <= day <= case.active_until:
                        came = rng.random() < 0.85
                        contacts.append(self._contact_row(
                            case, leader, day, time(hour), minutes if came else 15, "group",
                            data.DEMO_HOUSE, came,
                            f"Deltog i {name}." if came else f"Udeblev fra {name}.",
                            group_session_id=session_id))
                session_id += 1
        _bulk(session, m.GroupCourse, courses)
        _bulk(session, m.group_leader, leaders)
        _bulk(session, m.group_participant, members_rows)
        _bulk(session, m.GroupSession, sessions)
        _bulk(session, m.Contact, contacts)

    # --- the contact journal -----------------------------------------------------------------

    def _contact_row(self, case: _Case, mentor: int, day: date, start: time, minutes: int,
                     form: str, place: str, attended: bool, note: str, *,
                     partner_id: int | None = None, group_session_id: int | None = None) -> dict:
        self.contact_id += 1
        self.contact_count += 1
        return {
            "id": self.contact_id - 1, "citizen_id": case.id, "mentor_id": mentor,
            "contact_on": day, "start_time": start, "duration_minutes": minutes, "form": form,
            "place": place, "attended": attended, "note": note, "partner_id": partner_id,
            "consent_override_reason": "", "appointment_id": None,
            "group_session_id": group_session_id, "version": 1,
            "created_at": datetime.combine(day, start) + timedelta(minutes=minutes),
        }

    def _segments(self, case: _Case) -> Iterator[tuple[_GrantPlan, date, date]]:
        """The parts of each grant inside the demo's years while the case had contacts."""
        for grant in case.grants if case.active_until else ():
            low = max(grant.start, self.start)
            high = min(grant.end or self.today, case.active_until, self.today)
            if low <= high:
                yield grant, low, high

    def _contacts(self) -> None:
        """About CONTACTS_PER_CITIZEN_YEAR × citizens × years contacts in all (group
        attendance included): the weekly rate is scaled so the expected total hits that,
        spread over the grants by their weekly hours."""
        target = CONTACTS_PER_CITIZEN_YEAR * self.n_citizens * self.years
        weight = sum(grant.intensity * share for case in self.cases
                     for grant, low, high in self._segments(case)
                     for _, share in data.weeks(low, high))
        per_week = max(0, target - self.contact_count) / weight if weight else 0.0
        for first in range(0, len(self.cases), _CHUNK_CITIZENS):
            rows: list[dict] = []
            links: list[dict] = []
            for case in self.cases[first:first + _CHUNK_CITIZENS]:
                for grant, low, high in self._segments(case):
                    weights = data.FORM_CUM_WEIGHTS.get(grant.basis_code,
                                                        data.FORM_CUM_WEIGHTS[""])
                    for days, share in data.weeks(low, high):
                        expected = per_week * grant.intensity * share
                        for _ in range(int(expected) + (self.rng.random() < expected % 1)):
                            self._contact(case, self.rng.choice(days), weights, rows, links)
            with self.db.session() as session:
                _bulk(session, m.Contact, rows)
                _bulk(session, m.contact_goal, links)
            self._step()

    def _contact(self, case: _Case, day: date, weights: tuple[int, ...],
                 rows: list[dict], links: list[dict]) -> None:
        rng, ordinal = self.rng, day.toordinal()
        primary = case.primary_at(ordinal)
        mentor = rng.choice(case.substitutes) if case.substitutes and rng.random() < 0.1 \
            else primary
        if ordinal in self.absent[mentor]:  # the substitute, else a colleague, covers
            turn = case.id % len(self.staff) if self.staff else 0
            mentor = next((u for u in (*case.substitutes, primary, *self.staff[turn:],
                                       *self.staff[:turn]) if ordinal not in self.absent[u]),
                          mentor)
        form = rng.choices(data.FORMS, cum_weights=weights)[0]
        attended = form == "sms" or rng.random() >= 0.11
        low, high = data.DURATIONS[form]
        minutes = rng.randrange(low, high + 1, 5) if attended else rng.choice((15, 20, 30))
        start = time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)))
        partner_id, place = None, data.contact_place(rng, form)
        if form == "accompaniment":
            valid = [c for c in case.consents if c[2] <= ordinal <= c[3]]
            if valid and rng.random() < 0.6:  # to a partner the citizen has consented to
                partner_id, place = rng.choice(valid)[:2]
        row = self._contact_row(case, mentor, day, start, minutes, form, place, attended,
                                data.contact_note(rng, form, attended), partner_id=partner_id)
        rows.append(row)
        if attended and case.goals and rng.random() < 0.5:
            started = [goal for goal, since in case.goals if since <= ordinal]
            for goal in rng.sample(started, min(len(started), rng.choice((1, 1, 1, 2)))):
                links.append({"contact_id": row["id"], "goal_id": goal})

    # --- calendar: fixed weekly times and the next six weeks ---------------------------------

    def _appointments(self, session: Session) -> None:
        rows, extra = data.appointments(self.rng, self.cases, self.today,
                                        _next_id(session, m.Appointment))
        _bulk(session, m.Appointment, rows)
        _bulk(session, m.appointment_mentor, extra)

    # --- economy, one-off benefits, report drafts, the audit entry ---------------------------

    def _economy(self, session: Session) -> None:
        rng, today = self.rng, self.today
        pool = [c for c in self.cases if c.status in ("active", "paused") and not c.anonymous]
        chosen = rng.sample(pool, min(len(pool), round(self.n_citizens * ECONOMY_SHARE)))
        overview_id = _next_id(session, m.EconomyOverview)
        overviews, lines, debts = [], [], []
        for offset, case in enumerate(chosen):
            owed = [debt | {"citizen_id": case.id} for debt in data.debts(rng, today)]
            paying = sum(d["agreed_payment_oere"] for d in owed if d["status"] != "wage_deduction")
            overview, sheet = data.economy_sheet(rng, paying)
            overviews.append(overview | {"id": overview_id + offset, "citizen_id": case.id,
                                         "year": today.year})
            lines += [line | {"overview_id": overview_id + offset, "position": position}
                      for position, line in enumerate(sheet)]
            debts += owed
        benefits = [data.benefit_application(rng, today) | {"citizen_id": case.id}
                    for case in rng.sample(chosen, min(len(chosen), max(2, len(chosen) // 10)))]
        reportable = [c for c in self.cases if c.status == "active" and c.goals and not c.anonymous]
        reports = [{
            "citizen_id": case.id, "period_from": today - timedelta(days=91), "period_to": today,
            "status": "draft", "mentor_assessment": rng.choice(data.REPORT_ASSESSMENTS),
            "citizen_view": rng.choice(data.CITIZEN_VIEWS),
            "next_steps": rng.choice(data.REPORT_NEXT_STEPS),
            "recommendation": InterventionStatus.CONTINUE.value,
            "author_id": case.primary_at(today.toordinal()), "recipient": case.grants[-1].recipient,
        } for case in rng.sample(reportable, min(len(reportable), max(2, self.n_citizens // 50)))]
        for model, rows in ((m.EconomyOverview, overviews), (m.EconomyLine, lines),
                            (m.Debt, debts), (m.BenefitApplication, benefits),
                            (m.ReportDraft, reports)):
            _bulk(session, model, rows)

    def _finish(self, session: Session) -> None:
        audit.record(
            session, self.login, audit.Action.CREATE, entity="database",
            detail=f"Demodata genereret: {self.n_citizens} borgere, {self.n_mentors} mentorer, "
            f"{self.contact_count} kontakter over {self.years} år "
            f"(frø {self.seed}, dato {format_date(self.today)})",
        )
