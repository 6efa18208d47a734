"""Billing basis (*afregningsgrundlag*): per ordering authority and month, per citizen and
grant, what the provider may invoice.

* Price per hour: attended contacts in the month inside the grant period, × the hourly
  price, pro rata by the minute (``Price.amount_for_week`` rounds half up in øre).
* Price per week: the ISO weeks whose Thursday falls in the month and in the grant period
  (the ISO rule puts each week in exactly one month, so no week is billed twice).
A contact is billed to the grant it is attributed to (``Contact.grant_id``, see
``domain.grant_choice``), so two overlapping grants never bill the same hour twice and
an unattributed contact is billed to nobody until a person attributes it. Only
coordinators see billing.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from mentordesk import audit
from mentordesk.domain.catalogue import Price, PriceModel
from mentordesk.domain.dates import format_date
from mentordesk.domain.duration import XLSX_HOURS_FORMAT, hours_text, hours_value
from mentordesk.domain.money import format_dkk
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.files import write_atomically
from mentordesk.kernel.access import require_coordinator
from mentordesk.kernel.context import Context
from mentordesk.schedule.labels import citizen_name, citizens_by_id
from mentordesk.storage.database import TEAM_NAME_KEY
from mentordesk.storage.models import Authority, Grant
from mentordesk.storage.queries import hours as queries
from mentordesk.storage.queries.periods import period_overlaps

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december")


@dataclass(frozen=True)
class BillingLine:
    citizen_id: int
    citizen_name: str
    grant_id: int
    course_name: str
    grant_period: str                # "01-09-2026 – løbende"
    price_model: str | None          # PriceModel code, None = price agreed case by case
    price_oere: int | None
    delivered_minutes: int           # in the month, inside the grant period
    weeks: int                       # weekly-price weeks in the month
    amount_oere: int

    @property
    def quantity_label(self) -> str:
        if self.price_model == PriceModel.PER_WEEK:
            return f"{self.weeks} uger"
        return hours_text(self.delivered_minutes)

    @property
    def price_label(self) -> str:
        if self.price_model is None or self.price_oere is None:
            return "Aftales"
        return f"{format_dkk(self.price_oere)} {PriceModel(self.price_model).label}"


@dataclass(frozen=True)
class BillingBasis:
    authority_id: int
    authority_name: str
    year: int
    month: int
    lines: list[BillingLine]

    @property
    def total_oere(self) -> int:
        return sum(line.amount_oere for line in self.lines)

    @property
    def month_label(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}"


def billing_basis(context: Context, authority_id: int, year: int,
                  month: int) -> BillingBasis:
    require_coordinator(context.actor)
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise InvalidInput("Vælg en gyldig måned.")
    basis = _read_basis(context, authority_id, year, month)
    with context.session() as session:
        for citizen_id in sorted({line.citizen_id for line in basis.lines}):
            audit.record(session, context.actor.login, audit.Action.READ, entity="billing",
                         citizen_id=citizen_id,
                         detail=f"Afregningsgrundlag {basis.authority_name} {month:02d}-{year}")
    return basis


def _read_basis(context: Context, authority_id: int, year: int, month: int) -> BillingBasis:
    """The month's lines, read without taking the write lock."""
    first = date(year, month, 1)
    last = date(year, month, monthrange(year, month)[1])
    with context.read() as session:
        authority = session.get(Authority, authority_id)
        if authority is None:
            raise NotFound("Myndigheden findes ikke.")
        grants = list(session.execute(queries.authority_grants(authority_id, first, last)).all())
        citizens = citizens_by_id(session, (g.citizen_id for g, _ in grants))
        minutes = _hourly_minutes(session, [g for g, _ in grants], first, last)
        lines = [_line(g, course or "", citizens, minutes.get(g.id, 0), first, last)
                 for g, course in grants]
        lines.sort(key=lambda line: (line.citizen_name.casefold(), line.grant_id))
        return BillingBasis(authority.id, authority.name, year, month, lines)


def export_billing_xlsx(context: Context, authority_id: int, year: int,
                        month: int, path: Path) -> Path:
    basis = billing_basis(context, authority_id, year, month)
    written = write_atomically(Path(path), billing_workbook(basis))
    _audit_export(context, basis, written)
    return written


def export_billing_pdf(context: Context, authority_id: int, year: int,
                       month: int, path: Path, *, printed_at: datetime | None = None) -> Path:
    basis = billing_basis(context, authority_id, year, month)
    team = context.database.meta(TEAM_NAME_KEY)
    written = write_atomically(Path(path), billing_pdf(basis, team, printed_at
                                                       or datetime.now()))
    _audit_export(context, basis, written)
    return written


# --- computing -------------------------------------------------------------------------------


def _hourly_minutes(session, grants: list[Grant], first: date, last: date) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """Attended minutes in the month of each hourly grant's own contacts, inside its period
    (a grant shortened after the contact was attributed no longer bills that day)."""
    hourly = {g.id: g for g in grants if g.price_model != PriceModel.PER_WEEK}
    totals: dict[int, int] = {}
    if not hourly:
        return totals
    for grant_id, day, minutes in session.execute(
            queries.delivered_per_grant_day(sorted(hourly), first, last)):
        grant = hourly[grant_id]
        if period_overlaps(grant.start_on, grant.end_on, day, day):
            totals[grant_id] = totals.get(grant_id, 0) + int(minutes or 0)
    return totals


def billable_weeks(grant_start: date, grant_end: date | None, first: date, last: date) -> int:
    """ISO weeks whose Thursday lies in ``first..last`` and in the grant period."""
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    count = 0
    while thursday <= last:
        if period_overlaps(grant_start, grant_end, thursday, thursday):
            count += 1
        thursday += timedelta(days=7)
    return count


def _line(grant: Grant, course: str, citizens: dict, delivered: int, first: date,
          last: date) -> BillingLine:
    weeks = billable_weeks(grant.start_on, grant.end_on, first, last)
    amount = 0
    if grant.price_model is not None and grant.price_oere is not None:
        price = Price(PriceModel(grant.price_model), grant.price_oere)
        amount = price.amount_oere * weeks if price.model is PriceModel.PER_WEEK \
            else price.amount_for_week(delivered)
    end = format_date(grant.end_on) if grant.end_on else "løbende"
    citizen = citizens.get(grant.citizen_id)
    return BillingLine(
        citizen_id=grant.citizen_id, citizen_name=citizen_name(citizen) if citizen else "",
        grant_id=grant.id, course_name=course,
        grant_period=f"{format_date(grant.start_on)} – {end}", price_model=grant.price_model,
        price_oere=grant.price_oere,
        delivered_minutes=0 if grant.price_model == PriceModel.PER_WEEK else delivered,
        weeks=weeks if grant.price_model == PriceModel.PER_WEEK else 0, amount_oere=amount)


# --- documents -------------------------------------------------------------------------------


def billing_workbook(basis: BillingBasis) -> bytes:
    from io import BytesIO

    import xlsxwriter

    buffer = BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    head = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1})
    money = book.add_format({"num_format": '#,##0.00 "kr."'})
    hours = book.add_format({"num_format": XLSX_HOURS_FORMAT})
    sheet = book.add_worksheet("Afregningsgrundlag")
    sheet.write_string(0, 0, f"Afregningsgrundlag {basis.authority_name}, {basis.month_label}")
    header = ["Borger", "Forløb", "Bevillingsperiode", "Prismodel", "Pris (kr.)",
              "Leverede timer", "Uger", "Beløb (kr.)"]
    for column, text in enumerate(header):
        sheet.write_string(2, column, text, head)
    sheet.set_column(0, 2, 26)
    sheet.set_column(3, 7, 14)
    row = 3
    for line in basis.lines:
        sheet.write_string(row, 0, line.citizen_name)
        sheet.write_string(row, 1, line.course_name)
        sheet.write_string(row, 2, line.grant_period)
        sheet.write_string(row, 3, PriceModel(line.price_model).label if line.price_model
                           else "Aftales")
        if line.price_oere is not None:
            sheet.write_number(row, 4, line.price_oere / 100, money)
        sheet.write_number(row, 5, hours_value(line.delivered_minutes), hours)
        sheet.write_number(row, 6, line.weeks)
        sheet.write_number(row, 7, line.amount_oere / 100, money)
        row += 1
    sheet.write_string(row, 0, "I alt", head)
    sheet.write_formula(row, 7, f"=SUM(H4:H{max(row, 4)})", money, basis.total_oere / 100)
    sheet.freeze_panes(3, 1)
    book.close()
    return buffer.getvalue()


def billing_pdf(basis: BillingBasis, team_name: str, printed_at: datetime) -> bytes:
    from mentordesk.pdf.toolkit import PdfMeta, build_pdf, content_width, data_table, para

    title = f"Afregningsgrundlag – {basis.authority_name}"
    rows = [[line.citizen_name, line.course_name, line.grant_period, line.price_label,
             line.quantity_label, format_dkk(line.amount_oere)] for line in basis.lines]
    rows.append(["I alt", "", "", "", "", format_dkk(basis.total_oere)])
    width = content_width()
    story = [para(title, "title"), para(f"Måned: {basis.month_label}"),
             data_table(["Borger", "Forløb", "Periode", "Pris", "Leveret", "Beløb"], rows,
                        [width * f for f in (0.2, 0.2, 0.18, 0.16, 0.12, 0.14)],
                        align_right=(4, 5))]
    if not basis.lines:
        story.append(para("Ingen bevillinger fra denne myndighed i måneden."))
    return build_pdf(story, PdfMeta(title=title, team_name=team_name, printed_at=printed_at,
                                    subject=basis.month_label))


def _audit_export(context: Context, basis: BillingBasis, path: Path) -> None:
    with context.session() as session:
        for citizen_id in sorted({line.citizen_id for line in basis.lines}):
            audit.record(session, context.actor.login, audit.Action.EXPORT, entity="billing",
                         citizen_id=citizen_id,
                         detail=f"Afregningsgrundlag eksporteret til {audit.file_kind(path)}")
        audit.record(session, context.actor.login, audit.Action.EXPORT, entity="billing",
                     detail=f"Afregningsgrundlag {basis.authority_name} "
                     f"{basis.month:02d}-{basis.year} til {audit.file_kind(path)}")
