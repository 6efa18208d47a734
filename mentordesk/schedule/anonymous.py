"""The anonymous tally: how many contacts each mentor had with people who are not
registered as citizens, per day (§99 outreach, seed 001), for the team's statistics.

This is statistics, not a record: nothing here says who the person was, so nothing can
ask for a name, a CPR number or a note (see ``storage.models.anonymous``). It therefore
is not citizen data: counting is audited as a team event without a citizen, and a
coordinator reads every mentor's counts; a mentor counts and reads their own. The tally
stands beside ``Citizen.is_anonymous``: someone the team gets to know and works with
over time is registered as an anonymous citizen (alias, no CPR) and gets a journal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mentordesk import audit
from mentordesk.domain.codes import ContactForm
from mentordesk.domain.dates import format_date, iso_week_code
from mentordesk.errors import AccessDenied, InvalidInput
from mentordesk.kernel.changes import Changes, Kind, Result
from mentordesk.kernel.context import Context
from mentordesk.schedule.billing import MONTHS
from mentordesk.services.contacts import MAX_DURATION_MINUTES
from mentordesk.storage.models import AnonymousContactTally, LegalBasis, User
from mentordesk.storage.queries import anonymous as queries

MAX_STEP = 100  # contacts counted at once; more is a typo
ENTITY = "anonymous_tally"


class TallyPeriod(StrEnum):
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class AnonymousCount:
    """One step of the tally: +1 (or more; -1 takes a miscount back, with its minutes)."""

    count: int = 1
    minutes: int = 0
    form: ContactForm | None = None
    legal_basis_id: int | None = None   # None: the team's one basis that allows anonymity
    mentor_id: int | None = None        # None: the actor
    contact_on: date | None = None      # None: today


@dataclass(frozen=True)
class TallyRow:
    """A mentor's anonymous contacts in one week ("2026-W48") or month ("2026-11")."""

    period: str
    period_label: str
    mentor_id: int
    mentor_name: str
    count: int
    minutes: int
    forms: dict[str, int]   # form label -> count ("Ikke angivet" when not said)


@dataclass(frozen=True)
class BasisChoice:
    id: int
    code: str
    name: str


def count_anonymous_contact(context: Context, step: AnonymousCount,
                            today: date | None = None) -> Result[int]:
    """Count contacts with unregistered people; returns the mentor's count for the day."""
    today = today or date.today()
    day = step.contact_on or today
    _check_step(step, day, today)
    form = step.form.value if step.form is not None else ""
    with context.session() as session:
        mentor_id = _mentor(session, context, step.mentor_id)
        basis_id = _basis(session, step.legal_basis_id)
        row = session.scalar(queries.tally_row(mentor_id, day, form, basis_id))
        if row is None:
            if step.count < 0:
                raise InvalidInput("Der er ingen anonyme kontakter at trække fra den dag.")
            row = AnonymousContactTally(mentor_id=mentor_id, contact_on=day, form=form,
                                        legal_basis_id=basis_id, count=0, minutes=0)
            session.add(row)
        if row.count + step.count < 0:
            raise InvalidInput("Der er ikke så mange anonyme kontakter at trække fra.")
        row.count += step.count
        # Taking a miscount back takes its minutes back too.
        row.minutes = max(0, row.minutes + (step.minutes if step.count > 0 else -step.minutes))
        session.flush()
        session.execute(queries.empty_rows())
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity=ENTITY,
                     detail=f"Anonym kontakt talt {step.count:+d} den {format_date(day)}")
        total = sum(line[5] for line in session.execute(
            queries.tally_between(day, day, mentor_id)))
    return Result(total, Changes.of(Kind.TALLY))


def anonymous_tally(context: Context, first: date, last: date,
                    per: TallyPeriod = TallyPeriod.WEEK,
                    mentor_id: int | None = None) -> list[TallyRow]:
    """Per week or month and mentor: the count, the minutes and the forms. A mentor sees
    their own counts; a coordinator the team's (or one mentor's)."""
    if last < first:
        raise InvalidInput("Periodens slutdato ligger før startdatoen.")
    if not context.actor.sees_all_citizens:
        if mentor_id not in (None, context.actor.user_id):
            raise AccessDenied("Du kan kun se dine egne anonyme kontakter.")
        mentor_id = context.actor.user_id
    with context.read() as session:
        rows = list(session.execute(queries.tally_between(first, last, mentor_id)))
    return _grouped(rows, per)


def anonymous_bases(context: Context) -> list[BasisChoice]:
    """The legal bases a tally can be counted under: those allowing anonymity."""
    with context.read() as session:
        return [BasisChoice(*row) for row in session.execute(queries.anonymous_bases())]


# --- rules -----------------------------------------------------------------------------------


def _check_step(step: AnonymousCount, day: date, today: date) -> None:
    if isinstance(step.count, bool) or not isinstance(step.count, int) or step.count == 0 \
            or abs(step.count) > MAX_STEP:
        raise InvalidInput(f"Antallet skal være mellem 1 og {MAX_STEP} (eller et fratræk).")
    if not isinstance(step.minutes, int) or not 0 <= step.minutes <= MAX_DURATION_MINUTES:
        raise InvalidInput("Minutterne skal være et helt tal mellem 0 og 1440.")
    if day > today:
        raise InvalidInput(f"Datoen {format_date(day)} ligger i fremtiden. En kontakt tælles, "
                           "når den har fundet sted.")


def _mentor(session, context: Context, mentor_id: int | None) -> int:  # type: ignore[no-untyped-def]
    if mentor_id is None or mentor_id == context.actor.user_id:
        return context.actor.user_id
    if not context.actor.sees_all_citizens:
        raise AccessDenied("Du kan kun tælle dine egne anonyme kontakter.")
    mentor = session.get(User, mentor_id)
    if mentor is None or not mentor.active:
        raise InvalidInput("Den valgte mentor findes ikke i teamet.")
    return mentor_id


def _basis(session, basis_id: int | None) -> int:  # type: ignore[no-untyped-def]
    """The chosen basis if it allows anonymity; none chosen: the only one that does."""
    if basis_id is not None:
        basis = session.get(LegalBasis, basis_id)
        if basis is None or not basis.allows_anonymous:
            raise InvalidInput("Anonyme kontakter kan kun tælles under et lovgrundlag, der "
                               "tillader anonymitet (fx SEL §99).")
        return basis_id
    allowed = [row[0] for row in session.execute(queries.anonymous_bases())]
    if len(allowed) != 1:
        raise InvalidInput("Vælg lovgrundlaget for den anonyme kontakt." if allowed else
                           "Intet lovgrundlag i kataloget tillader anonymitet (fx SEL §99).")
    return allowed[0]


# --- grouping --------------------------------------------------------------------------------


def _period(day: date, per: TallyPeriod) -> tuple[str, str]:
    if per is TallyPeriod.MONTH:
        return f"{day.year:04d}-{day.month:02d}", f"{MONTHS[day.month - 1]} {day.year}"
    week_year, week, _ = day.isocalendar()
    return iso_week_code(day), f"Uge {week}, {week_year}"


def _grouped(rows: Iterable, per: TallyPeriod) -> list[TallyRow]:
    groups: dict[tuple[str, int], dict] = {}
    for day, mentor_id, mentor_name, form, _basis_code, count, minutes in rows:
        period, label = _period(day, per)
        group = groups.setdefault((period, mentor_id), {
            "period": period, "period_label": label, "mentor_id": mentor_id,
            "mentor_name": mentor_name, "count": 0, "minutes": 0, "forms": {}})
        group["count"] += count
        group["minutes"] += minutes
        form_label = ContactForm(form).label if form else "Ikke angivet"
        group["forms"][form_label] = group["forms"].get(form_label, 0) + count
    return [TallyRow(**group) for _key, group in sorted(
        groups.items(), key=lambda item: (item[0][0], item[1]["mentor_name"].casefold()))]
