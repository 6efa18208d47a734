"""The economy query builders on a real database: orders the editor and the repayment plan
rely on, and rows of one citizen never showing for another."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from schedule_support import add_citizen

from mentordesk.storage.models import (
    BenefitApplication,
    Debt,
    EconomyItem,
    EconomyLine,
    EconomyOverview,
    EconomySnapshot,
)
from mentordesk.storage.queries import economy

pytestmark = pytest.mark.both_backends


@pytest.fixture
def citizens(database):
    return add_citizen(database, "Bente", "Fiktiv"), add_citizen(database, "Carl", "Fiktiv")


def _add(database, *rows):
    with database.session() as session:
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows]


def test_debts_in_added_order_and_benefits_latest_first(database, citizens):
    # The priority order is the plan's (service ``debts_of`` sorts by class); the query
    # gives the citizen's debts only, as added.
    bente, carl = citizens
    plain, priority, _carls = _add(
        database, Debt(citizen_id=bente, creditor="Teleselskab"),
        Debt(citizen_id=bente, creditor="Husleje", priority_class="housing"),
        Debt(citizen_id=carl, creditor="Carls kreditor"))
    older, newer = _add(
        database, BenefitApplication(citizen_id=bente, applied_on=date(2025, 2, 1),
                                     purpose="Tandlæge"),
        BenefitApplication(citizen_id=bente, applied_on=date(2025, 5, 1), purpose="Briller"))
    with database.read_session() as session:
        assert [d.id for d in session.scalars(economy.debts_of(bente))] == [plain, priority]
        assert [b.id for b in session.scalars(economy.benefits_of(bente))] == [newer, older]


def test_sheet_lines_in_arranged_order_and_years_newest_first(database, citizens):
    bente, carl = citizens
    first_year, second_year, _carls = _add(
        database, EconomyOverview(citizen_id=bente, year=2024),
        EconomyOverview(citizen_id=bente, year=2025), EconomyOverview(citizen_id=carl, year=2023))
    _add(database, *(EconomyLine(overview_id=second_year, position=position, section="expense",
                                 label=label)
                     for position, label in ((1, "Husleje"), (0, "Løn"))))
    with database.session() as session:
        assert session.scalar(economy.overview_of(bente, 2024)).id == first_year
        assert [line.label for line in session.scalars(economy.lines_of(second_year))] == [
            "Løn", "Husleje"]
        assert list(session.scalars(economy.years_with_sheet(bente))) == [2025, 2024]
        session.execute(economy.delete_lines(second_year))
        assert list(session.scalars(economy.lines_of(second_year))) == []


def test_versions_newest_first(database, citizens):
    bente, _carl = citizens
    _add(database, *(EconomySnapshot(citizen_id=bente, year=2025, taken_at=datetime(2025, 3, day),
                                     payload=f'{{"day": {day}}}') for day in (1, 9, 5)))
    with database.read_session() as session:
        taken = [s.taken_at.day for s in session.scalars(economy.snapshots_of(bente, 2025))]
        newest = session.scalar(economy.newest_snapshot_payload(bente, 2025))
    assert taken == [9, 5, 1] and newest == '{"day": 9}'


def test_item_list_hides_retired_items_unless_asked(database):
    retired = _add(database, EconomyItem(section="expense", label="Udgået post", position=999,
                                         active=False))[0]
    with database.read_session() as session:
        shown = [i.id for i in session.scalars(economy.items_in_list_order(
            include_inactive=False))]
        every = [i.id for i in session.scalars(economy.items_in_list_order(
            include_inactive=True))]
        assert session.scalar(economy.item_named("expense", "Udgået post")) == retired
        assert session.scalar(economy.last_item_position("expense")) == 999
    assert retired not in shown and retired in every
