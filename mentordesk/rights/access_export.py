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
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.kernel.access import require_citizen, require_coordinator
from mentordesk.kernel.context import Context
from mentordesk.storage.database import TEAM_NAME_KEY
from mentordesk.storage.models import AppMeta, Citizen

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


def export_citizen(context: Context, citizen_id: int, out: Path,
                   *, now: datetime | None = None) -> AccessPackage:
    """Write the package for ``citizen_id`` to ``out`` (a .zip), atomically; audited."""
    from mentordesk.files import write_atomically

    require_coordinator(context.actor)
    printed_at = now or datetime.now()
    with context.session() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        content, files, log_entries = build_package(session, citizen, printed_at)
        write_atomically(Path(out), content)
        audit.record(session, context.actor.login, audit.Action.EXPORT, entity="citizen",
                     entity_id=citizen_id, citizen_id=citizen_id,
                     detail=f"Indsigtspakke eksporteret til {audit.file_kind(out)} "
                     f"({len(files)} filer)")
    return AccessPackage(Path(out), files, log_entries)


def build_package(session: Session, citizen: Citizen,
                  printed_at: datetime) -> tuple[bytes, list[str], int]:
    """The zip's bytes, its file names and the number of log entries in it, built inside
    the caller's transaction."""
    from mentordesk.rights.access_files import data_json, data_workbook
    from mentordesk.rights.access_summary import summary_pdf
    from mentordesk.rights.collect import collect

    data = collect(session, citizen.id)
    members: dict[str, bytes] = {
        JSON_NAME: data_json(data, printed_at),
        XLSX_NAME: data_workbook(data),
    }
    for name, pdf in data.reports:
        members[f"rapporter/{name}"] = pdf
    for year, workbook in _economy_workbooks(session, citizen, printed_at.date()):
        members[f"økonomi/økonomisk-overblik-{year}.xlsx"] = workbook
    members[README_NAME] = README.encode("utf-8")
    names = [SUMMARY_NAME, *members]
    team = session.get(AppMeta, TEAM_NAME_KEY)
    summary = summary_pdf(data, names, team.value if team else "", printed_at)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_member(SUMMARY_NAME, printed_at), summary)
        for name, content in members.items():
            archive.writestr(_member(name, printed_at), content)
    return buffer.getvalue(), names, len(data.log)


def _economy_workbooks(session: Session, citizen: Citizen,
                       today: date) -> list[tuple[int, bytes]]:
    from sqlalchemy import select

    from mentordesk.economy.service_sheet import summary_in
    from mentordesk.economy.xlsx_writer import workbook_bytes
    from mentordesk.storage.models import EconomyOverview

    years = session.scalars(select(EconomyOverview.year).where(
        EconomyOverview.citizen_id == citizen.id).order_by(EconomyOverview.year))
    return [(year, workbook_bytes(summary_in(session, citizen, year), today))
            for year in years]


def _member(name: str, printed_at: datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=printed_at.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    return info

