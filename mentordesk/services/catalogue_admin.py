"""The editable catalogues: legal bases, course types and ordering authorities.

Everyone reads them (the grant dialog offers them); only an administrator changes them.
A row that grants (or course types) still point to is deactivated instead of deleted, so
old grants keep their meaning. Edits are versioned like every other row: a stale save
raises ``EditConflict``. Catalogue rows are not citizen data, so reading them is not
audited; every change is.

The rules for weekly hours, prices and text come from ``grants``: a course type holds
the default values of a grant.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.billing_terms import BillingAgreement, vat_label
from mentordesk.domain.catalogue import MINUTES_PER_HOUR, PriceModel
from mentordesk.domain.labels import LabeledStrEnum
from mentordesk.domain.text import danish_sort_key
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.access import require_admin
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.cleaning import (
    clean_email,
    clean_flag,
    clean_line,
    clean_note,
    optional_int,
)
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import checked_edit, require_version
from mentordesk.services.billing_agreement import AGREEMENT_FIELDS, agreement_values
from mentordesk.services.grants import (
    MAX_WEEKLY_MINUTES,
    check_price,
    check_weekly_hours,
    price_label,
    weekly_hours_label,
)
from mentordesk.storage.database import Database
from mentordesk.storage.models import Authority, CourseType, Grant, LegalBasis
from mentordesk.storage.queries.catalogue import catalogue_rows, ids_and_values, references

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

MAX_WEEKS = 520


class Removal(StrEnum):
    """What removing a catalogue row did."""

    DELETED = "deleted"
    DEACTIVATED = "deactivated"  # still in use: kept, but no longer offered


class AuthorityKind(LabeledStrEnum):
    MUNICIPALITY = "kommune", "Kommune"
    JOBCENTER = "jobcenter", "Jobcenter"


# --- what the catalogue looks like to its readers -----------------------------------------

LEGAL_BASIS_FIELDS = ("code", "name", "note", "allows_anonymous", "requires_assessment",
                      "active")
COURSE_TYPE_FIELDS = ("name", "legal_basis_id", "min_weeks", "fixed_period",
                      "hours_min_minutes", "hours_max_minutes", "price_model", "price_oere",
                      "price_max_hours", "roles", "description", "active", "vat_liable")
AUTHORITY_FIELDS = ("name", "kind", "address", "email", *AGREEMENT_FIELDS)


@dataclass(frozen=True)
class LegalBasisInput:
    code: str
    name: str
    note: str = ""
    allows_anonymous: bool = False
    requires_assessment: bool = True
    active: bool = True


@dataclass(frozen=True)
class LegalBasisItem(LegalBasisInput):
    id: int = 0
    version: int = 0
    uses: int = 0  # grants and course types that name it

    @property
    def label(self) -> str:
        return f"{self.code} – {self.name}"

    def values(self) -> dict[str, Any]:
        return {field: getattr(self, field) for field in LEGAL_BASIS_FIELDS}


@dataclass(frozen=True)
class CourseTypeInput:
    name: str
    legal_basis_id: int | None = None
    min_weeks: int | None = None
    fixed_period: bool = False
    hours_min_minutes: int | None = None
    hours_max_minutes: int | None = None
    price_model: str | None = None
    price_oere: int | None = None
    price_max_hours: int | None = None
    roles: str = ""
    description: str = ""
    active: bool = True
    vat_liable: bool = False  # momspligtig 25 %; False: momsfritaget


@dataclass(frozen=True)
class CourseTypeItem(CourseTypeInput):
    id: int = 0
    version: int = 0
    legal_basis_code: str = ""
    uses: int = 0

    @property
    def hours_label(self) -> str:
        return weekly_hours_label(self.hours_min_minutes, self.hours_max_minutes)

    @property
    def price_label(self) -> str:
        return price_label(self.price_model, self.price_oere, self.price_max_hours)

    @property
    def vat_label(self) -> str:
        return vat_label(self.vat_liable)

    @property
    def period_label(self) -> str:
        if self.min_weeks is None:
            return ""
        return f"{self.min_weeks} uger" if self.fixed_period else f"Fra {self.min_weeks} uger"

    def values(self) -> dict[str, Any]:
        return {field: getattr(self, field) for field in COURSE_TYPE_FIELDS}


@dataclass(frozen=True)
class AuthorityInput:
    name: str
    kind: str = AuthorityKind.MUNICIPALITY.value
    address: str = ""
    email: str = ""
    # The billing agreement (see services.billing_agreement); off: face-to-face time only.
    bill_travel: bool = False
    km_rate_oere: int | None = None
    bill_indirect: bool = False
    ean: str = ""


@dataclass(frozen=True)
class AuthorityItem(AuthorityInput):
    id: int = 0
    version: int = 0
    uses: int = 0

    @property
    def agreement_label(self) -> str:
        return BillingAgreement(self.bill_travel, self.km_rate_oere, self.bill_indirect,
                                self.ean).label

    @property
    def kind_label(self) -> str:
        return AuthorityKind(self.kind).label if self.kind in set(AuthorityKind) else self.kind

    def values(self) -> dict[str, Any]:
        return {field: getattr(self, field) for field in AUTHORITY_FIELDS}


@dataclass(frozen=True)
class Catalogue:
    legal_bases: tuple[LegalBasisItem, ...]
    course_types: tuple[CourseTypeItem, ...]
    authorities: tuple[AuthorityItem, ...]

    def legal_basis(self, basis_id: int | None) -> LegalBasisItem | None:
        return next((item for item in self.legal_bases if item.id == basis_id), None)

    def course_type(self, course_id: int | None) -> CourseTypeItem | None:
        return next((item for item in self.course_types if item.id == course_id), None)

    def authority(self, authority_id: int | None) -> AuthorityItem | None:
        return next((item for item in self.authorities if item.id == authority_id), None)


def load_catalogue(database: Database) -> Catalogue:
    """All three catalogues, inactive rows included (the caller decides what to offer)."""
    with database.read_session() as session:
        bases = [_legal_basis_item(session, row)
                 for row in session.scalars(catalogue_rows(LegalBasis))]
        courses = [_course_type_item(session, row)
                   for row in session.scalars(catalogue_rows(CourseType))]
        authorities = [_authority_item(session, row)
                       for row in session.scalars(catalogue_rows(Authority))]
    return Catalogue(
        legal_bases=tuple(sorted(bases, key=lambda item: _natural_key(item.code))),
        course_types=tuple(sorted(courses, key=lambda item: danish_sort_key(item.name))),
        authorities=tuple(sorted(authorities, key=lambda item: danish_sort_key(item.name))),
    )


def _natural_key(text: str) -> list[Any]:
    # "LAB §31b" before "LAB §42" before "LAB §68a": numbers compare as numbers.
    return [int(part) if part.isdigit() else danish_sort_key(part)
            for part in re.split(r"(\d+)", text)]


def _count(session: Session, column: Any, value: int) -> int:
    return int(session.scalar(references(column, value)) or 0)


def _legal_basis_uses(session: Session, basis_id: int) -> int:
    return (_count(session, Grant.legal_basis_id, basis_id)
            + _count(session, CourseType.legal_basis_id, basis_id))


def _legal_basis_item(session: Session, row: LegalBasis) -> LegalBasisItem:
    return LegalBasisItem(**{field: getattr(row, field) for field in LEGAL_BASIS_FIELDS},
                          id=row.id, version=row.version,
                          uses=_legal_basis_uses(session, row.id))


def _course_type_item(session: Session, row: CourseType) -> CourseTypeItem:
    basis = session.get(LegalBasis, row.legal_basis_id) if row.legal_basis_id else None
    return CourseTypeItem(**{field: getattr(row, field) for field in COURSE_TYPE_FIELDS},
                          id=row.id, version=row.version,
                          legal_basis_code=basis.code if basis else "",
                          uses=_count(session, Grant.course_type_id, row.id))


def _authority_item(session: Session, row: Authority) -> AuthorityItem:
    return AuthorityItem(**{field: getattr(row, field) for field in AUTHORITY_FIELDS},
                         id=row.id, version=row.version,
                         uses=_count(session, Grant.authority_id, row.id))


def _require_unique(session: Session, column: Any, value: str, row_id: int | None,
                    message: str) -> None:
    """``message`` names the existing row through ``{}``. Compared in Python because
    SQLite's lower() folds ASCII only, and "Østby" must clash with "østby"."""
    wanted = value.casefold()
    for other_id, other in session.execute(ids_and_values(column)):
        if other_id != row_id and other.casefold() == wanted:
            raise InvalidInput(message.format(other))


def _legal_basis_values(session: Session, values: Mapping[str, Any],
                        row_id: int | None) -> dict[str, Any]:
    code = clean_line(LegalBasis, "code", values["code"], "Kode", required=True)
    _require_unique(session, LegalBasis.code, code, row_id,
                    "Der findes allerede et lovgrundlag med koden »{}«.")
    return {
        "code": code,
        "name": clean_line(LegalBasis, "name", values["name"], "Navn", required=True),
        "note": clean_note(values["note"]),
        "allows_anonymous": clean_flag(values["allows_anonymous"], "Anonymitet tilladt"),
        "requires_assessment": clean_flag(values["requires_assessment"], "Kræver udredning"),
        "active": clean_flag(values["active"], "Aktiv"),
    }


def _course_type_values(session: Session, values: Mapping[str, Any],
                        row_id: int | None) -> dict[str, Any]:
    name = clean_line(CourseType, "name", values["name"], "Navn", required=True)
    _require_unique(session, CourseType.name, name, row_id,
                    "Der findes allerede en forløbstype med navnet »{}«.")
    basis_id = optional_int(values["legal_basis_id"], "Vælg et lovgrundlag fra listen.")
    if basis_id is not None and session.get(LegalBasis, basis_id) is None:
        raise InvalidInput("Vælg et lovgrundlag fra listen.")
    weeks_message = f"Varigheden skal være mellem 1 og {MAX_WEEKS} uger."
    min_weeks = optional_int(values["min_weeks"], weeks_message)
    if min_weeks is not None and not 1 <= min_weeks <= MAX_WEEKS:
        raise InvalidInput(weeks_message)
    fixed_period = clean_flag(values["fixed_period"], "Fast varighed")
    if fixed_period and min_weeks is None:
        raise InvalidInput("Angiv antal uger for et forløb med fast varighed.")
    check_weekly_hours(values["hours_min_minutes"], values["hours_max_minutes"])
    check_price(values["price_model"], values["price_oere"])
    return {
        "name": name, "legal_basis_id": basis_id, "min_weeks": min_weeks,
        "fixed_period": fixed_period,
        "hours_min_minutes": values["hours_min_minutes"],
        "hours_max_minutes": values["hours_max_minutes"],
        "price_model": values["price_model"], "price_oere": values["price_oere"],
        "price_max_hours": _price_max_hours(values["price_model"], values["price_max_hours"]),
        "roles": clean_line(CourseType, "roles", values["roles"], "Roller"),
        "description": clean_note(values["description"], "Beskrivelse"),
        "active": clean_flag(values["active"], "Aktiv"),
        "vat_liable": clean_flag(values.get("vat_liable", False), "Momspligtig"),
    }


def _price_max_hours(model: object, max_hours: object) -> int | None:
    message = "Timeloftet for en ugepris skal være mellem 1 og 168 timer."
    hours = optional_int(max_hours, message)
    if hours is None:
        return None
    if model != PriceModel.PER_WEEK.value:
        raise InvalidInput("Et timeloft gælder kun en fast pris pr. uge.")
    if not 1 <= hours <= MAX_WEEKLY_MINUTES // MINUTES_PER_HOUR:
        raise InvalidInput(message)
    return hours


def _authority_values(session: Session, values: Mapping[str, Any],
                      row_id: int | None) -> dict[str, Any]:
    name = clean_line(Authority, "name", values["name"], "Navn", required=True)
    _require_unique(session, Authority.name, name, row_id,
                    "Der findes allerede en myndighed med navnet »{}«.")
    if values["kind"] not in {kind.value for kind in AuthorityKind}:
        raise InvalidInput("Vælg om myndigheden er en kommune eller et jobcenter.")
    return {
        "name": name, "kind": values["kind"],
        "address": clean_line(Authority, "address", values["address"], "Adresse"),
        "email": clean_email(Authority, values["email"]),
        **agreement_values(values),
    }


# --- create, update and remove, the same way for all three catalogues -----------------------


@dataclass(frozen=True)
class _Kind:
    model: type[Any]
    entity: str  # audit entity
    what: str  # Danish, definite: "Lovgrundlaget"
    fields: tuple[str, ...]
    values: Callable[[Session, Mapping[str, Any], int | None], dict[str, Any]]
    item: Callable[[Session, Any], Any]
    title: Callable[[Any], str]  # how the audit log names a row


_LEGAL_BASIS = _Kind(LegalBasis, "legal_basis", "Lovgrundlaget", LEGAL_BASIS_FIELDS,
                     _legal_basis_values, _legal_basis_item, lambda row: row.code)
_COURSE_TYPE = _Kind(CourseType, "course_type", "Forløbstypen", COURSE_TYPE_FIELDS,
                     _course_type_values, _course_type_item, lambda row: row.name)
_AUTHORITY = _Kind(Authority, "authority", "Myndigheden", AUTHORITY_FIELDS,
                   _authority_values, _authority_item, lambda row: row.name)


def _record(session: Session, actor: Actor, action: audit.Action, kind: _Kind, row: Any,
            detail: str) -> None:
    audit.record(session, actor.login, action, entity=kind.entity, entity_id=row.id,
                 detail=f"{detail}: {kind.title(row)}")


# A catalogue row is shared by the whole team: every view showing its names refreshes.
_CATALOGUE_CHANGED = Changes.of(Kind.CATALOGUE)


def _create(context: Context, kind: _Kind, new: DataclassInstance) -> Result[Any]:
    require_admin(context.actor)
    with context.session() as session:
        row = kind.model(**kind.values(session, asdict(new), None))
        session.add(row)
        session.flush()
        _record(session, context.actor, audit.Action.CREATE, kind, row, "Oprettet i kataloget")
        item = kind.item(session, row)
    return Result(item, _CATALOGUE_CHANGED)


def _update(context: Context, kind: _Kind, row_id: int, expected_version: int,
            changes: Mapping[str, Any], original: Mapping[str, Any] | None) -> Result[Any]:
    require_admin(context.actor)
    with context.session() as session:
        row = _get(session, kind, row_id)
        diff = checked_edit(session, row, expected_version, changes, original, kind.fields,
                            lambda values: kind.values(session, values, row_id))
        if diff:
            _record(session, context.actor, audit.Action.UPDATE, kind, row,
                    f"Ændret i kataloget ({', '.join(diff)})")
        item = kind.item(session, row)
    return Result(item, _CATALOGUE_CHANGED if diff else NOTHING)


def _remove(context: Context, kind: _Kind, row_id: int,
            expected_version: int, uses: Callable[[Session, int], int]) -> Result[Removal]:
    """Delete an unused row; one in use is deactivated, so old grants keep their meaning."""
    require_admin(context.actor)
    with context.session() as session:
        row = _get(session, kind, row_id)
        require_version(row, expected_version, kind.what)
        count = uses(session, row.id)
        if count:
            row.active = False
            session.flush()
            _record(session, context.actor, audit.Action.UPDATE, kind, row,
                    f"Deaktiveret i stedet for slettet (i brug {count} gange)")
            return Result(Removal.DEACTIVATED, _CATALOGUE_CHANGED)
        _record(session, context.actor, audit.Action.DELETE, kind, row, "Slettet fra kataloget")
        session.delete(row)
    return Result(Removal.DELETED, _CATALOGUE_CHANGED)


def _get(session: Session, kind: _Kind, row_id: int) -> Any:
    row = session.get(kind.model, row_id)
    if row is None:
        raise NotFound(f"{kind.what} findes ikke længere.")
    return row


def _authority_uses(session: Session, authority_id: int) -> int:
    """An authority has no inactive state, so one that grants name cannot be removed."""
    count = _count(session, Grant.authority_id, authority_id)
    if count:
        name = session.get_one(Authority, authority_id).name
        raise InvalidInput(f"Myndigheden {name} står på {count} bevilling(er) og kan ikke "
                           "slettes.")
    return 0


def create_legal_basis(context: Context,
                       new: LegalBasisInput) -> Result[LegalBasisItem]:
    return _create(context, _LEGAL_BASIS, new)


def update_legal_basis(context: Context, basis_id: int, expected_version: int,
                       changes: Mapping[str, Any],
                       original: Mapping[str, Any] | None = None) -> Result[LegalBasisItem]:
    return _update(context, _LEGAL_BASIS, basis_id, expected_version, changes, original)


def remove_legal_basis(context: Context, basis_id: int,
                       expected_version: int) -> Result[Removal]:
    return _remove(context, _LEGAL_BASIS, basis_id, expected_version,
                   _legal_basis_uses)


def create_course_type(context: Context,
                       new: CourseTypeInput) -> Result[CourseTypeItem]:
    return _create(context, _COURSE_TYPE, new)


def update_course_type(context: Context, course_id: int, expected_version: int,
                       changes: Mapping[str, Any],
                       original: Mapping[str, Any] | None = None) -> Result[CourseTypeItem]:
    return _update(context, _COURSE_TYPE, course_id, expected_version, changes,
                   original)


def remove_course_type(context: Context, course_id: int,
                       expected_version: int) -> Result[Removal]:
    return _remove(context, _COURSE_TYPE, course_id, expected_version,
                   lambda session, row_id: _count(session, Grant.course_type_id, row_id))


def create_authority(context: Context, new: AuthorityInput) -> Result[AuthorityItem]:
    return _create(context, _AUTHORITY, new)


def update_authority(context: Context, authority_id: int,
                     expected_version: int, changes: Mapping[str, Any],
                     original: Mapping[str, Any] | None = None) -> Result[AuthorityItem]:
    return _update(context, _AUTHORITY, authority_id, expected_version, changes,
                   original)


def remove_authority(context: Context, authority_id: int,
                     expected_version: int) -> Result[Removal]:
    return _remove(context, _AUTHORITY, authority_id, expected_version,
                   _authority_uses)
