"""Yearly sheets in the database: load, save (all or nothing), copy, versions, summary.

One overview row per citizen and year carries the version counter; saving replaces the
sheet's lines in the same transaction, so a sheet is never half saved, and a save made
against an older version raises ``StaleEdit`` instead of overwriting a colleague's work.
Each explicit save, export, import and restore also records an ``EconomySnapshot``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from mentordesk import audit
from mentordesk.domain.economy import (
    MAX_ADULTS,
    EconomySection,
    Frequency,
    NormKind,
    Person,
)
from mentordesk.domain.money import format_dkk
from mentordesk.economy import service_records
from mentordesk.economy.debt_age import possibly_time_barred
from mentordesk.economy.payload import (
    PAYLOAD_VERSION,
    benefit_from_dict,
    benefit_to_dict,
    debt_from_dict,
    debt_to_dict,
    sheet_from_dict,
    sheet_to_dict,
)
from mentordesk.economy.rates import RatesChoice, choose_rates
from mentordesk.economy.records import (
    BenefitRow,
    DebtRow,
    EconomySummary,
    SnapshotContent,
    SnapshotInfo,
    plan_debts,
    public_debt_ids,
)
from mentordesk.economy.repayment import plan_repayment
from mentordesk.economy.service_records import economy_of
from mentordesk.economy.sheet import MONTHS, Sheet, SheetLine, compute_totals
from mentordesk.errors import InvalidInput, NotFound, StaleEdit
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Result
from mentordesk.kernel.cleaning import NOTE_LIMIT, clean_text, column_limit
from mentordesk.kernel.context import Context
from mentordesk.storage.models import (
    MONTH_COLUMNS,
    Citizen,
    EconomyLine,
    EconomyOverview,
    EconomySnapshot,
    User,
)
from mentordesk.storage.queries import economy as queries

MAX_LINES = 400
# 10 mio. kr. in one month on one line is a typing slip, not a citizen's budget.
MAX_MONTH_OERE = 1_000_000_000
MAX_CHILDREN = 20
_ENTITY = "economy_overview"


# --- reading ------------------------------------------------------------------------------


def find_overview(session: Session, citizen_id: int, year: int) -> EconomyOverview | None:
    return session.scalar(queries.overview_of(citizen_id, year))


def _sheet_of(session: Session, citizen_id: int, year: int) -> Sheet:
    overview = find_overview(session, citizen_id, year)
    if overview is None:
        return Sheet(citizen_id=citizen_id, year=year)
    rows = session.scalars(queries.lines_of(overview.id)).all()
    lines = [SheetLine(section=EconomySection(row.section), label=row.label,
                       months=tuple(row.month_amounts()),
                       category=row.category, person=Person(row.person),
                       frequency=_known_frequency(row.frequency),
                       amount_oere=row.amount_oere, first_month=row.first_month,
                       note=row.note, line_id=row.id, norm_covered=row.norm_covered,
                       debt_id=row.debt_id) for row in rows]
    return Sheet(citizen_id=citizen_id, year=year, lines=tuple(lines),
                 adults=overview.adults, children_0_1=overview.children_0_1,
                 children_2_6=overview.children_2_6, children_7_17=overview.children_7_17,
                 norm_kind=_known_norm(overview.norm_kind), note=overview.note,
                 version=overview.version, rates_year=overview.rates_year).ordered()


def _known_frequency(code: str) -> Frequency:
    return Frequency(code) if code in Frequency._value2member_map_ else Frequency.VARIES


def _known_norm(code: str) -> NormKind:
    return NormKind(code) if code in NormKind._value2member_map_ \
        else NormKind.DISPOSABLE_AMOUNT


def load_sheet(context: Context, citizen_id: int, year: int) -> Sheet:
    """The citizen's sheet for ``year``; an empty one (``version`` 0) if none is saved."""
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        sheet = _sheet_of(session, citizen_id, year)
        audit.record(session, context.actor.login, audit.Action.READ, entity=_ENTITY,
                     citizen_id=citizen_id, detail=f"Økonomisk overblik {year} vist")
    return sheet


def copy_last_year(context: Context, citizen_id: int, year: int) -> Sheet:
    """A start for ``year``: last year's lines and household, NOT saved (the editor shows
    it; saving stores it). One-off lines are left out: they do not come again. The result
    carries the current version of ``year`` (0 if none), so saving it is checked as usual."""
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        previous = _sheet_of(session, citizen_id, year - 1)
        current = find_overview(session, citizen_id, year)
        if not previous.lines:
            raise InvalidInput(f"Der er intet økonomisk overblik for {year - 1} at kopiere.")
        audit.record(session, context.actor.login, audit.Action.READ, entity=_ENTITY,
                     citizen_id=citizen_id,
                     detail=f"Økonomisk overblik {year - 1} kopieret som start på {year}")
    lines = tuple(replace(line, line_id=None) for line in previous.lines
                  if line.frequency is not Frequency.ONCE)
    # Last year's confirmed use of older rates is no answer for this year: ask again.
    return replace(previous, year=year, lines=lines, rates_year=None,
                   version=current.version if current else 0)


# --- saving -------------------------------------------------------------------------------


def check_sheet(sheet: Sheet) -> Sheet:
    """The sheet as it will be stored, or ``InvalidInput`` naming the first problem."""
    if len(sheet.lines) > MAX_LINES:
        raise InvalidInput(f"Overblikket må højst have {MAX_LINES} linjer.")
    if not isinstance(sheet.adults, int) or not 1 <= sheet.adults <= MAX_ADULTS:
        raise InvalidInput(f"Husstanden skal have 1–{MAX_ADULTS} voksne.")
    if sheet.rates_year is not None and not (isinstance(sheet.rates_year, int)
                                             and 2000 <= sheet.rates_year < sheet.year):
        raise InvalidInput("Satserne kan kun lånes fra et tidligere år.")
    for count in (sheet.children_0_1, sheet.children_2_6, sheet.children_7_17):
        if not isinstance(count, int) or not 0 <= count <= MAX_CHILDREN:
            raise InvalidInput(f"Antal børn skal være 0–{MAX_CHILDREN}.")
    lines = tuple(_check_line(number, line)
                  for number, line in enumerate(sheet.ordered().lines, start=1))
    return replace(sheet, lines=lines, note=clean_text(sheet.note, "Note", NOTE_LIMIT))


def _check_line(number: int, line: SheetLine) -> SheetLine:
    where = f"Linje {number}"
    label = clean_text(line.label, f"{where}: Post",
                       column_limit(EconomyLine, "label"), required=True)
    category = clean_text(line.category, f"{where}: Kode",
                          column_limit(EconomyLine, "category"))
    if not 1 <= line.first_month <= MONTHS:
        raise InvalidInput(f"{where} ({label}): første måned skal være 1–12.")
    for amount in (*line.months, line.amount_oere):
        if not isinstance(amount, int) or isinstance(amount, bool):
            raise InvalidInput(f"{where} ({label}): beløbene skal være i hele øre.")
        if abs(amount) > MAX_MONTH_OERE:
            raise InvalidInput(f"{where} ({label}): et beløb må højst være "
                               f"{format_dkk(MAX_MONTH_OERE)} om måneden.")
    return replace(line, label=label, category=category,
                   note=clean_text(line.note, f"{where}: Note", NOTE_LIMIT))


def save_sheet(context: Context, citizen_id: int, year: int,
               expected_version: int, sheet: Sheet, *, reason: str = "save") -> Result[Sheet]:
    """Store ``sheet`` as the citizen's sheet for ``year``, all or nothing.

    ``expected_version`` is the version the user loaded (0: there was none). If someone
    saved meanwhile, ``StaleEdit`` and nothing changes. Records a snapshot (``reason``).
    Returns the sheet as saved (new version, line ids).
    """
    checked = check_sheet(replace(sheet, citizen_id=citizen_id, year=year))
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        saved = store_sheet(session, citizen_id, year, expected_version, checked)
        record_snapshot(session, context.actor, saved, reason)
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity=_ENTITY,
                     entity_id=None, citizen_id=citizen_id,
                     detail=f"Økonomisk overblik {year} gemt ({len(saved.lines)} linjer, "
                            f"{_REASONS.get(reason, reason)})")
    return Result(saved, economy_of(citizen_id))

_REASONS = {"save": "gemt", "import": "indlæst fra regneark", "restore": "gendannet",
            "export": "eksporteret"}


def store_sheet(session: Session, citizen_id: int, year: int, expected_version: int,
                sheet: Sheet) -> Sheet:
    """Write a checked sheet in the caller's transaction (shared by save, import, restore)."""
    # Before any row changes: the query would flush a half-made overview (a second version).
    _check_debt_links(session, citizen_id, sheet)
    overview = find_overview(session, citizen_id, year)
    if overview is None:
        if expected_version != 0:
            raise StaleEdit("Overblikket er slettet af en anden i mellemtiden.")
        overview = EconomyOverview(citizen_id=citizen_id, year=year)
        session.add(overview)
    elif overview.version != expected_version:
        raise StaleEdit(f"Overblikket for {year} er gemt af en anden, mens du redigerede. "
                        "Hent det igen, og indtast dine ændringer på ny.")
    overview.adults = sheet.adults
    overview.children_0_1 = sheet.children_0_1
    overview.children_2_6 = sheet.children_2_6
    overview.children_7_17 = sheet.children_7_17
    overview.norm_kind = sheet.norm_kind.value
    overview.note = sheet.note
    overview.rates_year = sheet.rates_year
    # The version must move even when only lines changed: a colleague's stale save of the
    # lines must be refused too.
    flag_modified(overview, "note")
    session.flush()
    session.execute(queries.delete_lines(overview.id))
    session.add_all(_line_row(overview.id, position, line)
                    for position, line in enumerate(sheet.lines))
    session.flush()
    return _sheet_of(session, citizen_id, year)


def _own_debt_ids(session: Session, citizen_id: int) -> set[int]:
    return {debt.id for debt in service_records.debts_of(session, citizen_id)}


def _check_debt_links(session: Session, citizen_id: int, sheet: Sheet) -> None:
    """A line may only pay an instalment on one of the citizen's own debts."""
    own = _own_debt_ids(session, citizen_id)
    for line in sheet.lines:
        if line.debt_id is not None and line.debt_id not in own:
            raise InvalidInput(f"»{line.label}« er knyttet til en gæld, som borgeren ikke "
                               "har (længere). Vælg gælden igen.")


def without_foreign_debt_links(session: Session, citizen_id: int, sheet: Sheet) -> Sheet:
    """A file from another citizen, or a version older than a deleted debt, may link lines
    to debts this citizen does not have: such a line keeps its amounts, not the link."""
    own = _own_debt_ids(session, citizen_id)
    return replace(sheet, lines=tuple(
        line if line.debt_id is None or line.debt_id in own else replace(line, debt_id=None)
        for line in sheet.lines))


def _line_row(overview_id: int, position: int, line: SheetLine) -> EconomyLine:
    return EconomyLine(overview_id=overview_id, position=position, section=line.section.value,
                       category=line.category, label=line.label, person=line.person.value,
                       frequency=line.frequency.value, amount_oere=line.amount_oere,
                       first_month=line.first_month, note=line.note,
                       norm_covered=line.norm_covered, debt_id=line.debt_id,
                       **dict(zip(MONTH_COLUMNS, line.months, strict=True)))


# --- versions -------------------------------------------------------------------------------


def record_snapshot(session: Session, actor: Actor, sheet: Sheet, reason: str) -> int:
    """Store the sheet with the citizen's debts and benefits as a version (JSON)."""
    return _store_snapshot(session, actor, sheet, _snapshot_payload(session, sheet), reason)


def record_shown_snapshot(session: Session, actor: Actor, shown: EconomySummary,
                          reason: str) -> int:
    """Store exactly what a file showed (read earlier, in a read transaction) as a version:
    a colleague's edit since then is not what was handed out."""
    payload = _payload(shown.sheet, shown.debts, shown.benefits)
    return _store_snapshot(session, actor, shown.sheet, payload, reason)


def _store_snapshot(session: Session, actor: Actor, sheet: Sheet, payload: str,
                    reason: str) -> int:
    row = EconomySnapshot(citizen_id=sheet.citizen_id, year=sheet.year,
                          author_id=actor.user_id or None, reason=reason, payload=payload)
    session.add(row)
    session.flush()
    return row.id


def _snapshot_payload(session: Session, sheet: Sheet) -> str:
    return _payload(sheet, service_records.debts_of(session, sheet.citizen_id),
                    service_records.benefits_of(session, sheet.citizen_id))


def _payload(sheet: Sheet, debts: Sequence[DebtRow], benefits: Sequence[BenefitRow]) -> str:
    payload = {"format": PAYLOAD_VERSION, "sheet": sheet_to_dict(sheet),
               "debts": [debt_to_dict(debt) for debt in debts],
               "benefits": [benefit_to_dict(benefit) for benefit in benefits]}
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)


def snapshot_if_missing(session: Session, actor: Actor, citizen_id: int,
                        year: int) -> int | None:
    """Before an import replaces a stored year: make sure its current content is a
    version. Returns the new snapshot's id, or None when the newest version already
    holds exactly this content (or nothing is stored for the year)."""
    if find_overview(session, citizen_id, year) is None:
        return None
    current = _sheet_of(session, citizen_id, year)
    payload = _snapshot_payload(session, current)
    newest = session.scalar(queries.newest_snapshot_payload(citizen_id, year))
    if newest == payload:
        return None
    # "save": it is the saved content, as ``take_snapshot`` records it.
    return record_snapshot(session, actor, current, "save")


def take_snapshot(context: Context, citizen_id: int, year: int,
                  reason: str = "save") -> Result[SnapshotInfo]:
    """Record the stored sheet as a version now (e.g. before printing)."""
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        snapshot_id = record_snapshot(session, context.actor, _sheet_of(session, citizen_id, year),
                                      reason)
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="economy_snapshot",
                     entity_id=snapshot_id, citizen_id=citizen_id,
                     detail=f"Version af økonomisk overblik {year} gemt")
        return Result(_info(session, session.get_one(EconomySnapshot, snapshot_id)),
                      economy_of(citizen_id))


def _info(session: Session, row: EconomySnapshot,
          payload: dict[str, Any] | None = None) -> SnapshotInfo:
    payload = payload if payload is not None else json.loads(row.payload)
    sheet = sheet_from_dict(row.citizen_id, payload["sheet"])
    totals = compute_totals(sheet)
    author = session.get(User, row.author_id) if row.author_id else None
    return SnapshotInfo(id=row.id, citizen_id=row.citizen_id, year=row.year,
                        taken_at=row.taken_at, author=author.full_name if author else "",
                        reason=row.reason, line_count=len(sheet.lines),
                        income_year_oere=totals.income_year,
                        expense_year_oere=totals.expense_year)


def list_snapshots(context: Context, citizen_id: int,
                   year: int) -> list[SnapshotInfo]:
    """The year's saved versions, newest first."""
    # Every version's totals are computed: read without holding other writers up.
    with context.read() as session:
        require_citizen(session, context.actor, citizen_id)
        rows = session.scalars(queries.snapshots_of(citizen_id, year)).all()
        infos = [_info(session, row) for row in rows]
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.LIST, entity="economy_snapshot",
                     citizen_id=citizen_id,
                     detail=f"Versioner af økonomisk overblik {year} vist ({len(infos)})")
    return infos


def _visible_snapshot(session: Session, actor: Actor, snapshot_id: int) -> EconomySnapshot:
    row = session.get(EconomySnapshot, snapshot_id)
    if row is None:
        raise NotFound("Versionen findes ikke.")
    require_citizen(session, actor, row.citizen_id)
    return row


def load_snapshot(context: Context, snapshot_id: int) -> SnapshotContent:
    """What a version holds: the sheet, the debts and the benefits as they were."""
    with context.session() as session:
        row = _visible_snapshot(session, context.actor, snapshot_id)
        payload = json.loads(row.payload)
        content = SnapshotContent(
            info=_info(session, row, payload),
            sheet=sheet_from_dict(row.citizen_id, payload["sheet"]),
            debts=tuple(debt_from_dict(row.citizen_id, d) for d in payload["debts"]),
            benefits=tuple(benefit_from_dict(row.citizen_id, b)
                           for b in payload["benefits"]))
        audit.record(session, context.actor.login, audit.Action.READ, entity="economy_snapshot",
                     entity_id=row.id, citizen_id=row.citizen_id,
                     detail=f"Version af økonomisk overblik {row.year} vist")
    return content


def restore_snapshot(context: Context, snapshot_id: int,
                     expected_version: int) -> Result[Sheet]:
    """Make a version's sheet the current one (debts and benefits are kept as they are:
    they have their own edit history). Checked against ``expected_version`` like a save."""
    with context.session() as session:
        row = _visible_snapshot(session, context.actor, snapshot_id)
        payload = json.loads(row.payload)
        sheet = without_foreign_debt_links(session, row.citizen_id, check_sheet(
            sheet_from_dict(row.citizen_id, payload["sheet"])))
        saved = store_sheet(session, row.citizen_id, row.year, expected_version, sheet)
        record_snapshot(session, context.actor, saved, "restore")
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity=_ENTITY,
                     citizen_id=row.citizen_id,
                     detail=f"Økonomisk overblik {row.year} gendannet fra version "
                            f"{row.taken_at:%d-%m-%Y %H:%M} (UTC)")
    return Result(saved, economy_of(saved.citizen_id))


# --- summary --------------------------------------------------------------------------------


def summary(context: Context, citizen_id: int, year: int, *,
            action: audit.Action = audit.Action.READ, detail: str = "") -> EconomySummary:
    """Everything about the year: sheet, totals, norm, debts, plan and benefits."""
    with context.read() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        result = summary_in(session, citizen, year)
    with context.session() as session:
        audit.record(session, context.actor.login, action, entity=_ENTITY, citizen_id=citizen_id,
                     detail=detail or f"Økonomisk overblik {year}: opsummering vist")
    return result


def summary_in(session: Session, citizen: Citizen, year: int,
               sheet: Sheet | None = None, *, today: date | None = None) -> EconomySummary:
    """The summary inside the caller's transaction (no audit: the caller records).
    ``today`` (default: the real date) dates the limitation check of the debts."""
    sheet = sheet or _sheet_of(session, citizen.id, year)
    rates = service_records.year_rates(session, year)
    norm = choose_rates(sheet, rates).norm(sheet)
    debts = service_records.debts_of(session, citizen.id)
    totals = compute_totals(sheet, norm, public_debt_ids(debts))
    plan = plan_repayment(totals.available_for_debt, plan_debts(debts, sheet))
    return EconomySummary(
        citizen_id=citizen.id, citizen_name=_shown_name(citizen),
        citizen_initials=_initials(citizen), sheet=sheet, totals=totals, plan=plan,
        debts=tuple(debts), benefits=tuple(service_records.benefits_of(session, citizen.id)),
        rates=rates, possibly_time_barred=_time_barred(session, debts, today or date.today()))


def _time_barred(session: Session, debts: Sequence[DebtRow], today: date) -> tuple[int, ...]:
    rules = service_records.limitation_years(session)
    return tuple(debt.id for debt in debts if possibly_time_barred(
        debt.created_on, debt.due_on, debt.established_by, rules, today))


def _shown_name(citizen: Citizen) -> str:
    if citizen.is_anonymous or not (citizen.first_name or citizen.last_name):
        return citizen.alias or f"Borger {citizen.id}"
    return f"{citizen.first_name} {citizen.last_name}".strip()


def _initials(citizen: Citizen) -> str:
    """Alias for an anonymous citizen, else initials: what a file the citizen takes home
    may carry in its header."""
    if citizen.is_anonymous or not (citizen.first_name or citizen.last_name):
        return citizen.alias or f"Borger {citizen.id}"
    parts = f"{citizen.first_name} {citizen.last_name}".split()
    return ".".join(part[0].upper() for part in parts if part) + "."


def summary_json(result: EconomySummary) -> dict[str, Any]:
    """The figures as ``economy summary --json`` prints them: all amounts in øre."""
    totals, plan = result.totals, result.plan
    return {
        "citizen_id": result.citizen_id, "year": result.year,
        "version": result.sheet.version,
        "household": {"adults": result.sheet.adults,
                      "children_0_1": result.sheet.children_0_1,
                      "children_2_6": result.sheet.children_2_6,
                      "children_7_17": result.sheet.children_7_17,
                      "norm_kind": result.sheet.norm_kind.value},
        "rates": _rates_json(result.rates_choice),
        "lines": [{"section": line.section.value, "label": line.label,
                   "months": list(line.months), "year_total": line.year_total,
                   "monthly_average": line.monthly_average,
                   "norm_covered": line.norm_covered, "debt_id": line.debt_id}
                  for line in result.sheet.lines],
        "income": _row(totals.income, totals.income_year, totals.income_average),
        "expense": _row(totals.expense, totals.expense_year, totals.expense_average),
        "disposable": _row(totals.disposable, totals.disposable_year,
                           totals.disposable_average),
        "disposable_per_day": {"months": list(totals.disposable_per_day),
                               "average": totals.disposable_per_day_average},
        "running_balance": list(totals.running_balance),
        "deficit_months": list(totals.deficit_months),
        "norm_month": totals.norm_month,
        # The public method beside the budget above: income − norm − deducted groups.
        "ability_to_pay": {
            **_row(totals.ability, totals.ability_year, totals.ability_average),
            "deductions": {group.value: _row(months, sum(months), totals.group_average(group))
                           for group, months in totals.groups.items()}},
        "plan": {"available": plan.available_oere, "pool": plan.pool_oere,
                 "token": plan.token_oere, "priority": plan.priority_oere,
                 "rest": plan.rest_oere, "total": plan.total_oere,
                 "token_only": plan.token_only, "shortfall": plan.shortfall_oere,
                 "priority_covered": plan.priority_covered,
                 "shares": [{"debt_id": share.key, "creditor": share.creditor,
                             "priority": share.is_priority,
                             "priority_class": share.priority_class.value,
                             "status": share.status, "balance": share.balance_oere,
                             "payment": share.payment_oere, "kind": share.kind.value,
                             "payoff_months": share.payoff_months}
                            for share in plan.shares],
                 "conflicts": [{"debt_id": conflict.key, "creditor": conflict.creditor,
                                "agreed": conflict.agreed_oere,
                                "payment": conflict.payment_oere}
                               for conflict in plan.conflicts]},
        "debts": {"count": len(result.debts),
                  "balance": sum(debt.balance_oere for debt in result.debts),
                  "possibly_time_barred": list(result.possibly_time_barred)},
        "benefits": {"count": len(result.benefits),
                     "applied": sum(b.amount_applied_oere for b in result.benefits),
                     "granted": sum(b.amount_granted_oere or 0 for b in result.benefits)},
    }


def _rates_json(choice: RatesChoice) -> dict[str, Any]:
    """Which rates the norm uses: their year and source, or that the year has none."""
    used, offered = choice.used, choice.offered
    return {"kind": choice.kind.value, "year": used.year if used else None,
            "source": used.source if used else "", "label": choice.label,
            "missing": choice.missing, "offered_year": offered.year if offered else None}


def _row(months: tuple[int, ...], year_total: int, average: int) -> dict[str, Any]:
    return {"months": list(months), "year": year_total, "average": average}


def saved_years(context: Context, citizen_id: int) -> list[int]:
    """The years the citizen has a saved sheet for, newest first (for a year picker)."""
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        years = list(session.scalars(queries.years_with_sheet(citizen_id)))
        audit.record(session, context.actor.login, audit.Action.LIST, entity=_ENTITY,
                     citizen_id=citizen_id, detail="Årene med økonomisk overblik vist")
    return years
