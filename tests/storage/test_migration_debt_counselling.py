"""Migrating to 0005: stored debts keep the priority the mentor decided, as a class."""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlcipher3

from mentordesk import vault
from mentordesk.economy import list_debts
from mentordesk.kernel.context import Context
from mentordesk.services.team import resolve_actor

FIXTURES = Path(__file__).with_name("fixtures")
BASELINE_PASSPHRASE = "fixture-adgangskode-0001"


def test_flagged_debts_get_their_types_class_and_unflagged_stay_ordinary(tmp_path):
    path = tmp_path / "gammel.mentordesk"
    shutil.copyfile(FIXTURES / "baseline-0001.mentordesk", path)
    connection = sqlcipher3.connect(str(path))
    connection.execute(f"PRAGMA key = '{BASELINE_PASSPHRASE}'")
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
    database = vault.unlock_with_passphrase(path, BASELINE_PASSPHRASE)
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
