"""Citizens: list, search and filter, register a new case, and the rules for a citizen's
identity (named with an optional CPR number, or anonymous under §99). Reading and editing
a case record: ``case_record``. Every use is audited in the same transaction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import CitizenStatus, ContactForm
from mentordesk.domain.cpr import mask_cpr, normalize_cpr
from mentordesk.domain.dates import format_date
from mentordesk.domain.text import danish_sort_key
from mentordesk.errors import InvalidInput
from mentordesk.kernel.access import require_citizen, require_coordinator, visible_citizen_ids
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Changes, Kind, Result
from mentordesk.kernel.cleaning import check_lengths, clean_search, clean_values
from mentordesk.kernel.context import Context
from mentordesk.services.assignments import PRIMARY, add_assignment, assignment_rows
from mentordesk.storage.citizen_rows import CitizenRow as CitizenRow
from mentordesk.storage.database import Database
from mentordesk.storage.models import Citizen
from mentordesk.storage.queries.catalogue import course_type_names, legal_basis_names
from mentordesk.storage.queries.citizens import (
    ANONYMOUS_MARK,
    citizen_list,
    citizen_with_cpr,
)
from mentordesk.storage.queries.grants import citizen_grants
from mentordesk.storage.queries.team import active_user_names

if TYPE_CHECKING:
    from sqlalchemy import Select

FIELD_LABELS = {
    "first_name": "Fornavn", "last_name": "Efternavn", "alias": "Alias",
    "is_anonymous": "Anonym (§99)", "status": "Status", "address": "Adresse",
    "postal_code": "Postnummer", "city": "By", "phone": "Telefon", "email": "E-mail",
    "preferred_contact": "Foretrukken kontaktform", "note": "Note",
}
_ONE_LINE_FIELDS = ("first_name", "last_name", "alias", "address", "postal_code", "city",
                    "phone", "email")


@dataclass(frozen=True)
class GrantLine:
    legal_basis: str
    course_type: str
    authority: str
    period: str


@dataclass(frozen=True)
class CitizenSummary:
    """A read-only summary of one citizen."""

    id: int
    display_name: str
    is_anonymous: bool
    cpr_masked: str
    status: CitizenStatus
    address: str
    phone: str
    email: str
    preferred_contact: str
    primary_mentor: str
    substitutes: tuple[str, ...]
    grants: tuple[GrantLine, ...]
    opened_on: str


@dataclass(frozen=True)
class NewCitizen:
    first_name: str = ""
    last_name: str = ""
    alias: str = ""
    cpr: str = ""
    status: CitizenStatus = CitizenStatus.WAITING
    address: str = ""
    phone: str = ""
    postal_code: str = ""
    city: str = ""
    email: str = ""
    preferred_contact: str = ""  # a ContactForm code or ""
    note: str = ""
    anonymous: bool = False  # §99: alias only; also implied when no name is given
    opened_on: date | None = None  # default today
    primary_mentor_id: int | None = None  # coordinators; a mentor becomes primary himself


@dataclass(frozen=True)
class FilterOptions:
    """What the list's filter combos offer: (value, Danish label) pairs."""

    mentors: tuple[tuple[int, str], ...]
    legal_bases: tuple[tuple[str, str], ...]
    course_types: tuple[tuple[int, str], ...]


def search_key_for(first_name: str, last_name: str, alias: str) -> str:
    """Search and sort key: the shown name first, in Danish collation order (æ, ø, å last)."""
    return danish_sort_key(" ".join(part.strip() for part in (first_name, last_name, alias)
                                    if part.strip()))


# -- the list -------------------------------------------------------------------------------


def list_citizens(
    context: Context,
    search: str = "",
    status: CitizenStatus | None = None,
    today: date | None = None,
    *,
    mentor_id: int | None = None,
    legal_basis: str | None = None,
    course_type_id: int | None = None,
) -> list[CitizenRow]:
    """The citizens the actor may see, filtered, in Danish alphabetical order.

    ``mentor_id``: currently assigned (primary or substitute); ``legal_basis`` (a code)
    and ``course_type_id``: the citizen holds a grant under it, in any period. Runs on
    every keystroke of the search field: one query of plain columns (no ORM objects),
    ordered by the stored Danish sort key, plus one audit event.
    """
    term = clean_search(search)
    query = citizen_list_query(context.actor, term, status, today or date.today(),
                               mentor_id=mentor_id, legal_basis=legal_basis,
                               course_type_id=course_type_id)
    filters = _filter_text(status, mentor_id, legal_basis, course_type_id)
    with context.session() as session:
        # Core execution on the session's connection: no ORM row processing per citizen.
        rows = [CitizenRow._make(columns) for columns in session.connection().execute(query)]
        if term:
            audit.record(session, context.actor.login, audit.Action.SEARCH, entity="citizen",
                         detail=f"Søgning: {term!r} ({len(rows)} fundet){filters}")
        else:
            audit.record(session, context.actor.login, audit.Action.LIST, entity="citizen",
                         detail=f"Borgerliste ({len(rows)} borgere){filters}")
    return rows


def log_first_list(context: Context, shown: int) -> None:
    """Log the citizens list start-up showed before the ORM was loaded
    (``storage.first_look``), as :func:`list_citizens` logs its own; called once the
    unlock is logged, so the log reads as if the list had been read through here."""
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.LIST, entity="citizen",
                     detail=f"Borgerliste ({shown} borgere)")


def my_caseload(context: Context, today: date | None = None) -> list[CitizenRow]:
    """The actor's own citizens: currently primary mentor or substitute."""
    return list_citizens(context, today=today, mentor_id=context.actor.user_id)


def citizen_list_query(
    actor: Actor, term: str, status: CitizenStatus | None, today: date, *,
    mentor_id: int | None = None, legal_basis: str | None = None,
    course_type_id: int | None = None,
) -> Select[tuple[int, str, str, bool, str, str, str]]:
    """The one SELECT behind the citizens list, in CitizenRow's column order (public so
    benchmarks can time it bare). A search term matches the shown name in Danish order,
    and up to four digits also the end of the CPR number."""
    return citizen_list(
        visible_citizen_ids(actor, today), today,
        search_key=danish_sort_key(term) if term else "",
        cpr_digits=term if term.isdigit() and len(term) <= 4 else "",
        status=status.value if status is not None else None, mentor_id=mentor_id,
        legal_basis=legal_basis, course_type_id=course_type_id)


def citizen_filter_options(database: Database) -> FilterOptions:
    """Active team members, legal bases and course types for the list filters (no
    citizen data, so nothing to audit)."""
    with database.read_session() as session:
        mentors = session.execute(active_user_names()).all()
        bases = session.execute(legal_basis_names()).all()
        courses = session.execute(course_type_names()).all()
    return FilterOptions(
        mentors=tuple(sorted(((i, n) for i, n in mentors),
                             key=lambda item: danish_sort_key(item[1]))),
        legal_bases=tuple((code, f"{code} – {name}") for code, name in bases),
        course_types=tuple(sorted(((i, n) for i, n in courses),
                                  key=lambda item: danish_sort_key(item[1]))),
    )


# -- one case ------------------------------------------------------------------------------


def get_citizen_summary(
    context: Context, citizen_id: int, today: date | None = None
) -> CitizenSummary:
    today = today or date.today()
    with context.session() as session:
        citizen = require_citizen(session, context.actor, citizen_id, today)
        assignments = [row for row in assignment_rows(session, citizen.id)
                       if row.is_current(today)]
        summary = CitizenSummary(
            id=citizen.id,
            display_name=_display_name(citizen),
            is_anonymous=citizen.is_anonymous,
            cpr_masked=mask_cpr(citizen.cpr),
            status=CitizenStatus(citizen.status),
            address=", ".join(part for part in (
                citizen.address, f"{citizen.postal_code} {citizen.city}".strip()) if part),
            phone=citizen.phone,
            email=citizen.email,
            preferred_contact=citizen.preferred_contact,
            primary_mentor=next((row.mentor_name for row in assignments
                                 if row.kind == PRIMARY), ""),
            substitutes=tuple(sorted(row.mentor_name for row in assignments
                                     if row.kind != PRIMARY)),
            grants=tuple(_grant_lines(session, citizen.id)),
            opened_on=format_date(citizen.opened_on) if citizen.opened_on else "",
        )
        audit.record(session, context.actor.login, audit.Action.READ, entity="citizen",
                     entity_id=citizen.id, citizen_id=citizen.id, detail="Sagsoversigt vist")
    return summary


def create_citizen(context: Context, new: NewCitizen) -> Result[int]:
    """Register a citizen, named or anonymous (§99: an alias, no CPR number).

    A mentor who registers a citizen becomes the primary mentor, or the new case would
    vanish from their own list; only coordinators choose another primary mentor.
    """
    values, cpr = _new_values(new)
    mentor_id = new.primary_mentor_id
    if mentor_id is not None and mentor_id != context.actor.user_id:
        require_coordinator(context.actor)
    if mentor_id is None and not context.actor.sees_all_citizens:
        mentor_id = context.actor.user_id
    with context.session() as session:
        if cpr:
            refuse_duplicate_cpr(session, cpr, None)
        citizen = Citizen(**values, **cpr_columns(cpr),
                          search_key=search_key_for(values["first_name"], values["last_name"],
                                                    values["alias"]),
                          opened_on=new.opened_on or date.today())
        session.add(citizen)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="citizen",
                     entity_id=citizen.id, citizen_id=citizen.id,
                     detail="Anonym borger oprettet (§99)" if citizen.is_anonymous
                     else "Borger oprettet")
        if mentor_id is not None:
            add_assignment(session, context.actor, citizen.id, mentor_id, PRIMARY,
                           citizen.opened_on or date.today(), None)
        citizen_id = citizen.id
    kinds = (Kind.CITIZEN, Kind.ASSIGNMENTS) if mentor_id is not None else (Kind.CITIZEN,)
    return Result(citizen_id, Changes.of(*kinds, citizen=citizen_id))


# -- rules ----------------------------------------------------------------------------------


def _new_values(new: NewCitizen) -> tuple[dict[str, Any], str | None]:
    """The new citizen's checked column values and normalised CPR number."""
    values = clean_fields({
        "first_name": new.first_name, "last_name": new.last_name, "alias": new.alias,
        "status": new.status, "address": new.address, "postal_code": new.postal_code,
        "city": new.city, "phone": new.phone, "email": new.email,
        "preferred_contact": new.preferred_contact, "note": new.note,
    })
    if values["status"] == CitizenStatus.CLOSED.value:
        raise InvalidInput("En ny sag kan ikke oprettes som afsluttet.")
    named = bool(values["first_name"] or values["last_name"])
    if new.anonymous and named:
        raise InvalidInput("En anonym borger (§99) registreres kun med et alias – fjern "
                           "for- og efternavn.")
    values["is_anonymous"] = new.anonymous or not named
    cpr = checked_cpr(new.cpr)
    check_identity(values, has_cpr=bool(cpr))
    return values, cpr


def clean_fields(values: dict[str, Any]) -> dict[str, Any]:
    """Trim one-line fields, store codes for status and contact form, check e-mail and
    lengths; InvalidInput (Danish) for anything the user must correct."""
    clean_values(Citizen, values)
    for field in _ONE_LINE_FIELDS:
        if field in values:
            values[field] = values[field].strip()
    if "status" in values:
        try:
            values["status"] = CitizenStatus(values["status"]).value
        except ValueError:
            raise InvalidInput("Ukendt status.") from None
    if values.get("preferred_contact"):
        try:
            values["preferred_contact"] = ContactForm(values["preferred_contact"]).value
        except ValueError:
            raise InvalidInput("Ukendt kontaktform.") from None
    email = values.get("email", "")
    if email and ("@" not in email or any(char.isspace() for char in email)):
        raise InvalidInput("E-mailadressen ser ikke gyldig ud (fx navn@eksempel.dk).")
    check_lengths(Citizen, values, FIELD_LABELS)
    return values


def check_identity(values: Mapping[str, Any], *, has_cpr: bool) -> None:
    """A named citizen has a first or last name; an anonymous one an alias and no CPR."""
    if values["is_anonymous"]:
        if not values["alias"]:
            raise InvalidInput("Angiv et alias for en anonym borger (§99).")
        if values["first_name"] or values["last_name"]:
            raise InvalidInput("En anonym borger (§99) registreres kun med et alias – fjern "
                               "for- og efternavn.")
        if has_cpr:
            raise InvalidInput("En anonym borger (§99) registreres uden CPR-nummer. Fjern "
                               "CPR-nummeret først.")
    elif not (values["first_name"] or values["last_name"]):
        raise InvalidInput("Angiv borgerens navn – eller markér borgeren som anonym (§99) "
                           "med et alias.")


def checked_cpr(text: str) -> str | None:
    """The normalised CPR number, None when empty; InvalidInput with the domain's reason."""
    if not text.strip():
        return None
    try:
        return normalize_cpr(text)
    except ValueError as error:
        raise InvalidInput(str(error)) from None


def cpr_columns(cpr: str | None) -> dict[str, Any]:
    # cpr_last4 is denormalised for the search by the last four digits.
    return {"cpr": cpr, "cpr_last4": cpr[-4:] if cpr else ""}


def refuse_duplicate_cpr(session: Session, cpr: str, citizen_id: int | None) -> None:
    if session.scalar(citizen_with_cpr(cpr, other_than=citizen_id)) is not None:
        # Names no one: the user may not have access to that other case.
        raise InvalidInput("En borger med dette CPR-nummer findes allerede.")


def _filter_text(status: CitizenStatus | None, mentor_id: int | None,
                 legal_basis: str | None, course_type_id: int | None) -> str:
    parts = [
        f"status {status.label}" if status else "",
        f"mentor-id {mentor_id}" if mentor_id is not None else "",
        f"lovgrundlag {legal_basis}" if legal_basis else "",
        f"forløbstype-id {course_type_id}" if course_type_id is not None else "",
    ]
    shown = ", ".join(part for part in parts if part)
    return f"; filter: {shown}" if shown else ""


def _display_name(citizen: Citizen) -> str:
    name = f"{citizen.first_name} {citizen.last_name}".strip()
    shown_alias = citizen.alias or ANONYMOUS_MARK
    return shown_alias if citizen.is_anonymous or not name else name


def _grant_lines(session: Session, citizen_id: int) -> list[GrantLine]:
    rows = session.execute(citizen_grants(citizen_id)).all()
    return [
        GrantLine(
            legal_basis=basis, course_type=course or "", authority=authority or "",
            period=f"{format_date(grant.start_on)} – "
            f"{format_date(grant.end_on) if grant.end_on else 'løbende'}",
        )
        for grant, basis, _basis_name, course, _min_weeks, authority in rows
    ]
