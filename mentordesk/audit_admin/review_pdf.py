"""The monthly log review as a PDF (the shared toolkit: embedded font, escaped text)."""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Flowable

from mentordesk.audit_admin.review import Finding, ReviewReport
from mentordesk.pdf.toolkit import PdfMeta, build_pdf, content_width, data_table, para

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december")
# A finding list longer than this is cut in the PDF (the viewer and export show all).
MAX_ROWS = 300


def month_name(report: ReviewReport) -> str:
    return f"{MONTHS[report.month.month - 1]} {report.month.year}"


def review_pdf(report: ReviewReport, printed_at: datetime) -> bytes:
    title = f"Logkontrol {month_name(report)}"
    story: list[Flowable] = [
        para(title, "title"),
        para(f"{report.total_events} hændelser i adgangsloggen i {month_name(report)}. "
             f"Kæden: {'i orden' if report.chain_ok else 'BRUDT'} ({report.chain_detail}). "
             f"Underskrifter: {'i orden' if report.signatures_ok else 'FEJL'} "
             f"({report.signatures_detail})."),
    ]
    story += _volumes(report)
    story += _findings("Opslag uden for egen sagsstamme", report.outside_caseload,
                       "Ingen opslag hos borgere uden tildeling eller afløsning.")
    story += _findings("CPR-numre vist", report.cpr_reveals, "Ingen CPR-numre vist.")
    story += _findings("Eksporter og udskrifter", report.exports, "Ingen eksporter.")
    story += _findings("Mislykkede åbninger", report.failed_unlocks,
                       "Ingen mislykkede åbninger.")
    story += _witness(report)
    story += [para("Gennemgået af: ____________________   Dato: ____________", "body")]
    meta = PdfMeta(title=title, team_name=report.team_name, printed_at=printed_at,
                   subject="Månedlig gennemgang af adgangsloggen")
    return build_pdf(story, meta)


def _witness(report: ReviewReport) -> list[Flowable]:
    """The head of the log, to be written into the team's own minutes: a witness outside
    the file that a later copy must still contain."""
    if report.head is None:
        return []
    head = report.head
    return [para("Loggens hoved (vidne)", "heading"),
            para(f"Hændelse nr. {head.event_id} af {head.count}, hash {head.hash}. "
                 "Skriv tallene i teamets protokol: en senere fil, hvis log ikke rummer "
                 "denne hændelse med denne hash, er rullet tilbage eller ændret.")]


def _volumes(report: ReviewReport) -> list[Flowable]:
    width = content_width()
    rows = [[v.name, v.role, str(v.events), str(v.citizens), str(v.night_events),
             v.unusual or "–"] for v in report.volumes]
    if not rows:
        return [para("Omfang pr. bruger", "heading"), para("Ingen hændelser i måneden.")]
    return [para("Omfang pr. bruger", "heading"), data_table(
        ("Bruger", "Rolle", "Antal", "Borgere", "Kl. 22–6", "Usædvanligt"), rows,
        col_widths=(width * 0.22, width * 0.16, width * 0.1, width * 0.1, width * 0.1,
                    width * 0.32), align_right=(2, 3, 4))]


def _findings(heading: str, findings: list[Finding], empty: str) -> list[Flowable]:
    if not findings:
        return [para(heading, "heading"), para(empty)]
    width = content_width()
    rows = [[f.occurred_at.strftime("%d-%m-%Y %H.%M"), f.name, f.action, f.citizen_label,
             f.detail[:300]] for f in findings[:MAX_ROWS]]
    story: list[Flowable] = [para(f"{heading} ({len(findings)})", "heading"), data_table(
        ("Tidspunkt", "Bruger", "Handling", "Borger", "Detaljer"), rows,
        col_widths=(width * 0.15, width * 0.17, width * 0.15, width * 0.18, width * 0.35))]
    if len(findings) > MAX_ROWS:
        story.append(para(f"… og {len(findings) - MAX_ROWS} flere; se loggen i programmet."))
    return story
