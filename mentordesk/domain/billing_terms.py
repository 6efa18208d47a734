"""The plain rules of a billing agreement: the authority's EAN number, VAT, and what
besides face-to-face time an authority pays for.

Public authorities in Denmark receive invoices electronically (NemHandel) at an EAN
location number (GLN): 13 digits whose last is the GS1 check digit. A number with a wrong
check digit reaches no one, so it is refused when typed, not when the invoice bounces.
"""

from __future__ import annotations

from dataclasses import dataclass

from stdnum import ean as _stdnum_ean
from stdnum.exceptions import ValidationError as _StdnumValidationError

from mentordesk.domain.money import format_dkk

EAN_LENGTH = 13
VAT_RATE_PERCENT = 25
VAT_LIABLE_LABEL = "Momspligtig 25 %"
VAT_EXEMPT_LABEL = "Momsfritaget"
NOT_BILLED_LABEL = "ikke faktureret"
OVER_GRANT_LABEL = "Over bevilling — kræver godkendelse"


class InvalidEan(ValueError):
    """The text is not a 13-digit EAN with a correct check digit; the message is Danish."""


def clean_ean(text: str) -> str:
    """The EAN as 13 digits, or "" for none; spaces and dashes people type are dropped."""
    digits = "".join(character for character in text if character not in " -")
    if not digits:
        return ""
    if not digits.isdigit() or len(digits) != EAN_LENGTH:
        raise InvalidEan(f"EAN-nummeret skal være {EAN_LENGTH} cifre; der er angivet "
                         f"»{text.strip()}«.")
    try:
        _stdnum_ean.validate(digits)
    except _StdnumValidationError:
        raise InvalidEan(f"EAN-nummeret {digits} har et forkert kontrolciffer; tjek "
                         "nummeret hos myndigheden.") from None
    return digits


def vat_oere(amount_oere: int, vat_liable: bool) -> int:
    """The VAT on an amount excluding VAT, rounded half up to the øre."""
    if not vat_liable or amount_oere <= 0:
        return 0
    return (amount_oere * VAT_RATE_PERCENT + 50) // 100


def vat_label(vat_liable: bool) -> str:
    return VAT_LIABLE_LABEL if vat_liable else VAT_EXEMPT_LABEL


@dataclass(frozen=True)
class BillingAgreement:
    """What an authority pays for besides face-to-face time (all off: face-to-face only).

    The weekly band is judged on face-to-face time whatever the agreement says: see
    ``schedule.billing`` for why travel and indirect time never fill up a band.
    """

    bill_travel: bool = False
    km_rate_oere: int | None = None
    bill_indirect: bool = False
    ean: str = ""

    @property
    def bills_km(self) -> bool:
        return self.km_rate_oere is not None and self.km_rate_oere > 0

    @property
    def label(self) -> str:
        """"Kørselstid, 3,79 kr./km, indirekte tid" or "Kun ansigt-til-ansigt-tid"."""
        parts = ["kørselstid"] if self.bill_travel else []
        if self.bills_km and self.km_rate_oere is not None:
            parts.append(f"{format_dkk(self.km_rate_oere)}/km")
        if self.bill_indirect:
            parts.append("indirekte tid")
        return ", ".join(parts).capitalize() if parts else "Kun ansigt-til-ansigt-tid"
