"""What a progression report says, as plain frozen dataclasses (no ORM objects leak out).

``assemble`` builds the reports of a whole batch from one query per table (see
``queries``), then shapes each citizen separately: a record that cannot be reported (an
unknown goal type, a level outside 0–4) becomes a per-citizen failure with a Danish
message and never stops the others.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from mentordesk.domain import vum
from mentordesk.domain.codes import ContactForm, GoalStatus
from mentordesk.domain.cpr import mask_cpr
from mentordesk.domain.dates import format_date
from mentordesk.domain.vum import GoalType, InterventionStatus
from mentordesk.errors import InvalidInput
from mentordesk.reports.progress import queries
from mentordesk.reports.progress.hours_source import WeekFigures, weeks_for
from mentordesk.services.grants import weekly_hours_label

ANONYMOUS_MARK = "(anonym)"


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInput("Periodens slutdato ligger før startdatoen.")

    @property
    def label(self) -> str:
        return f"{format_date(self.start)} – {format_date(self.end)}"


@dataclass(frozen=True)
class GrantFacts:
    legal_basis: str
    course_type: str
    authority: str
    caseworker: str
    caseworker_contact: str
    period_label: str
    hours_label: str


@dataclass(frozen=True)
class LevelPoint:
    on: date
    level: int | None  # None: ikke vurderet


@dataclass(frozen=True)
class SubGoalFacts:
    text: str
    status: str
    deadline: date | None
    done_on: date | None


@dataclass(frozen=True)
class GoalFacts:
    title: str
    description: str
    theme: str
    subtheme: str
    goal_type: str
    status: str
    points: tuple[LevelPoint, ...]  # assessments in the period, oldest first
    citizen_view: str  # the citizen's own words at the latest assessment in the period
    sub_goals: tuple[SubGoalFacts, ...]

    @property
    def first(self) -> LevelPoint | None:
        return next((point for point in self.points if point.level is not None), None)

    @property
    def latest(self) -> LevelPoint | None:
        return next((point for point in reversed(self.points) if point.level is not None),
                    None)


@dataclass(frozen=True)
class ContactLine:
    form: str
    contacts: int
    attended: int
    no_shows: int
    minutes: int


@dataclass(frozen=True)
class Attendance:
    """In-person meetings only: phone, SMS and online do not measure showing up."""

    attended: int
    no_shows: int

    @property
    def planned(self) -> int:
        return self.attended + self.no_shows

    @property
    def rate(self) -> float | None:
        return self.attended / self.planned if self.planned else None


@dataclass(frozen=True)
class ReportTexts:
    """The sections the mentor writes."""

    mentor_assessment: str = ""
    citizen_view: str = ""
    next_steps: str = ""
    recommendation: str = ""  # InterventionStatus code or ""

    @property
    def recommendation_label(self) -> str:
        if not self.recommendation:
            return ""
        return InterventionStatus(self.recommendation).recommendation_label


@dataclass(frozen=True)
class SignOff:
    status: str = "draft"
    approved_by: str = ""
    approved_on: date | None = None
    sent_on: date | None = None
    recipient: str = ""


@dataclass(frozen=True)
class ReportData:
    citizen_id: int
    name: str
    alias: str
    anonymous: bool
    masked_cpr: str
    initials: str
    primary_mentor: str
    team_name: str
    period: Period
    grants: tuple[GrantFacts, ...]
    weeks: tuple[WeekFigures, ...]
    attendance: Attendance
    goals: tuple[GoalFacts, ...]
    contacts: tuple[ContactLine, ...]
    texts: ReportTexts = ReportTexts()
    sign_off: SignOff = SignOff()
    report_id: int | None = None

    @property
    def delivered_minutes(self) -> int:
        return sum(week.delivered_minutes for week in self.weeks)


@dataclass
class Assembly:
    """One batch: the reports that could be built and, per citizen, why the others failed."""

    reports: dict[int, ReportData] = field(default_factory=dict)
    failures: dict[int, str] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)  # citizen → name/alias for messages


def assemble(session: Session, citizen_ids: Sequence[int], period: Period, *, today: date,
             team_name: str, texts: Mapping[int, ReportTexts] | None = None,
             sign_offs: Mapping[int, SignOff] | None = None,
             report_ids: Mapping[int, int] | None = None) -> Assembly:
    """The reports of ``citizen_ids`` for ``period``; the caller audits the reading."""
    raw = queries.load(session, citizen_ids, period.start, period.end)
    weeks = weeks_for(session, citizen_ids, period.start, period.end, today=today)
    result = Assembly()
    for citizen_id in citizen_ids:
        citizen = raw.citizens.get(citizen_id)
        if citizen is None:
            result.failures[citizen_id] = "Borgeren findes ikke længere."
            continue
        result.labels[citizen_id] = display_name(citizen)
        try:
            result.reports[citizen_id] = _report(
                raw, citizen, period, weeks.get(citizen_id, []), team_name,
                (texts or {}).get(citizen_id, ReportTexts()),
                (sign_offs or {}).get(citizen_id, SignOff()),
                (report_ids or {}).get(citizen_id))
        except (InvalidInput, ValueError, KeyError) as error:
            result.failures[citizen_id] = _message(error)
    return result


def display_name(citizen: queries.CitizenRow) -> str:
    name = f"{citizen.first_name} {citizen.last_name}".strip()
    return (citizen.alias or ANONYMOUS_MARK) if citizen.is_anonymous or not name else name


def initials(citizen: queries.CitizenRow) -> str:
    """Alias for anonymous citizens, else the initials: what a file name may carry."""
    if citizen.is_anonymous or not (citizen.first_name or citizen.last_name):
        return citizen.alias or "anonym"
    words = f"{citizen.first_name} {citizen.last_name}".split()
    return "".join(word[0].upper() for word in words if word)


def _message(error: Exception) -> str:
    if isinstance(error, InvalidInput):
        return str(error)
    return f"Sagen indeholder en ugyldig værdi: {error}"


def _report(raw: queries.RawBatch, citizen: queries.CitizenRow, period: Period,
            weeks: list[WeekFigures], team_name: str, texts: ReportTexts, sign_off: SignOff,
            report_id: int | None) -> ReportData:
    if texts.recommendation:
        InterventionStatus(texts.recommendation)  # an unknown code fails this citizen only
    contacts = tuple(_contact_lines(raw.contacts.get(citizen.id, [])))
    return ReportData(
        citizen_id=citizen.id, name=display_name(citizen), alias=citizen.alias,
        anonymous=citizen.is_anonymous,
        masked_cpr="" if citizen.is_anonymous else mask_cpr(citizen.cpr),
        initials=initials(citizen), primary_mentor=raw.mentors.get(citizen.id, ""),
        team_name=team_name, period=period,
        grants=tuple(_grant(row) for row in raw.grants.get(citizen.id, [])),
        weeks=tuple(weeks), attendance=_attendance(raw.contacts.get(citizen.id, [])),
        goals=tuple(_goal(raw, goal) for goal in raw.goals.get(citizen.id, [])),
        contacts=contacts, texts=texts, sign_off=sign_off, report_id=report_id,
    )


def _grant(row: queries.GrantRow) -> GrantFacts:
    basis = f"{row.basis_code} – {row.basis_name}" if row.basis_name else row.basis_code
    end = format_date(row.end_on) if row.end_on else "løbende"
    return GrantFacts(
        legal_basis=basis, course_type=row.course_type or "", authority=row.authority or "",
        caseworker=row.caseworker, caseworker_contact=row.caseworker_contact,
        period_label=f"{format_date(row.start_on)} – {end}",
        hours_label=weekly_hours_label(row.hours_min_minutes, row.hours_max_minutes),
    )


def _goal(raw: queries.RawBatch, goal: queries.GoalRow) -> GoalFacts:
    try:
        goal_type = GoalType(goal.goal_type).label
    except ValueError:
        raise InvalidInput(f"Målet »{goal.title[:60]}« har en ukendt måltype "
                           f"({goal.goal_type[:30]}).") from None
    points = []
    citizen_view = ""
    for assessment in raw.assessments.get(goal.id, []):
        if assessment.level is not None and not 0 <= assessment.level <= 4:
            raise InvalidInput(f"Målet »{goal.title[:60]}« har et funktionsevneniveau uden for "
                               f"0–4 ({assessment.level}) den {format_date(assessment.on)}.")
        points.append(LevelPoint(assessment.on, assessment.level))
        citizen_view = assessment.citizen_view or citizen_view
    return GoalFacts(
        title=goal.title, description=goal.description,
        theme=_term_name(goal.theme_code), subtheme=_term_name(goal.subtheme_code),
        goal_type=goal_type, status=_status_label(goal.status), points=tuple(points),
        citizen_view=citizen_view,
        sub_goals=tuple(SubGoalFacts(sub.text, _status_label(sub.status), sub.deadline,
                                     sub.done_on)
                        for sub in raw.sub_goals.get(goal.id, [])),
    )


def _term_name(code: str) -> str:
    if not code:
        return ""
    try:
        return vum.get_term(code).name
    except KeyError:
        # A team's local sub-theme ("local:…") or a retired code: shown as stored.
        return code.removeprefix("local:")


def _status_label(code: str) -> str:
    try:
        return GoalStatus(code).label
    except ValueError:
        return code


def _contact_lines(rows: list[queries.ContactRow]) -> list[ContactLine]:
    by_form: dict[str, list[int]] = {}
    for row in rows:
        totals = by_form.setdefault(row.form, [0, 0, 0, 0])
        totals[0] += row.count
        totals[1 if row.attended else 2] += row.count
        totals[3] += row.minutes if row.attended else 0
    order = {form.value: position for position, form in enumerate(ContactForm)}
    lines = []
    for form in sorted(by_form, key=lambda code: (order.get(code, len(order)), code)):
        count, attended, no_shows, minutes = by_form[form]
        lines.append(ContactLine(_form_label(form), count, attended, no_shows, minutes))
    return lines


def _form_label(code: str) -> str:
    try:
        return ContactForm(code).label
    except ValueError:
        return code


def _attendance(rows: list[queries.ContactRow]) -> Attendance:
    in_person = [row for row in rows if not _is_remote(row.form)]
    return Attendance(sum(row.count for row in in_person if row.attended),
                      sum(row.count for row in in_person if not row.attended))


def _is_remote(code: str) -> bool:
    try:
        return ContactForm(code).is_remote
    except ValueError:
        return False
