"""The citizen's economy overview (*økonomisk overblik*): the public API.

Pure model (no database): ``Sheet`` of ``SheetLine`` (12 month amounts in øre each,
``fill_months`` from a frequency; a line may be "covered by the norm" or linked to the debt
it pays), ``compute_totals`` → ``SheetTotals`` (the everyday budget: totals, averages,
disposable amount per month and per day, running balance, deficit months; beside it the
ability to pay by the public method: income − norm − the groups ``budget_group``
deducts), ``plan_repayment`` → ``RepaymentPlan`` (priority debts first, the rest pro
rata in whole kroner by largest remainder, token amounts only once every priority debt is
covered, agreements the plan cannot honour as ``PlanConflict``, payoff months).

Operations ``(context, …)`` (audited, role-checked): ``load_sheet`` / ``save_sheet`` (all
or nothing, version check: ``StaleEdit``) / ``copy_last_year``; debts and one-off benefits
CRUD; norm rates by year with their source (``save_year_rates``; which rates a sheet uses:
``choose_rates``, an earlier year's only once the user confirmed it) and the item list;
versions ``list_snapshots`` / ``load_snapshot`` /
``restore_snapshot`` / ``take_snapshot``; ``summary`` (everything for one year, with
``summary_json``). Those that change stored data return ``Result``: a citizen's sheet,
versions, debts and benefits are ``Kind.ECONOMY`` for that citizen; norm rates are
team-wide ``Kind.CATALOGUE`` and ``Kind.ECONOMY`` (every norm comparison uses them); the
item list is ``Kind.CATALOGUE``. Statements live in ``storage.queries.economy``.

Files (heavy imports inside): ``export_xlsx`` (read, then rendered outside any
transaction; records an "export" version, so it returns ``Result``),
``read_economy_workbook`` / ``import_xlsx`` (own export or a foreign sheet via
``ForeignSheetGuess``), and ``mentordesk.reports.economy_pdf.export_pdf``.
"""

from mentordesk.economy.rates import KindRates, RatesChoice, YearRates, choose_rates
from mentordesk.economy.records import (
    BenefitInput,
    BenefitRow,
    DebtInput,
    DebtRow,
    EconomySummary,
    ItemRow,
    NormRateRow,
    SnapshotContent,
    SnapshotInfo,
    plan_debt,
    plan_debts,
    public_debt_ids,
)
from mentordesk.economy.repayment import (
    TOKEN_OERE,
    PlanConflict,
    PlanDebt,
    PlanShare,
    RepaymentPlan,
    ShareKind,
    payoff_months,
    plan_repayment,
    pro_rata_kroner,
)
from mentordesk.economy.service_records import (
    add_item,
    create_benefit,
    create_debt,
    delete_benefit,
    delete_debt,
    limitation_rules,
    list_benefits,
    list_debts,
    list_items,
    norm_rates,
    save_limitation_rule,
    save_year_rates,
    update_benefit,
    update_debt,
    update_item,
)
from mentordesk.economy.service_sheet import (
    copy_last_year,
    list_snapshots,
    load_sheet,
    load_snapshot,
    restore_snapshot,
    save_sheet,
    saved_years,
    summary,
    summary_json,
    take_snapshot,
)
from mentordesk.economy.sheet import (
    MONTH_NAMES,
    MONTHS,
    Sheet,
    SheetLine,
    SheetTotals,
    budget_group,
    compute_totals,
    days_in_month,
    fill_months,
)
from mentordesk.economy.workbook import (
    ForeignSheetGuess,
    ImportPreview,
    WorkbookRefused,
    export_xlsx,
    import_xlsx,
    preview_foreign,
    read_economy_workbook,
)
from mentordesk.economy.xlsx_reading import Grid

__all__ = [
    "MONTHS", "MONTH_NAMES", "TOKEN_OERE", "BenefitInput", "BenefitRow", "DebtInput", "DebtRow",
    "EconomySummary", "ForeignSheetGuess", "Grid", "ImportPreview", "ItemRow", "KindRates",
    "NormRateRow", "PlanConflict", "PlanDebt", "PlanShare", "RatesChoice", "RepaymentPlan",
    "ShareKind", "Sheet", "SheetLine", "SheetTotals", "SnapshotContent", "SnapshotInfo",
    "WorkbookRefused", "YearRates", "add_item", "budget_group", "choose_rates", "compute_totals",
    "copy_last_year", "create_benefit", "create_debt", "days_in_month", "delete_benefit",
    "delete_debt", "export_xlsx", "fill_months", "import_xlsx", "limitation_rules",
    "list_benefits", "list_debts", "list_items", "list_snapshots", "load_sheet", "load_snapshot",
    "norm_rates", "payoff_months", "plan_debt", "plan_debts", "plan_repayment", "preview_foreign",
    "pro_rata_kroner", "public_debt_ids", "read_economy_workbook", "restore_snapshot",
    "save_limitation_rule", "save_sheet", "save_year_rates", "saved_years", "summary",
    "summary_json", "take_snapshot", "update_benefit", "update_debt", "update_item",
]
