"""Money as integer øre, formatted and parsed the Danish way.

Why integers: sums over a year of economy lines must match the exported Excel sheet to the
øre, and binary floats cannot promise that. Every amount in MentorDesk is an ``int`` of øre
(100 øre = 1 krone); ``Decimal`` is used only at the edges (parsing, exporting).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

OERE_PER_KRONE = 100

# Danish shows money as "1.234,56 kr.": dot for thousands, comma for decimals.
_CURRENCY_SUFFIX = " kr."

# Words and marks people type around an amount that carry no value: "kr. 800,-", "12 kr",
# "DKK 12". Order matters: longer forms first so "kr." is not left as ".".
_UNIT_PATTERN = re.compile(r"^(?:kr\.?|dkk)\s*|\s*(?:kr\.?|dkk)$", re.IGNORECASE)

# Integer part: plain digits, or digits grouped by thousands dots ("1.234.567").
_INTEGER_PART = r"(?:\d{1,3}(?:\.\d{3})+|\d+)"
_AMOUNT_PATTERN = re.compile(
    rf"^(?:(?P<int>{_INTEGER_PART})(?:,(?P<frac>\d+|-))?|,(?P<bare_frac>\d+))$"
)
# "12.5" or "12.50": almost certainly an English decimal point; worth a specific hint.
_DOT_DECIMAL_PATTERN = re.compile(r"^\d+\.\d{1,2}$")

_HINT = "Skriv beløbet i kroner, fx 1.234,50"


def format_dkk(oere: int, *, with_unit: bool = True) -> str:
    """Format øre as Danish kroner: ``123456`` → ``"1.234,56 kr."``.

    ``with_unit=False`` drops the " kr." suffix, for table cells under a "kr." header.
    """
    _require_int(oere)
    sign = "-" if oere < 0 else ""
    kroner, rest = divmod(abs(oere), OERE_PER_KRONE)
    text = f"{sign}{_group_thousands(kroner)},{rest:02d}"
    return text + _CURRENCY_SUFFIX if with_unit else text


def parse_dkk(text: str) -> int:
    """Parse a Danish amount in kroner and return øre.

    Accepts ``"1.234,50"``, ``"1234,5"``, ``"-12"``, ``"1.234"`` (dots are thousands
    separators), ``" 12 kr."``, ``"kr. 800,-"``. More than two decimals are rounded half up
    (away from zero) to whole øre. A dot as decimal mark (``"12.5"``) is rejected rather
    than guessed, because in Danish ``"1.250"`` means one thousand two hundred and fifty.
    Raises ``ValueError`` with a Danish message.
    """
    if not isinstance(text, str):
        raise TypeError("parse_dkk forventer tekst")
    cleaned = _strip_unit(_normalise_spaces(text))
    if not cleaned:
        raise ValueError(f"Beløbet mangler. {_HINT}.")
    negative, digits = _split_sign(cleaned)
    match = _AMOUNT_PATTERN.match(digits)
    if match is None:
        if _DOT_DECIMAL_PATTERN.match(digits):
            raise ValueError(f"Ugyldigt beløb: »{text.strip()}«. Brug komma som decimaltegn.")
        raise ValueError(f"Ugyldigt beløb: »{text.strip()}«. {_HINT}.")
    kroner = Decimal(_decimal_literal(match))
    oere = kroner_to_oere(kroner)
    return -oere if negative else oere


def kroner_to_oere(kroner: Decimal | int | str) -> int:
    """Convert kroner to whole øre, rounding half up (away from zero).

    Accepts ``Decimal``, ``int`` or a ``Decimal``-style string (``"12.50"``), never ``float``.
    """
    if isinstance(kroner, float):
        raise TypeError("Brug Decimal, ikke float, til beløb")
    try:
        value = Decimal(kroner)
    except InvalidOperation as exc:
        raise ValueError(f"Ugyldigt beløb: »{kroner}«") from exc
    if not value.is_finite():
        raise ValueError(f"Ugyldigt beløb: »{kroner}«")
    return int((value * OERE_PER_KRONE).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def oere_to_kroner(oere: int) -> Decimal:
    """Exact kroner as ``Decimal`` (``123456`` → ``Decimal("1234.56")``), e.g. for Excel."""
    _require_int(oere)
    return Decimal(oere) / OERE_PER_KRONE


def _require_int(oere: int) -> None:
    # bool is an int subclass; a True/False amount is always a bug upstream.
    if not isinstance(oere, int) or isinstance(oere, bool):
        raise TypeError(f"Beløb skal være et heltal i øre, ikke {type(oere).__name__}")


def _group_thousands(kroner: int) -> str:
    return f"{kroner:,}".replace(",", ".")


def _normalise_spaces(text: str) -> str:
    # Pasted amounts often carry non-breaking or thin spaces as thousands separators.
    for space in ("\u00a0", "\u202f", "\u2009"):
        text = text.replace(space, " ")
    return text.strip()


def _strip_unit(text: str) -> str:
    text = _UNIT_PATTERN.sub("", text).strip()
    # Spaces between digit groups ("1 234,50") are thousands separators too.
    return re.sub(r"(?<=\d) (?=\d{3}\b)", ".", text)


def _split_sign(text: str) -> tuple[bool, str]:
    # U+2212 is the typographic minus that word processors produce.
    if text[:1] in ("-", "\u2212"):
        return True, text[1:].lstrip()
    if text[:1] == "+":
        return False, text[1:].lstrip()
    return False, text


def _decimal_literal(match: re.Match[str]) -> str:
    if match.group("bare_frac") is not None:  # ",50" means 0,50
        return f"0.{match.group('bare_frac')}"
    integer = match.group("int").replace(".", "")
    fraction = match.group("frac")
    # "800,-" is the Danish way of writing a whole amount.
    if fraction is None or fraction == "-":
        return integer
    return f"{integer}.{fraction}"
