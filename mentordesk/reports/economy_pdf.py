"""The economy overview printed for the citizen: key figures, the year in two half-year
tables (twelve month columns do not fit a readable A4 page), the items' year totals,
the debts with the repayment plan, and the one-off benefits.

Built with the shared toolkit (``mentordesk.pdf.toolkit``): embedded font, escaped user text.
reportlab is heavy: import this module inside the print action.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm

from mentordesk import audit
from mentordesk.domain.dates import format_date
from mentordesk.domain.economy import (
    DEDUCTED_GROUPS,
    POSSIBLY_TIME_BARRED,
    BudgetGroup,
    DebtType,
    OneOffBenefitStatus,
)
from mentordesk.domain.money import format_dkk
from mentordesk.economy.records import EconomySummary, public_debt_ids
from mentordesk.economy.repayment import RepaymentPlan, ShareKind
from mentordesk.economy.sheet import MONTH_NAMES, SheetLine, budget_group
from mentordesk.files import write_atomically
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.context import Context
from mentordesk.pdf.toolkit import PdfMeta, build_pdf, content_width, data_table, para
from mentordesk.storage.database import TEAM_NAME_KEY

# Full month names wrap in a half-year table's narrow columns.
_SHORT_MONTHS = ("Jan.", "Feb.", "Marts", "April", "Maj", "Juni", "Juli", "Aug.", "Sep.",
                 "Okt.", "Nov.", "Dec.")


def _kr(oere: int) -> str:
    return format_dkk(oere, with_unit=False)


def economy_pdf_bytes(result: EconomySummary, team_name: str, printed_at: datetime) -> bytes:
    """The PDF for ``result`` (no database)."""
    sheet = result.sheet
    title = f"Økonomisk overblik {sheet.year}"
    story = [para(title, "title"), para(f"{result.citizen_name} · {_household(result)}")]
    if sheet.note:
        story.append(para(sheet.note, "small"))
    story += _rates_warning(result)
    story += [para("Nøgletal", "heading"), _key_figures(result)]
    story += _ability_workings(result)
    for first, last, heading in ((0, 6, "Januar–juni"), (6, 12, "Juli–december")):
        story += [para(heading, "heading"), _half_year(result, first, last)]
    story += [para("Posterne for hele året", "heading"), _year_items(result)]
    story += _debts(result) + _benefits(result)
    meta = PdfMeta(title=f"{title} – {result.citizen_initials}", team_name=team_name,
                   printed_at=printed_at, subject="Økonomisk overblik")
    return build_pdf(story, meta)


def _household(result: EconomySummary) -> str:
    sheet = result.sheet
    adults = "1 voksen" if sheet.adults == 1 else f"{sheet.adults} voksne"
    children = sheet.children
    kids = "ingen børn" if not children else f"{children} barn" if children == 1 \
        else f"{children} børn"
    choice = result.rates_choice
    rates = f", {choice.label}" if choice.label else ""
    source = f" (kilde: {choice.used.source})" if choice.used and choice.used.source else ""
    return f"Husstand: {adults}, {kids} · Norm: {sheet.norm_kind.label}{rates}{source}"


def _rates_warning(result: EconomySummary) -> list[object]:
    """A year without rates says so plainly: its norm is 0, not another year's figures."""
    choice = result.rates_choice
    if choice.used is not None:
        return []
    return [para(f"Der er ingen satser for {result.year}: rådighedsbeløbet er ikke trukket "
                 "fra, så betalingsevnen er for høj. En administrator skal indtaste årets "
                 "satser med kilde (eller brugeren bekræfte et tidligere års satser).")]


def _key_figures(result: EconomySummary) -> object:
    t = result.totals
    deficit = ", ".join(MONTH_NAMES[m - 1].lower() for m in t.deficit_months) or "ingen"
    rows = [
        ("Indtægter", _kr(t.income_year), _kr(t.income_average)),
        ("Udgifter", _kr(t.expense_year), _kr(t.expense_average)),
        ("Rådighedsbeløb (budget, faktiske poster)", _kr(t.disposable_year),
         _kr(t.disposable_average)),
        ("Rådighedsbeløb pr. dag (gns.)", "", _kr(t.disposable_per_day_average)),
        ("Måneder med underskud", deficit, ""),
        ("Betalingsevne (offentlig metode)", _kr(t.ability_year), _kr(t.ability_average)),
    ]
    width = content_width()
    return data_table(("", "Året, kr.", "Pr. måned, kr."), rows,
                      col_widths=(width * 0.46, width * 0.27, width * 0.27), align_right=(1, 2))


def _ability_workings(result: EconomySummary) -> list[object]:
    """The ability to pay by the public method, line by line, beside the budget: why the
    two differ (the norm stands in for the items it covers; instalments the plan pays are
    counted there)."""
    t = result.totals
    rows = [("Nettoindkomst", _kr(t.income_year), _kr(t.income_average)),
            (f"− Rådighedsbeløb ({_norm_name(result)})", _kr(t.norm_month * 12),
             _kr(t.norm_month))]
    rows += [(f"− {group.label}", _kr(t.group_year(group)), _kr(t.group_average(group)))
             for group in DEDUCTED_GROUPS]
    rows.append(("= Betalingsevne", _kr(t.ability_year), _kr(t.ability_average)))
    left_out = [(f"Ikke fratrukket: {group.label.lower()}", _kr(_group_year(result, group)),
                 "") for group in (BudgetGroup.COVERED, BudgetGroup.INSTALMENT)
                if _group_year(result, group)]
    width = content_width()
    return [para("Betalingsevne efter den offentlige metode", "heading"),
            para("Nettoindkomst minus rådighedsbeløbet for husstanden, bolig, bidrag, "
                 "dokumenterede særlige udgifter og afdrag på offentlig gæld. Poster, som "
                 "rådighedsbeløbet dækker, trækkes ikke fra igen; afdrag, som afdragsplanen "
                 "betaler, tælles kun én gang.", "small"),
            data_table(("", "Året, kr.", "Pr. måned, kr."), rows + left_out,
                       col_widths=(width * 0.46, width * 0.27, width * 0.27),
                       align_right=(1, 2))]


def _norm_name(result: EconomySummary) -> str:
    label = result.rates_choice.label
    return f"{result.sheet.norm_kind.label}, {label}" if label else result.sheet.norm_kind.label


def _group_year(result: EconomySummary, group: BudgetGroup) -> int:
    """The year's expense lines of ``group`` (also those the ability to pay leaves out)."""
    public = public_debt_ids(result.debts)
    return sum(line.year_total for line in result.sheet.expense_lines
               if budget_group(line, public) is group)


def _half_year(result: EconomySummary, first: int, last: int) -> object:
    t = result.totals
    months = range(first, last)

    def amounts(values: tuple[int, ...]) -> list[str]:
        return [_kr(values[m]) for m in months]

    rows: list[list[str]] = [["Indtægter", *[""] * len(months)]]
    rows += [[_line_name(line), *amounts(line.months)] for line in result.sheet.income_lines]
    rows.append(["Indtægter i alt", *amounts(t.income)])
    rows.append(["Udgifter", *[""] * len(months)])
    rows += [[_line_name(line), *amounts(line.months)] for line in result.sheet.expense_lines]
    rows.append(["Udgifter i alt", *amounts(t.expense)])
    rows.append(["Rådighedsbeløb", *amounts(t.disposable)])
    rows.append(["Pr. dag", *amounts(t.disposable_per_day)])
    rows.append(["Saldo (løbende)", *amounts(t.running_balance)])
    rows.append(["Betalingsevne", *amounts(t.ability)])
    width = content_width()
    label_width = 46 * mm
    month_width = (width - label_width) / len(months)
    return data_table(("Post (kr.)", *(_SHORT_MONTHS[m] for m in months)), rows,
                      col_widths=(label_width, *[month_width] * len(months)),
                      align_right=tuple(range(1, len(months) + 1)))


def _line_name(line: SheetLine) -> str:
    return f"  {line.label}"


def _year_items(result: EconomySummary) -> object:
    rows = [(line.label, line.section.label, line.frequency.label, _kr(line.year_total),
             _kr(line.monthly_average), _short_note(line.note)) for line in result.sheet.lines]
    width = content_width()
    return data_table(("Post", "Afsnit", "Hyppighed", "I alt, kr.", "Gns./md., kr.", "Note"),
                      rows, col_widths=(width * 0.24, width * 0.13, width * 0.13,
                                        width * 0.14, width * 0.14, width * 0.22),
                      align_right=(3, 4))


def _short_note(note: str, limit: int = 300) -> str:
    """A table cell cannot split across pages: a long note (the workbook has all of it)
    is cut so the row always fits on one page."""
    return note if len(note) <= limit else note[:limit].rstrip() + " …"


def _debts(result: EconomySummary) -> list[object]:
    if not result.debts:
        return []
    plan = result.plan
    by_key = {debt.id: debt for debt in result.debts}
    rows = []
    for share in plan.shares:
        debt = by_key[share.key]
        payoff = "–" if share.payoff_months is None else f"{share.payoff_months} mdr."
        kind = "" if share.kind is ShareKind.PRO_RATA else share.kind.label
        rows.append((debt.creditor, f"{DebtType(debt.debt_type).label}: "
                     f"{debt.priority_label}",
                     debt.status_label, _kr(debt.balance_oere),
                     _kr(share.payment_oere), payoff, kind))
    width = content_width()
    story: list[object] = [para("Gæld og afdragsplan", "heading"), para(
        f"Til afdrag pr. måned: {format_dkk(plan.pool_oere)} (betalingsevnen, "
        f"hele kroner). Prioriteret gæld: {format_dkk(plan.priority_oere)}; øvrig gæld "
        f"fordeles efter saldo: {format_dkk(plan.rest_oere)}")]
    story.extend(_shortfall_text(plan))
    story.extend(_time_barred_text(result))
    story.extend(para(f"Konflikt: aftalen med {conflict.creditor} er på "
                      f"{format_dkk(conflict.agreed_oere)} om måneden, men planen kan kun "
                      f"betale {format_dkk(conflict.payment_oere)} – aftalen er ikke "
                      "nedsat; mentor og borger skal tage stilling til den.")
                 for conflict in plan.conflicts)
    story.append(data_table(
        ("Kreditor", "Type og prioritet", "Status", "Saldo, kr.", "Afdrag, kr.",
         "Afbetalt om", ""),
        rows, col_widths=(width * 0.18, width * 0.22, width * 0.14, width * 0.13,
                          width * 0.12, width * 0.09, width * 0.12), align_right=(3, 4, 5)))
    return story


def _time_barred_text(result: EconomySummary) -> list[object]:
    """Each debt past its limitation period, with what the flag is counted from."""
    story: list[object] = []
    for debt in result.debts:
        if debt.id in result.possibly_time_barred:
            start = debt.due_on or debt.created_on
            since = "forfald" if debt.due_on else "stiftet"
            story.append(para(
                f"{debt.creditor}: {POSSIBLY_TIME_BARRED} ({since} "
                f"{format_date(start) if start else ''}, "
                f"{debt.basis_label.lower()})."))
    return story


def _shortfall_text(plan: RepaymentPlan) -> list[object]:
    if not plan.shortfall_oere:
        return []
    if not plan.priority_covered:
        return [para(f"Der mangler {format_dkk(plan.shortfall_oere)} om måneden til den "
                     "prioriterede gæld; de øvrige kreditorer får intet, før den er dækket.")]
    return [para(f"Der mangler {format_dkk(plan.shortfall_oere)} om måneden, før "
                 "planen går op; de øvrige kreditorer tilbydes symbolske afdrag.")]


def _benefits(result: EconomySummary) -> list[object]:
    if not result.benefits:
        return []
    rows = [(format_date(b.applied_on), b.purpose, OneOffBenefitStatus(b.status).label,
             _kr(b.amount_applied_oere),
             "" if b.amount_granted_oere is None else _kr(b.amount_granted_oere),
             format_date(b.appeal_deadline) if b.appeal_deadline else "")
            for b in result.benefits]
    width = content_width()
    return [para("Enkeltydelser", "heading"), data_table(
        ("Ansøgt", "Formål", "Status", "Ansøgt, kr.", "Bevilget, kr.", "Klagefrist"), rows,
        col_widths=(width * 0.13, width * 0.33, width * 0.13, width * 0.14, width * 0.14,
                    width * 0.13), align_right=(3, 4))]


def export_pdf(context: Context, citizen_id: int, year: int, out: Path,
               *, now: datetime | None = None) -> Path:
    """Print the year's overview to ``out`` (atomically); audited as a print."""
    from mentordesk.economy.service_sheet import summary_in

    team_name = context.database.meta(TEAM_NAME_KEY)
    with context.read() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        result = summary_in(session, citizen, year)
    # Rendered outside any transaction, so no colleague's save waits for the PDF.
    write_atomically(Path(out), economy_pdf_bytes(result, team_name, now or datetime.now()))
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.PRINT, entity="economy_overview",
                     citizen_id=citizen_id,
                     detail=f"Økonomisk overblik {year} udskrevet til {audit.file_kind(out)}")
    return Path(out)
