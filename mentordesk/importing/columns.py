"""Which column holds what: recognising Danish headers and checking a column mapping.

Headers are compared case-, space- and punctuation-insensitively, so "CPR-nr.",
"cpr nr" and "CPR nr" are the same header. A mapping is ``{column index: field}``;
columns not in it are ignored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from mentordesk.domain.labels import LabeledStrEnum
from mentordesk.importing.table import ImportRefused, ImportTable


class ImportField(LabeledStrEnum):
    NAME = "name", "Navn"
    FIRST_NAME = "first_name", "Fornavn"
    LAST_NAME = "last_name", "Efternavn"
    ALIAS = "alias", "Alias"
    CPR = "cpr", "CPR"
    ADDRESS = "address", "Adresse"
    POSTAL_CODE = "postal_code", "Postnr."
    CITY = "city", "By"
    PHONE = "phone", "Telefon"
    EMAIL = "email", "E-mail"
    MENTOR = "mentor", "Mentor"
    LEGAL_BASIS = "legal_basis", "Lovgrundlag"
    COURSE_TYPE = "course_type", "Forløbstype"
    START_ON = "start_on", "Startdato"
    WEEKLY_HOURS = "weekly_hours", "Timer pr. uge"


ColumnMapping = dict[int, ImportField]

_HEADER_WORDS: dict[ImportField, tuple[str, ...]] = {
    ImportField.NAME: ("navn", "borger", "borgers navn", "borgerens navn", "fulde navn",
                       "fuldt navn", "fornavn og efternavn"),
    ImportField.FIRST_NAME: ("fornavn", "fornavne"),
    ImportField.LAST_NAME: ("efternavn",),
    ImportField.ALIAS: ("alias", "kaldenavn"),
    ImportField.CPR: ("cpr", "cpr nr", "cprnr", "cpr nummer", "personnummer"),
    ImportField.ADDRESS: ("adresse", "bopæl"),
    ImportField.POSTAL_CODE: ("postnr", "postnummer"),
    ImportField.CITY: ("by", "bynavn"),
    ImportField.PHONE: ("telefon", "tlf", "tlf nr", "telefonnummer", "telefon nr", "mobil"),
    ImportField.EMAIL: ("e mail", "email", "mail"),
    ImportField.MENTOR: ("mentor", "primær mentor", "kontaktperson", "primær kontaktperson",
                         "skp"),
    ImportField.LEGAL_BASIS: ("lovgrundlag", "paragraf", "lov"),
    ImportField.COURSE_TYPE: ("forløbstype", "forløb", "ydelse"),
    ImportField.START_ON: ("startdato", "start", "opstart", "startdato bevilling",
                           "bevilget fra", "bevilling fra"),
    ImportField.WEEKLY_HOURS: ("timer pr uge", "timer uge", "timer om ugen", "ugentlige timer",
                               "timer"),
}
_FIELD_BY_WORDS = {words: field for field, all_words in _HEADER_WORDS.items()
                   for words in all_words}
_IGNORE_WORDS = ("", "ignorer", "ignorér", "ignore", "ingen")
_NAME_FIELDS = (ImportField.NAME, ImportField.FIRST_NAME, ImportField.LAST_NAME,
                ImportField.ALIAS)


def normalize_header(text: str) -> str:
    """"CPR-nr." → "cpr nr": lower case, punctuation to spaces, single spaces."""
    spaced = "".join(char if char.isalnum() else " " for char in text.casefold())
    return " ".join(spaced.split())


def field_for_header(text: str) -> ImportField | None:
    return _FIELD_BY_WORDS.get(normalize_header(text))


def propose_mapping(headers: Sequence[str]) -> ColumnMapping:
    """The recognised columns; a field found twice is proposed for its first column only."""
    mapping: ColumnMapping = {}
    for column, header in enumerate(headers):
        field = field_for_header(header)
        if field is not None and field not in mapping.values():
            mapping[column] = field
    return mapping


def mapping_problems(mapping: Mapping[int, ImportField]) -> list[str]:
    """What stops this mapping from being imported (empty: it can be used)."""
    if not mapping:
        return ["Ingen kolonner kan genkendes. Giv kolonnerne overskrifter som Navn, CPR, "
                "Mentor, Lovgrundlag, Startdato og Timer pr. uge."]
    problems = [f"Feltet »{field.label}« er valgt for flere kolonner."
                for field, count in Counter(mapping.values()).items() if count > 1]
    fields = set(mapping.values())
    if not fields & set(_NAME_FIELDS):
        problems.append("Vælg en kolonne med borgerens navn (Navn eller Fornavn og Efternavn) "
                        "eller alias.")
    if ImportField.NAME in fields and fields & {ImportField.FIRST_NAME, ImportField.LAST_NAME}:
        problems.append("Vælg enten Navn eller Fornavn og Efternavn, ikke begge.")
    return problems


def resolve_mapping(table: ImportTable, option: str = "") -> ColumnMapping:
    """The proposed mapping with the user's choices on top; refuses an unusable mapping.

    ``option`` is the command line's ``"Kolonne=felt,Kolonne=felt"``; the field is a label
    ("Navn"), a code ("name") or a header word ("CPR-nummer"); "-" ignores the column.
    """
    mapping = propose_mapping(table.headers)
    for column, field in _parse_option(table, option):
        mapping.pop(column, None)
        if field is not None:
            # The explicit choice wins over a proposal of the same field elsewhere.
            for other in [c for c, f in mapping.items() if f is field]:
                del mapping[other]
            mapping[column] = field
    problems = mapping_problems(mapping)
    if problems:
        raise ImportRefused(" ".join(problems))
    return mapping


def _parse_option(table: ImportTable, option: str) -> list[tuple[int, ImportField | None]]:
    choices = []
    for part in (piece for piece in option.split(",") if piece.strip()):
        header, separator, field_text = part.rpartition("=")
        if not separator:
            raise ImportRefused(
                f"Kolonnevalget »{part.strip()}« skal skrives som Kolonne=felt.")
        choices.append((_column_named(table, header), parse_field(field_text)))
    return choices


def _column_named(table: ImportTable, header: str) -> int:
    wanted = normalize_header(header)
    for column in range(len(table.headers)):
        if normalize_header(table.column_title(column)) == wanted:
            return column
    raise ImportRefused(f"Kolonnen »{header.strip()}« findes ikke i filen.")


def parse_field(text: str) -> ImportField | None:
    """A field named by label, code or header word; None for "-"/"ignorer"."""
    wanted = normalize_header(text)
    if wanted in _IGNORE_WORDS or text.strip() == "-":
        return None
    for field in ImportField:
        if wanted in (normalize_header(field.label), normalize_header(field.value)):
            return field
    by_words = _FIELD_BY_WORDS.get(wanted)
    if by_words is None:
        labels = ", ".join(field.label for field in ImportField)
        raise ImportRefused(
            f"Ukendt felt »{text.strip()}«. Brug et af: {labels} – eller - for at springe "
            "kolonnen over.")
    return by_words
