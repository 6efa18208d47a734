"""The right-of-access package: everything about the citizen, derived from the schema."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime

import openpyxl
import pytest
from rights_support import citizen_linked_tables, fill_every_table, sentinel
from sqlalchemy import String, Text, select

from mentordesk import audit
from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.rights.access_export import JSON_NAME, SUMMARY_NAME, XLSX_NAME, export_citizen
from mentordesk.rights.tables import CITIZEN_TABLES, DELETION_REGISTER, LOG_TABLE, excluded
from mentordesk.storage.models import AuditEvent, Base, User

pytestmark = pytest.mark.both_backends

NOW = datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def filled(database, admin):
    with database.session() as session:
        first = fill_every_table(session, "A")
        second = fill_every_table(session, "B")
        citizen_id = first["citizen"]["id"]
        staff = session.get(User, first["user"]["id"])
        audit.record(session, staff.login, audit.Action.READ, entity="citizen",
                     citizen_id=citizen_id,
                     detail=f"Sagen læst af {staff.full_name} ({staff.login})")
    return database, first, second


def _package(database, admin, citizen_id, tmp_path):
    out = tmp_path / "indsigt.zip"
    package = export_citizen(Context(database, admin), citizen_id, out, now=NOW)
    archive = zipfile.ZipFile(out)
    return package, archive


def test_every_table_with_citizen_data_is_covered():
    """Derived from the schema: a new table that reaches the citizen must be exported."""
    covered = {spec.name for spec in CITIZEN_TABLES} | {LOG_TABLE, DELETION_REGISTER}
    assert citizen_linked_tables() == covered


def test_every_text_column_of_the_citizen_is_in_json_and_xlsx(filled, admin, tmp_path):
    database, first, second = filled
    _package_, archive = _package(database, admin, first["citizen"]["id"], tmp_path)
    document = json.loads(archive.read(JSON_NAME))
    flat_json = json.dumps(document, ensure_ascii=False)
    workbook = openpyxl.load_workbook(io.BytesIO(archive.read(XLSX_NAME)))
    cells = {str(cell.value) for sheet in workbook for row in sheet.iter_rows()
             for cell in row if cell.value is not None}
    missing = []
    for name in sorted(citizen_linked_tables() - {LOG_TABLE, DELETION_REGISTER}):
        rows = document["tabeller"][name]["rækker"]
        assert len(rows) == 1, f"{name}: expected the citizen's one row, got {len(rows)}"
        for column in Base.metadata.tables[name].columns:
            if excluded(name, column.name):
                continue
            if column.name not in rows[0]:
                missing.append(f"{name}.{column.name}")
            elif isinstance(column.type, String | Text) and not column.foreign_keys \
                    and first[name][column.name] == sentinel(name, column.name, "A"):
                if sentinel(name, column.name, "A") not in cells:
                    missing.append(f"{name}.{column.name} (xlsx)")
    assert not missing, f"citizen data not in the access export: {missing}"
    assert "#B»" not in flat_json, "another citizen's data leaked into the package"


def test_log_has_roles_not_staff_names(filled, admin, tmp_path):
    database, first, _second = filled
    package, archive = _package(database, admin, first["citizen"]["id"], tmp_path)
    log = json.loads(archive.read(JSON_NAME))["adgangslog"]
    staff = first["user"]
    assert package.log_entries == len(log) >= 1
    flat = json.dumps(log, ensure_ascii=False)
    assert staff["full_name"] not in flat and staff["login"] not in flat
    assert admin.login not in flat
    assert any(entry["rolle"] == "Mentor" and "[Mentor]" in entry["detaljer"] for entry in log)


def test_package_has_summary_reports_and_economy_and_is_audited(filled, admin, tmp_path,
                                                                pdf_text):
    database, first, _second = filled
    package, archive = _package(database, admin, first["citizen"]["id"], tmp_path)
    names = archive.namelist()
    assert SUMMARY_NAME in names and any(n.startswith("rapporter/") for n in names)
    assert "økonomi/økonomisk-overblik-2024.xlsx" in names
    assert archive.read(next(n for n in names if n.startswith("rapporter/"))).startswith(
        b"%PDF-1.4 ")
    text = pdf_text(archive.read(SUMMARY_NAME))
    assert "Indsigt i egne oplysninger" in text and sentinel("citizen", "first_name", "A") \
        in text
    with database.read_session() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (last.action, last.citizen_id, last.user_login) == (
        "export", first["citizen"]["id"], admin.login)


def test_mentor_cannot_export(filled, tmp_path):
    database, first, _second = filled
    mentor = Actor(first["user"]["id"], first["user"]["login"], "M", Role.MENTOR)
    with pytest.raises(AccessDenied):
        export_citizen(Context(database, mentor), first["citizen"]["id"], tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()
