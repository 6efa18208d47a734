"""Checking every row against the team's data before anything is imported.

A row becomes a ``CitizenDraft`` (everything needed to create the citizen, the primary
mentor assignment and the grant) or one or more ``RowError`` lines such as
"Række 7: CPR-nummeret er ugyldigt". The import runs only when there are no errors.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from mentordesk.domain.cpr import normalize_cpr
from mentordesk.importing.columns import ImportField
from mentordesk.importing.table import Cell, ImportTable, SourceRow
from mentordesk.importing.values import (
    parse_start_date,
    parse_weekly_hours,
    split_full_name,
    text,
)
from mentordesk.kernel.cleaning import column_limit
from mentordesk.storage.models import Citizen
from mentordesk.storage.queries.catalogue import active_course_types, active_legal_bases
from mentordesk.storage.queries.citizens import stored_cprs
from mentordesk.storage.queries.team import active_user_logins

_CPR_SHAPE = re.compile(r"\d{9,10}|\d{6}-\d{4}")
# Column sizes come from the model, so the limits shown to the user are the real ones.
TEXT_LIMITS: dict[str, int] = {
    name: column_limit(Citizen, name)
    for name in ("first_name", "last_name", "alias", "address", "postal_code", "city",
                 "phone", "email")
}
_FIELD_FOR_ATTRIBUTE = {
    "first_name": ImportField.FIRST_NAME, "last_name": ImportField.LAST_NAME,
    "alias": ImportField.ALIAS, "address": ImportField.ADDRESS,
    "postal_code": ImportField.POSTAL_CODE, "city": ImportField.CITY,
    "phone": ImportField.PHONE, "email": ImportField.EMAIL,
}


@dataclass(frozen=True)
class RowError:
    row: int
    message: str

    def __str__(self) -> str:
        return f"Række {self.row}: {self.message}"


@dataclass(frozen=True)
class GrantDraft:
    legal_basis_id: int
    course_type_id: int | None
    start_on: date
    hours_min_minutes: int | None
    hours_max_minutes: int | None
    price_model: str | None
    price_oere: int | None


@dataclass(frozen=True)
class CitizenDraft:
    row: int
    first_name: str
    last_name: str
    alias: str
    is_anonymous: bool
    cpr: str | None
    address: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    mentor_id: int | None = None
    start_on: date | None = None
    grant: GrantDraft | None = None


@dataclass(frozen=True)
class _Basis:
    id: int
    code: str
    name: str
    allows_anonymous: bool


@dataclass(frozen=True)
class _Course:
    id: int
    legal_basis_id: int | None
    hours_min_minutes: int | None
    hours_max_minutes: int | None
    price_model: str | None
    price_oere: int | None


@dataclass
class ReferenceData:
    """The team's users, catalogues and the CPR numbers already registered."""

    # Keys are casefolded with single spaces: a user under both full name and login.
    users: dict[str, list[int]] = dataclasses.field(default_factory=dict)
    bases: list[_Basis] = dataclasses.field(default_factory=list)
    courses: dict[str, _Course] = dataclasses.field(default_factory=dict)
    existing_cprs: set[str] = dataclasses.field(default_factory=set)


def load_reference_data(session: Session, cprs: Iterable[str]) -> ReferenceData:
    reference = ReferenceData()
    for user_id, login, full_name in session.execute(active_user_logins()):
        for key in {_key(login), _key(full_name)}:
            reference.users.setdefault(key, []).append(user_id)
    reference.bases = [_Basis(*row) for row in session.execute(active_legal_bases())]
    for course in session.scalars(active_course_types()):
        reference.courses[_key(course.name)] = _Course(
            course.id, course.legal_basis_id, course.hours_min_minutes,
            course.hours_max_minutes, course.price_model, course.price_oere)
    wanted = sorted(set(cprs))
    for start in range(0, len(wanted), 500):
        reference.existing_cprs.update(session.scalars(stored_cprs(wanted[start:start + 500])))
    return reference


def candidate_cprs(table: ImportTable, mapping: Mapping[int, ImportField],
                   today: date) -> set[str]:
    """The valid CPR numbers in the file: what to look up for duplicates in the database."""
    column = _column_of(mapping, ImportField.CPR)
    if column is None:
        return set()
    found = set()
    for row in table.rows:
        try:
            found.add(_normalized_cpr(text(row.cell(column)), today))
        except ValueError:
            continue
    return found


def validate_rows(table: ImportTable, mapping: Mapping[int, ImportField],
                  reference: ReferenceData, today: date
                  ) -> tuple[list[CitizenDraft], list[RowError]]:
    drafts: list[CitizenDraft] = []
    errors: list[RowError] = []
    first_row_of_cpr: dict[str, int] = {}
    for row in table.rows:
        problems: list[str] = []
        draft = _draft(row, mapping, reference, today, problems.append)
        if draft.cpr:
            earlier = first_row_of_cpr.setdefault(draft.cpr, row.number)
            if earlier != row.number:
                problems.append(f"CPR-nummeret står også i række {earlier}.")
            elif draft.cpr in reference.existing_cprs:
                problems.append("Der findes allerede en borger med dette CPR-nummer.")
        if problems:
            errors += [RowError(row.number, problem) for problem in problems]
        else:
            drafts.append(draft)
    return drafts, errors


# --- one row --------------------------------------------------------------------------------


Report = Callable[[str], None]


def _draft(row: SourceRow, mapping: Mapping[int, ImportField], reference: ReferenceData,
           today: date, report: Report) -> CitizenDraft:
    values = {field: text(row.cell(column)) for column, field in mapping.items()}
    start_column = _column_of(mapping, ImportField.START_ON)
    first, last = _names(values)
    alias = values.get(ImportField.ALIAS, "")
    anonymous = not (first or last)
    if anonymous and not alias:
        report("Borgeren mangler både navn og alias.")
    texts = {attribute: values.get(field, "") for attribute, field in
             _FIELD_FOR_ATTRIBUTE.items()}
    texts.update(first_name=first, last_name=last)
    _check_lengths(texts, ImportField.NAME in values, report)
    cpr = _cpr(values.get(ImportField.CPR, ""), anonymous, today, report)
    mentor_id = _mentor(values.get(ImportField.MENTOR, ""), reference, report)
    start_on = _start(row.cell(start_column) if start_column is not None else "", today, report)
    grant = _grant(values, start_on, anonymous, reference, report)
    return CitizenDraft(row=row.number, first_name=first, last_name=last, alias=alias,
                        is_anonymous=anonymous, cpr=cpr, address=texts["address"],
                        postal_code=texts["postal_code"], city=texts["city"],
                        phone=texts["phone"], email=texts["email"], mentor_id=mentor_id,
                        start_on=start_on, grant=grant)


def _names(values: dict[ImportField, str]) -> tuple[str, str]:
    if ImportField.NAME in values:
        return split_full_name(values[ImportField.NAME])
    return values.get(ImportField.FIRST_NAME, ""), values.get(ImportField.LAST_NAME, "")


def _check_lengths(texts: dict[str, str], full_name_column: bool, report: Report) -> None:
    for attribute, value in texts.items():
        limit = TEXT_LIMITS[attribute]
        if len(value) > limit:
            field = _FIELD_FOR_ATTRIBUTE[attribute]
            if full_name_column and field in (ImportField.FIRST_NAME, ImportField.LAST_NAME):
                field = ImportField.NAME  # the user's column, not how it is split
            report(f"Feltet {field.label} er for langt ({len(value)} tegn; højst {limit}).")


def _cpr(value: str, anonymous: bool, today: date, report: Report) -> str | None:
    if not value:
        return None
    if anonymous:
        report("En anonym borger (kun alias) registreres uden CPR-nummer.")
        return None
    try:
        return _normalized_cpr(value, today)
    except ValueError as error:
        if _CPR_SHAPE.fullmatch(value):
            # The reason (an impossible birth date) never repeats the number itself.
            report(f"CPR-nummeret er ugyldigt. {error}")
        else:
            report("CPR-nummeret er ugyldigt: skriv 10 cifre som ddmmåå-xxxx.")
        return None


def _normalized_cpr(value: str, today: date) -> str:
    # A CPR typed into a number cell loses its leading zero (010190… → 10190…).
    if value.isdigit() and len(value) == 9:
        value = "0" + value
    return normalize_cpr(value, today=today)


def _mentor(value: str, reference: ReferenceData, report: Report) -> int | None:
    if not value:
        return None
    matches = reference.users.get(_key(value), [])
    if len(set(matches)) > 1:
        report(f"Flere brugere hedder »{value}«; skriv mentorens brugernavn i stedet.")
        return None
    if not matches:
        report(f"Mentoren »{value}« findes ikke i teamet. Opret brugeren først, eller ret "
               "navnet.")
        return None
    return matches[0]


def _start(cell: Cell, today: date, report: Report) -> date | None:
    if isinstance(cell, str) and not cell.strip():
        return None
    try:
        return parse_start_date(cell, today)
    except ValueError as error:
        report(f"{ImportField.START_ON.label}: {error}")
        return None


def _grant(values: dict[ImportField, str], start_on: date | None, anonymous: bool,
           reference: ReferenceData, report: Report) -> GrantDraft | None:
    basis_text = values.get(ImportField.LEGAL_BASIS, "")
    course_text = values.get(ImportField.COURSE_TYPE, "")
    hours_text = values.get(ImportField.WEEKLY_HOURS, "")
    if not (basis_text or course_text or hours_text):
        return None
    course = _course(course_text, reference, report)
    if basis_text:
        basis = _basis(basis_text, reference, report)
    else:
        basis = _basis_by_id(course.legal_basis_id if course else None, reference)
        if basis is None and (course is not None or not course_text):
            report("Lovgrundlag mangler; det skal angives for at oprette en bevilling.")
    hours = _hours(hours_text, report)
    if basis is None:
        return None
    if anonymous and not basis.allows_anonymous:
        report(f"{basis.code} tillader ikke anonym registrering.")
    if start_on is None:
        report("Startdato mangler; den skal angives for at oprette en bevilling.")
        return None
    hours_min, hours_max = hours if hours else (
        (course.hours_min_minutes, course.hours_max_minutes) if course else (None, None))
    return GrantDraft(legal_basis_id=basis.id, course_type_id=course.id if course else None,
                      start_on=start_on, hours_min_minutes=hours_min,
                      hours_max_minutes=hours_max,
                      price_model=course.price_model if course else None,
                      price_oere=course.price_oere if course else None)


def _course(value: str, reference: ReferenceData, report: Report) -> _Course | None:
    """By its full name, or by the start of it when only one course type starts so
    ("Fastholdelsesmentor" for the catalogue's long names)."""
    if not value:
        return None
    wanted = _key(value)
    course = reference.courses.get(wanted)
    if course is not None:
        return course
    starting = [course for name, course in reference.courses.items() if name.startswith(wanted)]
    if len(starting) == 1:
        return starting[0]
    if starting:
        report(f"Forløbstypen »{value}« passer på flere i kataloget; skriv hele navnet.")
    else:
        report(f"Forløbstypen »{value}« findes ikke i kataloget.")
    return None


def _basis(value: str, reference: ReferenceData, report: Report) -> _Basis | None:
    """By code ("SEL §85"), by paragraph alone ("§85", "85") or by name."""
    wanted = _code_key(value)
    if wanted[:1].isdigit():
        wanted = "§" + wanted
    matches = [basis for basis in reference.bases if _code_key(basis.code) == wanted]
    if not matches and wanted.startswith("§"):
        matches = [basis for basis in reference.bases if _code_key(basis.code).endswith(wanted)]
    if not matches:
        matches = [basis for basis in reference.bases if _key(basis.name) == _key(value)]
    if len(matches) > 1:
        report(f"Lovgrundlaget »{value}« passer på flere; skriv hele koden, fx "
               f"»{matches[0].code}«.")
        return None
    if not matches:
        report(f"Lovgrundlaget »{value}« findes ikke i kataloget.")
        return None
    return matches[0]


def _basis_by_id(basis_id: int | None, reference: ReferenceData) -> _Basis | None:
    return next((basis for basis in reference.bases if basis.id == basis_id), None)


def _hours(value: str, report: Report) -> tuple[int, int | None] | None:
    if not value:
        return None
    try:
        return parse_weekly_hours(value)
    except ValueError as error:
        report(str(error))
        return None


def _column_of(mapping: Mapping[int, ImportField], wanted: ImportField) -> int | None:
    return next((column for column, field in mapping.items() if field is wanted), None)


def _key(value: str) -> str:
    return " ".join(value.casefold().split())


def _code_key(value: str) -> str:
    return "".join(value.casefold().split())
