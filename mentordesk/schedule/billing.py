"""Billing basis (*afregningsgrundlag*): per ordering authority and month, per citizen and
grant, what the provider may invoice, and what it may not without the authority's say.

* Price per hour: attended face-to-face minutes in the month inside the grant period,
  × the hourly price, pro rata by the minute (``Price.amount_for_week`` rounds half up).
* Price per week: the ISO weeks whose Thursday falls in the month and in the grant period
  (the ISO rule puts each week in exactly one month, so no week is billed twice).
* Travel and indirect time (``Contact.travel_minutes``, ``travel_km``,
  ``indirect_minutes``) are always shown; they are billed only where the authority's
  agreement says so (``services.billing_agreement``): time at the grant's hourly price,
  km at the agreement's km rate. A weekly price covers the time around the contacts,
  so with a weekly price only km can be billed on top. Otherwise a line says
  "ikke faktureret".
* **The band is judged on face-to-face time only.** The band (1–5, 6–10, 10–15 hours a
  week) is the support the citizen receives: seed 002 grants "timers støtte ugentlig",
  worked out "sammen med borgeren" at the first visit, and DOMAIN.md measures it from the
  contact log, the proof that a third of municipalities could not produce. Driving and
  paperwork are the provider's cost of giving that support, which an agreement may pay
  on top, but they do not give the citizen more support, so they never fill up the band
  (no seed has an agreement that counts them in; a team that meets one bills them
  through the agreement, not through the band).
* **Above the band's maximum**: face-to-face minutes of a week beyond the grant's
  maximum are never billed silently and never dropped: they are a line of their own,
  "Over bevilling — kræver godkendelse", with the excess, and not in the amount. The
  excess is the week's last minutes (the hours that went beyond the band), so a week
  that spans two months puts each minute in the month it was delivered.

A contact is billed to the grant it is attributed to (``Contact.grant_id``), so two
overlapping grants never bill the same hour twice and an unattributed contact is billed
to nobody until a person attributes it. Only coordinators see billing. The documents
(xlsx, PDF) are in ``billing_documents``.
"""

from __future__ import annotations

from calendar import monthrange
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from mentordesk import audit
from mentordesk.domain.billing_terms import (
    NOT_BILLED_LABEL,
    OVER_GRANT_LABEL,
    BillingAgreement,
    vat_label,
    vat_oere,
)
from mentordesk.domain.catalogue import Price, PriceModel
from mentordesk.domain.dates import format_date
from mentordesk.domain.duration import hours_text
from mentordesk.domain.hours_plan import HoursStep, band_in_week
from mentordesk.domain.money import format_dkk
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.files import write_atomically
from mentordesk.kernel.access import require_coordinator
from mentordesk.kernel.context import Context
from mentordesk.schedule.hours import steps_by_grant
from mentordesk.schedule.labels import citizen_name, citizens_by_id
from mentordesk.services.billing_agreement import agreement_of
from mentordesk.storage.database import TEAM_NAME_KEY
from mentordesk.storage.models import Authority, Grant
from mentordesk.storage.queries import billing as billing_queries
from mentordesk.storage.queries import hours as queries
from mentordesk.storage.queries.periods import period_overlaps

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december")
BILLED_LABEL = "Faktureres"
WEEKLY_PRICE_COVERS = "indgår i ugeprisen"
PRICE_AGREED = "prisen aftales"


class ItemKind(StrEnum):
    FACE = "Ydelse"                 # face-to-face time or the weekly price
    TRAVEL_TIME = "Kørselstid"
    KM = "Kørsel (km)"
    INDIRECT = "Indirekte tid"
    OVER_GRANT = "Over bevilling"


AROUND_KINDS = (ItemKind.TRAVEL_TIME, ItemKind.KM, ItemKind.INDIRECT)


@dataclass(frozen=True)
class BillingItem:
    """One line of a grant's billing: what, how much, and whether it is billed."""

    kind: ItemKind
    minutes: int = 0
    km: int = 0
    weeks: int = 0
    amount_oere: int = 0     # excluding VAT; 0 when not billed
    billed: bool = True
    why_not: str = ""        # why an item the agreement pays for is not billed after all

    @property
    def quantity_label(self) -> str:
        if self.kind is ItemKind.KM:
            return f"{self.km} km"
        if self.weeks:
            return f"{self.weeks} uger"
        return hours_text(self.minutes)

    @property
    def status(self) -> str:
        if self.kind is ItemKind.OVER_GRANT:
            return OVER_GRANT_LABEL
        if self.billed:
            return BILLED_LABEL
        return f"{NOT_BILLED_LABEL} ({self.why_not})" if self.why_not else NOT_BILLED_LABEL


@dataclass(frozen=True)
class BillingLine:
    citizen_id: int
    citizen_name: str
    grant_id: int
    course_name: str
    grant_period: str                # "01-09-2026 – løbende"
    price_model: str | None          # PriceModel code, None = price agreed case by case
    price_oere: int | None
    delivered_minutes: int           # face-to-face in the month, inside the grant period
    weeks: int                       # weekly-price weeks in the month
    items: tuple[BillingItem, ...] = ()
    case_number: str = ""            # the authority's bevillings-/sagsnummer
    vat_liable: bool = False         # the course type's VAT status

    @property
    def amount_oere(self) -> int:
        """What is billed, excluding VAT."""
        return sum(item.amount_oere for item in self.items if item.billed)

    @property
    def vat_oere(self) -> int:
        """VAT per billed item, as the workbook's rows compute it."""
        return sum(self.item_vat_oere(item) for item in self.items)

    def item_vat_oere(self, item: BillingItem) -> int:
        return vat_oere(item.amount_oere, self.vat_liable) if item.billed else 0

    @property
    def vat_label(self) -> str:
        return vat_label(self.vat_liable)

    @property
    def over_grant_minutes(self) -> int:
        return sum(item.minutes for item in self.items if item.kind is ItemKind.OVER_GRANT)

    @property
    def around_label(self) -> str:
        """"Kørselstid 1 t, Kørsel (km) 40 km (ikke faktureret)", "" without any."""
        return ", ".join(
            f"{item.kind.value} {item.quantity_label}"
            + ("" if item.billed else f" ({NOT_BILLED_LABEL})")
            for item in self.items if item.kind in AROUND_KINDS)

    @property
    def over_grant_label(self) -> str:
        minutes = self.over_grant_minutes
        return f"{hours_text(minutes)} – kræver godkendelse" if minutes else ""

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
    authority_ean: str = ""

    @property
    def total_oere(self) -> int:
        return sum(line.amount_oere for line in self.lines)

    @property
    def total_vat_oere(self) -> int:
        return sum(line.vat_oere for line in self.lines)

    @property
    def over_grant_minutes(self) -> int:
        return sum(line.over_grant_minutes for line in self.lines)

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


def export_billing_xlsx(context: Context, authority_id: int, year: int,
                        month: int, path: Path) -> Path:
    from mentordesk.schedule.billing_documents import billing_workbook

    basis = billing_basis(context, authority_id, year, month)
    written = write_atomically(Path(path), billing_workbook(basis))
    _audit_export(context, basis, written)
    return written


def export_billing_pdf(context: Context, authority_id: int, year: int,
                       month: int, path: Path, *, printed_at: datetime | None = None) -> Path:
    from mentordesk.schedule.billing_documents import billing_pdf

    basis = billing_basis(context, authority_id, year, month)
    team = context.database.meta(TEAM_NAME_KEY)
    written = write_atomically(Path(path), billing_pdf(basis, team, printed_at
                                                       or datetime.now()))
    _audit_export(context, basis, written)
    return written


# --- reading ---------------------------------------------------------------------------------


@dataclass
class _Around:
    """Travel and indirect time of one grant's contacts in the month."""

    travel_minutes: int = 0
    travel_km: int = 0
    indirect_minutes: int = 0


def _read_basis(context: Context, authority_id: int, year: int, month: int) -> BillingBasis:
    """The month's lines, read without taking the write lock."""
    first = date(year, month, 1)
    last = date(year, month, monthrange(year, month)[1])
    with context.read() as session:
        authority = session.get(Authority, authority_id)
        if authority is None:
            raise NotFound("Myndigheden findes ikke.")
        agreement = agreement_of(authority)
        rows = list(session.execute(
            billing_queries.authority_grants_for_billing(authority_id, first, last)).all())
        grants = [grant for grant, _name, _vat in rows]
        citizens = citizens_by_id(session, (g.citizen_id for g in grants))
        face = _face_minutes(session, grants, first, last)
        plans = steps_by_grant(session, [grant.id for grant in grants]) if grants else {}
        around = _around(session, grants, first, last)
        lines = [_line(grant, plans.get(grant.id, ()), course or "", bool(vat), citizens,
                       face.get(grant.id, {}), around.get(grant.id, _Around()), agreement,
                       first, last)
                 for grant, course, vat in rows]
        lines.sort(key=lambda line: (line.citizen_name.casefold(), line.grant_id))
        return BillingBasis(authority.id, authority.name, year, month, lines, authority.ean)


def _face_minutes(session, grants: list[Grant], first: date,  # type: ignore[no-untyped-def]
                  last: date) -> dict[int, dict[date, int]]:
    """Attended face-to-face minutes per grant and day inside its period, over the whole
    ISO weeks around the month (a week's band is judged on the whole week)."""
    by_id = {grant.id: grant for grant in grants}
    days: dict[int, dict[date, int]] = defaultdict(dict)
    if not by_id:
        return days
    monday = first - timedelta(days=first.weekday())
    sunday = last + timedelta(days=6 - last.weekday())
    for grant_id, day, minutes in session.execute(
            queries.delivered_per_grant_day(sorted(by_id), monday, sunday)):
        grant = by_id[grant_id]
        if period_overlaps(grant.start_on, grant.end_on, day, day):
            days[grant_id][day] = int(minutes or 0)
    return days


def _around(session, grants: list[Grant], first: date,  # type: ignore[no-untyped-def]
            last: date) -> dict[int, _Around]:
    by_id = {grant.id: grant for grant in grants}
    totals: dict[int, _Around] = defaultdict(_Around)
    if not by_id:
        return totals
    for grant_id, day, travel, km, indirect in session.execute(
            billing_queries.around_per_grant_day(sorted(by_id), first, last)):
        grant = by_id[grant_id]
        if period_overlaps(grant.start_on, grant.end_on, day, day):
            total = totals[grant_id]
            total.travel_minutes += int(travel or 0)
            total.travel_km += int(km or 0)
            total.indirect_minutes += int(indirect or 0)
    return totals


# --- computing -------------------------------------------------------------------------------


def billable_weeks(grant_start: date, grant_end: date | None, first: date, last: date) -> int:
    """ISO weeks whose Thursday lies in ``first..last`` and in the grant period."""
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    count = 0
    while thursday <= last:
        if period_overlaps(grant_start, grant_end, thursday, thursday):
            count += 1
        thursday += timedelta(days=7)
    return count


def week_maximum(grant: Grant, steps: Sequence[HoursStep], monday: date) -> int | None:
    """The most face-to-face minutes the grant pays for in the week starting ``monday``
    (None: no maximum, e.g. "fra 1 time/ugen"): the step of a stepped plan in force that
    week, else the grant's own band — the same band the hours views judge the week by."""
    grant_band = (grant.hours_min_minutes, grant.hours_max_minutes)
    return band_in_week(steps, grant_band, monday)[1]


def excess_per_day(grant: Grant, minutes_per_day: dict[date, int],
                   steps: Sequence[HoursStep] = ()) -> dict[date, int]:
    """Face-to-face minutes beyond the week's maximum, on the day they were delivered:
    a week's minutes are counted in order of the days, and what goes past the maximum is
    the excess."""
    excess: dict[date, int] = {}
    weeks: dict[date, list[date]] = defaultdict(list)
    for day in minutes_per_day:
        weeks[day - timedelta(days=day.weekday())].append(day)
    for monday, days in weeks.items():
        maximum = week_maximum(grant, steps, monday)
        if maximum is None:
            continue
        counted = 0
        for day in sorted(days):
            before, counted = counted, counted + minutes_per_day[day]
            over = max(0, counted - maximum) - max(0, before - maximum)
            if over:
                excess[day] = over
    return excess


def _in_month(per_day: dict[date, int], first: date, last: date) -> int:
    return sum(minutes for day, minutes in per_day.items() if first <= day <= last)


def _line(grant: Grant, steps: Sequence[HoursStep], course: str, vat_liable: bool,
          citizens: dict,
          face_per_day: dict[date, int], around: _Around, agreement: BillingAgreement,
          first: date, last: date) -> BillingLine:
    model = PriceModel(grant.price_model) if grant.price_model else None
    price = Price(model, grant.price_oere) \
        if model is not None and grant.price_oere is not None else None
    delivered = _in_month(face_per_day, first, last)
    excess = _in_month(excess_per_day(grant, face_per_day, steps), first, last)
    weeks = billable_weeks(grant.start_on, grant.end_on, first, last)
    items = [_face_item(price, delivered - excess, weeks)]
    if excess:
        items.append(BillingItem(ItemKind.OVER_GRANT, minutes=excess, billed=False))
    items += _around_items(price, around, agreement)
    end = format_date(grant.end_on) if grant.end_on else "løbende"
    citizen = citizens.get(grant.citizen_id)
    return BillingLine(
        citizen_id=grant.citizen_id, citizen_name=citizen_name(citizen) if citizen else "",
        grant_id=grant.id, course_name=course,
        grant_period=f"{format_date(grant.start_on)} – {end}", price_model=grant.price_model,
        price_oere=grant.price_oere, delivered_minutes=delivered,
        weeks=weeks if model is PriceModel.PER_WEEK else 0, items=tuple(items),
        case_number=grant.case_number, vat_liable=vat_liable)


def _face_item(price: Price | None, billed_minutes: int, weeks: int) -> BillingItem:
    if price is not None and price.model is PriceModel.PER_WEEK:
        return BillingItem(ItemKind.FACE, minutes=billed_minutes, weeks=weeks,
                           amount_oere=price.amount_oere * weeks)
    amount = price.amount_for_week(billed_minutes) if price is not None else 0
    return BillingItem(ItemKind.FACE, minutes=billed_minutes, amount_oere=amount)


def _around_items(price: Price | None, around: _Around,
                  agreement: BillingAgreement) -> list[BillingItem]:
    """Travel time, km and indirect time: shown when there are any, billed only as the
    agreement says (time at an hourly price only: a weekly price already covers it)."""
    hourly = price is not None and price.model is PriceModel.PER_HOUR
    why_not = "" if hourly else (WEEKLY_PRICE_COVERS if price is not None else PRICE_AGREED)
    items = []
    for kind, minutes, paid in ((ItemKind.TRAVEL_TIME, around.travel_minutes,
                                 agreement.bill_travel),
                                (ItemKind.INDIRECT, around.indirect_minutes,
                                 agreement.bill_indirect)):
        if minutes:
            billed = paid and hourly
            amount = price.amount_for_week(minutes) if billed and price is not None else 0
            items.append(BillingItem(kind, minutes=minutes, amount_oere=amount, billed=billed,
                                     why_not=why_not if paid else ""))
    if around.travel_km:
        rate = agreement.km_rate_oere if agreement.bills_km else None
        items.append(BillingItem(ItemKind.KM, km=around.travel_km,
                                 amount_oere=around.travel_km * rate if rate else 0,
                                 billed=rate is not None))
    return items


def _audit_export(context: Context, basis: BillingBasis, path: Path) -> None:
    with context.session() as session:
        for citizen_id in sorted({line.citizen_id for line in basis.lines}):
            audit.record(session, context.actor.login, audit.Action.EXPORT, entity="billing",
                         citizen_id=citizen_id,
                         detail=f"Afregningsgrundlag eksporteret til {audit.file_kind(path)}")
        audit.record(session, context.actor.login, audit.Action.EXPORT, entity="billing",
                     detail=f"Afregningsgrundlag {basis.authority_name} "
                     f"{basis.month:02d}-{basis.year} til {audit.file_kind(path)}")
