"""CPR numbers (Danish personal identification numbers).

A CPR number is ``DDMMYY-SSSS``: birth date plus a sequence whose first digit gives the
century. We validate the format and the birth date only. The modulus-11 check digit is NOT
checked: CPR gave it up in 2007 when sequence numbers ran out, so real, valid numbers fail it.

python-stdnum's ``stdnum.dk.cpr`` agrees (2.x does no checksum test in ``validate``), but its
``validate`` also accepts separators anywhere ("01 01 90 12-34") and compares with the real
today, which makes tests time-bombs. So we check the shape ourselves and borrow only its
century rule (``get_birth_date``), which is the part worth not re-inventing.

Stored form is 10 digits without a dash. CPR numbers are special-category identifiers: show
them masked (``mask_cpr``) unless the full number is actually needed.
"""

from __future__ import annotations

import re
from datetime import date

from stdnum.dk import cpr as _stdnum_cpr
from stdnum.exceptions import ValidationError as _StdnumValidationError

_CPR_SHAPE = re.compile(r"^(?P<date>\d{6})-?(?P<seq>\d{4})$")
_MASKED_SEQUENCE = "xxxx"
_FULLY_MASKED = "xxxxxx-xxxx"


def normalize_cpr(text: str, *, today: date | None = None) -> str:
    """Return the 10-digit form of ``"010190-1234"`` or ``"0101901234"``.

    Raises ``ValueError`` (Danish message) for a wrong shape, an impossible birth date or a
    birth date after ``today`` (default: the real date).
    """
    digits = _digits_or_raise(text)
    birth_date = _birth_date_or_raise(digits)
    if birth_date > (today or date.today()):
        raise ValueError("Fødselsdatoen i CPR-nummeret ligger ude i fremtiden.")
    return digits


def is_valid_cpr(text: str, *, today: date | None = None) -> bool:
    """``True`` when ``normalize_cpr`` would accept ``text``."""
    try:
        normalize_cpr(text, today=today)
    except ValueError:
        return False
    return True


def cpr_birth_date(text: str) -> date:
    """Birth date encoded in the CPR number, century included (``"0101901234"`` → 1990-01-01)."""
    return _birth_date_or_raise(_digits_or_raise(text))


def format_cpr(text: str) -> str:
    """Full display form ``"010190-1234"``. Use only where the full number is needed."""
    digits = normalize_cpr(text)
    return f"{digits[:6]}-{digits[6:]}"


def mask_cpr(text: str | None) -> str:
    """Screen/report form ``"010190-xxxx"``: birth date visible, sequence hidden.

    Never raises and never leaks: anything that is not CPR-shaped comes back fully masked,
    and an empty value (anonymous §99 citizen) comes back empty.
    """
    if text is None or not str(text).strip():
        return ""
    match = _CPR_SHAPE.match(str(text).strip())
    if match is None:
        return _FULLY_MASKED
    return f"{match['date']}-{_MASKED_SEQUENCE}"


def cpr_last4(text: str) -> str:
    """The four sequence digits, e.g. for a staff member confirming identity on the phone."""
    return _digits_or_raise(text)[6:]


def _digits_or_raise(text: str) -> str:
    cleaned = text.strip() if isinstance(text, str) else ""
    if not cleaned:
        raise ValueError("CPR-nummeret mangler.")
    match = _CPR_SHAPE.match(cleaned)
    if match is None:
        # The input is deliberately not echoed: error texts end up in logs and dialogs.
        raise ValueError("Ugyldigt CPR-nummer. Skriv 10 cifre som ddmmåå-xxxx, fx 010190-1234.")
    return match["date"] + match["seq"]


def _birth_date_or_raise(digits: str) -> date:
    try:
        return _stdnum_cpr.get_birth_date(digits)
    except _StdnumValidationError:
        raise ValueError("CPR-nummeret indeholder ikke en gyldig fødselsdato.") from None
