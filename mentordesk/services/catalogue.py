"""Fill a database with the default catalogue: legal bases, course types, norm rates and
the VUM goal themes.

The defaults live in ``mentordesk.domain`` (catalogue and economy); this module only copies
them into the editable tables. It is idempotent: rows that already exist (legal basis by
code, course type by name, norm rate by year + kind + item) are left exactly as the team
edited them, so it is safe to call on every new database and again after an upgrade.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from mentordesk.domain.catalogue import COURSE_TYPES, LEGAL_BASES, MINUTES_PER_HOUR
from mentordesk.domain.catalogue import CourseType as CourseTypeDefault
from mentordesk.domain.economy import (
    DEFAULT_LIMITATION_RULES,
    DEFAULT_NORM_RATES,
    EXPENSE_ITEMS,
    INCOME_ITEMS,
    NORM_ITEMS,
)
from mentordesk.storage.models import (
    CourseType,
    EconomyItem,
    LegalBasis,
    LimitationRuleRow,
    NormRate,
    VumTerm,
)
from mentordesk.storage.queries.catalogue import (
    catalogue_rows,
    course_type_name_list,
    economy_item_keys,
    norm_rate_keys,
    vum_term_codes,
)
from mentordesk.storage.queries.economy import limitation_rules


def seed_default_catalogue(session: Session) -> None:
    """Insert the default legal bases, course types and norm rates that are missing.

    Norm rates are the published ones the domain ships, at their own year with their
    source.
    """
    bases = _seed_legal_bases(session)
    _seed_course_types(session, bases)
    _seed_norm_rates(session)
    _seed_limitation_rules(session)
    seed_vum_terms(session)
    seed_economy_items(session)
    session.flush()


def _seed_legal_bases(session: Session) -> dict[str, LegalBasis]:
    existing = {basis.code: basis for basis in session.scalars(catalogue_rows(LegalBasis))}
    for default in LEGAL_BASES:
        if default.code in existing:
            continue
        row = LegalBasis(
            code=default.code,
            name=default.name,
            note=default.note,
            allows_anonymous=default.anonymity_allowed,
            requires_assessment=default.requires_assessment,
            active=True,
        )
        session.add(row)
        existing[default.code] = row
    session.flush()
    return existing


def _seed_course_types(session: Session, bases: dict[str, LegalBasis]) -> None:
    existing = set(session.scalars(course_type_name_list()))
    for default in COURSE_TYPES:
        if default.name in existing:
            continue
        basis = bases.get(default.legal_basis_code)
        session.add(CourseType(**course_type_values(default),
                               legal_basis_id=basis.id if basis else None))
        existing.add(default.name)


def course_type_values(default: CourseTypeDefault) -> dict[str, object]:
    """The column values of a default course type (without its legal basis id)."""
    hours = default.weekly_hours
    price = default.price
    description = " ".join(
        part for part in (default.law_reference, default.price_note) if part
    )
    return {
        "name": default.name,
        "min_weeks": default.min_weeks,
        "fixed_period": default.fixed_period,
        "hours_min_minutes": None if hours is None else hours.min_hours * MINUTES_PER_HOUR,
        "hours_max_minutes": (
            None if hours is None or hours.max_hours is None
            else hours.max_hours * MINUTES_PER_HOUR
        ),
        # Stored as the domain PriceModel code ("per_hour" / "per_week"); NULL = agreed.
        "price_model": None if price is None else price.model.value,
        "price_oere": None if price is None else price.amount_oere,
        "price_max_hours": None if price is None else price.max_weekly_hours,
        "description": description,
        "active": True,
    }


def _seed_norm_rates(session: Session) -> None:
    """The published rates the domain ships, each at its own year with its source. No
    other year is filled: a year without rates says so, and an admin enters them."""
    existing = {tuple(row) for row in session.execute(norm_rate_keys())}
    for rates in DEFAULT_NORM_RATES:
        for item in NORM_ITEMS:
            key = (rates.year, rates.kind.value, item)
            if key in existing:
                continue
            session.add(NormRate(year=rates.year, norm_kind=rates.kind.value, item=item,
                                 amount_oere=getattr(rates, item), source=rates.source))
            existing.add(key)


def _seed_limitation_rules(session: Session) -> None:
    """The limitation act's periods by debt basis; rules the team edited stay."""
    existing = {row.basis for row in session.scalars(limitation_rules())}
    for rule in DEFAULT_LIMITATION_RULES:
        if rule.basis.value not in existing:
            session.add(LimitationRuleRow(basis=rule.basis.value, years=rule.years,
                                          source=rule.source))


def seed_vum_terms(session: Session) -> int:
    """Copy the goal themes and sub-themes (FFB *Aktivitet og deltagelse*) into the editable
    ``vum_term`` table; terms already there (renamed or hidden by the team) are left alone.
    Returns how many were added."""
    from mentordesk.domain import vum  # the FFB JSON loads lazily, only when seeding

    root = vum.ACTIVITY_AND_PARTICIPATION_CODE
    existing = set(session.scalars(vum_term_codes()))
    added = 0
    for position, term in enumerate(vum.descendants(root)):
        if term.code in existing:
            continue
        session.add(VumTerm(code=term.code, parent_code=term.parent_code, name=term.name,
                            tree=root, position=position, active=True))
        added += 1
    session.flush()
    return added


def seed_economy_items(session: Session) -> None:
    """The economy sheet's item list (DOMAIN.md's income and expense items), by section
    and label; items the team renamed, hid or added are left alone."""
    existing = set(session.execute(economy_item_keys()).tuples())
    for items in (INCOME_ITEMS, EXPENSE_ITEMS):
        for position, item in enumerate(items):
            key = (item.section.value, item.label)
            if key in existing:
                continue
            session.add(EconomyItem(section=item.section.value, category=item.code,
                                    label=item.label, position=position, active=True))
            existing.add(key)
