"""What a progression report says, as plain frozen dataclasses (no ORM objects leak out).

``assemble`` builds the reports of a whole batch from one query per table (see
``queries``), then shapes each report separately: a record that cannot be reported (an
unknown goal type, a level outside 0–4) becomes a failure of that report with a Danish
message and never stops the others. A report is one citizen within one ``ReportScope``
(one grant, or one authority's grants): only the grants, goals, contacts and hours of that
scope reach its data, so nothing of another authority's grant can be printed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from mentordesk.domain import vum
from mentordesk.domain.codes import ContactForm, GoalStatus
from mentordesk.domain.cpr import mask_cpr
from mentordesk.domain.dates import format_date
from mentordesk.domain.hours_plan import HoursStep
from mentordesk.domain.vum import GoalType, InterventionStatus
from mentordesk.errors import InvalidInput
from mentordesk.reports.progress import queries
from mentordesk.reports.progress.hours_source import WeekFigures, plans_for, weeks_for
from mentordesk.reports.progress.scope import ReportKey, ReportScope
from mentordesk.services.grants import weekly_hours_label
from mentordesk.services.hours_plan import step_label

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
    purpose: str = ""
    authority_goals: str = ""
    weeks: tuple[WeekFigures, ...] = ()  # this grant's weeks inside the report period
    grant_id: int = 0
    lab: bool = False             # a jobcenter course (LAB): the report shows practice hours
    stepped: bool = False         # the weekly band follows a stepped plan (hours_label lists it)

    @property
    def practice_minutes(self) -> int:
        return sum(week.practice_minutes or 0 for week in self.weeks)

    @property
    def delivered_minutes(self) -> int:
        return sum(week.delivered_minutes for week in self.weeks)

    @property
    def granted_range(self) -> tuple[int | None, int | None]:
        """Granted (min, max) minutes over the weeks in the period; max None: open."""
        banded = [week for week in self.weeks if week.granted_min_minutes is not None]
        if not banded:
            return None, None
        low = sum(week.granted_min_minutes or 0 for week in banded)
        if any(week.granted_max_minutes is None for week in banded):
            return low, None
        return low, sum(week.granted_max_minutes or 0 for week in banded)


@dataclass(frozen=True)
class LevelPoint:
    on: date
    level: int | None  # None: ikke vurderet
    support_need: int | None = None


@dataclass(frozen=True)
class SubGoalFacts:
    text: str
    status: str
    deadline: date | None
    done_on: date | None
    finished: bool = False  # achieved, changed or given up

    def is_overdue(self, on: date) -> bool:
        """Still open after its deadline: "I gang" alone would hide that it is late."""
        return (not self.finished and self.done_on is None and self.deadline is not None
                and self.deadline < on)


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
    mentor_note: str = ""  # the mentor's note at the latest assessment in the period
    linked: bool = True    # False: linked to no grant, included because the author chose to
    status_code: str = ""

    @property
    def attainment(self) -> str:
        """"Målopfyldelse": the status on the fixed scale (``GoalStatus.attainment``)."""
        try:
            return GoalStatus(self.status_code).attainment.label
        except ValueError:
            return self.status

    @property
    def latest_support_need(self) -> int | None:
        return next((point.support_need for point in reversed(self.points)
                     if point.support_need is not None), None)

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
    deviation_reasons: str = ""
    recommended_min_minutes: int | None = None  # the weekly hours recommended
    recommended_max_minutes: int | None = None
    recommended_until: date | None = None

    @property
    def recommendation_label(self) -> str:
        """"Det anbefales, at indsatsen fortsætter med 6–10 timer/uge til og med
        31-05-2027." — a recommendation, never a decision: the authority decides."""
        if not self.recommendation:
            return ""
        sentence = InterventionStatus(self.recommendation).recommendation_label
        hours = weekly_hours_label(self.recommended_min_minutes, self.recommended_max_minutes)
        if hours:
            sentence += f" med {hours}"
        if self.recommended_until:
            sentence += f" til og med {format_date(self.recommended_until)}"
        return sentence + "."

    @classmethod
    def of(cls, report: Any) -> ReportTexts:
        """The texts of a saved report (a ``ReportDraft`` row)."""
        return cls(report.mentor_assessment, report.citizen_view, report.next_steps,
                   report.recommendation, report.deviation_reasons,
                   report.recommended_min_minutes, report.recommended_max_minutes,
                   report.recommended_until)


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
    grants: tuple[GrantFacts, ...]  # only the grants in the report's scope
    attendance: Attendance
    goals: tuple[GoalFacts, ...]
    contacts: tuple[ContactLine, ...]
    texts: ReportTexts = ReportTexts()
    sign_off: SignOff = SignOff()
    report_id: int | None = None
    recipient_authority: str = ""      # the authority the scope's grants come from
    unattributed_contacts: int = 0     # contacts in the period attributed to no grant
    unlinked_goals_included: bool = False

    @property
    def weeks(self) -> tuple[WeekFigures, ...]:
        return tuple(week for grant in self.grants for week in grant.weeks)

    @property
    def delivered_minutes(self) -> int:
        """The one hours total: attended contacts of the scope's grants in the period."""
        return sum(grant.delivered_minutes for grant in self.grants)


@dataclass
class Assembly:
    """One batch: the reports that could be built and, per report, why the others failed."""

    reports: dict[ReportKey, ReportData] = field(default_factory=dict)
    failures: dict[ReportKey, str] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)  # citizen → name/alias for messages


def assemble(session: Session, keys: Sequence[ReportKey], period: Period, *, today: date,
             team_name: str, texts: Mapping[ReportKey, ReportTexts] | None = None,
             sign_offs: Mapping[ReportKey, SignOff] | None = None,
             report_ids: Mapping[ReportKey, int] | None = None) -> Assembly:
    """The reports ``keys`` (citizen, scope) for ``period``; the caller audits the reading."""
    citizen_ids = list(dict.fromkeys(citizen for citizen, _scope in keys))
    raw = queries.load(session, citizen_ids, period.start, period.end)
    in_scope = {grant.id for key in keys for grant in _scoped_grants(raw, key)}
    weeks = weeks_for(session, sorted(in_scope), period.start, period.end, today=today)
    plans = plans_for(session, sorted(in_scope))
    authorities = _authority_names(raw)
    result = Assembly()
    for key in keys:
        citizen = raw.citizens.get(key[0])
        if citizen is None:
            result.failures[key] = "Borgeren findes ikke længere."
            continue
        result.labels[citizen.id] = display_name(citizen)
        try:
            result.reports[key] = _report(
                raw, citizen, key[1], period, (weeks, plans), team_name,
                (texts or {}).get(key, ReportTexts()), (sign_offs or {}).get(key, SignOff()),
                (report_ids or {}).get(key), authorities)
        except (InvalidInput, ValueError, KeyError) as error:
            result.failures[key] = _message(error)
    return result


def _scoped_grants(raw: queries.RawBatch, key: ReportKey) -> list[queries.GrantRow]:
    citizen_id, scope = key
    return [grant for grant in raw.grants.get(citizen_id, [])
            if scope.covers(grant.id, grant.authority_id)]


def _authority_names(raw: queries.RawBatch) -> dict[int, str]:
    return {grant.authority_id: grant.authority or "" for grants in raw.grants.values()
            for grant in grants if grant.authority_id is not None}


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


def _report(raw: queries.RawBatch, citizen: queries.CitizenRow, scope: ReportScope,
            period: Period,
            hours: tuple[Mapping[int, list[WeekFigures]], Mapping[int, tuple[HoursStep, ...]]],
            team_name: str,
            texts: ReportTexts, sign_off: SignOff, report_id: int | None,
            authorities: Mapping[int, str]) -> ReportData:
    if texts.recommendation:
        InterventionStatus(texts.recommendation)  # an unknown code fails this report only
    grants = _scoped_grants(raw, (citizen.id, scope))
    weeks, plans = hours
    grant_ids = {grant.id for grant in grants}
    all_contacts = raw.contacts.get(citizen.id, [])
    contacts = [row for row in all_contacts if row.grant_id in grant_ids]
    goals = [goal for goal in raw.goals.get(citizen.id, [])
             if goal.grant_id in grant_ids
             or (goal.grant_id is None and scope.include_unlinked_goals)]
    authority_id = scope.authority_id if scope.grant_id is None else next(
        (grant.authority_id for grant in grants), None)
    return ReportData(
        citizen_id=citizen.id, name=display_name(citizen), alias=citizen.alias,
        anonymous=citizen.is_anonymous,
        masked_cpr="" if citizen.is_anonymous else mask_cpr(citizen.cpr),
        initials=initials(citizen), primary_mentor=raw.mentors.get(citizen.id, ""),
        team_name=team_name, period=period,
        grants=tuple(_grant(row, weeks.get(row.id, []), plans.get(row.id, ()))
                     for row in grants),
        attendance=_attendance(contacts),
        goals=tuple(_goal(raw, goal) for goal in goals),
        contacts=tuple(_contact_lines(contacts)), texts=texts, sign_off=sign_off,
        report_id=report_id,
        recipient_authority=authorities.get(authority_id, "") if authority_id else "",
        unattributed_contacts=sum(row.count for row in all_contacts if row.grant_id is None),
        unlinked_goals_included=any(goal.grant_id is None for goal in goals),
    )


def _grant(row: queries.GrantRow, weeks: list[WeekFigures],
           plan: tuple[HoursStep, ...]) -> GrantFacts:
    basis = f"{row.basis_code} – {row.basis_name}" if row.basis_name else row.basis_code
    end = format_date(row.end_on) if row.end_on else "løbende"
    return GrantFacts(
        legal_basis=basis, course_type=row.course_type or "", authority=row.authority or "",
        caseworker=row.caseworker, caseworker_contact=row.caseworker_contact,
        period_label=f"{format_date(row.start_on)} – {end}",
        hours_label=_hours_label(row, plan),
        purpose=row.purpose, authority_goals=row.authority_goals, weeks=tuple(weeks),
        grant_id=row.id, lab=row.basis_code.startswith("LAB"), stepped=bool(plan),
    )


def _hours_label(row: queries.GrantRow, plan: tuple[HoursStep, ...]) -> str:
    """The grant's band, or its stepped plan one step a line."""
    if not plan:
        return weekly_hours_label(row.hours_min_minutes, row.hours_max_minutes)
    return "\n".join(step_label(step) for step in plan)


def _goal(raw: queries.RawBatch, goal: queries.GoalRow) -> GoalFacts:
    try:
        goal_type = GoalType(goal.goal_type).label
    except ValueError:
        raise InvalidInput(f"Målet »{goal.title[:60]}« har en ukendt måltype "
                           f"({goal.goal_type[:30]}).") from None
    points = []
    citizen_view = mentor_note = ""
    for assessment in raw.assessments.get(goal.id, []):
        if assessment.level is not None and not 0 <= assessment.level <= 4:
            raise InvalidInput(f"Målet »{goal.title[:60]}« har et funktionsevneniveau uden for "
                               f"0–4 ({assessment.level}) den {format_date(assessment.on)}.")
        points.append(LevelPoint(assessment.on, assessment.level, assessment.support_need))
        citizen_view = assessment.citizen_view or citizen_view
        mentor_note = assessment.mentor_note or mentor_note
    return GoalFacts(
        title=goal.title, description=goal.description,
        theme=_term_name(goal.theme_code), subtheme=_term_name(goal.subtheme_code),
        goal_type=goal_type, status=_status_label(goal.status), points=tuple(points),
        citizen_view=citizen_view,
        sub_goals=tuple(SubGoalFacts(sub.text, _status_label(sub.status), sub.deadline,
                                     sub.done_on, _is_finished(sub.status))
                        for sub in raw.sub_goals.get(goal.id, [])),
        mentor_note=mentor_note, linked=goal.grant_id is not None, status_code=goal.status,
    )


def _term_name(code: str) -> str:
    if not code:
        return ""
    try:
        return vum.get_term(code).name
    except KeyError:
        # A team's local sub-theme ("local:…") or a retired code: shown as stored.
        return code.removeprefix("local:")


def _is_finished(code: str) -> bool:
    try:
        return GoalStatus(code).is_finished
    except ValueError:
        return False


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
