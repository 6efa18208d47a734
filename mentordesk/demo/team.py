"""The demo's catalogue, team, authorities and partners, and what a grant can be."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum import ean

from mentordesk.demo import names
from mentordesk.demo.state import LONG_BASES, DemoState, Offer, bulk, next_id
from mentordesk.domain.codes import Role
from mentordesk.services.catalogue import seed_default_catalogue
from mentordesk.storage import models as m
from mentordesk.storage.database import DEMO_KEY


def add_team(state: DemoState, session: Session) -> None:
    """The default catalogue, the demo mark, the mentors (a few coordinators and
    volunteers), 4–6 authorities with caseworkers, and the partners."""
    rng = state.rng
    seed_default_catalogue(session)
    session.merge(m.AppMeta(key=DEMO_KEY, value="1"))
    _make_offers(state, session.scalars(select(m.LegalBasis).order_by(m.LegalBasis.id)).all(),
                 session.scalars(select(m.CourseType).order_by(m.CourseType.id)).all())
    first = next_id(session, m.User)
    coordinators = min(2, state.n_mentors - 1)
    volunteers = max(1, round(state.n_mentors * 0.15)) if state.n_mentors >= 5 else 0
    width = max(2, len(str(state.n_mentors)))
    users = []
    for index in range(state.n_mentors):
        user_id, login = first + index, f"mentor{index + 1:0{width}d}"
        volunteer = index >= state.n_mentors - volunteers
        role = Role.COORDINATOR if index < coordinators else Role.MENTOR
        hours = rng.randint(4, 10) if volunteer else rng.choice((20, 25, 30, 32, 37, 37))
        users.append({"id": user_id, "login": login + "-demo" if login == state.login else login,
                      "full_name": " ".join(names.person_name(rng)), "role": role.value,
                      "weekly_capacity_minutes": hours * 60, "is_volunteer": volunteer,
                      "active": True, "created_at": datetime.combine(state.start, time(8))})
        state.weight[user_id] = 0.3 if index < coordinators else (0.4 if volunteer else 1.0)
        state.users.append(user_id)
        state.staff += [] if volunteer else [user_id]
        state.absent[user_id] = set()
    bulk(session, m.User, users)
    first, rows, state.authorities = next_id(session, m.Authority), [], []
    for offset, (name, kind, town) in enumerate(names.AUTHORITIES[:rng.randint(4, 6)]):
        domain = name.casefold().replace(" ", "-").replace("ø", "oe") + ".example"
        workers = [(f"{given} {family}", f"{names.email_local(given, family)}@{domain}")
                   for given, family in (names.person_name(rng) for _ in range(3))]
        rows.append({"id": first + offset, "name": name, "kind": kind,
                     "address": f"Rådhuspladsen 1, {town}", "email": f"post@{domain}",
                     **_billing_agreement(kind, offset)})
        state.authorities.append((first + offset, kind, town, workers, name))
    bulk(session, m.Authority, rows)
    first, rows, state.partners = next_id(session, m.Partner), [], []
    for offset, (name, kind, organisation, purpose) in enumerate(names.PARTNERS):
        rows.append({"id": first + offset, "name": name, "kind": kind,
                     "organisation": organisation, "phone": names.phone(rng),
                     "email": f"kontakt{offset + 1}@partner.example", "note": "",
                     "active": True})
        state.partners.append((first + offset, name, purpose))
    bulk(session, m.Partner, rows)


def _make_offers(state: DemoState, bases: Sequence[m.LegalBasis],
                 courses: Sequence[m.CourseType]) -> None:
    """What a grant can be: a legal basis alone, or a course type under its basis."""
    by_id = {basis.id: basis for basis in bases}
    only = [Offer(b.id, b.code, b.allows_anonymous, None) for b in bases]
    with_course = [Offer(c.legal_basis_id, by_id[c.legal_basis_id].code,
                          by_id[c.legal_basis_id].allows_anonymous, c)
                   for c in courses if c.legal_basis_id in by_id]
    weights = {"SEL §85": 30, "SEL §99": 10, "SEL §12": 5, "LAB §31c": 2}
    state.offers = only + with_course
    state.offer_weights = [weights.get(o.basis_code, 1) for o in only] + [2] * len(with_course)
    state.long_offers = [o for o in only if o.basis_code in LONG_BASES and not o.anonymous_ok]
    # Coverage first: one grant per legal basis (with a course type where one exists),
    # then every other course type, so even a small demo shows the whole catalogue.
    state.coverage = [next((o for o in with_course if o.basis_id == b.id), only[i])
                      for i, b in enumerate(bases)]
    state.coverage += [o for o in with_course if o not in state.coverage]


def _billing_agreement(kind: str, offset: int) -> dict:
    """Municipalities pay travel time and km, jobcenters face-to-face time only (so the
    billing basis shows both); each has a fictitious EAN with a valid check digit."""
    number = f"579800000{offset:03d}"
    municipality = kind == "kommune"
    return {"bill_travel": municipality, "km_rate_oere": 379 if municipality else None,
            "bill_indirect": False, "ean": number + ean.calc_check_digit(number)}
