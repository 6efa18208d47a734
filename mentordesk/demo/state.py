"""What the phases of one demo build share: proportions, case records and bulk inserts.

Every phase draws from the same ``random.Random(seed)`` held here, in a fixed order, so the
same seed and day give the same data. Primary keys are assigned by the phases, which is
why rows can go in with one executemany INSERT per table.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from mentordesk.storage import models as m

CONTACTS_PER_CITIZEN_YEAR = 80
ANONYMOUS_SHARE = 0.08
ECONOMY_SHARE = 0.3
CHUNK_CITIZENS = 50  # contacts are written (and progress reported) per this many citizens
LONG_BASES = ("SEL §85", "SEL §99", "LAB §68a")  # bases without a short maximum period

# (id, kind, town, [(caseworker, e-mail)], name) and (id, name, consent purpose)
Authority = tuple[int, str, str, list[tuple[str, str]], str]
PartnerRef = tuple[int, str, str]


def next_id(session: Session, model: type) -> int:
    # Every demo table's model has an integer ``id``; Base itself declares none.
    return (session.scalar(select(func.max(model.id))) or 0) + 1  # type: ignore[attr-defined]


def bulk(session: Session, target: type[m.Base] | Table, rows: list[dict]) -> None:
    """One executemany INSERT; versioned rows start at version 1."""
    if not rows:
        return
    if isinstance(target, type) and issubclass(target, m.Versioned):
        for row in rows:
            row.setdefault("version", 1)
    session.execute(insert(target), rows)


@dataclass
class GrantPlan:
    id: int
    basis_code: str
    start: date
    end: date | None
    intensity: float  # relative number of contacts per week
    recipient: str  # caseworker and authority, for report drafts
    band: tuple[int | None, int | None] = (None, None)  # granted minutes a week (min, max)


@dataclass
class Case:
    id: int
    status: str
    anonymous: bool
    opened: date
    closed: date | None
    active_until: date | None  # last day with contacts; None while waiting
    town: int
    grants: list[GrantPlan] = field(default_factory=list)
    primaries: list[tuple[int, int, int]] = field(default_factory=list)  # from, to, user
    substitutes: list[int] = field(default_factory=list)
    goals: list[tuple[int, int]] = field(default_factory=list)  # goal id, start ordinal
    consents: list[tuple[int, str, int, int]] = field(default_factory=list)

    def active_on(self, day: date) -> bool:
        """Whether ``day`` lies between the first grant's start and the last contact."""
        return self.active_until is not None and self.grants[0].start <= day <= self.active_until

    def primary_at(self, ordinal: int) -> int:
        for start, end, user in self.primaries:
            if start <= ordinal <= end:
                return user
        return self.primaries[-1][2]


@dataclass(frozen=True)
class Offer:
    basis_id: int
    basis_code: str
    anonymous_ok: bool
    course: m.CourseType | None


class DemoState:
    """The demo's size and time span, the one random stream, and what earlier phases made
    that later ones build on (team, offers, cases, absences, running contact ids)."""

    def __init__(self, *, citizens: int, mentors: int, years: int, seed: int, today: date,
                 login: str) -> None:
        self.n_citizens, self.n_mentors, self.years = citizens, mentors, years
        self.seed, self.today, self.login = seed, today, login
        self.rng = random.Random(seed)
        self.start = today - timedelta(days=round(365.25 * years))
        self.cases: list[Case] = []
        self.users: list[int] = []
        self.staff: list[int] = []  # employees: not volunteers
        self.weight: dict[int, float] = {}  # share of citizens as primary mentor
        self.absent: dict[int, set[int]] = {}  # user → day ordinals
        self.contact_id = self.contact_count = self.aliases_used = 0
        # Filled by the team phase: what a grant can be, and who grants and cooperates.
        self.offers: list[Offer] = []
        self.offer_weights: list[int] = []
        self.long_offers: list[Offer] = []
        self.coverage: list[Offer] = []
        self.authorities: list[Authority] = []
        self.partners: list[PartnerRef] = []

    def days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.rng.randint(low, high))
