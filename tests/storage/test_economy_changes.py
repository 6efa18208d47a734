"""What economy operations tell the views to refresh (``Result.changes``): a citizen's
sheet, versions, debts and benefits concern that citizen only; rates and the item list are
team data."""

from __future__ import annotations

import pytest

from mentordesk.domain.economy import NORM_ITEMS, EconomySection, Frequency, NormKind
from mentordesk.economy import (
    DebtInput,
    Sheet,
    SheetLine,
    add_item,
    create_debt,
    export_xlsx,
    import_xlsx,
    list_snapshots,
    restore_snapshot,
    save_sheet,
    save_year_rates,
    take_snapshot,
    update_debt,
)
from mentordesk.kernel.changes import Kind
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen

pytestmark = pytest.mark.both_backends

YEAR = 2025


@pytest.fixture
def people(database, admin):
    context = Context(database, admin)
    bente = create_citizen(context, NewCitizen(first_name="Bente", last_name="Fiktiv")).value
    carl = create_citizen(context, NewCitizen(first_name="Carl", last_name="Fiktiv")).value
    return context, bente, carl


def _sheet(citizen: int) -> Sheet:
    return Sheet(citizen_id=citizen, year=YEAR, adults=1, lines=(
        SheetLine.filled(EconomySection.INCOME, "Kontanthjælp", Frequency.MONTHLY, 1_150_000),
        SheetLine.filled(EconomySection.EXPENSE, "Husleje", Frequency.MONTHLY, 612_345)))


def _only_economy_of(changes, citizen: int, other: int) -> bool:
    return (changes.touches(Kind.ECONOMY) and not changes.touches(Kind.CONTACTS, Kind.GRANTS)
            and changes.concerns(citizen) and not changes.concerns(other))


def test_saving_a_sheet_refreshes_that_citizens_economy_only(people):
    context, bente, carl = people
    assert _only_economy_of(save_sheet(context, bente, YEAR, 0, _sheet(bente)).changes,
                            bente, carl)


def test_versions_restore_and_export_concern_the_citizen(people, tmp_path):
    context, bente, carl = people
    save_sheet(context, bente, YEAR, 0, _sheet(bente))
    assert _only_economy_of(take_snapshot(context, bente, YEAR).changes, bente, carl)
    # An export records what was handed out as a version: the versions list changes.
    exported = export_xlsx(context, bente, YEAR, tmp_path / "overblik.xlsx")
    assert _only_economy_of(exported.changes, bente, carl)
    assert exported.value.sheet.version == 1
    assert list_snapshots(context, bente, YEAR)[0].reason == "export"
    oldest = list_snapshots(context, bente, YEAR)[-1]
    assert _only_economy_of(restore_snapshot(context, oldest.id, 1).changes, bente, carl)
    imported = import_xlsx(context, bente, YEAR, tmp_path / "overblik.xlsx", 2)
    assert _only_economy_of(imported.changes, bente, carl)


def test_a_debt_edit_that_changes_nothing_refreshes_nothing(people):
    context, bente, carl = people
    debt = create_debt(context, bente, DebtInput("Boligselskabet", balance_oere=100_000))
    assert _only_economy_of(debt.changes, bente, carl)
    same = update_debt(context, debt.value.id, debt.value.version,
                       {"creditor": "Boligselskabet"}, debt.value.values())
    assert not same.changes
    moved = update_debt(context, debt.value.id, debt.value.version, {"balance_oere": 50_000},
                        debt.value.values())
    assert _only_economy_of(moved.changes, bente, carl)


def test_rates_and_items_are_team_data(people):
    context, bente, carl = people
    rate = save_year_rates(context, 2099, NormKind.DISPOSABLE_AMOUNT,
                           dict.fromkeys(NORM_ITEMS, 600_000), "Kilde (fiktiv)")
    # Every citizen's norm comparison for the year uses the rate.
    assert rate.changes.touches(Kind.CATALOGUE, Kind.ECONOMY)
    assert rate.changes.concerns(bente) and rate.changes.concerns(carl)
    item = add_item(context, EconomySection.EXPENSE, "Cykelreparation")
    assert item.changes.touches(Kind.CATALOGUE) and not item.changes.touches(Kind.ECONOMY)
