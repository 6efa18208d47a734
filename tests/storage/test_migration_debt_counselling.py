"""Migrating to 0007: stored debts keep the priority the mentor decided, as a class."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlcipher3

from mentordesk.domain.economy import NORM_ITEMS
from mentordesk.economy import list_debts, norm_rates
from mentordesk.kernel.context import Context
from mentordesk.security.key_migration import migrate_to_key_slots
from mentordesk.services.team import resolve_actor

pytestmark = pytest.mark.file_only(
    reason="migrating an older file; the server's schema: test_server_schema")

FIXTURES = Path(__file__).with_name("fixtures")
BASELINE_PASSPHRASE = "fixture-adgangskode-0001"


def _old_database(tmp_path: Path) -> tuple[Path, sqlcipher3.Connection]:
    path = tmp_path / "gammel.mentordesk"
    shutil.copyfile(FIXTURES / "baseline-0001.mentordesk", path)
    connection = sqlcipher3.connect(str(path))
    connection.execute(f"PRAGMA key = '{BASELINE_PASSPHRASE}'")
    return path, connection


def _converted(path: Path):  # type: ignore[no-untyped-def]
    """A file from before personal keys opens only by converting it (schema first)."""
    return migrate_to_key_slots(path, BASELINE_PASSPHRASE, admin_login="fixture.mentor",
                                admin_passphrase="fixture-admins-egen-kode").database


def test_flagged_debts_get_their_types_class_and_unflagged_stay_ordinary(tmp_path):
    path, connection = _old_database(tmp_path)
    citizen = connection.execute("SELECT id FROM citizen").fetchone()[0]
    for creditor, debt_type, flagged in (
            ("Boligforeningen (fiktiv)", "rent", 1),      # flagged rent → housing
            ("Bødeopkrævningen (fiktiv)", "fines", 1),    # flagged fine → fines
            ("Inkasso (fiktiv)", "other", 1),             # flagged by the mentor → other priority
            ("Forsyning (fiktiv)", "utilities", 0)):      # flag taken off → ordinary
        connection.execute(
            "INSERT INTO debt (citizen_id, creditor, collector, case_number, debt_type, "
            "is_priority, status, principal_oere, balance_oere, interest_bp, fees_oere, "
            "agreed_payment_oere, note, version) VALUES (?, ?, '', '', ?, ?, 'reminder', 0, "
            "100000, 0, 0, 0, '', 1)", (citizen, creditor, debt_type, flagged))
    connection.commit()
    connection.close()
    database = _converted(path)
    try:
        actor = resolve_actor(database, "fixture.mentor")
        debts = {debt.creditor: debt.priority_class
                 for debt in list_debts(Context(database, actor), citizen)}
    finally:
        database.close()
    assert debts == {"Boligforeningen (fiktiv)": "housing",
                     "Bødeopkrævningen (fiktiv)": "fines",
                     "Inkasso (fiktiv)": "other_priority",
                     "Forsyning (fiktiv)": "ordinary"}


SHIPPED_2024 = (724_000, 504_000, 197_000, 252_000, 363_000)
RELIEF_2023 = (701_000, 488_000, 191_000, 246_000, 353_000)


def test_rates_get_their_source_the_2023_figures_their_year_and_copies_go(tmp_path):
    path, connection = _old_database(tmp_path)
    rows = [(2024, "disposable_amount", SHIPPED_2024),  # shipped: gets its source
            (2025, "disposable_amount", SHIPPED_2024),  # an unsourced copy: removed
            (2024, "debt_relief", RELIEF_2023),  # mislabelled: it is 2023
            (2025, "debt_relief", RELIEF_2023),  # an unsourced copy: removed
            (2026, "disposable_amount", (750_000, *SHIPPED_2024[1:]))]  # typed: kept
    for year, kind, amounts in rows:
        for item, amount in zip(NORM_ITEMS, amounts, strict=True):
            connection.execute("INSERT INTO norm_rate (year, norm_kind, item, amount_oere, "
                               "version) VALUES (?, ?, ?, ?, 1)", (year, kind, item, amount))
    connection.commit()
    connection.close()
    database = _converted(path)
    try:
        found = {year: {(rate.kind.value, rate.source) for rate in norm_rates(database, year)}
                 for year in (2023, 2024, 2025, 2026)}
        typed_2026 = [rate.amount_oere for rate in norm_rates(database, 2026)]
    finally:
        database.close()
    assert found == {
        2023: {("debt_relief", "Gældssanering: rådighedsbeløb 2023 (skifterettens satser)")},
        2024: {("disposable_amount", "borger.dk: Gældsstyrelsens rådighedssatser 2024")},
        2025: set(),
        2026: {("disposable_amount", "")}}
    # The year an admin typed keeps all five rates, even those equal to 2024's.
    assert sorted(typed_2026) == sorted((750_000, *SHIPPED_2024[1:]))
