"""MentorDesk domain vocabulary: plain values, enums and formatting, no ORM and no Qt.

Stored values are English codes; user-facing labels are Danish. Money is integer øre.
The FFB theme trees in ``vum`` load lazily from ``data/ffb.json`` on first use.

The names below are loaded on first use (``__getattr__``); the imports under
``TYPE_CHECKING`` are for type checkers, hence the file-wide F401 waiver.
"""

# ruff: noqa: F401

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .catalogue import (
        COURSE_TYPES,
        HOUR_BANDS,
        LEGAL_BASES,
        MINIMUM_HOURS,
        CourseType,
        HoursStatus,
        LegalBasis,
        Price,
        PriceModel,
        WeeklyHours,
        course_type,
        legal_basis,
    )
    from .codes import Attendance, CitizenStatus, ContactForm, GoalStatus, Role
    from .cpr import cpr_birth_date, cpr_last4, format_cpr, is_valid_cpr, mask_cpr, normalize_cpr
    from .dates import (
        format_date,
        iso_week_code,
        iso_week_codes_between,
        iso_week_label,
        iso_weeks_in_year,
        parse_date,
        parse_iso_week,
        week_bounds,
        week_start,
    )
    from .economy import (
        DEBT_RELIEF_2023,
        DEFAULT_NORM_RATES,
        DISPOSABLE_AMOUNT_2024,
        EXPENSE_ITEMS,
        INCOME_ITEMS,
        PRIORITY_DEBT_TYPES,
        DebtStatus,
        DebtType,
        EconomyItem,
        EconomySection,
        Frequency,
        NormKind,
        NormRates,
        OneOffBenefitStatus,
    )
    from .labels import CodedIntEnum, CodedStrEnum, LabeledStrEnum
    from .money import format_dkk, kroner_to_oere, oere_to_kroner, parse_dkk
    from .text import danish_sort_key
    from .vum import (
        NOT_ASSESSED_LABEL,
        FunctionLevel,
        GoalType,
        InterventionStatus,
        SupportNeed,
        Term,
        activity_themes,
        children,
        condition_themes,
        find_term,
        get_term,
        level_choices,
        level_ffb_code,
        level_from_ffb_code,
        level_label,
        social_pedagogical_support_kinds,
        theme_of,
    )


# Which module holds each name above. Imported on first use (PEP 562): importing one
# module of the package, such as ``domain.codes`` at start-up, must not pay for the CPR
# checks (python-stdnum), the catalogue and the economy tables.
_HOME = {name: module for module, names in {
    "catalogue": (
        "COURSE_TYPES", "HOUR_BANDS", "LEGAL_BASES", "MINIMUM_HOURS", "CourseType",
        "HoursStatus", "LegalBasis", "Price", "PriceModel", "WeeklyHours", "course_type",
        "legal_basis",
    ),
    "codes": ("Attendance", "CitizenStatus", "ContactForm", "GoalStatus", "Role"),
    "cpr": (
        "cpr_birth_date", "cpr_last4", "format_cpr", "is_valid_cpr", "mask_cpr",
        "normalize_cpr",
    ),
    "dates": (
        "format_date", "iso_week_code", "iso_week_codes_between", "iso_week_label",
        "iso_weeks_in_year", "parse_date", "parse_iso_week", "week_bounds", "week_start",
    ),
    "economy": (
        "DEBT_RELIEF_2023", "DEFAULT_NORM_RATES", "DISPOSABLE_AMOUNT_2024", "EXPENSE_ITEMS",
        "INCOME_ITEMS", "PRIORITY_DEBT_TYPES", "DebtStatus", "DebtType", "EconomyItem",
        "EconomySection", "Frequency", "NormKind", "NormRates", "OneOffBenefitStatus",
    ),
    "labels": ("CodedIntEnum", "CodedStrEnum", "LabeledStrEnum"),
    "money": ("format_dkk", "kroner_to_oere", "oere_to_kroner", "parse_dkk"),
    "text": ("danish_sort_key",),
    "vum": (
        "NOT_ASSESSED_LABEL", "FunctionLevel", "GoalType", "InterventionStatus",
        "SupportNeed", "Term", "activity_themes", "children", "condition_themes",
        "find_term", "get_term", "level_choices", "level_ffb_code", "level_from_ffb_code",
        "level_label", "social_pedagogical_support_kinds", "theme_of",
    ),
}.items() for name in names}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # once: later lookups are plain module attributes
    return value
