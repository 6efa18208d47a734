"""`mentordesk import-citizens` as a script runs it: exit codes, stdout rows, stderr line.

Fictitious people and CPR numbers only.
"""

from __future__ import annotations

import csv
import getpass
import json
import os
from datetime import datetime
from pathlib import Path

import pytest
from test_cli import run  # the shared way of running the CLI with a passphrase

HOSTILE = '=SUM(A1:A9) <b>fed</b> & "citat" 🙂'
LOGIN = getpass.getuser()  # the database's first user (admin) is this PC's login


@pytest.fixture
def db(tmp_path: Path, isolated_home: Path) -> Path:
    path = tmp_path / "import.mentordesk"
    result = run("init", str(path), "--team", "Importteamet", home=isolated_home)
    assert result.returncode == 0, result.stderr
    return path


def listed(db: Path, home: Path) -> list[dict]:
    result = run("citizens", str(db), "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    for row in workbook.active.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed text, not a formula
    workbook.save(path)
    return path


def test_clean_cp1252_csv_is_imported_and_listed(db, tmp_path, isolated_home):
    csv_file = tmp_path / "borgere.csv"
    csv_file.write_bytes("\r\n".join([
        "Navn;CPR;Mentor;Lovgrundlag;Startdato;Timer pr. uge",
        f"Søren Ærø Åberg;010190-9001;{LOGIN};SEL §85;01-02-2026;1-5",
        "Øjvind Østergård;0202909002;;§99;15.03.2026;",
    ]).encode("cp1252"))

    result = run("import-citizens", str(db), str(csv_file), home=isolated_home)

    assert result.returncode == 0, result.stderr
    assert "2 borgere er importeret" in result.stdout and result.stderr == ""
    rows = {row["name"]: row for row in listed(db, isolated_home)}
    assert set(rows) == {"Søren Ærø Åberg", "Øjvind Østergård"}
    assert rows["Søren Ærø Åberg"]["mentor"] == LOGIN
    assert rows["Søren Ærø Åberg"]["cpr"] == "010190-xxxx"
    assert rows["Øjvind Østergård"]["status"] == "active"


def test_clean_xlsx_with_hostile_text_is_stored_literally(db, tmp_path, isolated_home):
    path = write_xlsx(tmp_path / "borgere.xlsx", [
        ["Fornavn", "Efternavn", "Alias", "CPR", "Lovgrundlag", "Startdato"],
        ["Anne", HOSTILE, None, 101909001, "SEL §85", datetime(2026, 2, 1)],
        [None, None, "<script>Ravnen</script>", None, "SEL §99", "01-03-2026"],
    ])

    result = run("import-citizens", str(db), str(path), home=isolated_home)

    assert result.returncode == 0, result.stderr
    names = {row["name"]: row for row in listed(db, isolated_home)}
    assert set(names) == {f"Anne {HOSTILE}", "<script>Ravnen</script>"}
    assert names["<script>Ravnen</script>"]["anonymous"] is True


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_row_errors_exit_1_and_import_nothing(db, tmp_path, isolated_home, kind):
    rows = [
        ["Navn", "CPR", "Mentor", "Lovgrundlag", "Startdato"],
        [HOSTILE, "0101909001", "", "", ""],
        ["Forkert Cpr", "3213909002", "", "", ""],
        ["Ukendt Mentor", "", "Ingen Sådan", "", ""],
        ["Dublet", "010190-9001", "", "", ""],
        ["Ukendt Lov", "", "", "§ 777", "01-01-2026"],
    ]
    if kind == "csv":
        path = tmp_path / "fejl.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, delimiter=",").writerows(rows)
    else:
        path = write_xlsx(tmp_path / "fejl.xlsx", rows)

    result = run("import-citizens", str(db), str(path), home=isolated_home)

    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "Række 3: CPR-nummeret er ugyldigt. CPR-nummeret indeholder ikke en gyldig fødselsdato.",
        "Række 4: Mentoren »Ingen Sådan« findes ikke i teamet. Opret brugeren først, eller "
        "ret navnet.",
        "Række 5: CPR-nummeret står også i række 2.",
        "Række 6: Lovgrundlaget »§ 777« findes ikke i kataloget.",
    ]
    assert len(result.stderr.strip().splitlines()) == 1
    assert "4 af 5 rækker har fejl; intet er importeret" in result.stderr
    assert listed(db, isolated_home) == []


def test_dry_run_and_mapping_option(db, tmp_path, isolated_home):
    path = tmp_path / "egne-overskrifter.csv"
    path.write_text(f"Borger,Kontakt,Bemærkning\nAnne Holm,{LOGIN},husk nøgle\n",
                    encoding="utf-8")
    unmapped = run("import-citizens", str(db), str(path), "--dry-run", home=isolated_home)
    assert unmapped.returncode == 0, unmapped.stderr  # "Borger" is recognised as the name
    assert "0 med primær mentor" in unmapped.stdout and "Intet er gemt" in unmapped.stdout
    assert listed(db, isolated_home) == []

    mapped = run("import-citizens", str(db), str(path), "--mapping", "Kontakt=Mentor",
                 home=isolated_home)
    assert mapped.returncode == 0, mapped.stderr
    assert [(row["name"], row["mentor"]) for row in listed(db, isolated_home)] == [
        ("Anne Holm", LOGIN)]


@pytest.mark.parametrize("content,needle", [
    (b"", "er tom"),
    (os.urandom(2048), "er ikke et regneark"),
    (b"Hej\nHer er listen\n", "Ingen kolonner kan genkendes"),
    (b"Navn;CPR\n", "ingen borgere"),
])
def test_refused_files_exit_2_with_one_line(db, tmp_path, isolated_home, content, needle):
    path = tmp_path / "fil.csv"
    path.write_bytes(content)
    result = run("import-citizens", str(db), str(path), home=isolated_home)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0]
    assert listed(db, isolated_home) == []


def test_bad_mapping_exits_2_and_wrong_key_exits_3(db, tmp_path, isolated_home):
    path = tmp_path / "liste.csv"
    path.write_text("Navn\nAnne Holm\n", encoding="utf-8")
    bad = run("import-citizens", str(db), str(path), "--mapping", "Navn=Hemmelig",
              home=isolated_home)
    assert bad.returncode == 2 and "Ukendt felt »Hemmelig«" in bad.stderr
    wrong = run("import-citizens", str(db), str(path), passphrase="ikke den rigtige kode",
                home=isolated_home)
    assert wrong.returncode == 3 and len(wrong.stderr.strip().splitlines()) == 1
    assert listed(db, isolated_home) == []
