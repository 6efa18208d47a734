"""The economy workbook: cached values, layout, round trip, hostile text, refused files."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from mentordesk.domain.economy import DEDUCTED_GROUPS, EconomySection, Frequency
from mentordesk.economy import (
    BenefitInput,
    DebtInput,
    Sheet,
    SheetLine,
    WorkbookRefused,
    create_benefit,
    create_debt,
    export_xlsx,
    import_xlsx,
    list_snapshots,
    load_sheet,
    read_economy_workbook,
    save_sheet,
    summary,
    summary_json,
)
from mentordesk.economy.xlsx_layout import COL_CODE, COL_MONTH0, YEAR_SHEET
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen

pytestmark = pytest.mark.both_backends

YEAR = 2025
HOSTILE = ("=cmd|' /C calc'!A0", "+1", "@SUM(1)", "<b>fed", "-2+3", "\tTab", "\rCR",
           "bip\x07\x1bslut")


@pytest.fixture
def citizen(database, admin) -> int:
    context = Context(database, admin)
    from mentordesk.services.catalogue import seed_default_catalogue

    with database.session() as session:
        seed_default_catalogue(session)
    citizen = create_citizen(context, NewCitizen(first_name="Carl", last_name="Demo")).value
    lines = [
        SheetLine.filled(EconomySection.INCOME, "Løn", Frequency.MONTHLY, 1_834_567),
        SheetLine.filled(EconomySection.INCOME, "Børne- og ungeydelse", Frequency.QUARTERLY,
                         472_500, 1),
        SheetLine.filled(EconomySection.EXPENSE, "Husleje", Frequency.MONTHLY, 612_345),
        SheetLine.filled(EconomySection.EXPENSE, "Forsikring", Frequency.YEARLY, 345_678, 3),
        SheetLine(EconomySection.EXPENSE, "El", months=tuple(40_000 + m * 1_111
                                                             for m in range(12)),
                  frequency=Frequency.VARIES),
    ]
    lines += [SheetLine.filled(EconomySection.EXPENSE, text, Frequency.ONCE, 100, 1,
                               note=text) for text in HOSTILE]
    save_sheet(context, citizen, YEAR, 0, Sheet(citizen_id=citizen, year=YEAR,
                                                lines=tuple(lines), note="=HYPERLINK(1)"))
    for creditor, kind, balance, agreed in (("Boligforening", "rent", 1_234_567, 50_050),
                                            ("Kviklån", "consumer_credit", 2_000_000, 0),
                                            ("+Bank", "bank_loan", 3_333_333, 0),
                                            ("Tele", "phone_internet", 45_678, 0)):
        create_debt(context, citizen, DebtInput(
            creditor=creditor, debt_type=kind, balance_oere=balance, interest_bp=725,
            agreed_payment_oere=agreed))
    create_benefit(context, citizen, BenefitInput(
        applied_on=date(YEAR, 3, 1), purpose="=Tandlæge", amount_applied_oere=450_000,
        status="granted", amount_granted_oere=300_000, decided_on=date(YEAR, 3, 20)))
    return citizen


def _oere(value) -> int:
    return round((value or 0) * 100)


def workbook_figures(path: Path) -> dict:
    """The summary figures as a workbook's cached values show them, in øre."""
    book = openpyxl.load_workbook(path, data_only=True)
    sheet = book[YEAR_SHEET]
    rows = {row[COL_CODE].value: row for row in sheet.iter_rows() if
            isinstance(row[COL_CODE].value, str)}

    def months(code: str) -> list[int]:
        return [_oere(rows[code][COL_MONTH0 + m].value) for m in range(12)]

    def year_row(code: str) -> dict:
        return {"months": months(code), "year": _oere(rows[code][COL_MONTH0 + 12].value),
                "average": _oere(rows[code][COL_MONTH0 + 13].value)}

    debts = book["Gæld og afdrag"]
    plan = [_oere(row[12].value) * 1 for row in debts.iter_rows(min_row=16) if row[0].value]
    return {
        "income": year_row("total:income"), "expense": year_row("total:expense"),
        "disposable": year_row("summary:disposable"),
        "disposable_per_day": {"months": months("summary:per_day"),
                               "average": _oere(rows["summary:per_day"][COL_MONTH0 + 13].value)},
        "running_balance": months("summary:running"),
        "norm_month": months("summary:norm")[0],
        "ability": year_row("summary:ability"),
        "ability_groups": {group.value: year_row(f"summary:group:{group.value}")
                           for group in DEDUCTED_GROUPS},
        "deficit_months": [m + 1 for m in range(12)
                           if rows["summary:deficit"][COL_MONTH0 + m].value == "Underskud"],
        "plan": {"shares": plan, "pool": _oere(debts["B4"].value),
                 "total": _oere(debts["B13"].value)},
    }


def expected_figures(result) -> dict:
    data = summary_json(result)
    keep = ("income", "expense", "disposable", "disposable_per_day", "running_balance",
            "norm_month", "deficit_months")
    ability = data["ability_to_pay"]
    return {**{key: data[key] for key in keep},
            "ability": {key: ability[key] for key in ("months", "year", "average")},
            "ability_groups": ability["deductions"],
            "plan": {"shares": [s["payment"] for s in data["plan"]["shares"]],
                     "pool": data["plan"]["pool"], "total": data["plan"]["total"]}}


def test_cached_values_equal_the_summary(database, admin, citizen, tmp_path):
    out = tmp_path / "overblik.xlsx"
    export_xlsx(Context(database, admin), citizen, YEAR, out)
    result = summary(Context(database, admin), citizen, YEAR)
    assert result.plan.total_oere > 0 and not result.plan.token_only
    assert workbook_figures(out) == expected_figures(result)


def test_layout_protection_print_setup_and_formulas(database, admin, citizen, tmp_path):
    out = tmp_path / "overblik.xlsx"
    export_xlsx(Context(database, admin), citizen, YEAR, out)
    book = openpyxl.load_workbook(out)
    sheet = book[YEAR_SHEET]
    assert sheet.freeze_panes == "B6"
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert "C.D." in sheet.oddHeader.left.text and "Side &P af &N" in sheet.oddFooter.center.text
    total = next(row for row in sheet.iter_rows() if row[COL_CODE].value == "total:income")
    assert total[COL_MONTH0].data_type == "f" and total[COL_MONTH0].protection.locked
    line = next(row for row in sheet.iter_rows() if row[0].value == "Løn")
    assert line[COL_MONTH0].number_format.endswith('"kr."')
    assert not line[COL_MONTH0].protection.locked
    assert book.sheetnames[:4] == [YEAR_SHEET, "Gæld og afdrag", "Enkeltydelser", "Satser"]


def test_hostile_text_is_never_a_formula(database, admin, citizen, tmp_path):
    out = tmp_path / "overblik.xlsx"
    export_xlsx(Context(database, admin), citizen, YEAR, out)
    book = openpyxl.load_workbook(out)
    texts = [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.data_type != "f"]
    assert any("cmd|" in cell.value for cell in texts)
    for cell in texts:
        assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")), cell.coordinate
        assert not any(ord(ch) < 32 and ch != "\n" for ch in cell.value), cell.coordinate
    formulas = [cell.value for ws in book.worksheets for row in ws.iter_rows() for cell in row
                if cell.data_type == "f"]
    assert not any("cmd" in f or "HYPERLINK" in f for f in formulas)


def _content(path: Path) -> list:
    book = openpyxl.load_workbook(path)
    return [(ws.title, [[c.value for c in row] for row in ws.iter_rows()])
            for ws in book.worksheets]


def test_export_import_export_is_identical(database, admin, citizen, tmp_path):
    first, second = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    export_xlsx(Context(database, admin), citizen, YEAR, first)
    preview = read_economy_workbook(first, YEAR)
    assert (preview.kind, preview.source_citizen_id, preview.source_year) == (
        "own", citizen, YEAR)
    before = load_sheet(Context(database, admin), citizen, YEAR)
    imported = import_xlsx(Context(database, admin), citizen, YEAR, first,
                           expected_version=before.version).value
    assert imported.version == before.version + 1
    export_xlsx(Context(database, admin), citizen, YEAR, second)
    assert _content(first) == _content(second)
    # Control characters never reach a cell, so they are gone after the trip; the rest
    # (hostile text included) comes back as typed.
    assert [line.label for line in imported.lines] == [
        line.label.replace("\x07", "").replace("\x1b", "").replace("\t", "").replace("\r", "")
        for line in before.lines]
    assert [line.months for line in imported.lines] == [line.months for line in before.lines]
    assert [s.reason for s in list_snapshots(Context(database, admin), citizen, YEAR)][:3] == [
        "export", "import", "export"]


def _zip(path: Path, parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _refused_fast(path: Path, database, admin, citizen, match: str) -> None:
    version = load_sheet(Context(database, admin), citizen, YEAR).version
    started = time.perf_counter()
    with pytest.raises(WorkbookRefused, match=match):
        import_xlsx(Context(database, admin), citizen, YEAR, path)
    assert time.perf_counter() - started < 2
    assert load_sheet(Context(database, admin), citizen, YEAR).version == version


def test_malformed_and_hostile_files_are_refused_fast(database, admin, citizen, tmp_path):
    text = tmp_path / "tekst.xlsx"
    text.write_text("Husleje;5000\n")
    _refused_fast(text, database, admin, citizen, "ikke en Excel-fil")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    _refused_fast(broken, database, admin, citizen, "beskadiget")
    garbage = _zip(tmp_path / "garbage.xlsx", {"[Content_Types].xml": b"<Types/>",
                                               "xl/workbook.xml": b"ikke xml <<<"})
    _refused_fast(garbage, database, admin, citizen, "kan ikke læses")
    bomb = _zip(tmp_path / "bomb.xlsx", {"xl/workbook.xml": b"<w/>",
                                         "xl/sharedStrings.xml": b"0" * (60 * 1024 * 1024)})
    assert bomb.stat().st_size < 1024 * 1024
    _refused_fast(bomb, database, admin, citizen, "50 MB")
    many = _zip(tmp_path / "many.xlsx", {"xl/workbook.xml": b"<w/>",
                                         **{f"xl/p{n}.xml": b"<p/>" for n in range(501)}})
    _refused_fast(many, database, admin, citizen, "500 dele")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "&lol%d;&lol%d;">' % (n, n - 1, n - 1)
                         for n in range(1, 30)) + b"]><sst>&lol29;</sst>")
    entity = io.BytesIO()
    export = tmp_path / "good.xlsx"
    export_xlsx(Context(database, admin), citizen, YEAR, export)
    with zipfile.ZipFile(export) as source, zipfile.ZipFile(entity, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, laughs if item.filename == "xl/sharedStrings.xml" else data)
    evil = tmp_path / "entity.xlsx"
    evil.write_bytes(entity.getvalue())
    _refused_fast(evil, database, admin, citizen, "XML-erklæringer")
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(export.read_bytes()[:3000])
    _refused_fast(truncated, database, admin, citizen, "beskadiget")


def _foreign(path: Path, header: list, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Budget"
    sheet.append(["Mit budget 2025"])
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_foreign_sheet_with_danish_months_is_detected(tmp_path):
    months = ["Jan", "Feb", "Marts", "April", "Maj", "Juni", "Juli", "Aug", "Sept", "Okt",
              "Nov", "Dec"]
    path = _foreign(tmp_path / "mit.xlsx", ["", "Post", *months, "Bemærkning"], [
        ["", "Indtægter"],
        ["", "Kontanthjælp", *[11_500] * 12, "netto"],
        ["", "Børneydelse", 4725, 0, 0, 4725, 0, 0, 4725, 0, 0, 4725, 0, 0],
        ["", "Indtægter i alt", *[16_225] * 12],
        ["", "Udgifter"],
        ["", "Husleje", *["5.200,50"] * 12],
        ["", "Telefon", *[-199] * 12],
    ])
    preview = read_economy_workbook(path, YEAR)
    assert preview.kind == "foreign" and preview.ok
    guess = preview.guess
    assert (guess.header_row, guess.item_column, guess.month_columns[0]) == (2, 1, 2)
    assert [section for _, section in guess.section_rows] == [EconomySection.INCOME,
                                                              EconomySection.EXPENSE]
    lines = {line.label: line for line in preview.sheet.lines}
    assert set(lines) == {"Kontanthjælp", "Børneydelse", "Husleje", "Telefon"}
    assert lines["Børneydelse"].frequency is Frequency.QUARTERLY
    assert lines["Husleje"].months[0] == 520_050 and lines["Telefon"].months[5] == 19_900
    assert lines["Kontanthjælp"].note == "netto"
    assert any("i alt" in text for text in preview.skipped)


def test_foreign_sheet_with_month_numbers_and_without_sections_is_refused(
        database, admin, citizen, tmp_path):
    path = _foreign(tmp_path / "tal.xlsx", ["Post", *range(1, 13)],
                    [["Løn", *[10_000] * 12], ["Husleje", *[5_000] * 12]])
    preview = read_economy_workbook(path, YEAR)
    assert preview.guess.month_columns == tuple(range(1, 13))
    assert not preview.ok and "Indtægter" in preview.skipped[0]
    _refused_fast(path, database, admin, citizen, "Indtægter")


def test_the_log_names_the_file_type_not_the_file_name(database, admin, citizen, tmp_path):
    from sqlalchemy import select

    from mentordesk.storage.models import AuditEvent

    # Mentors name files after the citizen; the log outlives a deleted citizen.
    export_xlsx(Context(database, admin), citizen, YEAR, tmp_path / "Bodil Bæk økonomi.xlsx")
    with database.session() as session:
        detail = session.scalars(select(AuditEvent.detail).where(AuditEvent.action == "export")
                                 .order_by(AuditEvent.id.desc())).first()
    assert detail == f"Økonomisk overblik {YEAR} eksporteret til en xlsx-fil"
