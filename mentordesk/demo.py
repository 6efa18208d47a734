"""A realistic, fictitious demo database of any size, identical for the same seed and day.

``build_demo`` creates an encrypted database whose admin is the person running it, fills it
with a team, citizens, grants, action plans, years of contacts, a calendar, group courses,
absences and economy overviews, and marks it as demo data (``app_meta.is_demo = "1"``).
All randomness comes from one ``random.Random(seed)`` and the fixed ``today``; primary keys
are assigned here, so rows go in with bulk inserts (about 100 000 contacts in seconds).
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
from mentordesk.domain import vum
from mentordesk.domain.catalogue import HOUR_BANDS, PriceModel
from mentordesk.domain.codes import CitizenStatus, ContactForm, GoalStatus, Role
from mentordesk.domain.vum import GoalType, InterventionStatus
from mentordesk.errors import MentorDeskError
from mentordesk.services.catalogue import seed_default_catalogue
from mentordesk.services.citizens import search_key_for
from mentordesk.storage.database import DEMO_KEY, Database
from mentordesk.storage.models import (
    Absence, AbsenceCover, AppMeta, Appointment, Assessment, Assignment, Authority, Citizen,
    Consent, Contact, CourseType, Goal, Grant, GroupCourse, GroupSession, LegalBasis, Partner,
    Relative, ReportDraft, SubGoal, User, appointment_mentor, contact_goal, group_leader,
    group_participant,
)

DEMO_TEAM_NAME = "Demoteamet (fiktive data)"
CONTACTS_PER_CITIZEN_YEAR = 80
ANONYMOUS_SHARE = 0.08
_CHUNK_CITIZENS = 50
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
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
    PC's login) becomes the admin, so whoever runs the demo sees every citizen. Raises
    ``DemoCancelled`` when ``cancelled()`` turns true; on any failure the file is removed.
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
        _remove_database_files(path)
        raise
    return database


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _next_id(session: Session, model: type) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1


def _versioned(rows: list[dict]) -> list[dict]:
    for row in rows:
        row["version"] = 1
    return rows


def _bulk(session: Session, target: object, rows: list[dict]) -> None:
    if rows:
        session.execute(insert(target), rows)  # type: ignore[arg-type]


@dataclass
class _GrantPlan:
    id: int
    basis_code: str
    start: date
    end: date | None
    intensity: float


@dataclass
class _Case:
    id: int
    status: str
    anonymous: bool
    opened: date
    closed: date | None
    active_until: date | None  # last day with contacts (None: waiting, none yet)
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
    course: CourseType | None


class _Builder:
    def __init__(self, database: Database, *, citizens: int, mentors: int, years: int,
                 seed: int, today: date, login: str, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.db, self.n_citizens, self.n_mentors, self.years = database, citizens, mentors, years
        self.seed, self.today, self.login = seed, today, login
        self.rng = random.Random(seed)
        self.start = today - timedelta(days=round(365.25 * years))
        self._progress, self._cancelled = progress, cancelled
        chunks = math.ceil(citizens / _CHUNK_CITIZENS)
        self.done, self.total = 0, 8 + chunks
        self.cases: list[_Case] = []
        self.users: list[int] = []
        self.staff: list[int] = []
        self.absent: dict[int, set[int]] = {}
        self.contact_id = 1
        self.contact_count = 0
        self.aliases_used = 0

    # --- orchestration ----------------------------------------------------------------

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
        self._check()

    def _days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.rng.randint(low, high))

    # --- team, catalogue, authorities, partners ---------------------------------------

    def _team(self, session: Session) -> None:
        rng = self.rng
        seed_default_catalogue(session, today=self.today)
        session.merge(AppMeta(key=DEMO_KEY, value="1"))
        bases = session.scalars(select(LegalBasis).order_by(LegalBasis.id)).all()
        courses = session.scalars(select(CourseType).order_by(CourseType.id)).all()
        self._make_offers(bases, courses)
        first = _next_id(session, User)
        coordinators = min(2, self.n_mentors - 1)
        volunteers = max(1, round(self.n_mentors * 0.15)) if self.n_mentors >= 5 else 0
        width = max(2, len(str(self.n_mentors)))
        users, self.user_weight = [], {}
        for index in range(self.n_mentors):
            user_id = first + index
            login = f"mentor{index + 1:0{width}d}"
            login = login + "-demo" if login == self.login else login
            first_name, last_name = data.person_name(rng)
            volunteer = index >= self.n_mentors - volunteers
            role = Role.COORDINATOR if index < coordinators else Role.MENTOR
            hours = rng.randint(4, 10) if volunteer else rng.choice((20, 25, 30, 32, 37, 37))
            users.append({
                "id": user_id, "login": login, "full_name": f"{first_name} {last_name}",
                "role": role.value, "weekly_capacity_minutes": hours * 60,
                "is_volunteer": volunteer, "active": True,
                "created_at": datetime.combine(self.start, time(8)),
            })
            self.user_weight[user_id] = 0.3 if role is Role.COORDINATOR else (
                0.4 if volunteer else 1.0)
            self.users.append(user_id)
            if not volunteer:
                self.staff.append(user_id)
            self.absent[user_id] = set()
        _bulk(session, User, _versioned(users))
        self._authorities(session)
        partner_id = _next_id(session, Partner)
        self.partners = []
        rows = []
        for offset, (name, kind, organisation, purpose) in enumerate(data.PARTNERS):
            rows.append({"id": partner_id + offset, "name": name, "kind": kind,
                         "organisation": organisation, "phone": data.phone(rng),
                         "email": f"kontakt@{data.email_local(name.split()[0], 'demo')}.example",
                         "note": "", "active": True})
            self.partners.append((partner_id + offset, name, purpose))
        _bulk(session, Partner, _versioned(rows))

    def _make_offers(self, bases: list[LegalBasis], courses: list[CourseType]) -> None:
        by_id = {basis.id: basis for basis in bases}
        only = [_Offer(b.id, b.code, b.allows_anonymous, None) for b in bases]
        with_course = [
            _Offer(c.legal_basis_id, by_id[c.legal_basis_id].code,
                   by_id[c.legal_basis_id].allows_anonymous, c)
            for c in courses if c.legal_basis_id in by_id
        ]
        weights = {"SEL §85": 30, "SEL §99": 10, "SEL §12": 5, "LAB §31c": 2}
        self.offers = only + with_course
        self.offer_weights = [weights.get(o.basis_code, 1) for o in only] + [3] * len(with_course)
        # Coverage first: one grant per legal basis (with a course type where one exists),
        # then every remaining course type, so even a small demo shows the whole catalogue.
        queue: list[_Offer] = []
        for basis in bases:
            queue.append(next((o for o in with_course if o.basis_id == basis.id),
                              next(o for o in only if o.basis_id == basis.id)))
        queue += [o for o in with_course if o not in queue]
        self.coverage = queue

    def _authorities(self, session: Session) -> None:
        rng = self.rng
        count = rng.randint(4, 6)
        chosen = list(data.AUTHORITIES[:count])
        first = _next_id(session, Authority)
        rows, self.authorities = [], []
        for offset, (name, kind, town) in enumerate(chosen):
            domain = name.casefold().replace(" ", "-").replace("ø", "oe") + ".example"
            workers = []
            for _ in range(3):
                given, family = data.person_name(rng)
                workers.append((f"{given} {family}",
                                f"{data.email_local(given, family)}@{domain}"))
            rows.append({"id": first + offset, "name": name, "kind": kind,
                         "address": f"Rådhuspladsen 1, {town}", "email": f"post@{domain}"})
            self.authorities.append((first + offset, kind, town, workers))
        _bulk(session, Authority, _versioned(rows))

    # --- citizens, grants, assignments, consents ---------------------------------------

    def _cases(self, session: Session) -> None:
        rng, today = self.rng, self.today
        first = _next_id(session, Citizen)
        anonymous = set(rng.sample(range(self.n_citizens),
                                   round(self.n_citizens * ANONYMOUS_SHARE)))
        grant_id = _next_id(session, Grant)
        citizens, grants, assignments, relatives, consents = [], [], [], [], []
        used_cpr: set[str] = set()
        used_names: set[tuple[str, str]] = set()
        for index in range(self.n_citizens):
            anon = index in anonymous
            status = rng.choices(("active", "paused", "waiting", "closed"), (72, 5, 5, 18))[0]
            if anon and status == "waiting":
                status = "active"  # §99 is without visitation: no waiting list
            offers = [self._pick_offer(anon) for _ in range(
                1 if status == "waiting" else rng.choices((1, 2, 3), (40, 35, 25))[0])]
            spans = self._place_grants(status, offers)
            opened = spans[0][0] - self._days(0, 21)
            closed = spans[-1][1] if status == "closed" else None
            active_until = {"active": today, "closed": closed, "waiting": None,
                            "paused": today - self._days(14, 90)}[status]
            case = _Case(first + index, status, anon, opened, closed, active_until,
                         rng.randrange(len(data.TOWNS)))
            for position, (offer, (start, end)) in enumerate(zip(offers, spans, strict=True)):
                grants.append(self._grant_row(grant_id, case, offer, start, end,
                                              position == len(spans) - 1))
                grant_id += 1
            citizens.append(self._citizen_row(case, index, used_cpr, used_names))
            assignments += self._assign(case)
            if not anon:
                relatives += self._relatives(case)
                consents += self._consents(case)
            self.cases.append(case)
        _bulk(session, Citizen, _versioned(citizens))
        _bulk(session, Grant, _versioned(grants))
        _bulk(session, Assignment, _versioned(assignments))
        _bulk(session, Relative, _versioned(relatives))
        _bulk(session, Consent, _versioned(consents))

    def _pick_offer(self, anonymous: bool) -> _Offer:
        if anonymous:
            allowed = [o for o in self.offers if o.anonymous_ok and o.course is None]
            if allowed:
                return self.rng.choice(allowed)
        if self.coverage:
            return self.coverage.pop(0)
        return self.rng.choices(self.offers, self.offer_weights)[0]

    def _weeks_for(self, offer: _Offer) -> int:
        low, high = {"SEL §85": (52, 156), "SEL §99": (26, 104), "SEL §12": (8, 26),
                     "LAB §68a": (26, 78)}.get(offer.basis_code, (13, 26))
        weeks = self.rng.randint(low, high)
        course = offer.course
        if course is not None and course.min_weeks:
            weeks = course.min_weeks if course.fixed_period else max(weeks, course.min_weeks)
        return weeks

    def _place_grants(self, status: str, offers: list[_Offer]) -> list[tuple[date, date]]:
        """Consecutive grant periods: the last one runs today (active/paused), starts soon
        (waiting) or ended some time in the window (closed)."""
        lengths = [timedelta(weeks=self._weeks_for(offer)) for offer in offers]
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
        return spans

    def _grant_row(self, grant_id: int, case: _Case, offer: _Offer, start: date, end: date,
                   last: bool) -> dict:
        rng = self.rng
        course = offer.course
        if course is not None and course.hours_min_minutes is not None:
            low, high = course.hours_min_minutes, course.hours_max_minutes
        elif offer.basis_code == "SEL §85":
            band = rng.choices(HOUR_BANDS, (5, 3, 1))[0]
            low, high = band.min_hours * 60, (band.max_hours or band.min_hours) * 60
        else:
            low, high = rng.choice(((60, None), (60, 300)))
        mid = (low + high) / 2 if high is not None else low + 90
        if course is not None and course.price_model:
            price_model, price = course.price_model, course.price_oere
        else:
            price_model, price = PriceModel.PER_HOUR.value, rng.choice((48_000, 50_000, 52_500))
        kind = "jobcenter" if offer.basis_code.startswith("LAB") else "kommune"
        authority = next((a for a in self.authorities
                          if a[1] == kind and a[2] == data.TOWNS[case.town][1]),
                         next((a for a in self.authorities if a[1] == kind),
                              self.authorities[0]))
        worker, worker_contact = rng.choice(authority[3])
        open_ended = last and case.status != "closed" and offer.basis_code == "SEL §85" \
            and rng.random() < 0.3
        end_on = None if open_ended else end
        is_12 = offer.basis_code == "SEL §12"
        case.grants.append(_GrantPlan(grant_id, offer.basis_code, start, end_on,
                                      math.sqrt(max(mid, 60) / 60)))
        return {
            "id": grant_id, "citizen_id": case.id, "legal_basis_id": offer.basis_id,
            "course_type_id": course.id if course else None, "authority_id": authority[0],
            "caseworker_name": worker, "caseworker_contact": worker_contact,
            "start_on": start, "end_on": end_on,
            "discharge_on": start - self._days(1, 10) if is_12 else None,
            "hours_min_minutes": low, "hours_max_minutes": high,
            "price_model": price_model, "price_oere": price,
            "note": "Telefonisk kontakt kort efter udskrivning." if is_12 else "",
        }

    def _citizen_row(self, case: _Case, index: int, used_cpr: set[str],
                     used_names: set[tuple[str, str]]) -> dict:
        rng = self.rng
        postal, town = data.TOWNS[case.town]
        row = {"id": case.id, "status": CitizenStatus(case.status).value,
               "opened_on": case.opened, "closed_on": case.closed, "is_anonymous": case.anonymous,
               "created_at": datetime.combine(case.opened, time(9)), "city": town}
        if case.anonymous:
            nickname = data.alias(self.aliases_used)
            self.aliases_used += 1
            return row | {"first_name": "", "last_name": "", "alias": nickname, "cpr": None,
                          "cpr_last4": "", "search_key": search_key_for("", "", nickname),
                          "address": "", "postal_code": "", "phone": "", "email": "",
                          "preferred_contact": "Værestedet",
                          "note": "Anonym efter SEL §99. Mødes på værestedet."}
        first, last = data.person_name(rng)
        for _ in range(20):
            if (first, last) not in used_names:
                break
            first, last = data.person_name(rng)
        used_names.add((first, last))
        birth = self.today - self._days(18 * 365 + 5, 72 * 365)
        cpr = data.fictitious_cpr(rng, birth, used_cpr)
        email = f"{data.email_local(first, last)}@post.example" if rng.random() < 0.4 else ""
        return row | {
            "first_name": first, "last_name": last, "alias": "", "cpr": cpr,
            "cpr_last4": cpr[-4:], "search_key": search_key_for(first, last, ""),
            "address": data.street_address(rng), "postal_code": postal,
            "phone": data.phone(rng), "email": email,
            "preferred_contact": rng.choice(("SMS", "Telefon", "Besøg", "E-mail" if email
                                             else "SMS")),
            "note": "",
        }

    def _assign(self, case: _Case) -> list[dict]:
        rng = self.rng
        weights = [self.user_weight[u] * (3 if case.anonymous and u not in self.staff else 1)
                   for u in self.users]
        primary = rng.choices(self.users, weights)[0]
        end = case.closed
        rows = []
        length = ((end or self.today) - case.opened).days
        if length > 365 and rng.random() < 0.3 and len(self.users) > 1:
            change = case.opened + self._days(90, length - 30)
            rows.append(("primary", primary, case.opened, change - timedelta(days=1)))
            primary = rng.choice([u for u in self.users if u != primary])
            rows.append(("primary", primary, change, end))
        else:
            rows.append(("primary", primary, case.opened, end))
        others = [u for u in self.users if u != primary]
        count = min(len(others), rng.choices((0, 1, 2), (35, 45, 20))[0])
        case.substitutes = rng.sample(others, count)
        rows += [("substitute", user, case.opened, end) for user in case.substitutes]
        case.primaries = [(s.toordinal(), e.toordinal() if e else _FAR, u)
                          for kind, u, s, e in rows if kind == "primary"]
        return [{"citizen_id": case.id, "user_id": user, "kind": kind, "start_on": start,
                 "end_on": stop} for kind, user, start, stop in rows]

    def _relatives(self, case: _Case) -> list[dict]:
        rows = []
        for _ in range(self.rng.choices((0, 1, 2), (40, 40, 20))[0]):
            first, last = data.person_name(self.rng)
            rows.append({"citizen_id": case.id, "name": f"{first} {last}",
                         "relation": self.rng.choice(data.RELATIONS),
                         "phone": data.phone(self.rng), "note": ""})
        return rows

    def _consents(self, case: _Case) -> list[dict]:
        rng, today = self.rng, self.today
        rows = []
        stop = case.closed or today
        for partner_id, name, purpose in rng.sample(self.partners, rng.randint(1, 3)):
            given = min(case.opened + self._days(0, 45), today)
            while given <= stop:
                expires = given + timedelta(days=rng.choice((365, 730)))
                withdrawn = given + self._days(20, 200) if rng.random() < 0.06 else None
                withdrawn = withdrawn if withdrawn and withdrawn <= today else None
                rows.append({"citizen_id": case.id, "partner_id": partner_id, "purpose": purpose,
                             "given_on": given, "expires_on": expires, "withdrawn_on": withdrawn,
                             "note": "Tilbagekaldt af borgeren." if withdrawn else ""})
                until = withdrawn - timedelta(days=1) if withdrawn else expires
                case.consents.append((partner_id, name, given.toordinal(), until.toordinal()))
                if withdrawn or rng.random() < 0.4:
                    break  # withdrawn, or left to expire: both must show in the demo
                given = expires + timedelta(days=1)
        return rows

    # --- action plans: goals, sub-goals, assessments -----------------------------------

    def _plans(self, session: Session) -> None:
        rng, today = self.rng, self.today
        codes = _theme_codes()
        goal_id = _next_id(session, Goal)
        goals, subs, assessments = [], [], []
        for case in self.cases:
            templates = rng.sample(data.GOAL_TEMPLATES, rng.randint(2, 4))
            for position, (theme, sub, title, steps) in enumerate(templates):
                grant = case.grants[0] if position < 2 else rng.choice(case.grants)
                start = grant.start + self._days(0, 30)
                goal_type = rng.choices(tuple(GoalType), (70, 20, 10))[0]
                end = case.active_until
                series = self._levels(start, end, goal_type) if end and start <= end else []
                status = self._goal_status(case, start, series)
                finished = GoalStatus(status).is_finished
                last = series[-1][0] if series else start
                goals.append({
                    "id": goal_id, "citizen_id": case.id, "grant_id": grant.id, "title": title,
                    "description": "", "theme_code": codes[theme],
                    "subtheme_code": codes[f"{theme}/{sub}"], "goal_type": goal_type.value,
                    "status": status, "start_on": start, "position": position,
                    "review_on": None if finished else last + timedelta(days=91),
                })
                for day, level, need in series:
                    assessments.append({
                        "goal_id": goal_id, "assessed_on": day, "level": level,
                        "support_need": need, "author_id": case.primary_at(day.toordinal()),
                        "citizen_view": rng.choice(data.CITIZEN_VIEWS),
                        "mentor_note": rng.choice(data.MENTOR_NOTES),
                    })
                for step, text in enumerate(steps):
                    deadline = start + timedelta(days=(step + 1) * rng.randint(30, 90))
                    sub_status = self._sub_status(status, deadline)
                    done = min(deadline - self._days(0, 20), today) \
                        if sub_status == GoalStatus.ACHIEVED else None
                    subs.append({"goal_id": goal_id, "text": text, "deadline": deadline,
                                 "status": sub_status.value, "done_on": done, "position": step})
                if start <= today:
                    case.goals.append((goal_id, start.toordinal()))
                goal_id += 1
        _bulk(session, Goal, _versioned(goals))
        _bulk(session, SubGoal, _versioned(subs))
        _bulk(session, Assessment, _versioned(assessments))

    def _levels(self, start: date, end: date,
                goal_type: GoalType) -> list[tuple[date, int | None, int | None]]:
        """An assessment about every 3 months; levels (0 best … 4) mostly improve."""
        rng = self.rng
        up, down = {GoalType.DEVELOP: (0.35, 0.08), GoalType.MAINTAIN: (0.1, 0.1),
                    GoalType.LIMIT_LOSS: (0.0, 0.2)}[goal_type]
        level = rng.choices((1, 2, 3, 4), (1, 4, 4, 1))[0]
        series: list[tuple[date, int | None, int | None]] = []
        day = start
        while day <= end:
            if rng.random() < 0.03:
                series.append((day, None, None))  # ikke vurderet
            else:
                need = min(4, max(0, level + rng.choice((-1, 0, 0, 1))))
                series.append((day, level, need))
            roll = rng.random()
            level = max(0, level - 1) if roll < up else (
                min(4, level + 1) if roll < up + down else level)
            day += self._days(77, 105)
        return series

    def _goal_status(self, case: _Case, start: date, series: list) -> str:
        rng = self.rng
        if not series or start > self.today:
            return GoalStatus.NOT_STARTED.value
        if case.status == "closed":
            choices, weights = (GoalStatus.ACHIEVED, GoalStatus.GIVEN_UP, GoalStatus.CHANGED,
                                GoalStatus.IN_PROGRESS), (50, 20, 15, 15)
        else:
            last_level = series[-1][1]
            if last_level is not None and last_level <= 1 and rng.random() < 0.5:
                return GoalStatus.ACHIEVED.value
            choices, weights = (GoalStatus.IN_PROGRESS, GoalStatus.CHANGED,
                                GoalStatus.GIVEN_UP), (88, 6, 6)
        return rng.choices(choices, weights)[0].value

    def _sub_status(self, goal_status: str, deadline: date) -> GoalStatus:
        rng = self.rng
        if goal_status == GoalStatus.ACHIEVED:
            return GoalStatus.ACHIEVED
        if goal_status == GoalStatus.NOT_STARTED:
            return GoalStatus.NOT_STARTED
        if deadline < self.today:
            return rng.choices((GoalStatus.ACHIEVED, GoalStatus.IN_PROGRESS,
                                GoalStatus.GIVEN_UP), (60, 25, 15))[0]
        return rng.choices((GoalStatus.IN_PROGRESS, GoalStatus.NOT_STARTED), (60, 40))[0]

    # --- staff absence and covers -------------------------------------------------------

    def _absences(self, session: Session) -> None:
        rng, today = self.rng, self.today
        horizon = today + timedelta(days=42)
        absence_id = _next_id(session, Absence)
        absences, made = [], []
        for user in self.users:
            for year in range(self.start.year, horizon.year + 1):
                summer = date.fromisocalendar(year, rng.randint(27, 29), 1)
                spells = [("holiday", summer, summer + timedelta(days=18), "Sommerferie")]
                if rng.random() < 0.5:
                    autumn = date.fromisocalendar(year, 42, 1)
                    spells.append(("holiday", autumn, autumn + timedelta(days=4), "Efterårsferie"))
                if rng.random() < 0.6:
                    spells.append(("holiday", date(year, 12, 22), date(year, 12, 31), "Juleferie"))
                for _ in range(rng.choices((0, 1, 2, 3), (30, 35, 25, 10))[0]):
                    sick = date(year, 1, 1) + self._days(0, 360)
                    spells.append(("sickness", sick, sick + self._days(0, 4), "Sygdom"))
                if rng.random() < 0.3:
                    course = date(year, 1, 1) + self._days(0, 360)
                    spells.append(("course", course, course + timedelta(days=1), "Kursus"))
                for kind, start, end, note in spells:
                    if end < self.start or start > horizon or (kind == "sickness" and start > today):
                        continue
                    absences.append({"id": absence_id, "user_id": user, "kind": kind,
                                     "start_on": start, "end_on": end, "note": note})
                    self.absent[user].update(range(start.toordinal(), end.toordinal() + 1))
                    made.append((absence_id, user, start.toordinal()))
                    absence_id += 1
        by_primary: dict[int, list[tuple[int, int, _Case]]] = {u: [] for u in self.users}
        for case in self.cases:
            stop = (case.closed or horizon).toordinal()
            for start, end, user in case.primaries:
                by_primary[user].append((start, min(end, stop), case))
        covers = []
        for absence_id, user, day in made:
            for start, end, case in by_primary[user]:
                if not start <= day <= end:
                    continue
                substitute = next((s for s in case.substitutes if day not in self.absent[s]),
                                  next((u for u in self.staff
                                        if u != user and day not in self.absent[u]), None))
                if substitute is not None:
                    covers.append({"absence_id": absence_id, "citizen_id": case.id,
                                   "substitute_id": substitute})
        _bulk(session, Absence, _versioned(absences))
        _bulk(session, AbsenceCover, covers)

    # --- group courses -------------------------------------------------------------------

    def _groups(self, session: Session) -> None:
        rng, today = self.rng, self.today
        course_id = _next_id(session, GroupCourse)
        session_id = _next_id(session, GroupSession)
        self.contact_id = _next_id(session, Contact)
        courses, leaders, members_rows, sessions, contacts = [], [], [], [], []
        pool = self.staff or self.users
        for offset, (name, weekday, hour, minute, minutes, months, ended) in enumerate(
                data.GROUP_COURSES):
            gid = course_id + offset
            begin = max(self.start, today - timedelta(days=months * 30))
            begin += timedelta(days=(weekday - begin.weekday()) % 7)
            ends = today - self._days(60, 180) if ended else None
            ends = ends if ends is None or ends > begin else None
            courses.append({"id": gid, "name": name, "place": data.DEMO_HOUSE,
                            "weekday": weekday, "start_time": time(hour, minute),
                            "duration_minutes": minutes, "starts_on": begin, "ends_on": ends})
            lead = rng.sample(pool, min(2, len(pool)))
            leaders += [{"group_course_id": gid, "user_id": user} for user in lead]
            last = min(ends or today, today - timedelta(days=1))
            members = [c for c in self.cases if c.active_until and c.active_until >= begin
                       and c.grants[0].start <= last]
            members = rng.sample(members, min(len(members), rng.randint(5, 9)))
            members_rows += [{"group_course_id": gid, "citizen_id": c.id} for c in members]
            day = begin
            while day <= last:
                if day.isocalendar()[1] in (1, 28, 29, 30, 31, 52, 53):
                    day += timedelta(days=7)
                    continue
                cancelled = rng.random() < 0.05
                sessions.append({"id": session_id, "group_course_id": gid, "held_on": day,
                                 "cancelled": cancelled,
                                 "note": "Aflyst på grund af sygdom." if cancelled else ""})
                ordinal = day.toordinal()
                leader = next((u for u in lead if ordinal not in self.absent[u]), lead[0])
                for case in [] if cancelled else members:
                    if case.grants[0].start <= day <= case.active_until:
                        attended = rng.random() < 0.85
                        note = f"Deltog i {name}." if attended else f"Udeblev fra {name}."
                        contacts.append(self._contact_row(
                            case, leader, day, time(hour, minute), minutes if attended else 15,
                            ContactForm.GROUP.value, data.DEMO_HOUSE, attended, note,
                            group_session_id=session_id))
                session_id += 1
                day += timedelta(days=7)
        _bulk(session, GroupCourse, _versioned(courses))
        session.execute(insert(group_leader), leaders)
        _bulk(session, group_participant, members_rows)
        _bulk(session, GroupSession, _versioned(sessions))
        _bulk(session, Contact, contacts)

    # --- the contact journal ----------------------------------------------------------

    def _contact_row(self, case: _Case, mentor: int, day: date, start: time, minutes: int,
                     form: str, place: str, attended: bool, note: str, *,
                     partner_id: int | None = None, group_session_id: int | None = None) -> dict:
        row = {
            "id": self.contact_id, "citizen_id": case.id, "mentor_id": mentor,
            "contact_on": day, "start_time": start, "duration_minutes": minutes, "form": form,
            "place": place, "attended": attended, "note": note, "partner_id": partner_id,
            "consent_override_reason": "", "appointment_id": None,
            "group_session_id": group_session_id, "version": 1,
            "created_at": datetime.combine(day, start) + timedelta(minutes=minutes),
        }
        self.contact_id += 1
        self.contact_count += 1
        return row

    def _segments(self, case: _Case) -> Iterator[tuple[_GrantPlan, date, date]]:
        if case.active_until is None:
            return
        for grant in case.grants:
            low = max(grant.start, self.start)
            high = min(grant.end or self.today, case.active_until, self.today)
            if low <= high:
                yield grant, low, high

    @staticmethod
    def _weeks(low: date, high: date) -> Iterator[tuple[list[date], float]]:
        """Each week's weekdays within [low, high] and that week's share of a full week,
        damped in the summer holidays and around Christmas."""
        monday = low - timedelta(days=low.weekday())
        while monday <= high:
            days = [monday + timedelta(days=d) for d in range(5)
                    if low <= monday + timedelta(days=d) <= high]
            if days:
                week = monday.isocalendar()[1]
                season = 0.6 if 28 <= week <= 31 else (0.4 if week in (1, 52, 53) else 1.0)
                yield days, len(days) / 5 * season
            monday += timedelta(days=7)

    def _contacts(self) -> None:
        target = CONTACTS_PER_CITIZEN_YEAR * self.n_citizens * self.years
        weight = sum(grant.intensity * share for case in self.cases
                     for grant, low, high in self._segments(case)
                     for _, share in self._weeks(low, high))
        per_week = max(0, target - self.contact_count) / weight if weight else 0.0
        for first in range(0, len(self.cases), _CHUNK_CITIZENS):
            rows: list[dict] = []
            links: list[dict] = []
            for case in self.cases[first:first + _CHUNK_CITIZENS]:
                for grant, low, high in self._segments(case):
                    weights = _FORM_WEIGHTS.get(grant.basis_code, _FORM_WEIGHTS[""])
                    for days, share in self._weeks(low, high):
                        expected = per_week * grant.intensity * share
                        count = int(expected) + (self.rng.random() < expected % 1)
                        for _ in range(count):
                            self._one_contact(case, self.rng.choice(days), weights, rows, links)
            with self.db.session() as session:
                _bulk(session, Contact, rows)
                _bulk(session, contact_goal, links)
            self._step()

    def _one_contact(self, case: _Case, day: date, weights: tuple[int, ...],
                     rows: list[dict], links: list[dict]) -> None:
        rng = self.rng
        ordinal = day.toordinal()
        primary = case.primary_at(ordinal)
        mentor = rng.choice(case.substitutes) if case.substitutes and rng.random() < 0.1 \
            else primary
        if ordinal in self.absent[mentor]:
            mentor = next((u for u in (*case.substitutes, primary)
                           if ordinal not in self.absent[u]), mentor)
        form = rng.choices(_FORMS, cum_weights=weights)[0]
        attended = form == "sms" or rng.random() >= 0.11
        low, high = _DURATIONS[form]
        minutes = rng.randrange(low, high + 1, 5) if attended else rng.choice((15, 20, 30))
        start = time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)))
        partner_id = None
        place = {"home_visit": "Borgerens hjem", "phone": "Telefon", "sms": "",
                 "online": "Sikker videoplatform"}.get(form, "")
        if form == "public_space":
            place = rng.choice(data.PUBLIC_PLACES)
        elif form == "activity_centre":
            place = rng.choice(data.ACTIVITY_PLACES)
        elif form == "accompaniment":
            valid = [c for c in case.consents if c[2] <= ordinal <= c[3]]
            if valid and rng.random() < 0.6:
                partner_id, place = rng.choice(valid)[:2]
            else:
                place = rng.choice(data.ACCOMPANIMENT_PLACES)
        row = self._contact_row(case, mentor, day, start, minutes, form, place, attended,
                                data.contact_note(rng, form, attended), partner_id=partner_id)
        rows.append(row)
        if attended and case.goals and rng.random() < 0.5:
            started = [goal for goal, since in case.goals if since <= ordinal]
            for goal in rng.sample(started, min(len(started), rng.choice((1, 1, 1, 2)))):
                links.append({"contact_id": row["id"], "goal_id": goal})
