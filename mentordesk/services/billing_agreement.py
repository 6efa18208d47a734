"""An authority's billing agreement (afregningsaftale), kept on its catalogue row and
edited with it (``catalogue_admin.update_authority``): bill travel time, a km rate,
bill indirect time, and the EAN number its invoices go to.

Checked here so that a wrong value is refused before anything is saved: an EAN with a
wrong GS1 check digit, a km rate that is negative or absurd.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mentordesk.domain.billing_terms import BillingAgreement, InvalidEan, clean_ean
from mentordesk.errors import InvalidInput
from mentordesk.kernel.cleaning import clean_flag, optional_int
from mentordesk.storage.models import Authority

AGREEMENT_FIELDS = ("bill_travel", "km_rate_oere", "bill_indirect", "ean")
# The state's high rate is under 4 kr./km; 100 kr. leaves room and catches a typo in øre.
MAX_KM_RATE_OERE = 100_00


def agreement_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The agreement's column values, checked; a missing field takes the neutral value."""
    km_message = "Kilometertaksten skal være et beløb mellem 0,01 og 100,00 kr. (eller ingen)."
    km_rate = optional_int(values.get("km_rate_oere"), km_message)
    if km_rate is not None and not 1 <= km_rate <= MAX_KM_RATE_OERE:
        raise InvalidInput(km_message)
    try:
        ean = clean_ean(str(values.get("ean") or ""))
    except InvalidEan as error:
        raise InvalidInput(str(error)) from None
    return {
        "bill_travel": clean_flag(values.get("bill_travel", False), "Fakturér kørselstid"),
        "km_rate_oere": km_rate,
        "bill_indirect": clean_flag(values.get("bill_indirect", False),
                                    "Fakturér indirekte tid"),
        "ean": ean,
    }


def agreement_of(authority: Authority | None) -> BillingAgreement:
    """The agreement as plain values; no authority: face-to-face time only."""
    if authority is None:
        return BillingAgreement()
    return BillingAgreement(bill_travel=authority.bill_travel,
                            km_rate_oere=authority.km_rate_oere,
                            bill_indirect=authority.bill_indirect, ean=authority.ean)
