"""Citizens: list, search and read a case summary. Every use is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import Select, case, func, literal, or_, select
from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import CitizenStatus
from mentordesk.domain.cpr import mask_cpr, normalize_cpr
from mentordesk.domain.dates import format_date
from mentordesk.domain.text import danish_sort_key
from mentordesk.errors import NotFound
from mentordesk.services.access import assignment_current, visible_citizen_ids
from mentordesk.services.team import Actor
from mentordesk.storage.database import Database
from mentordesk.storage.models import (
    Assignment,
    Authority,
    Citizen,
    CourseType,
    Grant,
    LegalBasis,
    User,
)

ANONYMOUS_MARK = "(anonym)"
_MASKED_SEQUENCE = "xxxx"


class CitizenRow(NamedTuple):
    """One line of the citizens list: nothing more than the list shows.

    A tuple built straight from the query's columns (names and the masked CPR are
    computed in SQL), because the list is rebuilt on every keystroke of a search.
    """

    id: int
    name: str
    alias: str
    is_anonymous: bool
    cpr_masked: str
    status_code: str
    primary_mentor: str

    @property
    def status(self) -> CitizenStatus:
        return CitizenStatus(self.status_code)

    @property
    def display_name(self) -> str:
        return self.alias if self.is_anonymous else self.name

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "name": self.display_name, "anonymous": self.is_anonymous,
            "cpr": self.cpr_masked, "mentor": self.primary_mentor, "status": self.status_code,
        }


@dataclass(frozen=True)
class GrantLine:
    legal_basis: str
    course_type: str
    authority: str
    period: str


@dataclass(frozen=True)
class CitizenSummary:
    """The read-only summary pane of one citizen."""

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


def search_key_for(first_name: str, last_name: str, alias: str) -> str:
    """Search and sort key: the shown name first, in Danish collation order (æ, ø, å last)."""
    return danish_sort_key(" ".join(part.strip() for part in (first_name, last_name, alias)
                                    if part.strip()))


def list_citizens(
    database: Database,
    actor: Actor,
    search: str = "",
    status: CitizenStatus | None = None,
    today: date | None = None,
) -> list[CitizenRow]:
    """The citizens the actor may see, filtered, in Danish alphabetical order.

    Runs on every keystroke of the search field: one query of plain columns (no ORM
    objects), ordered by the stored Danish sort key, plus one audit event.
    """
    term = search.strip()
    query = citizen_list_query(actor, term, status, today or date.today())
    with database.session() as session:
        # Core execution on the session's connection: no ORM row processing per citizen.
        rows = [CitizenRow._make(columns) for columns in session.connection().execute(query)]
        if term:
            audit.record(session, actor.login, audit.Action.SEARCH, entity="citizen",
                         detail=f"Søgning: {term!r} ({len(rows)} fundet)")
        else:
            audit.record(session, actor.login, audit.Action.LIST, entity="citizen",
                         detail=f"Borgerliste ({len(rows)} borgere)")
    return rows


def citizen_list_query(
    actor: Actor, term: str, status: CitizenStatus | None, today: date
) -> Select[tuple[int, str, str, bool, str, str, str]]:
    """The one SELECT behind the citizens list, in CitizenRow's column order (public so
    benchmarks can time it bare). The full CPR number never leaves the database here."""
    shown_alias = func.coalesce(func.nullif(Citizen.alias, ""), ANONYMOUS_MARK)
    full_name = func.trim(Citizen.first_name + " " + Citizen.last_name)
    query = (
        select(
            Citizen.id,
            case((full_name == "", shown_alias), else_=full_name),
            case((Citizen.is_anonymous, shown_alias), else_=Citizen.alias),
            Citizen.is_anonymous,
            _masked_cpr_column(),
            Citizen.status,
            func.coalesce(_primary_mentor_name(today), ""),
        )
        .where(visible_citizen_ids(actor, today))
        .order_by(Citizen.search_key)
    )
    if term:
        query = query.where(_matches(term))
    if status is not None:
        query = query.where(Citizen.status == status.value)
    return query


def get_citizen_summary(
    database: Database, actor: Actor, citizen_id: int, today: date | None = None
) -> CitizenSummary:
    today = today or date.today()
    with database.session() as session:
        citizen = session.scalar(
            _visible_citizens(actor, today).where(Citizen.id == citizen_id)
        )
        if citizen is None:
            raise NotFound("Borgeren findes ikke, eller du har ikke adgang til sagen.")
        assignments = _current_assignments(session, citizen.id, today)
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
            primary_mentor=next((name for kind, name in assignments if kind == "primary"), ""),
            substitutes=tuple(name for kind, name in assignments if kind == "substitute"),
            grants=tuple(_grant_lines(session, citizen.id)),
            opened_on=format_date(citizen.opened_on) if citizen.opened_on else "",
        )
        audit.record(session, actor.login, audit.Action.READ, entity="citizen",
                     entity_id=citizen.id, citizen_id=citizen.id, detail="Sagsoversigt vist")
    return summary


def create_citizen(database: Database, actor: Actor, new: NewCitizen) -> int:
    """Register a citizen; an alias without a name means anonymous (§99)."""
    cpr = normalize_cpr(new.cpr) if new.cpr.strip() else None
    anonymous = not (new.first_name.strip() or new.last_name.strip())
    if anonymous and not new.alias.strip():
        raise ValueError("Angiv et navn eller et alias for en anonym borger.")
    with database.session() as session:
        citizen = Citizen(
            first_name=new.first_name.strip(), last_name=new.last_name.strip(),
            alias=new.alias.strip(), is_anonymous=anonymous, cpr=cpr,
            cpr_last4=cpr[-4:] if cpr else "",
            search_key=search_key_for(new.first_name, new.last_name, new.alias),
            status=new.status.value, address=new.address, phone=new.phone,
            opened_on=date.today(),
        )
        session.add(citizen)
        session.flush()
        audit.record(session, actor.login, audit.Action.CREATE, entity="citizen",
                     entity_id=citizen.id, citizen_id=citizen.id, detail="Borger oprettet")
        return citizen.id


def _visible_citizens(actor: Actor, today: date) -> Select[tuple[Citizen]]:
    return select(Citizen).where(visible_citizen_ids(actor, today))


def _masked_cpr_column():  # type: ignore[no-untyped-def]
    # CPR is stored normalised (10 digits), so masking is the birth date plus a fixed
    # mask; mask_cpr() gives the same text (a test holds them together).
    return case(
        (func.coalesce(Citizen.cpr, "") == "", ""),
        else_=func.substr(Citizen.cpr, 1, 6) + "-" + literal(_MASKED_SEQUENCE),
    )


def _primary_mentor_name(today: date):  # type: ignore[no-untyped-def]
    return (
        select(User.full_name)
        .join(Assignment, Assignment.user_id == User.id)
        .where(Assignment.citizen_id == Citizen.id, Assignment.kind == "primary",
               assignment_current(today))
        .order_by(Assignment.start_on.desc())
        .limit(1)
        .scalar_subquery()
    )


def _matches(term: str):  # type: ignore[no-untyped-def]
    pattern = f"%{_escape_like(danish_sort_key(term))}%"
    conditions = [Citizen.search_key.like(pattern, escape="\\")]
    if term.isdigit() and len(term) <= 4:
        conditions.append(Citizen.cpr_last4.like(f"{term}%"))
    return or_(*conditions)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _display_name(citizen: Citizen) -> str:
    name = f"{citizen.first_name} {citizen.last_name}".strip()
    shown_alias = citizen.alias or ANONYMOUS_MARK
    return shown_alias if citizen.is_anonymous or not name else name


def _current_assignments(session: Session, citizen_id: int, today: date) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Assignment.kind, User.full_name)
        .join(User, User.id == Assignment.user_id)
        .where(Assignment.citizen_id == citizen_id, assignment_current(today))
        .order_by(Assignment.kind, User.full_name)
    ).all()
    return [(kind, name) for kind, name in rows]


def _grant_lines(session: Session, citizen_id: int) -> list[GrantLine]:
    rows = session.execute(
        select(Grant, LegalBasis.code, CourseType.name, Authority.name)
        .join(LegalBasis, LegalBasis.id == Grant.legal_basis_id)
        .outerjoin(CourseType, CourseType.id == Grant.course_type_id)
        .outerjoin(Authority, Authority.id == Grant.authority_id)
        .where(Grant.citizen_id == citizen_id)
        .order_by(Grant.start_on.desc())
    ).all()
    return [
        GrantLine(
            legal_basis=basis, course_type=course or "", authority=authority or "",
            period=f"{format_date(grant.start_on)} – "
            f"{format_date(grant.end_on) if grant.end_on else 'løbende'}",
        )
        for grant, basis, course, authority in rows
    ]
