"""The contact log's rules, shared by logging and editing: input checks, who may log for
whom, goal links, and the consent check for contacts with a partner.

Every check raises before anything is written, with a Danish sentence for the user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, time
from typing import Any

from sqlalchemy.orm import Session

from mentordesk.domain.codes import Attendance, ContactForm
from mentordesk.domain.dates import format_date
from mentordesk.domain.text import without_control_characters
from mentordesk.errors import NotFound
from mentordesk.kernel.access import require_citizen, require_coordinator
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.services.consent_rules import has_valid_consent
from mentordesk.services.contacts.values import (
    MAX_DURATION_MINUTES,
    MAX_TRAVEL_KM,
    NOTE_MAX_CHARS,
    PLACE_MAX_CHARS,
    REASON_MAX_CHARS,
    ConsentMissing,
    ContactInputError,
)
from mentordesk.storage.models import Contact, Partner, User
from mentordesk.storage.queries.goal_links import (
    add_links,
    goals_of_contact,
    remove_links_of_contact,
)
from mentordesk.storage.queries.plan import goals_among

ENTITY = "contact"


def validated(values: Mapping[str, Any], today: date) -> dict[str, Any]:
    """Check and normalise the given fields (only those present)."""
    checked = dict(values)
    for name, check in _CHECKS.items():
        if name in checked:
            checked[name] = check(checked[name], today)
    return checked


def _check_date(value: Any, today: date) -> date:
    if not isinstance(value, date):
        raise ContactInputError("contact_on", "Angiv kontaktens dato.")
    if value > today:
        raise ContactInputError(
            "contact_on", f"Datoen {format_date(value)} ligger i fremtiden. En kontakt "
            "registreres, når den har fundet sted.")
    return value


def _check_time(value: Any, _today: date) -> time | None:
    if value is not None and not isinstance(value, time):
        raise ContactInputError("start_time", "Starttidspunktet er ugyldigt.")
    return value.replace(second=0, microsecond=0) if value is not None else None


def _check_duration(value: Any, _today: date) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ContactInputError("duration_minutes", "Varigheden skal være mindst 1 minut.")
    if value > MAX_DURATION_MINUTES:
        raise ContactInputError("duration_minutes",
                                "Varigheden kan højst være 24 timer (1440 minutter).")
    return value


def _whole_number(field: str, what: str, limit: int, unit: str) -> Callable[[Any, date], int]:
    """A count of minutes or km around a contact: 0 (none) up to ``limit``."""
    def check(value: Any, _today: date) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ContactInputError(field, f"{what} skal være et helt tal, 0 eller mere.")
        if value > limit:
            raise ContactInputError(field, f"{what} kan højst være {_thousands(limit)} {unit}.")
        return value
    return check


def _check_form(value: Any, _today: date) -> ContactForm:
    try:
        return ContactForm(value)
    except ValueError:
        raise ContactInputError("form", "Vælg en kontaktform.") from None


def _check_attendance(value: Any, _today: date) -> Attendance:
    try:
        return Attendance(value)
    except ValueError:
        raise ContactInputError("attendance", "Angiv fremmøde eller udeblevet.") from None


def _limited_text(field: str, what: str, limit: int, *,
                  multiline: bool = False) -> Callable[[Any, date], str]:
    def check(value: Any, _today: date) -> str:
        text = without_control_characters(str(value or ""), multiline=multiline).strip()
        if len(text) > limit:
            raise ContactInputError(field, f"{what} må højst være {_thousands(limit)} tegn; "
                                           f"der er {_thousands(len(text))} tegn.")
        return text
    return check


def _thousands(number: int) -> str:
    """Danish digit grouping: ``20000`` → ``"20.000"``."""
    return f"{number:,}".replace(",", ".")


def normalised_goal_ids(value: Any, _today: date | None = None) -> tuple[int, ...]:
    """Goal ids as a sorted tuple without repeats, so two selections compare equal."""
    return tuple(sorted({int(goal_id) for goal_id in value or ()}))


_CHECKS: dict[str, Callable[[Any, date], Any]] = {
    "contact_on": _check_date,
    "start_time": _check_time,
    "duration_minutes": _check_duration,
    "form": _check_form,
    "attendance": _check_attendance,
    "place": _limited_text("place", "Stedet", PLACE_MAX_CHARS),
    "note": _limited_text("note", "Noten", NOTE_MAX_CHARS, multiline=True),
    "consent_override_reason": _limited_text("consent_override_reason", "Begrundelsen",
                                             REASON_MAX_CHARS, multiline=True),
    "goal_ids": normalised_goal_ids,
    "travel_minutes": _whole_number("travel_minutes", "Kørselstiden", MAX_DURATION_MINUTES,
                                    "minutter"),
    "travel_km": _whole_number("travel_km", "Antal km", MAX_TRAVEL_KM, "km"),
    "indirect_minutes": _whole_number("indirect_minutes", "Den indirekte tid",
                                      MAX_DURATION_MINUTES, "minutter"),
}


# -- who, which contact, which goals -----------------------------------------------------


def mentor_for(session: Session, actor: Actor, mentor_id: int | None) -> int:
    """The actor, or (for coordinators only) another active team member."""
    if mentor_id is None or mentor_id == actor.user_id:
        return actor.user_id
    require_coordinator(actor)
    mentor = session.get(User, mentor_id)
    if mentor is None or not mentor.active:
        raise ContactInputError("mentor_id", "Den valgte mentor findes ikke i teamet.")
    return mentor_id


def require_contact(session: Session, actor: Actor, contact_id: int,
                    today: date | None) -> Contact:
    """The contact, if the actor may work on its citizen's case."""
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFound("Kontakten findes ikke længere; den kan være slettet af en anden.")
    require_citizen(session, actor, contact.citizen_id, today)
    return contact


def check_goals(session: Session, citizen_id: int, goal_ids: tuple[int, ...]) -> None:
    if not goal_ids:
        return
    found = set(session.scalars(
        goals_among(citizen_id, goal_ids)))
    if found != set(goal_ids):
        raise ContactInputError("goal_ids", "Et af de valgte indsatsmål hører ikke til borgeren.")


def linked_goal_ids(session: Session, contact_id: int) -> tuple[int, ...]:
    return tuple(sorted(session.scalars(goals_of_contact(contact_id))))


def contact_changes(citizen_id: int, *, goals_linked: bool) -> Changes:
    """What a change to a citizen's contact touches: the journal (and with it the hours),
    and the plan when goals list the contact among their links."""
    kinds = (Kind.CONTACTS, Kind.PLAN) if goals_linked else (Kind.CONTACTS,)
    return Changes.of(*kinds, citizen=citizen_id)


def link_goals(session: Session, contact_id: int, goal_ids: Iterable[int]) -> None:
    session.execute(remove_links_of_contact(contact_id))
    rows = [{"contact_id": contact_id, "goal_id": goal_id} for goal_id in goal_ids]
    if rows:
        session.execute(add_links(), rows)


# -- consent -----------------------------------------------------------------------------


def require_partner(session: Session, partner_id: int, *, active_only: bool) -> Partner:
    partner = session.get(Partner, partner_id)
    if partner is None or (active_only and not partner.active):
        raise ContactInputError("partner_id", "Den valgte samarbejdspartner findes ikke.")
    return partner


def override_reason(session: Session, citizen_id: int, partner: Partner, on: date,
                    reason: str) -> str:
    """The reason to store: none when consent covers the contact, else it is required."""
    if has_valid_consent(session, citizen_id, partner.id, on):
        return ""
    if not reason:
        raise ConsentMissing(partner.name, on)
    return reason


def override_detail(session: Session, partner_id: int | None, reason: str) -> str:
    """The audit detail's note that a partner contact was logged without consent.

    The reason itself stays on the contact: it is free text that often names the citizen,
    and the access log outlives a deleted citizen.
    """
    if not reason or partner_id is None:
        return ""
    partner = session.get(Partner, partner_id)
    name = partner.name if partner is not None else str(partner_id)
    return f"; kontakt med {name} uden gyldigt samtykke (begrundelsen står på kontakten)"
