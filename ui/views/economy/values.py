"""What a typed or pasted cell means: Danish amounts, person and frequency by label or code,
plain text for item and note. Bad input raises ``CellValueError`` with a Danish message;
the caller changes nothing then.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from mentordesk.domain.economy import Frequency, Person
from mentordesk.domain.money import parse_dkk

translate = QCoreApplication.translate

# The sheet column numbers (kept here too so this module does not import the model).
_LABEL, _PERSON, _FREQUENCY, _FROM_MONTH, _AMOUNT, _FIRST_MONTH, _NOTE = 0, 1, 2, 3, 4, 5, 19
_MONTHS = 12
MAX_LABEL = 200
MAX_NOTE = 2_000
MAX_AMOUNT_OERE = 100_000_000_00  # 100 mio. kr.: beyond any household line
# Danish month names are data here (parsing pasted text), not UI strings to translate.
_MONTH_NAMES = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                "september", "oktober", "november", "december")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class CellValueError(ValueError):
    """The typed value cannot go into that cell; the message is Danish and complete."""


def person_label(code: str) -> str:
    try:
        return Person(code).label
    except ValueError:
        return code


def person_choices() -> list[tuple[str, str]]:
    return Person.choices()


def parse_cell(column: int, value: Any) -> Any:
    """The stored value for a cell of ``column`` from what was typed or pasted."""
    text = "" if value is None else str(value)
    if column == _PERSON:
        return _choice(text, person_choices(), translate("EconomySheet", "person"))
    if column == _FREQUENCY:
        return _choice(text, Frequency.choices(), translate("EconomySheet", "frequency"))
    if column == _FROM_MONTH:
        return parse_month(text)
    if column == _AMOUNT or _FIRST_MONTH <= column < _FIRST_MONTH + _MONTHS:
        return parse_amount(text)
    if column == _LABEL:
        return _text(text, MAX_LABEL).replace("\n", " ")
    if column == _NOTE:
        return _text(text, MAX_NOTE)
    raise CellValueError(translate("EconomySheet", "This cell is calculated and cannot be edited."))


def month_choices() -> list[tuple[int, str]]:
    """(1..12, Danish month name) for the "Fra måned" cell."""
    return [(number, name) for number, name in enumerate(_MONTH_NAMES, start=1)]


def parse_month(text: str) -> int:
    """A month as typed or pasted: 1–12, "marts", "mar" or "mar." (any case)."""
    wanted = text.strip().rstrip(".").casefold()
    if wanted.isdigit() and 1 <= int(wanted) <= _MONTHS:
        return int(wanted)
    for number, name in month_choices():
        if wanted and (wanted == name.casefold() or (len(wanted) >= 3
                                                      and name.casefold().startswith(wanted))):
            return number
    raise CellValueError(translate(
        "EconomySheet", "Unknown month: »{text}«. Type 1–12 or a month name.").format(
            text=text.strip()))


def parse_amount(text: str) -> int:
    """Øre from Danish input; an empty cell is 0 kr. (as Delete leaves it)."""
    if not text.strip():
        return 0
    try:
        oere = parse_dkk(text)
    except ValueError as error:
        raise CellValueError(str(error)) from None
    if abs(oere) > MAX_AMOUNT_OERE:
        raise CellValueError(translate("EconomySheet", "The amount is too large: {text}").format(
            text=text.strip()))
    return oere


def _choice(text: str, choices: list[tuple[str, str]], what: str) -> str:
    wanted = text.strip().casefold()
    for code, label in choices:
        if wanted in (code.casefold(), label.casefold()):
            return code
    raise CellValueError(translate(
        "EconomySheet", "Unknown {what}: »{text}«. Choose one of: {choices}.").format(
            what=what, text=text.strip(),
            choices=", ".join(label for _code, label in choices)))


def _text(text: str, limit: int) -> str:
    cleaned = _CONTROL.sub("", text.replace("\r\n", "\n")).strip()
    if len(cleaned) > limit:
        raise CellValueError(translate(
            "EconomySheet", "The text is too long (at most {limit} characters).").format(
                limit=limit))
    return cleaned
