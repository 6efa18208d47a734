"""``mentordesk economy`` as scripts use it, and the exported workbook recalculated by
LibreOffice (forced recalculation on load in a throwaway profile): every total, average,
disposable amount and plan share equals ``economy summary --json`` to the øre."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from mentordesk.domain.economy import DEDUCTED_GROUPS
from mentordesk.domain.money import format_dkk
from mentordesk.economy.xlsx_layout import COL_CODE, COL_MONTH0, YEAR_SHEET
from mentordesk.kernel.context import Context

PASSPHRASE = "økonomi-kommandolinje 42"
YEAR = 2025
_FORCE_RECALC = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
</oor:items>"""


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MENTORDESK_HOME=str(home), MENTORDESK_PASSPHRASE=PASSPHRASE,
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    return subprocess.run([sys.executable, "-m", "mentordesk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=300)


@pytest.fixture
def economy_db(tmp_path: Path) -> tuple[Path, int]:
    from mentordesk import vault
    from mentordesk.domain.economy import EconomySection, Frequency
    from mentordesk.economy import DebtInput, Sheet, SheetLine, create_debt, save_sheet
    from mentordesk.services import new_team
    from mentordesk.services.catalogue import seed_default_catalogue
    from mentordesk.services.citizens import NewCitizen, create_citizen
    from mentordesk.services.team import resolve_actor

    path = tmp_path / "okonomi.mentordesk"
    database = new_team.create_database(path, PASSPHRASE, team_name="Økonomiteamet").database
    try:
        with database.session() as session:
            seed_default_catalogue(session)
        actor = resolve_actor(database, vault.current_login())
        citizen = create_citizen(Context(database, actor),
                                 NewCitizen(alias="Ravnen", anonymous=True)).value
        debt_ids = {}
        for creditor, kind, balance, agreed, interest in (
                ("Boligforeningen (fiktiv)", "rent", 1_234_567, 50_050, 0),
                ("Bødeopkrævningen (fiktiv)", "fines", 300_000, 0, 0),
                ("Kviklån (fiktiv)", "consumer_credit", 2_000_033, 0, 1_950),
                ("Demobanken (fiktiv)", "bank_loan", 3_333_367, 0, 725),
                ("Teleselskabet (fiktiv)", "phone_internet", 45_678, 42_000, 0),
                ("Skattestyrelsen (fiktiv)", "public", 2_500_000, 75_050, 0),
                ("Webshop (fiktiv)", "other", 1_000_033, 0, 0)):
            debt_ids[creditor] = create_debt(Context(database, actor), citizen, DebtInput(
                creditor=creditor, debt_type=kind, balance_oere=balance,
                agreed_payment_oere=agreed, interest_bp=interest)).value.id
        income, expense = EconomySection.INCOME, EconomySection.EXPENSE
        # Every ability-to-pay group: housing by category, a line the norm covers, a
        # special need, an instalment linked to an ordinary debt (left out: the plan pays
        # it) and one linked to a public debt (deducted; the plan shows it as budgeted).
        # 2025 has no rates of its own: the mentor confirmed the 2024 rates (three adults
        # count the rate per extra adult twice).
        save_sheet(Context(database, actor), citizen, YEAR, 0, Sheet(
            citizen_id=citizen, year=YEAR, adults=3, children_2_6=1, rates_year=2024, lines=(
                SheetLine.filled(income, "Løn", Frequency.MONTHLY, 2_413_337),
                SheetLine.filled(income, "Kontanthjælp", Frequency.MONTHLY, 1_167_301, 4),
                SheetLine.filled(income, "Børne- og ungeydelse", Frequency.QUARTERLY, 472_500),
                SheetLine.filled(income, "Boligstøtte", Frequency.MONTHLY, 300_000),
                SheetLine.filled(expense, "Husleje", Frequency.MONTHLY, 733_333,
                                 category="rent"),
                SheetLine.filled(expense, "Varme", Frequency.QUARTERLY, 233_367, 2,
                                 category="heating"),
                SheetLine.filled(expense, "Forsikring", Frequency.YEARLY, 401_111, 1),
                SheetLine.filled(expense, "Tandlæge", Frequency.ONCE, 4_000_000, 2),
                SheetLine(expense, "El", months=tuple(50_001 + 997 * m for m in range(12)),
                          frequency=Frequency.VARIES),
                SheetLine.filled(expense, "Mad og husholdning", Frequency.MONTHLY, 150_000,
                                 category="food", norm_covered=True),
                SheetLine.filled(expense, "Medicin", Frequency.MONTHLY, 12_345,
                                 category="medicine"),
                SheetLine.filled(expense, "Afdrag teleselskab", Frequency.MONTHLY, 42_000,
                                 debt_id=debt_ids["Teleselskabet (fiktiv)"]),
                SheetLine.filled(expense, "Restskat", Frequency.MONTHLY, 75_050,
                                 debt_id=debt_ids["Skattestyrelsen (fiktiv)"]),
            )))
    finally:
        database.close()
    return path, citizen


def _oere(value) -> int:
    return round((value or 0) * 100)


def figures(path: Path) -> dict:
    book = openpyxl.load_workbook(path, data_only=True)
    rows = {row[COL_CODE].value: row for row in book[YEAR_SHEET].iter_rows()
            if isinstance(row[COL_CODE].value, str)}

    def months(code: str) -> list[int]:
        return [_oere(rows[code][COL_MONTH0 + m].value) for m in range(12)]

    def with_year(code: str) -> dict:
        return {"months": months(code), "year": _oere(rows[code][COL_MONTH0 + 12].value),
                "average": _oere(rows[code][COL_MONTH0 + 13].value)}

    debts = book["Gæld og afdrag"]
    table = [row for row in debts.iter_rows(min_row=16) if row[0].value]
    return {
        "income": with_year("total:income"), "expense": with_year("total:expense"),
        "disposable": with_year("summary:disposable"),
        "disposable_per_day": {"months": months("summary:per_day"),
                               "average": _oere(rows["summary:per_day"][COL_MONTH0 + 13].value)},
        "running_balance": months("summary:running"),
        "ability": with_year("summary:ability"),
        "ability_groups": {group.value: with_year(f"summary:group:{group.value}")
                           for group in DEDUCTED_GROUPS},
        "norm_month": months("summary:norm")[0],
        "deficit_months": [m + 1 for m in range(12)
                           if rows["summary:deficit"][COL_MONTH0 + m].value == "Underskud"],
        "plan": {"pool": _oere(debts["B4"].value), "total": _oere(debts["B13"].value),
                 "shares": [_oere(row[12].value) for row in table],
                 "payoff": [row[13].value if row[13].value != "" else None for row in table],
                 # The conflict column: "Aftale brydes" where an agreement is not honoured.
                 "conflicts": [bool(row[14].value) for row in table]},
    }


def expected(data: dict) -> dict:
    keep = ("income", "expense", "disposable", "disposable_per_day", "running_balance",
            "norm_month", "deficit_months")
    shares = data["plan"]["shares"]
    conflicted = {conflict["debt_id"] for conflict in data["plan"]["conflicts"]}
    ability = data["ability_to_pay"]
    return {**{key: data[key] for key in keep},
            "ability": {key: ability[key] for key in ("months", "year", "average")},
            "ability_groups": ability["deductions"],
            "plan": {"pool": data["plan"]["pool"], "total": data["plan"]["total"],
                     "shares": [share["payment"] for share in shares],
                     "payoff": [share["payoff_months"] for share in shares],
                     "conflicts": [share["debt_id"] in conflicted for share in shares]}}


def recalculate(source: Path, work: Path) -> Path:
    """LibreOffice opens ``source`` recalculating every formula, and saves it as xlsx."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    profile = work / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_FORCE_RECALC)
    out = work / "recalculated"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return out / source.name


@pytest.mark.slow
def test_libreoffice_recalculation_equals_summary_json(economy_db, tmp_path, isolated_home):
    path, citizen = economy_db
    out = tmp_path / "Ravnen 2025.xlsx"
    exported = run("economy", "export", str(path), "--citizen", str(citizen), "--year",
                   str(YEAR), "--out", str(out), home=isolated_home)
    assert exported.returncode == 0, exported.stderr
    printed = run("economy", "summary", str(path), "--citizen", str(citizen), "--year",
                  str(YEAR), "--json", home=isolated_home)
    assert printed.returncode == 0, printed.stderr
    data = json.loads(printed.stdout)
    # 7.240 + 2 × 5.040 + 2.520 (a child of 2–6) = 19.840 kr., the 2024 rates confirmed.
    assert data["norm_month"] == 1_984_000 and data["rates"]["label"] == "satser fra 2024"
    assert data["plan"]["total"] > 0 and any(s["payoff_months"] for s in data["plan"]["shares"])
    assert data["deficit_months"] == [2]
    want = expected(data)
    # Both kinds of row are in the plan: honoured agreements and broken ones.
    assert True in want["plan"]["conflicts"] and False in want["plan"]["conflicts"]
    assert figures(out) == want  # cached values, as written
    # Proof the recalculation is forced: a planted wrong cached value gets corrected.
    planted = tmp_path / "planted.xlsx"
    _plant_wrong_cache(planted)
    assert openpyxl.load_workbook(recalculate(planted, tmp_path),
                                  data_only=True).active["A1"].value == 2
    assert figures(recalculate(out, tmp_path)) == want


def _plant_wrong_cache(path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet().write_formula("A1", "=1+1", None, 5)
    book.close()


def test_import_round_trip_and_refusals(economy_db, tmp_path, isolated_home):
    path, citizen = economy_db
    out = tmp_path / "eksport.xlsx"
    base = ("--citizen", str(citizen), "--year", str(YEAR))
    assert run("economy", "export", str(path), *base, "--out", str(out),
               home=isolated_home).returncode == 0
    before = run("economy", "summary", str(path), *base, "--json", home=isolated_home)
    printed = run("economy", "summary", str(path), *base, home=isolated_home).stdout
    ability = json.loads(before.stdout)["ability_to_pay"]["average"]
    assert "Betalingsevne (gns. pr. måned)" in printed and "Norm: satser fra 2024" in printed
    assert format_dkk(ability) in printed
    imported = run("economy", "import", str(path), *base, str(out), home=isolated_home)
    assert imported.returncode == 0, imported.stderr
    assert "13 linjer er indlæst" in imported.stdout
    after = run("economy", "summary", str(path), *base, "--json", home=isolated_home)
    strip = lambda text: {k: v for k, v in json.loads(text).items() if k != "version"}  # noqa: E731
    assert strip(after.stdout) == strip(before.stdout)

    unknown = tmp_path / "ukendt.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Hvad", "Beløb"])
    book.active.append(["Husleje", 5000])
    book.save(unknown)
    refused = run("economy", "import", str(path), *base, str(unknown), home=isolated_home)
    assert refused.returncode == 2
    assert "tolv måneder" in refused.stderr and refused.stderr.count("\n") == 1
    final = run("economy", "summary", str(path), *base, "--json", home=isolated_home)
    assert json.loads(final.stdout)["version"] == json.loads(after.stdout)["version"]
