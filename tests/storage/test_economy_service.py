"""Economy sheets in a real encrypted database: save all or nothing, versions, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from mentordesk.domain.economy import NORM_ITEMS, EconomySection, Frequency
from mentordesk.economy import (
    DebtInput,
    Sheet,
    SheetLine,
    copy_last_year,
    create_debt,
    list_snapshots,
    load_sheet,
    load_snapshot,
    restore_snapshot,
    save_sheet,
    summary,
    summary_json,
    update_debt,
)
from mentordesk.errors import InvalidInput, StaleEdit
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.storage.models import AuditEvent

pytestmark = pytest.mark.both_backends

YEAR = 2025


@pytest.fixture
def citizen(database, admin) -> int:
    context = Context(database, admin)
    return create_citizen(context, NewCitizen(first_name="Bente", last_name="Fiktiv")).value


def _sheet(citizen: int, rent: int = 612_345) -> Sheet:
    return Sheet(citizen_id=citizen, year=YEAR, adults=1, children_7_17=1, lines=(
        SheetLine.filled(EconomySection.INCOME, "Kontanthjælp", Frequency.MONTHLY, 1_150_000),
        SheetLine.filled(EconomySection.INCOME, "Børne- og ungeydelse", Frequency.QUARTERLY,
                         472_500),
        SheetLine.filled(EconomySection.EXPENSE, "Husleje", Frequency.MONTHLY, rent),
        SheetLine.filled(EconomySection.EXPENSE, "Tandlæge", Frequency.ONCE, 180_000, 5),
    ))


def test_save_and_load_round_trip_with_version(database, admin, citizen):
    assert load_sheet(Context(database, admin), citizen, YEAR).version == 0
    saved = save_sheet(Context(database, admin), citizen, YEAR, 0, _sheet(citizen)).value
    loaded = load_sheet(Context(database, admin), citizen, YEAR)
    assert saved.version == loaded.version == 1
    assert [line.months for line in loaded.lines] == [line.months for line in _sheet(citizen).lines]
    assert loaded.children_7_17 == 1
    again = save_sheet(Context(database, admin), citizen, YEAR, 1,
                       replace(loaded, note="Ny note")).value
    assert again.version == 2 and again.note == "Ny note"


def test_stale_save_is_refused_and_changes_nothing(database, admin, citizen):
    save_sheet(Context(database, admin), citizen, YEAR, 0, _sheet(citizen))
    save_sheet(Context(database, admin), citizen, YEAR, 1, _sheet(citizen, rent=700_000))
    with pytest.raises(StaleEdit):
        save_sheet(Context(database, admin), citizen, YEAR, 1, _sheet(citizen, rent=1))
    lines = load_sheet(Context(database, admin), citizen, YEAR).lines
    assert lines[2].months[0] == 700_000


def test_invalid_line_is_refused_whole(database, admin, citizen):
    save_sheet(Context(database, admin), citizen, YEAR, 0, _sheet(citizen))
    bad = replace(_sheet(citizen), lines=(*_sheet(citizen).lines,
                                          SheetLine(EconomySection.EXPENSE, "  ")))
    with pytest.raises(InvalidInput, match="Post"):
        save_sheet(Context(database, admin), citizen, YEAR, 1, bad)
    assert len(load_sheet(Context(database, admin), citizen, YEAR).lines) == 4


def test_snapshots_view_and_restore(database, admin, citizen):
    save_sheet(Context(database, admin), citizen, YEAR, 0, _sheet(citizen))
    save_sheet(Context(database, admin), citizen, YEAR, 1, _sheet(citizen, rent=999_900))
    versions = list_snapshots(Context(database, admin), citizen, YEAR)
    assert [v.reason for v in versions] == ["save", "save"]
    oldest = load_snapshot(Context(database, admin), versions[-1].id)
    assert oldest.sheet.lines[2].months[0] == 612_345
    restored = restore_snapshot(Context(database, admin), versions[-1].id, expected_version=2).value
    assert restored.version == 3 and restored.lines[2].months[0] == 612_345
    assert list_snapshots(Context(database, admin), citizen, YEAR)[0].reason == "restore"


def test_copy_last_year_leaves_out_one_off_lines(database, admin, citizen):
    save_sheet(Context(database, admin), citizen, YEAR, 0, _sheet(citizen))
    copied = copy_last_year(Context(database, admin), citizen, YEAR + 1)
    assert copied.year == YEAR + 1 and copied.version == 0
    assert [line.label for line in copied.lines] == ["Kontanthjælp", "Børne- og ungeydelse",
                                                     "Husleje"]
    assert load_sheet(Context(database, admin), citizen, YEAR + 1).lines == ()  # not saved
    with pytest.raises(InvalidInput):
        copy_last_year(Context(database, admin), citizen, YEAR + 5)


def test_summary_uses_norm_and_plans_debts(database, admin, citizen):
    context = Context(database, admin)
    from mentordesk.services.catalogue import seed_default_catalogue

    with database.session() as session:
        seed_default_catalogue(session)
    base = _sheet(citizen, rent=400_000)
    wages = SheetLine.filled(EconomySection.INCOME, "Løn", Frequency.MONTHLY, 800_000)
    save_sheet(context, citizen, YEAR, 0, replace(base, lines=(wages, *base.lines)))
    rent = create_debt(context, citizen, DebtInput(
        creditor="Boligforeningen (fiktiv)", debt_type="rent", balance_oere=800_000,
        agreed_payment_oere=50_000)).value
    create_debt(context, citizen, DebtInput(creditor="Kviklån (fiktiv)",
                                            balance_oere=2_000_000))
    # 2025 has no sourced rates: the year says so, and no norm is deducted unasked.
    unconfirmed = summary(context, citizen, YEAR)
    assert unconfirmed.totals.norm_month == 0
    assert summary_json(unconfirmed)["rates"] == {
        "kind": "disposable_amount", "year": None, "source": "",
        "label": "ingen satser for 2025", "missing": True, "offered_year": 2024}
    # The mentor confirms the 2024 rates for the sheet: "satser fra 2024", with the source.
    save_sheet(context, citizen, YEAR, 1, replace(base, lines=(wages, *base.lines),
                                                  rates_year=2024))
    result = summary(context, citizen, YEAR)
    assert result.totals.norm_month == 724_000 + 363_000  # one adult, one child 7–17
    assert summary_json(result)["rates"]["label"] == "satser fra 2024"
    assert summary_json(result)["rates"]["source"] == (
        "borger.dk: Gældsstyrelsens rådighedssatser 2024")
    assert rent.is_priority
    assert result.plan.shares[0].key == rent.id
    # 21.075 − 4.150 (average) − 10.870 (norm) = 6.055 kr.: 500 to the rent, the rest
    # to the only other creditor.
    assert result.plan.pool_oere == 605_500
    assert [s.payment_oere for s in result.plan.shares] == [50_000, 555_500]
    with pytest.raises(StaleEdit):
        update_debt(context, rent.id, rent.version + 5, {"creditor": "X"})


def test_every_read_and_change_is_audited(database, admin, citizen):
    save_sheet(Context(database, admin), citizen, YEAR, 0, _sheet(citizen))
    load_sheet(Context(database, admin), citizen, YEAR)
    with database.read_session() as session:
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.entity == "economy_overview", AuditEvent.citizen_id == citizen)).all()
    assert [event.action for event in events] == ["update", "read"]


def test_mentor_without_the_case_sees_nothing(database, admin, citizen):
    from mentordesk.errors import NotFound
    from mentordesk.services.team import NewUser, create_user, resolve_actor

    create_user(Context(database, admin), NewUser(login="mentor2", full_name="Mette Mentor"))
    mentor = resolve_actor(database, "mentor2")
    save_sheet(Context(database, admin), citizen, YEAR, 0, _sheet(citizen))
    for attempt in (lambda: load_sheet(Context(database, mentor), citizen, YEAR),
                    lambda: summary(Context(database, mentor), citizen, YEAR),
                    lambda: save_sheet(Context(database, mentor), citizen, YEAR, 1,
                                       _sheet(citizen, 1))):
        with pytest.raises(NotFound):
            attempt()
    assert load_sheet(Context(database, admin), citizen, YEAR).lines[2].months[0] == 612_345


def test_benefits_rates_and_items(database, admin, citizen):
    context = Context(database, admin)
    from mentordesk.domain.economy import NormKind
    from mentordesk.economy import (
        BenefitInput,
        add_item,
        create_benefit,
        list_benefits,
        list_items,
        norm_rates,
        save_year_rates,
        update_benefit,
    )
    from mentordesk.services.catalogue import seed_default_catalogue

    with database.session() as session:
        seed_default_catalogue(session)
    benefit = create_benefit(context, citizen, BenefitInput(
        applied_on=date(YEAR, 2, 1), purpose="Vinterjakke", amount_applied_oere=80_000)).value
    with pytest.raises(InvalidInput, match="før ansøgningen"):
        update_benefit(context, benefit.id, benefit.version,
                       {"status": "granted", "decided_on": date(YEAR, 1, 1)})
    assert list_benefits(context, citizen)[0].status == "draft"
    granted = update_benefit(context, benefit.id, benefit.version,
                             {"status": "granted", "decided_on": date(YEAR, 2, 20),
                              "amount_granted_oere": 60_000}).value
    assert granted.version == benefit.version + 1

    assert norm_rates(database, YEAR) == []  # no sourced rates for the year are shipped
    rates = {**dict.fromkeys(NORM_ITEMS, 300_000), "first_adult": 750_000}
    saved = save_year_rates(context, YEAR, NormKind.DISPOSABLE_AMOUNT, rates,
                            "Gældsstyrelsens rådighedssatser (fiktiv kilde til testen)").value
    assert {row.source for row in saved} == {
        "Gældsstyrelsens rådighedssatser (fiktiv kilde til testen)"}
    with pytest.raises(InvalidInput, match="Kilde"):
        save_year_rates(context, YEAR, NormKind.DISPOSABLE_AMOUNT, rates, "  ")
    save_sheet(context, citizen, YEAR, 0, replace(_sheet(citizen), children_7_17=0))
    assert summary(context, citizen, YEAR).totals.norm_month == 750_000

    assert "Husleje" in [item.label for item in list_items(database)]
    add_item(context, "expense", "Dyrlæge")
    with pytest.raises(InvalidInput, match="findes allerede"):
        add_item(context, "expense", "Dyrlæge")


def test_debt_age_and_enforcement_on_the_plan(database, admin, citizen, tmp_path, pdf_text):
    """An old ordinary claim is flagged "mulig forældet – undersøg"; a judgment debt of the
    same age is not; udlæg and lønindeholdelse are states shown on the plan."""
    from mentordesk.economy import (
        limitation_rules,
        save_limitation_rule,
        summary_json,
    )
    from mentordesk.economy.service_sheet import summary_in
    from mentordesk.reports.economy_pdf import export_pdf
    from mentordesk.services.catalogue import seed_default_catalogue
    from mentordesk.storage.models import Citizen

    context = Context(database, admin)
    with database.session() as session:
        seed_default_catalogue(session)
    assert [(rule.basis.value, rule.years) for rule in limitation_rules(database)] == [
        ("claim", 3), ("judgment", 10), ("acknowledgement", 10)]
    save_sheet(context, citizen, YEAR, 0, _sheet(citizen))
    old_claim = create_debt(context, citizen, DebtInput(
        creditor="Webshop (fiktiv)", balance_oere=300_000, status="attachment",
        created_on=date(2019, 11, 1), due_on=date(2020, 1, 1))).value
    judgment = create_debt(context, citizen, DebtInput(
        creditor="Inkasso (fiktiv)", balance_oere=500_000, status="wage_deduction",
        due_on=date(2020, 1, 1), established_by="judgment")).value
    with pytest.raises(InvalidInput, match="Forfaldsdagen"):
        create_debt(context, citizen, DebtInput(creditor="X", created_on=date(2021, 1, 2),
                                                due_on=date(2021, 1, 1)))

    def flagged(today: date) -> tuple[int, ...]:
        with database.read_session() as session:
            return summary_in(session, session.get_one(Citizen, citizen), YEAR,
                              today=today).possibly_time_barred

    # 01-01-2020 + 3 years: flagged from 01-01-2023; the judgment runs to 2030.
    assert flagged(date(2022, 12, 31)) == ()
    assert flagged(date(2023, 1, 1)) == (old_claim.id,)
    assert summary_json(summary(context, citizen, YEAR))["debts"]["possibly_time_barred"] == [
        old_claim.id]
    text = " ".join(pdf_text(export_pdf(context, citizen, YEAR, tmp_path / "alder.pdf")).split())
    assert ("Webshop (fiktiv): mulig forældet – undersøg (forfald 01-01-2020, almindeligt "
            "krav)") in text
    assert "Inkasso (fiktiv): mulig" not in text
    assert "Udlæg" in text and "Lønindehold" in text  # the states, on the plan
    # The rule is data: with five years for ordinary claims, 2023 flags nothing.
    save_limitation_rule(context, "claim", 5, "Teamets egen regel (fiktiv)")
    assert flagged(date(2023, 1, 1)) == ()
    assert judgment.id not in flagged(date(2029, 12, 31))
