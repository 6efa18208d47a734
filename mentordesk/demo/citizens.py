"""The demo's citizens and their grants, mentors (primary and substitutes), relatives and
consents to share information with partners."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from mentordesk.demo import names
from mentordesk.demo.state import (
    ANONYMOUS_SHARE,
    LONG_BASES,
    Case,
    DemoState,
    GrantPlan,
    Offer,
    bulk,
    next_id,
)
from mentordesk.domain.catalogue import HOUR_BANDS, PriceModel, default_outreach_days
from mentordesk.domain.codes import CitizenStatus
from mentordesk.services.citizens import search_key_for
from mentordesk.storage import models as m

# Grant length in weeks (low, high) per legal basis; others run 13–26 weeks.
_WEEKS = {"SEL §85": (52, 156), "SEL §99": (26, 104), "SEL §12": (8, 26), "LAB §68a": (26, 78)}
_FAR = date.max.toordinal()  # "no end" for a primary mentor's period


def add_cases(state: DemoState, session: Session) -> None:
    """Every citizen with a status, 1–3 consecutive grants, mentors, and (when named)
    relatives and consents; anonymous §99 citizens are ANONYMOUS_SHARE of them."""
    rng, today = state.rng, state.today
    first, grant_id = next_id(session, m.Citizen), next_id(session, m.Grant)
    anonymous = set(rng.sample(range(state.n_citizens),
                               round(state.n_citizens * ANONYMOUS_SHARE)))
    citizens, grants, assignments, relatives, consents = [], [], [], [], []
    used_cpr: set[str] = set()
    used_names: set[tuple[str, str]] = set()
    for index in range(state.n_citizens):
        anon = index in anonymous
        status = rng.choices(("active", "paused", "waiting", "closed"), (68, 5, 5, 22))[0]
        status = "active" if anon and status == "waiting" else status  # §99: no waiting
        offers = [_pick_offer(state, anon) for _ in range(
            1 if status == "waiting" else rng.choices((1, 2, 3), (35, 40, 25))[0])]
        spans = _place_grants(state, status, offers)
        closed = spans[-1][1] if status == "closed" else None
        active_until = {"active": today, "closed": closed, "waiting": None,
                        "paused": today - state.days(14, 90)}[status]
        # A case is opened before its first grant starts, and never after today: a waiting
        # citizen's grant starts in the coming weeks, but the case was registered already.
        opened = min(spans[0][0] - state.days(0, 21), today)
        case = Case(first + index, status, anon, opened, closed, active_until,
                    rng.randrange(len(names.TOWNS)))
        for position, (offer, (start, end)) in enumerate(zip(offers, spans, strict=True)):
            grants.append(_grant_row(state, grant_id, case, offer, start, end,
                                     position == len(spans) - 1))
            grant_id += 1
        citizens.append(_citizen_row(state, case, used_cpr, used_names))
        assignments += _assign(state, case)
        if not anon:
            relatives += names.relatives(rng, case.id)
            consents += _consents(state, case)
        state.cases.append(case)
    for model, rows in ((m.Citizen, citizens), (m.Grant, grants), (m.Assignment, assignments),
                        (m.Relative, relatives), (m.Consent, consents)):
        bulk(session, model, rows)


def _pick_offer(state: DemoState, anonymous: bool) -> Offer:
    if anonymous:
        allowed = [o for o in state.offers if o.anonymous_ok and o.course is None]
        if allowed:
            return state.rng.choice(allowed)
    if state.coverage:
        return state.coverage.pop(0)
    return state.rng.choices(state.offers, state.offer_weights)[0]


def _place_grants(state: DemoState, status: str,
                  offers: list[Offer]) -> list[tuple[date, date]]:
    """Consecutive grant periods: the last one runs today (active, paused), starts soon
    (waiting) or ended inside the demo's years (closed)."""
    lengths = []
    for offer in offers:
        weeks = state.rng.randint(*_WEEKS.get(offer.basis_code, (13, 26)))
        course = offer.course
        if course is not None and course.min_weeks:
            weeks = course.min_weeks if course.fixed_period else max(weeks, course.min_weeks)
        lengths.append(timedelta(weeks=weeks))
    today = state.today
    if status == "waiting":
        start = today + state.days(7, 45)
        return [(start, start + lengths[0])]
    if status == "closed":
        span = (today - state.start).days
        last_end = state.start + state.days(min(56, span // 3), max(span - 14, span // 2))
        last_start = last_end - lengths[-1]
    else:
        last_start = today - timedelta(days=int(lengths[-1].days * state.rng.uniform(0.05, 0.9)))
    spans = [(last_start, last_start + lengths[-1])]
    for length in reversed(lengths[:-1]):
        end = spans[0][0] - state.days(1, 14)
        spans.insert(0, (end - length, end))
    # Long-running cases keep the caseload steadier over the years: an open case often
    # began long ago, under a long socio-pedagogical, SKP or resource grant.
    began = today - state.days(21, round(365.25 * 1.6 * state.years))
    if status == "closed" or began >= spans[0][0] or state.rng.random() < 0.2:
        return spans
    if offers[0].basis_code in LONG_BASES:
        spans[0] = (began, spans[0][1])
    elif len(offers) < 3 and state.long_offers:
        offers.insert(0, state.rng.choice(state.long_offers))
        spans.insert(0, (began, spans[0][0] - state.days(1, 14)))
    return spans


def _grant_row(state: DemoState, grant_id: int, case: Case, offer: Offer, start: date,
               end: date, last: bool) -> dict:
    rng, course = state.rng, offer.course
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
    same_kind = [a for a in state.authorities if a[1] == kind] or state.authorities
    authority = next((a for a in same_kind if a[2] == names.TOWNS[case.town][1]), same_kind[0])
    worker, worker_contact = rng.choice(authority[3])
    open_ended = last and case.status != "closed" and offer.basis_code == "SEL §85" \
        and rng.random() < 0.3
    is_12 = offer.basis_code == "SEL §12"
    mid = (low + high) / 2 if high is not None else low + 90
    # The band decides the week's hours (journal._week_of_contacts adds the visits a
    # larger band needs); the intensity only spreads the ordinary visits.
    case.grants.append(GrantPlan(grant_id, offer.basis_code, start, None if open_ended
                                 else end, math.sqrt(max(mid, 60) / 60),
                                 f"{worker}, {authority[4]}", (low, high)))
    return {
        "id": grant_id, "citizen_id": case.id, "legal_basis_id": offer.basis_id,
        "course_type_id": course.id if course else None, "authority_id": authority[0],
        "caseworker_name": worker, "caseworker_contact": worker_contact,
        "start_on": start, "end_on": None if open_ended else end,
        "discharge_on": start - state.days(1, 10) if is_12 else None,
        "hours_min_minutes": low, "hours_max_minutes": high,
        "price_model": price_model, "price_oere": price,
        "note": "Telefonisk kontakt kort efter udskrivning." if is_12 else "",
        "purpose": _PURPOSES.get(offer.basis_code[:7], _PURPOSES["LAB"]),
        "authority_goals": _AUTHORITY_GOALS.get(offer.basis_code[:7], _AUTHORITY_GOALS["LAB"]),
        "outreach_days": default_outreach_days(offer.basis_code),
        # The authority's own number, as it writes it on the order (fictitious).
        "case_number": f"{start.year}-{grant_id:05d}",
    }


# What the ordering authority writes on the grant (fictitious, in its own words).
_PURPOSES = {
    "SEL §85": "At borgeren kan mestre dagligdagen i egen bolig med mindre støtte.",
    "SEL §99": "Kontakt og støtte, så borgeren kan bruge samfundets tilbud.",
    "SEL §12": "Forebyggende støtte i tiden lige efter udskrivning.",
    "LAB": "At borgeren kommer i og fastholder praktik, uddannelse eller job.",
}
_AUTHORITY_GOALS = {
    "SEL §85": "Borgeren holder selv styr på post, økonomi og aftaler inden for et år.",
    "SEL §99": "Borgeren har fast kontakt med egen læge og et aktivitetstilbud.",
    "SEL §12": "Borgeren møder op til aftaler i behandlingspsykiatrien.",
    "LAB": "Stabilt fremmøde i praktikken og flere timer om ugen.",
}


def _citizen_row(state: DemoState, case: Case, used_cpr: set[str],
                 used_names: set[tuple[str, str]]) -> dict:
    if case.anonymous:
        fields = names.anonymous_fields(names.alias(state.aliases_used), case.town)
        state.aliases_used += 1
    else:
        fields = names.citizen_fields(state.rng, state.today, case.town, used_cpr, used_names)
    return fields | {
        "id": case.id, "status": CitizenStatus(case.status).value, "opened_on": case.opened,
        "closed_on": case.closed, "is_anonymous": case.anonymous,
        "search_key": search_key_for(fields["first_name"], fields["last_name"],
                                     fields["alias"]),
        "created_at": datetime.combine(case.opened, time(9)),
    }


def _assign(state: DemoState, case: Case) -> list[dict]:
    """A primary mentor (sometimes changed once) and 0–2 substitutes for the case."""
    rng, end = state.rng, case.closed
    weights = [state.weight[u] * (3 if case.anonymous and u not in state.staff else 1)
               for u in state.users]  # volunteers often take the anonymous §99 citizens
    primary = rng.choices(state.users, weights)[0]
    length = ((end or state.today) - case.opened).days
    rows = [("primary", primary, case.opened, end)]
    if length > 365 and rng.random() < 0.3 and len(state.users) > 1:
        change = case.opened + state.days(90, length - 30)
        primary = rng.choice([u for u in state.users if u != primary])
        rows = [("primary", rows[0][1], case.opened, change - timedelta(days=1)),
                ("primary", primary, change, end)]
    others = [u for u in state.users if u != primary]
    case.substitutes = rng.sample(others, min(len(others),
                                              rng.choices((0, 1, 2), (35, 45, 20))[0]))
    rows += [("substitute", user, case.opened, end) for user in case.substitutes]
    case.primaries = [(s.toordinal(), e.toordinal() if e else _FAR, u)
                      for kind, u, s, e in rows if kind == "primary"]
    return [{"citizen_id": case.id, "user_id": user, "kind": kind, "start_on": start,
             "end_on": stop} for kind, user, start, stop in rows]


def _consents(state: DemoState, case: Case) -> list[dict]:
    """1–3 partners; a consent lasts 1–2 years, is sometimes renewed, now and then
    withdrawn, and some are left expired."""
    rng, today = state.rng, state.today
    rows = []
    for partner_id, name, purpose in rng.sample(state.partners, rng.randint(1, 3)):
        given = min(case.opened + state.days(0, 45), today)
        while given <= (case.closed or today):
            expires = given + timedelta(days=rng.choice((365, 730)))
            withdrawn = given + state.days(20, 200) if rng.random() < 0.06 else None
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
