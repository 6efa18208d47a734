"""The readable PDF at the front of the right-of-access package (shared PDF toolkit)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from reportlab.platypus import Flowable

from mentordesk.domain.codes import GoalStatus
from mentordesk.domain.cpr import mask_cpr
from mentordesk.domain.dates import format_date, parse_date
from mentordesk.pdf.toolkit import PdfMeta, build_pdf, content_width, data_table, para
from mentordesk.rights.collect import CitizenData
from mentordesk.rights.tables import CITIZEN_TABLES

TITLE = "Indsigt i egne oplysninger"


def summary_pdf(data: CitizenData, files: list[str], team_name: str,
                printed_at: datetime) -> bytes:
    citizen = data.rows("citizen")[0]
    story: list[Flowable] = [
        para(TITLE, "title"),
        para(f"Her er de oplysninger, {team_name or 'teamet'} har registreret om dig i "
             f"MentorDesk, pr. {format_date(printed_at.date())}. Alle oplysninger står i "
             "filerne i pakken; denne oversigt er den læsevenlige del."),
    ]
    story += _person(citizen)
    story += _counts(data)
    story += _grants(data) + _goals(data) + _contacts(data)
    story += _log(data)
    story += [para("Pakkens filer", "heading")] + [para(name) for name in files]
    meta = PdfMeta(title=TITLE, team_name=team_name, printed_at=printed_at,
                   subject="Indsigtspakke (databeskyttelsesforordningens artikel 15)")
    return build_pdf(story, meta)


def _person(citizen: dict) -> list[Flowable]:
    name = f"{citizen.get('first_name', '')} {citizen.get('last_name', '')}".strip()
    rows = [
        ("Navn", name or citizen.get("alias") or ""),
        ("Alias", citizen.get("alias") or ""),
        ("CPR-nummer", mask_cpr(citizen.get("cpr")) + " (fuldt nummer i datafilerne)"
         if citizen.get("cpr") else "Ikke registreret"),
        ("Adresse", ", ".join(part for part in (
            citizen.get("address"), f"{citizen.get('postal_code', '')} "
            f"{citizen.get('city', '')}".strip()) if part)),
        ("Telefon", citizen.get("phone") or ""),
        ("E-mail", citizen.get("email") or ""),
        ("Sagen åbnet", _date(citizen.get("opened_on"))),
        ("Sagen afsluttet", _date(citizen.get("closed_on"))),
    ]
    width = content_width()
    return [para("Dig", "heading"), data_table(
        ("Oplysning", "Registreret"), [list(row) for row in rows if row[1]],
        col_widths=(width * 0.3, width * 0.7))]


def _counts(data: CitizenData) -> list[Flowable]:
    rows = [[spec.title, str(len(data.rows(spec.name)))] for spec in CITIZEN_TABLES
            if spec.name != "citizen"]
    rows.append(["Opslag i adgangsloggen", str(len(data.log))])
    width = content_width()
    return [para("Hvad der er registreret", "heading"), data_table(
        ("Område", "Antal"), rows, col_widths=(width * 0.7, width * 0.3), align_right=(1,))]


def _grants(data: CitizenData) -> list[Flowable]:
    rows = [[row.get("legal_basis_id (navn)", ""), _date(row.get("start_on")),
             _date(row.get("end_on")), row.get("authority_id (navn)", "")]
            for row in data.rows("grant")]
    if not rows:
        return []
    return [para("Bevillinger", "heading"),
            data_table(("Lovgrundlag", "Fra", "Til", "Myndighed"), rows)]


def _goals(data: CitizenData) -> list[Flowable]:
    rows = [[str(row.get("title", ""))[:300], _status(row.get("status")),
             _date(row.get("review_on"))] for row in data.rows("goal")]
    if not rows:
        return []
    width = content_width()
    return [para("Indsatsmål", "heading"), data_table(
        ("Mål", "Status", "Opfølgning"), rows,
        col_widths=(width * 0.6, width * 0.2, width * 0.2))]


def _contacts(data: CitizenData) -> list[Flowable]:
    contacts = data.rows("contact")
    if not contacts:
        return []
    days = sorted(str(row.get("contact_on")) for row in contacts)
    return [para("Kontakter", "heading"), para(
        f"{len(contacts)} kontakter fra {_date(days[0])} til {_date(days[-1])}. "
        "Noterne fra hver kontakt står i datafilerne.")]


def _log(data: CitizenData) -> list[Flowable]:
    story: list[Flowable] = [para("Hvem har set dine oplysninger", "heading"), para(
        "Adgangsloggen viser, hvornår og i hvilken rolle en medarbejder har set, ændret, "
        "udskrevet eller eksporteret dine oplysninger. Medarbejdernes navne er erstattet "
        "af deres rolle. Loggen gemmes i seks måneder.")]
    counts = Counter((entry["rolle"], entry["handling"]) for entry in data.log)
    if counts:
        story.append(data_table(("Rolle", "Handling", "Antal"),
                                [[role, action, str(count)] for (role, action), count
                                 in sorted(counts.items())], align_right=(2,)))
    return story


def _status(code: object) -> str:
    try:
        return GoalStatus(str(code)).label
    except ValueError:
        return str(code or "")


def _date(value: object) -> str:
    if not value:
        return ""
    try:
        return format_date(parse_date(str(value)[:10]))
    except ValueError:
        return str(value)
