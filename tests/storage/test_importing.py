"""Onboarding import on a real encrypted database: reading, mapping, row errors, all or
nothing, refusals. Every person and CPR number here is fictitious."""

from __future__ import annotations

import os
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied
from mentordesk.importing import (
    ImportField,
    ImportHasErrors,
    ImportRefused,
    check_import,
    import_citizens,
    propose_mapping,
    read_import_file,
    resolve_mapping,
)
from mentordesk.importing.values import parse_weekly_hours
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import list_citizens
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import (
    Assignment,
    AuditEvent,
    Citizen,
    CourseType,
    Grant,
    LegalBasis,
    User,
)

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 11, 23)
HOSTILE = '=SUM(A1:A9) <b>fed</b> & "citat" 🙂'
HEADER = "Navn;CPR;Alias;Mentor;Lovgrundlag;Forløbstype;Startdato;Timer pr. uge"


@pytest.fixture
def mentor(database):
    with database.session() as session:
        session.add(User(login="mona.m", full_name="Mona Mentorsen", role=Role.MENTOR.value))
    return "Mona Mentorsen"


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _citizen_count(database) -> int:
    with database.read_session() as session:
        return session.scalar(select(func.count()).select_from(Citizen))


def _xlsx(path: Path, rows: list[list[object]], *, literal_text: bool = True) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if literal_text:
        # Text typed with a leading "=" is a string in the file, not a formula.
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
    workbook.save(path)
    return path


# --- reading -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding,delimiter", [
    ("utf-8-sig", ";"), ("utf-8", ","), ("cp1252", ";"), ("cp1252", ","), ("utf-16", "\t"),
])
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter):
    text = delimiter.join(["  NAVN ", "cpr-nr.", "Timer pr. uge"]) + "\r\n" + \
        delimiter.join(["Åse Ærø-Østergård", "010190-9001", '"1,5"' if delimiter == ","
                        else "1,5"]) + "\r\n"
    table = read_import_file(_write(tmp_path / "liste.csv", text, encoding))
    assert table.kind == "csv"
    assert [row.cells for row in table.rows] == [("Åse Ærø-Østergård", "010190-9001", "1,5")]
    assert propose_mapping(table.headers) == {
        0: ImportField.NAME, 1: ImportField.CPR, 2: ImportField.WEEKLY_HOURS}


def test_csv_row_numbers_count_blank_lines_and_skip_empty_rows(tmp_path):
    table = read_import_file(_write(tmp_path / "liste.csv",
                                    "\nNavn;CPR\nAnne;\n;\n\nBo;\n"))
    assert [(row.number, row.cells[0]) for row in table.rows] == [(3, "Anne"), (6, "Bo")]


def test_csv_excel_separator_hint_line(tmp_path):
    table = read_import_file(_write(tmp_path / "excel.csv", "sep=,\r\nNavn,CPR\r\nAnne;B,\r\n"))
    assert table.headers == ("Navn", "CPR")
    assert [(row.number, row.cells) for row in table.rows] == [(2, ("Anne;B", ""))]


def test_xlsx_cells_dates_numbers_and_formulas(tmp_path):
    path = _xlsx(tmp_path / "liste.xlsx", [
        ["Fornavn", "Efternavn", "CPR", "Startdato", "Timer pr. uge"],
        ["Anne", HOSTILE, 101909001, datetime(2026, 2, 1), 5],
        ["=1+1", "<i>Bo</i>", "0202909002", "01.03.2026", 2.5],
    ])
    # A real formula without a cached value (openpyxl never computes one) stays its text.
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    workbook.active["A4"] = "=HYPERLINK(\"http://x\")"
    workbook.active["B4"] = "Formel"
    workbook.save(path)

    table = read_import_file(path)
    assert table.kind == "xlsx"
    assert [row.cells for row in table.rows] == [
        ("Anne", HOSTILE, "101909001", date(2026, 2, 1), "5"),
        ("=1+1", "<i>Bo</i>", "0202909002", "01.03.2026", "2.5"),
        ('=HYPERLINK("http://x")', "Formel", "", "", ""),
    ]


def test_xlsx_formulas_show_the_cached_value_excel_saved(tmp_path):
    import openpyxl

    path = tmp_path / "fra-excel.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Navn", "Timer pr. uge"])
    workbook.active.append(['=CONCAT("Anne"," Holm")', "=2+3"])
    workbook.save(path)
    # Excel stores what it last computed next to each formula; openpyxl cannot, so the
    # test writes those cached values into the sheet XML as Excel would.
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    sheet = entries["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace('<c r="A2"><f>CONCAT("Anne"," Holm")</f><v /></c>',
                          '<c r="A2" t="str"><f>CONCAT("Anne"," Holm")</f><v>Anne Holm</v></c>')
    sheet = sheet.replace("<f>2+3</f><v /></c>", "<f>2+3</f><v>5</v></c>")
    entries["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)

    assert [row.cells for row in read_import_file(path).rows] == [("Anne Holm", "5")]


@pytest.mark.parametrize("text,expected", [
    ("5", (300, 300)), ("1-5", (60, 300)), ("6–10", (360, 600)), ("10 - 15 timer", (600, 900)),
    ("fra 1", (60, None)), ("1+", (60, None)), ("2,5", (150, 150)), ("5 timer pr. uge", (300, 300)),
])
def test_weekly_hours(text, expected):
    assert parse_weekly_hours(text) == expected


@pytest.mark.parametrize("text", ["abc", "5-1", "200", "-"])
def test_weekly_hours_refused(text):
    with pytest.raises(ValueError, match="Timer pr. uge"):
        parse_weekly_hours(text)


# --- refusals: one message, nothing changed ------------------------------------------------


def _refused(path: Path, needle: str) -> str:
    with pytest.raises(ImportRefused) as refused:
        read_import_file(path)
    message = str(refused.value)
    assert needle in message and "\n" not in message
    return message


def test_refuses_empty_files(tmp_path):
    _refused(_write(tmp_path / "tom.csv", ""), "er tom")
    _refused(_write(tmp_path / "blank.csv", "\n ; ;\n\n"), "er tom")
    _refused(_write(tmp_path / "overskrift.csv", "Navn;CPR\n"), "ingen borgere")
    _refused(_xlsx(tmp_path / "tom.xlsx", []), "er tom")


def test_refuses_random_bytes_and_other_formats(tmp_path):
    random_file = tmp_path / "data.csv"
    random_file.write_bytes(os.urandom(4096))
    _refused(random_file, "er ikke et regneark")
    old_excel = tmp_path / "gammel.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(512))
    _refused(old_excel, ".xls")
    document = tmp_path / "brev.xlsx"
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    _refused(document, "er ikke et regneark")
    broken = tmp_path / "i-stykker.xlsx"
    broken.write_bytes(b"PK\x03\x04" + os.urandom(300))
    _refused(broken, "er ikke et regneark")
    _refused(tmp_path / "findes-ikke.csv", "findes ikke")


def test_refuses_zip_bomb_before_openpyxl(tmp_path, monkeypatch):
    import openpyxl

    bomb = tmp_path / "bombe.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (51 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024  # small on disk

    def never(*_args, **_kwargs):
        raise AssertionError("openpyxl must not open a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    started = time.perf_counter()
    _refused(bomb, "mere end 50 MB")
    assert time.perf_counter() - started < 1


def test_refuses_huge_csv(tmp_path):
    huge = tmp_path / "stor.csv"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)
    _refused(huge, "mere end 50 MB")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_refuses_more_rows_than_the_limit(tmp_path, monkeypatch, kind):
    from mentordesk.importing import reader, table

    for module in (reader, table):
        monkeypatch.setattr(module, "MAX_DATA_ROWS", 3)
    rows = [["Navn"]] + [[f"Borger {number}"] for number in range(4)]
    if kind == "csv":
        path = _write(tmp_path / "lang.csv", "\n".join(row[0] for row in rows))
    else:
        path = _xlsx(tmp_path / "lang.xlsx", rows)
    _refused(path, "mere end 3 rækker")
    path = _write(tmp_path / "netop.csv", "\n".join(row[0] for row in rows[:4]))
    assert len(read_import_file(path).rows) == 3


def test_refuses_file_without_recognisable_columns(tmp_path):
    letter = _write(tmp_path / "brev.csv", "Kære kommune\nHermed listen, som aftalt.\n")
    table = read_import_file(letter)
    with pytest.raises(ImportRefused, match="Ingen kolonner kan genkendes"):
        resolve_mapping(table)


# --- mapping ---------------------------------------------------------------------------------


def test_mapping_option_overrides_proposal(tmp_path):
    table = read_import_file(_write(
        tmp_path / "liste.csv", "Borger;Kontakt;Navn\nAnne Holm;Mona;Noget andet\n"))
    assert propose_mapping(table.headers) == {0: ImportField.NAME}  # "Navn" comes second
    mapping = resolve_mapping(table, "Kontakt=Mentor, navn=-")
    assert mapping == {0: ImportField.NAME, 1: ImportField.MENTOR}
    assert resolve_mapping(table, "Navn=Navn") == {2: ImportField.NAME}  # explicit wins
    for option, needle in [("Ukendt=Navn", "findes ikke i filen"),
                           ("Kontakt=Hemmelig", "Ukendt felt"),
                           ("Kontakt", "Kolonne=felt"),
                           ("Borger=-,Kontakt=Mentor", "borgerens navn")]:
        with pytest.raises(ImportRefused, match=needle):
            resolve_mapping(table, option)


# --- checking and importing --------------------------------------------------------------------


def _clean_csv(tmp_path: Path, mentor: str) -> Path:
    rows = [
        HEADER,
        f"Anne Marie Holm;010190-9001;;{mentor};SEL §85;;01-02-2026;1-5",
        f'"{HOSTILE.replace(chr(34), chr(34) * 2)}";0202909002;;mona.m;§99;;2026-03-01;',
        ";;Ravnen;;SEL §99;;15.10.2026;fra 1",
        "Bo Berg;0303909003;;;;Fastholdelsesmentor;01-06-2026;",
        "Eva Eng;;;;;;;",
    ]
    return _write(tmp_path / "team.csv", "\n".join(rows) + "\n")


def test_clean_import_creates_citizens_mentors_and_grants(database, admin, mentor, tmp_path):
    table = read_import_file(_clean_csv(tmp_path, mentor))
    mapping = resolve_mapping(table)
    check = check_import(Context(database, admin), table, mapping, today=TODAY)
    assert check.ok and (check.rows, check.citizens, check.grants, check.assignments) == (
        5, 5, 4, 2)
    assert _citizen_count(database) == 0  # checking creates nothing

    imported = import_citizens(Context(database, admin), table, mapping, today=TODAY)
    result = imported.value
    assert (result.citizens, result.grants, result.assignments) == (5, 4, 2)
    # New citizens concern every list of citizens: a team-wide change.
    assert imported.changes == Changes.of(Kind.CITIZEN, Kind.ASSIGNMENTS, Kind.GRANTS)
    with database.read_session() as session:
        citizens = {c.id: c for c in session.scalars(select(Citizen))}
        by_name = {f"{c.first_name} {c.last_name}".strip() or c.alias: c
                   for c in citizens.values()}
        anne = by_name["Anne Marie Holm"]
        assert (anne.cpr, anne.cpr_last4, anne.status, anne.opened_on) == (
            "0101909001", "9001", "active", date(2026, 2, 1))
        hostile_first, hostile_last = HOSTILE.rsplit(" ", 1)
        hostile = by_name[HOSTILE]
        assert (hostile.first_name, hostile.last_name) == (hostile_first, hostile_last)
        raven = by_name["Ravnen"]
        assert raven.is_anonymous and raven.cpr is None
        assert by_name["Eva Eng"].opened_on == TODAY
        grants = {g.citizen_id: g for g in session.scalars(select(Grant))}
        basis = {b.id: b.code for b in session.scalars(select(LegalBasis))}
        assert basis[grants[anne.id].legal_basis_id] == "SEL §85"
        assert (grants[anne.id].hours_min_minutes, grants[anne.id].hours_max_minutes) == (
            60, 300)
        assert grants[raven.id].hours_max_minutes is None
        bo_grant = grants[by_name["Bo Berg"].id]
        course = session.get(CourseType, bo_grant.course_type_id)
        # The course type brings its legal basis, hours and price from the catalogue.
        assert course.name.startswith("Fastholdelsesmentor")
        assert basis[bo_grant.legal_basis_id] == "LAB §31b"
        assert bo_grant.hours_min_minutes == course.hours_min_minutes
        assert by_name["Eva Eng"].id not in grants
        assignments = session.execute(
            select(Assignment.citizen_id, Assignment.kind, User.login, Assignment.start_on)
            .join(User, User.id == Assignment.user_id)).all()
        assert sorted(assignments) == sorted([
            (anne.id, "primary", "mona.m", date(2026, 2, 1)),
            (hostile.id, "primary", "mona.m", date(2026, 3, 1)),
        ])
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "create",
                                                          AuditEvent.entity.in_(
                                                              ["citizen", "citizen_import"]))
                                 ).all()
    assert sorted(e.citizen_id for e in events if e.entity == "citizen") == sorted(citizens)
    summary = [e for e in events if e.entity == "citizen_import"]
    assert len(summary) == 1 and "5 borgere" in summary[0].detail
    # The list shows user text exactly as typed.
    shown = {row.display_name for row in list_citizens(Context(database, admin))}
    assert HOSTILE in shown


def test_the_import_log_names_the_backup_that_undoes_it(database, admin, mentor, tmp_path):
    """On the file, the copy taken just before; on the team server, which has no file to
    copy, the server's own backups (``server backup``) — never a name that does not exist."""
    table = read_import_file(_clean_csv(tmp_path, mentor))
    imported = import_citizens(Context(database, admin), table, resolve_mapping(table),
                               today=TODAY).value
    with database.read_session() as session:
        summary = session.scalar(select(AuditEvent.detail).where(
            AuditEvent.entity == "citizen_import", AuditEvent.action == "create"))
    if database.is_server:
        assert imported.backup is None
        assert summary.endswith("sikkerhedskopi: teamserverens egne sikkerhedskopier")
    else:
        assert imported.backup is not None and imported.backup.exists()
        assert summary.endswith(f"sikkerhedskopi før importen: {imported.backup.name}")


def test_row_errors_import_nothing(database, admin, mentor, tmp_path):
    existing = _write(tmp_path / "forste.csv", "Navn;CPR\nAllerede Her;0404909004\n")
    first = read_import_file(existing)
    import_citizens(Context(database, admin), first, resolve_mapping(first), today=TODAY)
    rows = [
        HEADER,
        "God Række;0505909005;;;;;;",  # 2: fine on its own
        "Ugyldig Cpr;3213909006;;;;;;",  # 3
        "Ukendt Mentor;;;Niels Ingen;;;;",  # 4
        "Ukendt Lov;;;;§77;;01-01-2026;",  # 5
        "Dublet En;0606909007;;;;;;",  # 6
        "Dublet To;060690-9007;;;;;;",  # 7
        "Findes;0404909004;;;;;;",  # 8
        ";;;;;;;",  # 9: blank, skipped
        ";0707909008;;;;;;",  # 10: no name, no alias
        "Dato Fejl;;;;SEL §85;;31-02-2026;",  # 11
        "X" * 121 + " Langt;;;;;;;",  # 12
        ";;Skyggen;;SEL §85;;01-01-2026;",  # 13: §85 does not allow anonymity
        ";0808909009;Maske;;;;;",  # 14: anonymous with CPR
        "Uden Start;;;;SEL §85;;;",  # 15
        "Fremtid;0101309010;;;;;;",  # 16: born 2030
    ]
    table = read_import_file(_write(tmp_path / "fejl.csv", "\n".join(rows) + "\n"))
    before = _citizen_count(database)
    with pytest.raises(ImportHasErrors) as failed:
        import_citizens(Context(database, admin), table, resolve_mapping(table), today=TODAY)
    assert _citizen_count(database) == before
    lines = [str(error) for error in failed.value.check.errors]
    expected = {
        3: "CPR-nummeret er ugyldigt", 4: "Mentoren »Niels Ingen« findes ikke",
        5: "Lovgrundlaget »§77« findes ikke", 7: "CPR-nummeret står også i række 6",
        8: "Der findes allerede en borger med dette CPR-nummer",
        10: "mangler både navn og alias", 11: "Startdato: Datoen »31-02-2026« findes ikke",
        12: "Feltet Navn er for langt (121 tegn; højst 120)",
        13: "SEL §85 tillader ikke anonym registrering",
        14: "anonym borger (kun alias) registreres uden CPR-nummer",
        15: "Startdato mangler", 16: "CPR-nummeret er ugyldigt. Fødselsdatoen",
    }
    for row, needle in expected.items():
        assert any(line.startswith(f"Række {row}: ") and needle in line for line in lines), \
            (row, lines)
    assert {error.row for error in failed.value.check.errors} == set(expected)
    assert not any("0404909004" in line or "3213909006" in line for line in lines)
    assert "12 af 14 rækker" in str(failed.value) and "intet er importeret" in str(failed.value)

    check = check_import(Context(database, admin), table, resolve_mapping(table), today=TODAY)
    assert check.errors == failed.value.check.errors and check.citizens == 2


def test_legal_basis_and_mentor_spellings(database, admin, mentor, tmp_path):
    rows = ["Navn;Mentor;Lovgrundlag;Startdato",
            "A Et;MONA.M;sel  §85;01-01-2026", "B To;  mona   mentorsen ;§85;01-01-2026",
            "C Tre;;85;01-01-2026", "D Fire;;Socialpædagogisk støtte;01-01-2026",
            "E Fem;;lab §31B;01-01-2026"]
    table = read_import_file(_write(tmp_path / "stavning.csv", "\n".join(rows)))
    check = check_import(Context(database, admin), table, resolve_mapping(table), today=TODAY)
    assert check.ok, [str(e) for e in check.errors]
    assert (check.grants, check.assignments) == (5, 2)


def test_xlsx_import_with_excel_dates_and_lost_leading_zero(database, admin, tmp_path):
    path = _xlsx(tmp_path / "team.xlsx", [
        ["Navn", "CPR", "Lovgrundlag", "Startdato", "Timer pr. uge"],
        [HOSTILE, 101909001, "SEL §85", datetime(2026, 2, 1), "6–10"],
        ["Bo Berg", "=SUM(1)", None, None, None],
    ])
    table = read_import_file(path)
    check = check_import(Context(database, admin), table, resolve_mapping(table), today=TODAY)
    assert [str(error) for error in check.errors] == [
        "Række 3: CPR-nummeret er ugyldigt: skriv 10 cifre som ddmmåå-xxxx."]


def test_only_coordinators_import(database, admin, tmp_path):
    with database.session() as session:
        session.add(User(login="mia.m", full_name="Mia Mentor", role=Role.MENTOR.value))
    mentor_actor = resolve_actor(database, "mia.m")
    table = read_import_file(_write(tmp_path / "a.csv", "Navn\nAnne Holm\n"))
    with pytest.raises(AccessDenied):
        import_citizens(Context(database, mentor_actor), table, resolve_mapping(table))
    with pytest.raises(AccessDenied):
        check_import(Context(database, mentor_actor), table, resolve_mapping(table))
    assert _citizen_count(database) == 0
