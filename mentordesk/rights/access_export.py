"""The right-of-access package (*indsigtspakke*): one zip with everything about a citizen.

Contents: a readable PDF summary, the data as JSON and as a workbook (every table that
holds the citizen's data, see ``tables``), the frozen PDFs of approved reports, the
economy workbooks of every year, and the access log for the citizen with roles instead of
staff names. Coordinators and admins only (a formal request is answered by the team's
management); the export is logged, and the zip is written atomically.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.kernel.access import require_citizen, require_coordinator
from mentordesk.kernel.context import Context
from mentordesk.storage.database import TEAM_NAME_KEY
from mentordesk.storage.models import AppMeta, Citizen

if TYPE_CHECKING:
    from mentordesk.economy.records import EconomySummary
    from mentordesk.rights.collect import CitizenData

SUMMARY_NAME = "00-oversigt.pdf"
JSON_NAME = "data/borgerdata.json"
XLSX_NAME = "data/borgerdata.xlsx"
README_NAME = "LÆS MIG.txt"
README = (
    "Indsigtspakke fra MentorDesk\r\n\r\n"
    "00-oversigt.pdf          en læsevenlig oversigt\r\n"
    "data/borgerdata.json     alle registrerede oplysninger (maskinlæsbart)\r\n"
    "data/borgerdata.xlsx     de samme oplysninger som regneark, ét ark pr. område\r\n"
    "rapporter/               godkendte progressionsrapporter, som de blev sendt\r\n"
    "økonomi/                 økonomisk overblik pr. år som regneark\r\n"
    "Adgangsloggen (hvem har set oplysningerne, i hvilken rolle) står i begge datafiler.\r\n"
)


@dataclass(frozen=True)
class AccessPackage:
    path: Path
    files: list[str]
    log_entries: int


@dataclass(frozen=True)
class _PackageData:
    """Everything the package shows, read in one read transaction."""

    data: CitizenData
    economy: list[EconomySummary]
    team_name: str


def export_citizen(context: Context, citizen_id: int, out: Path,
                   *, now: datetime | None = None) -> AccessPackage:
    """Write the package for ``citizen_id`` to ``out`` (a .zip), atomically; audited.

    The data is read in a read transaction and the package built outside any transaction:
    building the PDF and workbooks takes seconds, and no other writer should wait."""
    from mentordesk.files import write_atomically

    require_coordinator(context.actor)
    printed_at = now or datetime.now()
    with context.read() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        package = _read_package(session, citizen)
    content, files, log_entries = build_package(package, printed_at)
    write_atomically(Path(out), content)
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.EXPORT, entity="citizen",
                     entity_id=citizen_id, citizen_id=citizen_id,
                     detail=f"Indsigtspakke eksporteret til {audit.file_kind(out)} "
                     f"({len(files)} filer)")
    return AccessPackage(Path(out), files, log_entries)


def _read_package(session: Session, citizen: Citizen) -> _PackageData:
    from mentordesk.economy.service_sheet import summary_in
    from mentordesk.rights.collect import collect
    from mentordesk.storage.queries.economy import years_with_sheet

    years = sorted(session.scalars(years_with_sheet(citizen.id)))
    team = session.get(AppMeta, TEAM_NAME_KEY)
    return _PackageData(collect(session, citizen.id),
                        [summary_in(session, citizen, year) for year in years],
                        team.value if team else "")


def build_package(package: _PackageData,
                  printed_at: datetime) -> tuple[bytes, list[str], int]:
    """The zip's bytes, its file names and the number of log entries in it."""
    from mentordesk.economy.xlsx_writer import workbook_bytes
    from mentordesk.rights.access_files import data_json, data_workbook
    from mentordesk.rights.access_summary import summary_pdf

    data = package.data
    members: dict[str, bytes] = {
        JSON_NAME: data_json(data, printed_at),
        XLSX_NAME: data_workbook(data),
    }
    for name, pdf in data.reports:
        members[f"rapporter/{name}"] = pdf
    for summary in package.economy:
        members[f"økonomi/økonomisk-overblik-{summary.year}.xlsx"] = workbook_bytes(
            summary, printed_at.date())
    members[README_NAME] = README.encode("utf-8")
    names = [SUMMARY_NAME, *members]
    summary_file = summary_pdf(data, names, package.team_name, printed_at)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_member(SUMMARY_NAME, printed_at), summary_file)
        for name, content in members.items():
            archive.writestr(_member(name, printed_at), content)
    return buffer.getvalue(), names, len(data.log)


def _member(name: str, printed_at: datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=printed_at.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    return info

