"""Grants (*bevillinger*): what an authority granted a citizen, for how long, how many hours.

A citizen holds any number of grants over time. Choosing a course type fills in its
legal basis, weekly hours and price (``prefill_from_course_type``); the user may change
them. An anonymous (§99) citizen can only hold grants under a legal basis that allows
anonymity. Every read and change is audited with the citizen.

The rules for a grant's values (text limits, weekly hours, prices) and the checked
versioned edit live here too: the catalogue's course types hold the same values, and
the partner service cleans text the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.catalogue import (
    MINUTES_PER_HOUR,
    Price,
    PriceModel,
    WeeklyHours,
    default_outreach_days,
    legal_basis,
)
from mentordesk.domain.dates import format_date
from mentordesk.domain.duration import hours_number
from mentordesk.domain.labels import LabeledStrEnum
from mentordesk.domain.money import format_dkk
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.cleaning import (
    clean_line,
    clean_note,
    clean_text,
    optional_date,
    optional_int,
)
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import checked_edit
from mentordesk.storage.models import Authority, Citizen, CourseType, Grant, LegalBasis
from mentordesk.storage.queries.grants import citizen_grants, grant_with_names
from mentordesk.storage.queries.hours_plan import step_counts

if TYPE_CHECKING:
    # Only a type: catalogue_admin imports this module for the shared rules below.
    from mentordesk.services.catalogue_admin import CourseTypeItem

# --- value rules shared with course types and partners --------------------------------------

# Free-text notes have no column limit in SQLite; this one keeps a pasted book out.
MAX_WEEKLY_MINUTES = 7 * 24 * MINUTES_PER_HOUR
MAX_PRICE_OERE = 100_000_000  # 1.000.000,00 kr.: far above any hourly or weekly price


def check_weekly_hours(min_minutes: object, max_minutes: object) -> None:
    """A band (min–max), a minimum only (max None), or nothing at all."""
    message = "Timetallet pr. uge skal ligge mellem 0 og 168 timer."
    low = optional_int(min_minutes, message)
    high = optional_int(max_minutes, message)
    for minutes in (low, high):
        if minutes is not None and not 0 <= minutes <= MAX_WEEKLY_MINUTES:
            raise InvalidInput(message)
    if high is not None and low is None:
        raise InvalidInput("Angiv et mindste timetal pr. uge, når der er en øvre grænse.")
    if high is not None and low is not None and high < low:
        raise InvalidInput("Det mindste timetal pr. uge må ikke være større end det højeste.")


def check_price(model: object, amount_oere: object) -> None:
    """No price (agreed case by case), or a model with a non-negative amount in øre."""
    amount = optional_int(amount_oere, "Prisen skal være et beløb i kroner.")
    if model is None:
        if amount is not None:
            raise InvalidInput("Vælg om prisen gælder pr. time eller pr. uge.")
        return
    if model not in {price_model.value for price_model in PriceModel}:
        raise InvalidInput("Vælg om prisen gælder pr. time eller pr. uge.")
    if amount is None:
        raise InvalidInput("Angiv prisen i kroner.")
    if not 0 <= amount <= MAX_PRICE_OERE:
        raise InvalidInput(f"Prisen skal ligge mellem 0 og {format_dkk(MAX_PRICE_OERE)}.")


def weekly_hours_label(min_minutes: int | None, max_minutes: int | None) -> str:
    """``"6–10 timer/uge"``, ``"Fra 1 time/uge"``; ``""`` when no hours are set."""
    if min_minutes is None and max_minutes is None:
        return ""
    low = min_minutes or 0
    if low % MINUTES_PER_HOUR == 0 and (max_minutes is None
                                        or max_minutes % MINUTES_PER_HOUR == 0):
        high = None if max_minutes is None else max_minutes // MINUTES_PER_HOUR
        return WeeklyHours(low // MINUTES_PER_HOUR, high).label
    # Part hours ("1,5 timer") are rare; WeeklyHours speaks whole hours only.
    if max_minutes is None:
        return f"Fra {hours_number(low)} timer/uge"
    if low == max_minutes:
        return f"{hours_number(low)} timer/uge"
    if low == 0:
        return f"Op til {hours_number(max_minutes)} timer/uge"
    return f"{hours_number(low)}–{hours_number(max_minutes)} timer/uge"


def price_label(model: str | None, amount_oere: int | None,
                max_weekly_hours: int | None = None) -> str:
    """``"500,00 kr. pr. time eks. moms"``; ``"Aftales"`` when no price is set."""
    if model is None or amount_oere is None:
        return "Aftales"
    return Price(PriceModel(model), amount_oere, max_weekly_hours).label


# --- grants -------------------------------------------------------------------------------

GRANT_FIELDS = ("legal_basis_id", "course_type_id", "authority_id", "caseworker_name",
                "caseworker_contact", "start_on", "end_on", "discharge_on",
                "hours_min_minutes", "hours_max_minutes", "price_model", "price_oere", "note",
                "purpose", "authority_goals", "outreach_days",
                "case_number")  # the billing basis's field of a grant (issue 15, point 4)
# The authority's own words for the report; long, like a journal note.
AUTHORITY_TEXT_LIMIT = 20_000

# Danish names of the fields, for the audit log's "what changed".
_FIELD_NAMES = {
    "legal_basis_id": "lovgrundlag", "course_type_id": "forløbstype",
    "authority_id": "myndighed", "caseworker_name": "sagsbehandler",
    "caseworker_contact": "sagsbehandlers kontakt", "start_on": "start", "end_on": "slut",
    "discharge_on": "udskrivning", "hours_min_minutes": "timer (mindst)",
    "hours_max_minutes": "timer (højst)", "price_model": "prismodel", "price_oere": "pris",
    "note": "note", "purpose": "formål", "authority_goals": "myndighedens mål",
    "outreach_days": "ikke nået i dage", "case_number": "bevillings-/sagsnummer",
}
ONGOING = "løbende"
# A new grant asked for "Ingen frist" in so many words; None would take the basis's default.
NO_OUTREACH_DEADLINE = 0


class GrantState(LabeledStrEnum):
    UPCOMING = "upcoming", "Kommende"
    CURRENT = "current", "Aktiv"
    ENDED = "ended", "Afsluttet"


@dataclass(frozen=True)
class GrantInput:
    legal_basis_id: int
    start_on: date
    course_type_id: int | None = None
    authority_id: int | None = None
    caseworker_name: str = ""
    caseworker_contact: str = ""
    end_on: date | None = None
    discharge_on: date | None = None  # SEL §12 only: discharge from regional psychiatry
    hours_min_minutes: int | None = None
    hours_max_minutes: int | None = None
    price_model: str | None = None
    price_oere: int | None = None
    note: str = ""
    purpose: str = ""          # what the support is for, in the authority's words
    authority_goals: str = ""  # the authority's goals for it (its §141 plan or order)
    # None on a new grant: the legal basis's default; NO_OUTREACH_DEADLINE: none at all.
    outreach_days: int | None = None
    case_number: str = ""  # the authority's bevillings-/sagsnummer, printed on the billing


@dataclass(frozen=True)
class GrantRow(GrantInput):
    id: int = 0
    version: int = 0
    citizen_id: int = 0
    legal_basis_code: str = ""
    legal_basis_name: str = ""
    course_type_name: str = ""
    course_min_weeks: int | None = None
    authority_name: str = ""
    plan_steps: int = 0  # steps of a stepped hours plan; they override hours_min/max

    def values(self) -> dict[str, Any]:
        """The editable fields as loaded: the ``original`` of an edit."""
        return {field: getattr(self, field) for field in GRANT_FIELDS}

    @property
    def hours_label(self) -> str:
        if self.plan_steps:
            return f"Timeplan i {self.plan_steps} trin"
        return weekly_hours_label(self.hours_min_minutes, self.hours_max_minutes)

    @property
    def price_label(self) -> str:
        return price_label(self.price_model, self.price_oere)

    @property
    def period_label(self) -> str:
        end = format_date(self.end_on) if self.end_on else ONGOING
        return f"{format_date(self.start_on)} – {end}"

    @property
    def period_warning(self) -> str:
        return period_warning(self.start_on, self.end_on, self.course_min_weeks,
                              self.legal_basis_code)

    def state(self, today: date) -> GrantState:
        if self.start_on > today:
            return GrantState.UPCOMING
        if self.end_on is not None and self.end_on < today:
            return GrantState.ENDED
        return GrantState.CURRENT


def is_discharge_basis(code: str) -> bool:
    """SEL §12 grants carry a discharge date: the first phone call is due shortly after."""
    return re.sub(r"\s+", "", code).casefold() == "sel§12"


def prefill_from_course_type(course: CourseTypeItem) -> dict[str, Any]:
    """What choosing a course type fills in on a grant: its legal basis (if it has one),
    weekly hours and price, as ``GrantInput`` field values."""
    values: dict[str, Any] = {
        "course_type_id": course.id,
        "hours_min_minutes": course.hours_min_minutes,
        "hours_max_minutes": course.hours_max_minutes,
        "price_model": course.price_model,
        "price_oere": course.price_oere,
    }
    if course.legal_basis_id is not None:
        values["legal_basis_id"] = course.legal_basis_id
    return values


def period_warning(start_on: date, end_on: date | None, min_weeks: int | None,
                   basis_code: str = "") -> str:
    """A warning (not an error) when the period is shorter than the course's minimum
    (authorities do grant short periods, but it is usually a typing mistake), or longer
    than the legal basis allows at a time (LAB mentor support: 6 months, renewable)."""
    if end_on is not None and end_on < start_on:
        return ""
    too_long = max_period_warning(start_on, end_on, basis_code)
    if too_long or end_on is None or not min_weeks:
        return too_long
    if (end_on - start_on).days + 1 >= min_weeks * 7:
        return ""
    return f"Perioden er kortere end forløbstypens mindste varighed på {min_weeks} uger."


def max_period_warning(start_on: date, end_on: date | None, basis_code: str) -> str:
    """Granted or extended beyond the legal basis's longest period (e.g. LAB §31b: 6
    months at a time): the jobcenter renews with a new period, it never runs open."""
    try:
        months = legal_basis(basis_code).max_period_months
    except KeyError:
        return ""  # a team's own legal basis: no known limit
    if months is None:
        return ""
    if end_on is None:
        return (f"{basis_code} bevilges for højst {months} måneder ad gangen. Angiv "
                "bevillingens slutdato.")
    if end_on >= start_on + relativedelta(months=months):
        return (f"Perioden er længere end de {months} måneder, {basis_code} tillader ad "
                "gangen. Forlæng med en ny periode, når denne udløber.")
    return ""


# --- reading ------------------------------------------------------------------------------


def grants_for_citizen(context: Context, citizen_id: int,
                       today: date | None = None) -> list[GrantRow]:
    """The citizen's grants, newest start first."""
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id, today)
        rows = [_row(*columns) for columns in session.execute(citizen_grants(citizen_id))]
        steps = {grant_id: count for grant_id, count in session.execute(
            step_counts([row.id for row in rows]))}
        rows = [replace(row, plan_steps=steps.get(row.id, 0)) for row in rows]
        audit.record(session, context.actor.login, audit.Action.READ, entity="grant",
                     citizen_id=citizen_id, detail=f"Bevillinger vist ({len(rows)})")
    return rows


def _row(grant: Grant, basis_code: str, basis_name: str, course_name: str | None,
         min_weeks: int | None, authority_name: str | None) -> GrantRow:
    return GrantRow(
        **{field: getattr(grant, field) for field in GRANT_FIELDS},
        id=grant.id, version=grant.version, citizen_id=grant.citizen_id,
        legal_basis_code=basis_code, legal_basis_name=basis_name,
        course_type_name=course_name or "", course_min_weeks=min_weeks,
        authority_name=authority_name or "",
    )


def _load_row(session: Session, grant_id: int) -> GrantRow:
    return _row(*session.execute(grant_with_names(grant_id)).one())


# --- changing -----------------------------------------------------------------------------


def create_grant(context: Context, citizen_id: int,
                 new: GrantInput) -> Result[GrantRow]:
    with context.session() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        values = _grant_values(session, citizen, asdict(new))
        if new.outreach_days is None:  # the legal basis's default, editable later
            basis = session.get(LegalBasis, values["legal_basis_id"])
            values["outreach_days"] = default_outreach_days(basis.code) if basis else None
        grant = Grant(citizen_id=citizen.id, **values)
        session.add(grant)
        session.flush()
        row = _load_row(session, grant.id)
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="grant",
                     entity_id=grant.id, citizen_id=citizen.id,
                     detail=f"Bevilling oprettet: {row.legal_basis_code}, {row.period_label}")
    return Result(row, _changed(citizen_id))


def update_grant(context: Context, grant_id: int, expected_version: int,
                 changes: Mapping[str, Any],
                 original: Mapping[str, Any] | None = None) -> Result[GrantRow]:
    """Save ``changes`` (``GrantInput`` field names) made against ``expected_version``;
    raises ``EditConflict`` when someone else saved the grant meanwhile."""
    with context.session() as session:
        grant = _visible_grant(session, context.actor, grant_id)
        citizen = session.get_one(Citizen, grant.citizen_id)
        kept = (grant.legal_basis_id, grant.course_type_id)
        diff = checked_edit(session, grant, expected_version, changes, original, GRANT_FIELDS,
                            lambda values: _grant_values(session, citizen, values, kept))
        if diff:
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity="grant",
                         entity_id=grant.id, citizen_id=citizen.id,
                         detail="Bevilling ændret: " + ", ".join(_FIELD_NAMES[f] for f in diff))
        row = _load_row(session, grant.id)
    return Result(row, _changed(row.citizen_id) if diff else NOTHING)


def end_grant(context: Context, grant_id: int, expected_version: int,
              end_on: date) -> Result[GrantRow]:
    """End the grant on ``end_on`` (the last day it covers)."""
    with context.session() as session:
        grant = _visible_grant(session, context.actor, grant_id)
        citizen = session.get_one(Citizen, grant.citizen_id)
        kept = (grant.legal_basis_id, grant.course_type_id)
        checked_edit(session, grant, expected_version, {"end_on": end_on}, None, GRANT_FIELDS,
                     lambda values: _grant_values(session, citizen, values, kept))
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="grant",
                     entity_id=grant.id, citizen_id=citizen.id,
                     detail=f"Bevilling afsluttet pr. {format_date(end_on)}")
        row = _load_row(session, grant.id)
    return Result(row, _changed(row.citizen_id))


def _changed(citizen_id: int) -> Changes:
    return Changes.of(Kind.GRANTS, citizen=citizen_id)


def _visible_grant(session: Session, actor: Actor, grant_id: int) -> Grant:
    grant = session.get(Grant, grant_id)
    if grant is None:
        raise NotFound("Bevillingen findes ikke længere.")
    require_citizen(session, actor, grant.citizen_id)
    return grant


def _grant_values(session: Session, citizen: Citizen, values: Mapping[str, Any],
                  kept: tuple[int | None, int | None] = (None, None)) -> dict[str, Any]:
    """Checked, cleaned column values; ``kept`` are the legal basis and course type the
    grant already has, which stay allowed after they are deactivated in the catalogue."""
    basis = _legal_basis(session, citizen, values["legal_basis_id"], kept[0])
    _check_course_type(session, values["course_type_id"], kept[1])
    authority_id = values["authority_id"]
    if authority_id is not None and session.get(Authority, authority_id) is None:
        raise InvalidInput("Vælg en myndighed fra listen.")
    start_on = optional_date(values["start_on"], "Startdato")
    end_on = optional_date(values["end_on"], "Slutdato")
    if start_on is None:
        raise InvalidInput("Angiv bevillingens startdato.")
    if end_on is not None and end_on < start_on:
        raise InvalidInput("Slutdatoen må ikke ligge før startdatoen.")
    discharge_on = optional_date(values["discharge_on"], "Udskrivningsdato")
    if discharge_on is not None and not is_discharge_basis(basis.code):
        raise InvalidInput("En udskrivningsdato hører kun til bevillinger efter SEL §12.")
    check_weekly_hours(values["hours_min_minutes"], values["hours_max_minutes"])
    check_price(values["price_model"], values["price_oere"])
    return {
        **{field: values[field] for field in GRANT_FIELDS},
        "caseworker_name": clean_line(Grant, "caseworker_name", values["caseworker_name"],
                                      "Sagsbehandler"),
        "caseworker_contact": clean_line(Grant, "caseworker_contact",
                                         values["caseworker_contact"],
                                         "Sagsbehandlers telefon/e-mail"),
        "note": clean_note(values["note"]),
        "purpose": clean_text(values.get("purpose") or "", "Formål", AUTHORITY_TEXT_LIMIT),
        "authority_goals": clean_text(values.get("authority_goals") or "", "Myndighedens mål",
                                      AUTHORITY_TEXT_LIMIT),
        "outreach_days": _outreach_days(values.get("outreach_days")),
        "case_number": clean_line(Grant, "case_number", values.get("case_number") or "",
                                  "Bevillings-/sagsnummer"),
    }


def _outreach_days(value: object) -> int | None:
    days = optional_int(value, "Angiv antal dage uden kontakt som et helt tal.")
    if days == NO_OUTREACH_DEADLINE:
        return None
    if days is not None and not 1 <= days <= 365:
        raise InvalidInput("Antal dage uden kontakt skal ligge mellem 1 og 365.")
    return days


def _legal_basis(session: Session, citizen: Citizen, basis_id: object,
                 kept_id: int | None) -> LegalBasis:
    basis = session.get(LegalBasis, basis_id) if isinstance(basis_id, int) else None
    if basis is None:
        raise InvalidInput("Vælg et lovgrundlag for bevillingen.")
    if not basis.active and basis.id != kept_id:
        raise InvalidInput(f"Lovgrundlaget {basis.code} er deaktiveret og kan ikke bruges "
                           "til nye bevillinger.")
    if citizen.is_anonymous and not basis.allows_anonymous:
        raise InvalidInput(
            f"Borgeren er registreret anonymt (§99). En anonym borger kan kun få bevillinger "
            f"efter et lovgrundlag, der tillader anonymitet – det gør {basis.code} ikke."
        )
    return basis


def _check_course_type(session: Session, course_id: object, kept_id: int | None) -> None:
    if course_id is None:
        return
    course = session.get(CourseType, course_id) if isinstance(course_id, int) else None
    if course is None:
        raise InvalidInput("Vælg en forløbstype fra listen.")
    if not course.active and course.id != kept_id:
        raise InvalidInput(f"Forløbstypen »{course.name}« er deaktiveret og kan ikke bruges "
                           "til nye bevillinger.")
