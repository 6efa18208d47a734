"""A backup before every bulk import: the citizen-list import writes an encrypted copy of
the database before it creates anyone, and the economy xlsx import keeps the year it
replaces as a version. Real encrypted files; fictitious people only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import open_backup
from sqlalchemy import func, select

from mentordesk.domain.economy import EconomySection, Frequency
from mentordesk.economy import (
    DebtInput,
    create_debt,
    export_xlsx,
    import_xlsx,
    list_snapshots,
    load_sheet,
    load_snapshot,
    save_sheet,
)
from mentordesk.economy.sheet import Sheet, SheetLine
from mentordesk.importing import ImportHasErrors, import_citizens, read_import_file, resolve_mapping
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.storage.backup import backup_folder_for
from mentordesk.storage.models import AuditEvent, Citizen

pytestmark = pytest.mark.both_backends
APP_BACKUP = pytest.mark.file_only(
    reason="the app's backup file; a server's backups are IT's (mentordesk server backup)")

TODAY = date(2026, 11, 23)
YEAR = 2025


def _names(database) -> list[str]:
    with database.read_session() as session:
        return sorted(session.scalars(select(Citizen.first_name)))


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "liste.csv"
    path.write_text("\n".join(["Navn;CPR", *rows]) + "\n", encoding="utf-8")
    return path


def _import_backups(db_path: Path) -> list[Path]:
    folder = backup_folder_for(db_path)
    return sorted(folder.glob("*-foer-import-*")) if folder.exists() else []


@APP_BACKUP
def test_citizen_import_writes_a_backup_of_the_state_before(database, admin, db_path,
                                                             tmp_path):
    create_citizen(Context(database, admin), NewCitizen(first_name="Før", last_name="Importen"))
    table = read_import_file(_csv(tmp_path, "Anna Andersen;0101909001",
                                  "Bent Berg;0202909002"))

    result = import_citizens(Context(database, admin), table, resolve_mapping(table),
                             today=TODAY).value

    assert result.citizens == 2 and _names(database) == ["Anna", "Bent", "Før"]
    assert _import_backups(db_path) == [result.backup]
    # The backup opens with the database's key and holds the rows from before the import.
    backup = open_backup(result.backup, database)
    try:
        assert _names(backup) == ["Før"]
        with backup.read_session() as session:
            assert session.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.entity == "citizen_import")) == 0
    finally:
        backup.close()
    with database.read_session() as session:
        summary = session.scalars(select(AuditEvent.detail).where(
            AuditEvent.entity == "citizen_import")).one()
    assert result.backup.name in summary


def test_an_import_refused_for_row_errors_writes_no_backup(database, admin, db_path,
                                                           tmp_path):
    table = read_import_file(_csv(tmp_path, "Anna Andersen;0101909001", "Ugyldig;9999"))
    with pytest.raises(ImportHasErrors):
        import_citizens(Context(database, admin), table, resolve_mapping(table), today=TODAY)
    assert _import_backups(db_path) == [] and _names(database) == []


@APP_BACKUP
def test_a_failed_backup_stops_the_import(database, admin, db_path, tmp_path):
    # A file where the backup folder should be: the backup cannot be written.
    backup_folder_for(db_path).write_text("ikke en mappe")
    table = read_import_file(_csv(tmp_path, "Anna Andersen;0101909001"))
    with pytest.raises(OSError):
        import_citizens(Context(database, admin), table, resolve_mapping(table), today=TODAY)
    assert _names(database) == []


# --- economy: the replaced year is kept as a version ------------------------------------


@pytest.fixture
def citizen(database, admin) -> int:
    return create_citizen(Context(database, admin),
                          NewCitizen(first_name="Bente", last_name="Fiktiv")).value


def _sheet(citizen: int, rent: int) -> Sheet:
    return Sheet(citizen_id=citizen, year=YEAR, adults=1, lines=(
        SheetLine.filled(EconomySection.INCOME, "Kontanthjælp", Frequency.MONTHLY, 1_150_000),
        SheetLine.filled(EconomySection.EXPENSE, "Husleje", Frequency.MONTHLY, rent)))


def _rent(sheet: Sheet) -> int:
    return next(line.amount_oere for line in sheet.lines if line.label == "Husleje")


def _exported(database, admin, citizen, tmp_path) -> Path:
    """A workbook with rent 5.000 kr.; the stored year then moves to 6.000 kr."""
    saved = save_sheet(Context(database, admin), citizen, YEAR, 0, _sheet(citizen, 500_000)).value
    path = tmp_path / "overblik.xlsx"
    export_xlsx(Context(database, admin), citizen, YEAR, path, today=TODAY)
    save_sheet(Context(database, admin), citizen, YEAR, saved.version,
               replace(load_sheet(Context(database, admin), citizen, YEAR),
                       lines=_sheet(citizen, 600_000).lines))
    return path


def test_economy_import_keeps_an_unsaved_state_as_a_version_first(database, admin, citizen,
                                                                  tmp_path):
    workbook = _exported(database, admin, citizen, tmp_path)
    # A debt added since the last version: the stored state has no version yet.
    create_debt(Context(database, admin), citizen,
                DebtInput(creditor="Udlejer", balance_oere=100_000))
    reasons_before = [info.reason
                      for info in list_snapshots(Context(database, admin), citizen, YEAR)]

    import_xlsx(Context(database, admin), citizen, YEAR, workbook)

    assert _rent(load_sheet(Context(database, admin), citizen, YEAR)) == 500_000
    versions = list_snapshots(Context(database, admin), citizen, YEAR)  # newest first
    assert [info.reason for info in versions] == ["import", "save", *reasons_before]
    kept = load_snapshot(Context(database, admin), versions[1].id)
    assert _rent(kept.sheet) == 600_000 and [d.creditor for d in kept.debts] == ["Udlejer"]


def test_economy_import_adds_no_version_when_the_state_is_one_already(database, admin,
                                                                      citizen, tmp_path):
    workbook = _exported(database, admin, citizen, tmp_path)
    before = list_snapshots(Context(database, admin), citizen, YEAR)
    assert before[0].reason == "save"  # the saved 6.000 kr. state is the newest version

    import_xlsx(Context(database, admin), citizen, YEAR, workbook)

    after = list_snapshots(Context(database, admin), citizen, YEAR)
    assert [info.id for info in after[1:]] == [info.id for info in before]
    assert after[0].reason == "import"
    assert _rent(load_snapshot(Context(database, admin), before[0].id).sheet) == 600_000


@APP_BACKUP
def test_backups_before_imports_rotate_like_the_daily_ones(database, admin, db_path,
                                                           tmp_path):
    """A deleted case must not live on in copies nobody asked for: only the newest 14
    pre-import backups are kept, the newest among them."""
    from mentordesk.storage.backup import KEEP_EVENT_BACKUPS

    made = []
    for number in range(KEEP_EVENT_BACKUPS + 2):
        table = read_import_file(_csv(tmp_path, f"Borger Nummer{number};"))
        made.append(import_citizens(Context(database, admin), table, resolve_mapping(table),
                                    today=TODAY).value.backup)
    assert len(made) == KEEP_EVENT_BACKUPS + 2
    assert _import_backups(db_path) == made[2:]
