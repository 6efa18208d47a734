"""Debts, one-off benefits, norm rates and the item list: audited, version-checked CRUD."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any, overload

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.economy import (
    NORM_ITEMS,
    DebtBasis,
    DebtStatus,
    DebtType,
    EconomySection,
    LimitationRule,
    NormKind,
    OneOffBenefitStatus,
    PriorityClass,
)
from mentordesk.domain.money import format_dkk
from mentordesk.economy.rates import KindRates, YearRates
from mentordesk.economy.records import (
    BENEFIT_FIELDS,
    DEBT_FIELDS,
    BenefitInput,
    BenefitRow,
    DebtInput,
    DebtRow,
    ItemRow,
    NormRateRow,
)
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.access import require_citizen, require_coordinator
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.cleaning import (
    clean_line,
    clean_note,
    optional_date,
    optional_int,
)
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import checked_edit, require_version
from mentordesk.storage.database import Database
from mentordesk.storage.models import (
    BenefitApplication,
    Debt,
    EconomyItem,
    LimitationRuleRow,
    NormRate,
)
from mentordesk.storage.queries import economy as queries

MAX_DEBT_OERE = 10_000_000_000  # 100 mio. kr.
MAX_BENEFIT_OERE = 100_000_000  # 1 mio. kr.


# --- debts ----------------------------------------------------------------------------------


def _debt_row(debt: Debt) -> DebtRow:
    return DebtRow(id=debt.id, version=debt.version, citizen_id=debt.citizen_id,
                   **{name: getattr(debt, name) for name in DEBT_FIELDS})


def debts_of(session: Session, citizen_id: int) -> list[DebtRow]:
    """The citizen's debts in the plan's order: priority classes first, then as added."""
    rows = session.scalars(queries.debts_of(citizen_id)).all()
    debts = [_debt_row(row) for row in rows]
    return sorted(debts, key=lambda debt: PriorityClass.stored(debt.priority_class).rank)


def list_debts(context: Context, citizen_id: int) -> list[DebtRow]:
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        rows = debts_of(session, citizen_id)
        audit.record(session, context.actor.login, audit.Action.READ, entity="debt",
                     citizen_id=citizen_id, detail=f"Gæld vist ({len(rows)})")
    return rows


@overload
def _money(value: object, label: str, limit: int) -> int: ...
@overload
def _money(value: object, label: str, limit: int, *, allow_none: bool) -> int | None: ...
def _money(value: object, label: str, limit: int, *, allow_none: bool = False) -> int | None:
    amount = optional_int(value, f"{label} skal være et beløb i kroner.")
    if amount is None:
        if allow_none:
            return None
        raise InvalidInput(f"Angiv {label.lower()}.")
    if not 0 <= amount <= limit:
        raise InvalidInput(f"{label} skal ligge mellem 0 og {format_dkk(limit)}.")
    return amount


def _debt_values(values: Mapping[str, Any]) -> dict[str, Any]:
    if values["debt_type"] not in DebtType._value2member_map_:
        raise InvalidInput("Vælg en gældstype fra listen.")
    if values["status"] not in DebtStatus._value2member_map_:
        raise InvalidInput("Vælg en status for gælden fra listen.")
    priority = values["priority_class"]
    if priority is None or priority == "":
        priority = DebtType(values["debt_type"]).default_priority.value
    if priority not in PriorityClass._value2member_map_:
        raise InvalidInput("Vælg en prioritet for gælden fra listen.")
    interest = optional_int(values["interest_bp"], "Renten skal angives i procent.")
    if interest is None or not 0 <= interest <= 100_000:
        raise InvalidInput("Renten skal ligge mellem 0 og 1.000 % om året.")
    return {
        "creditor": clean_line(Debt, "creditor", values["creditor"], "Kreditor",
                               required=True),
        "collector": clean_line(Debt, "collector", values["collector"], "Inkassobureau"),
        "case_number": clean_line(Debt, "case_number", values["case_number"], "Sagsnummer"),
        "debt_type": values["debt_type"], "status": values["status"],
        "priority_class": str(priority),
        "principal_oere": _money(values["principal_oere"], "Hovedstolen", MAX_DEBT_OERE),
        "balance_oere": _money(values["balance_oere"], "Saldoen", MAX_DEBT_OERE),
        "balance_on": optional_date(values["balance_on"], "Saldo pr."),
        "interest_bp": interest,
        "fees_oere": _money(values["fees_oere"], "Gebyrerne", MAX_DEBT_OERE),
        "agreed_payment_oere": _money(values["agreed_payment_oere"], "Det aftalte afdrag",
                                      MAX_DEBT_OERE),
        "note": clean_note(values["note"]),
        **_age_values(values),
    }


def _age_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The debt's age: creation and due date, and how it was established."""
    created = optional_date(values["created_on"], "Stiftet")
    due = optional_date(values["due_on"], "Forfald")
    if created is not None and due is not None and due < created:
        raise InvalidInput("Forfaldsdagen kan ikke ligge før gælden er stiftet.")
    if values["established_by"] not in DebtBasis._value2member_map_:
        raise InvalidInput("Vælg fra listen, hvordan gælden er fastslået.")
    return {"created_on": created, "due_on": due, "established_by": values["established_by"]}


def create_debt(context: Context, citizen_id: int,
                new: DebtInput) -> Result[DebtRow]:
    values = _debt_values(asdict(new))
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        debt = Debt(citizen_id=citizen_id, **values)
        session.add(debt)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="debt",
                     entity_id=debt.id, citizen_id=citizen_id,
                     # No creditor or other free text: the log outlives a deleted citizen.
                     detail=f"Gæld oprettet: {format_dkk(debt.balance_oere)}")
        return Result(_debt_row(debt), economy_of(citizen_id))


def economy_of(citizen_id: int) -> Changes:
    """The citizen's economy changed: the sheet, its versions, debts or benefits."""
    return Changes.of(Kind.ECONOMY, citizen=citizen_id)


def _visible(session: Session, actor: Actor, model: type, row_id: int, what: str) -> Any:
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(f"{what} findes ikke længere.")
    require_citizen(session, actor, row.citizen_id)
    return row


def update_debt(context: Context, debt_id: int, expected_version: int,
                changes: Mapping[str, Any],
                original: Mapping[str, Any] | None = None) -> Result[DebtRow]:
    """Save ``changes`` (``DebtInput`` field names) made against ``expected_version``;
    ``EditConflict`` when someone changed the same fields meanwhile."""
    with context.session() as session:
        debt = _visible(session, context.actor, Debt, debt_id, "Gælden")
        diff = checked_edit(session, debt, expected_version, changes, original, DEBT_FIELDS,
                            _debt_values)
        if diff:
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity="debt",
                         entity_id=debt.id, citizen_id=debt.citizen_id,
                         detail="Gæld ændret: " + ", ".join(sorted(diff)))
        return Result(_debt_row(debt), economy_of(debt.citizen_id) if diff else NOTHING)


def delete_debt(context: Context, debt_id: int, expected_version: int) -> Result[None]:
    with context.session() as session:
        debt = _visible(session, context.actor, Debt, debt_id, "Gælden")
        require_version(debt, expected_version, "Gælden")
        audit.record(session, context.actor.login, audit.Action.DELETE, entity="debt",
                     entity_id=debt.id, citizen_id=debt.citizen_id,
                     detail="Gæld slettet")
        session.delete(debt)
        return Result(None, economy_of(debt.citizen_id))


# --- the limitation rules -----------------------------------------------------------------


def limitation_years(session: Session) -> dict[str, int]:
    """Debt basis → years of its limitation period (the team's table)."""
    return {row.basis: row.years for row in session.scalars(queries.limitation_rules())}


def limitation_rules(database: Database) -> list[LimitationRule]:
    """The rules with their source (team data, not a citizen's: no audit)."""
    with database.read_session() as session:
        return [LimitationRule(DebtBasis(row.basis), row.years, row.source)
                for row in session.scalars(queries.limitation_rules())
                if row.basis in DebtBasis._value2member_map_]


def save_limitation_rule(context: Context, basis: DebtBasis | str, years: int,
                         source: str) -> Result[LimitationRule]:
    """Change a limitation period (coordinators and admins), with its source."""
    require_coordinator(context.actor)
    basis = DebtBasis(basis)
    if not isinstance(years, int) or not 1 <= years <= 30:
        raise InvalidInput("Forældelsesfristen skal være 1–30 år.")
    text = clean_line(LimitationRuleRow, "source", source, "Kilde", required=True)
    with context.session() as session:
        row = session.scalar(queries.limitation_rule(basis.value))
        if row is None:
            row = LimitationRuleRow(basis=basis.value)
            session.add(row)
        row.years, row.source = years, text
        session.flush()
        audit.record(session, context.actor.login, audit.Action.UPDATE,
                     entity="limitation_rule", entity_id=row.id,
                     detail=f"Forældelse {basis.label}: {years} år (kilde: {text})")
        # Every citizen's debts are flagged by it.
        return Result(LimitationRule(basis, years, text),
                      Changes.of(Kind.CATALOGUE, Kind.ECONOMY))


# --- one-off benefits ---------------------------------------------------------------------


def _benefit_row(row: BenefitApplication) -> BenefitRow:
    return BenefitRow(id=row.id, version=row.version, citizen_id=row.citizen_id,
                      **{name: getattr(row, name) for name in BENEFIT_FIELDS})


def benefits_of(session: Session, citizen_id: int) -> list[BenefitRow]:
    rows = session.scalars(queries.benefits_of(citizen_id)).all()
    return [_benefit_row(row) for row in rows]


def list_benefits(context: Context, citizen_id: int) -> list[BenefitRow]:
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        rows = benefits_of(session, citizen_id)
        audit.record(session, context.actor.login, audit.Action.READ,
                     entity="benefit_application", citizen_id=citizen_id,
                     detail=f"Enkeltydelser vist ({len(rows)})")
    return rows


def _benefit_values(values: Mapping[str, Any]) -> dict[str, Any]:
    applied = optional_date(values["applied_on"], "Ansøgt den")
    if applied is None:
        raise InvalidInput("Angiv datoen for ansøgningen.")
    if values["status"] not in OneOffBenefitStatus._value2member_map_:
        raise InvalidInput("Vælg en status for ansøgningen fra listen.")
    decided = optional_date(values["decided_on"], "Afgørelse den")
    if decided is not None and decided < applied:
        raise InvalidInput("Afgørelsen kan ikke ligge før ansøgningen.")
    deadline = optional_date(values["appeal_deadline"], "Klagefrist")
    if deadline is not None and decided is not None and deadline < decided:
        raise InvalidInput("Klagefristen kan ikke ligge før afgørelsen.")
    return {
        "applied_on": applied,
        "purpose": clean_line(BenefitApplication, "purpose", values["purpose"], "Formål",
                              required=True),
        "legal_basis": clean_line(BenefitApplication, "legal_basis", values["legal_basis"],
                                  "Lovgrundlag"),
        "amount_applied_oere": _money(values["amount_applied_oere"], "Det ansøgte beløb",
                                      MAX_BENEFIT_OERE),
        "status": values["status"],
        "amount_granted_oere": _money(values["amount_granted_oere"], "Det bevilgede beløb",
                                      MAX_BENEFIT_OERE, allow_none=True),
        "decided_on": decided, "appeal_deadline": deadline,
        "note": clean_note(values["note"]),
    }


def create_benefit(context: Context, citizen_id: int,
                   new: BenefitInput) -> Result[BenefitRow]:
    values = _benefit_values(asdict(new))
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        row = BenefitApplication(citizen_id=citizen_id, **values)
        session.add(row)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.CREATE,
                     entity="benefit_application", entity_id=row.id, citizen_id=citizen_id,
                     detail="Enkeltydelse oprettet")
        return Result(_benefit_row(row), economy_of(citizen_id))


def update_benefit(context: Context, benefit_id: int, expected_version: int,
                   changes: Mapping[str, Any],
                   original: Mapping[str, Any] | None = None) -> Result[BenefitRow]:
    with context.session() as session:
        row = _visible(session, context.actor, BenefitApplication, benefit_id, "Ansøgningen")
        diff = checked_edit(session, row, expected_version, changes, original,
                            BENEFIT_FIELDS, _benefit_values)
        if diff:
            audit.record(session, context.actor.login, audit.Action.UPDATE,
                         entity="benefit_application", entity_id=row.id,
                         citizen_id=row.citizen_id,
                         detail="Enkeltydelse ændret: " + ", ".join(sorted(diff)))
        return Result(_benefit_row(row), economy_of(row.citizen_id) if diff else NOTHING)


def delete_benefit(context: Context, benefit_id: int,
                   expected_version: int) -> Result[None]:
    with context.session() as session:
        row = _visible(session, context.actor, BenefitApplication, benefit_id, "Ansøgningen")
        require_version(row, expected_version, "Ansøgningen")
        audit.record(session, context.actor.login, audit.Action.DELETE,
                     entity="benefit_application", entity_id=row.id, citizen_id=row.citizen_id,
                     detail="Enkeltydelse slettet")
        session.delete(row)
        return Result(None, economy_of(row.citizen_id))


# --- norm rates -----------------------------------------------------------------------------


def _rates_of(session: Session, year: int) -> dict[str, KindRates]:
    """``{kind: KindRates}`` for ``year`` (empty when the year has no rates)."""
    items: dict[str, dict[str, int]] = {}
    sources: dict[str, str] = {}
    for row in session.scalars(queries.norm_rates_of(year)):
        items.setdefault(row.norm_kind, {})[row.item] = row.amount_oere
        sources[row.norm_kind] = sources.get(row.norm_kind) or row.source
    return {kind: KindRates(year, values, sources.get(kind, ""))
            for kind, values in items.items()}


def year_rates(session: Session, year: int) -> YearRates:
    """The year's own rates, and per kind the nearest earlier year's (``rates``)."""
    earlier: dict[str, KindRates] = {}
    for kind in NormKind:
        nearest = session.scalar(queries.nearest_rates_year(year, kind.value))
        if nearest is not None:
            found = _rates_of(session, nearest).get(kind.value)
            if found is not None:
                earlier[kind.value] = found
    return YearRates(year=year, own=_rates_of(session, year), earlier=earlier)


def norm_rates(database: Database, year: int) -> list[NormRateRow]:
    """The rates table for ``year`` (team data, not a citizen's: no audit)."""
    with database.read_session() as session:
        rows = session.scalars(queries.norm_rates_of(year)).all()
        return [_rate_row(row) for row in rows if row.norm_kind in NormKind._value2member_map_]


def _rate_row(row: NormRate) -> NormRateRow:
    return NormRateRow(id=row.id, version=row.version, year=row.year,
                       kind=NormKind(row.norm_kind), item=row.item,
                       amount_oere=row.amount_oere, source=row.source)


def save_year_rates(context: Context, year: int, kind: NormKind | str,
                    amounts: Mapping[str, int], source: str) -> Result[list[NormRateRow]]:
    """Set a year's rates of one kind (every item, per month) with their source, all or
    nothing (coordinators and admins). A rate without a source is refused: the citizen's
    papers print where the norm comes from."""
    require_coordinator(context.actor)
    kind = NormKind(kind)
    if not 2000 <= year <= 2100:
        raise InvalidInput("Året skal ligge mellem 2000 og 2100.")
    if set(amounts) != set(NORM_ITEMS):
        raise InvalidInput("Angiv alle satser: første voksne, hver ekstra voksen og børn "
                           "efter alder.")
    text = clean_line(NormRate, "source", source, "Kilde", required=True)
    checked = {item: _money(amounts[item], "Satsen", MAX_BENEFIT_OERE) for item in NORM_ITEMS}
    with context.session() as session:
        rows = []
        for item in NORM_ITEMS:
            row = session.scalar(queries.norm_rate(year, kind.value, item))
            if row is None:
                row = NormRate(year=year, norm_kind=kind.value, item=item)
                session.add(row)
            row.amount_oere, row.source = checked[item], text
            rows.append(row)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="norm_rate",
                     detail=f"Satser {kind.label} {year} gemt (kilde: {text})")
        # Team data, and every citizen's norm for the year (or a later one) uses it.
        return Result([_rate_row(row) for row in rows],
                      Changes.of(Kind.CATALOGUE, Kind.ECONOMY))


# --- the item list --------------------------------------------------------------------------


def _item_row(row: EconomyItem) -> ItemRow:
    return ItemRow(id=row.id, version=row.version, section=EconomySection(row.section),
                   category=row.category, label=row.label, position=row.position,
                   active=row.active)


def list_items(database: Database, *, include_inactive: bool = False) -> list[ItemRow]:
    """The items the sheet offers, income first, in list order."""
    with database.read_session() as session:
        query = queries.items_in_list_order(include_inactive=include_inactive)
        return [_item_row(row) for row in session.scalars(query)]


def add_item(context: Context, section: EconomySection | str,
             label: str) -> Result[ItemRow]:
    """Add a free item to the list (coordinators and admins)."""
    require_coordinator(context.actor)
    section = EconomySection(section)
    text = clean_line(EconomyItem, "label", label, "Post", required=True)
    with context.session() as session:
        if session.scalar(queries.item_named(section.value, text)):
            raise InvalidInput(f"»{text}« findes allerede under {section.label.lower()}.")
        last = session.scalar(queries.last_item_position(section.value)) or 0
        row = EconomyItem(section=section.value, label=text, position=last + 1, active=True)
        session.add(row)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="economy_item",
                     entity_id=row.id, detail=f"Post tilføjet: {text}")
        return Result(_item_row(row), Changes.of(Kind.CATALOGUE))


def update_item(context: Context, item_id: int, expected_version: int,
                *, label: str | None = None, active: bool | None = None) -> Result[ItemRow]:
    require_coordinator(context.actor)
    with context.session() as session:
        row = session.get(EconomyItem, item_id)
        if row is None:
            raise NotFound("Posten findes ikke længere.")
        require_version(row, expected_version, "Posten")
        if label is not None:
            row.label = clean_line(EconomyItem, "label", label, "Post", required=True)
        if active is not None:
            row.active = bool(active)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="economy_item",
                     entity_id=row.id, detail=f"Post ændret: {row.label}")
        return Result(_item_row(row), Changes.of(Kind.CATALOGUE))


