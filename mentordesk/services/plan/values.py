"""The handleplan's values as they cross the service boundary: inputs, items, choices.

Plain frozen dataclasses, never ORM rows. Goal types, statuses and levels travel as the
domain enums (``GoalType``, ``GoalStatus``, ``FunctionLevel``/``SupportNeed`` or ``None``
for *ikke vurderet*); each item also carries the Danish labels the views show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from mentordesk.domain.codes import GoalStatus
from mentordesk.domain.dates import format_date
from mentordesk.domain.vum import FunctionLevel, GoalType, SupportNeed, level_label

# --- what the user types ---------------------------------------------------------------------


@dataclass(frozen=True)
class GoalInput:
    """An *indsatsmål*. ``title`` is the citizen's own words and is kept literally."""

    title: str
    description: str = ""
    theme_code: str = ""  # FFB (or local:) code of the theme
    subtheme_code: str = ""  # FFB (or local:) code of the sub-theme, "" for none
    goal_type: GoalType | str = GoalType.DEVELOP
    status: GoalStatus | str = GoalStatus.NOT_STARTED
    start_on: date | None = None
    review_on: date | None = None
    grant_id: int | None = None


@dataclass(frozen=True)
class SubGoalInput:
    """A *delmål*: a concrete step with a deadline."""

    text: str
    deadline: date | None = None
    status: GoalStatus | str = GoalStatus.NOT_STARTED
    done_on: date | None = None


@dataclass(frozen=True)
class AssessmentInput:
    """A progress assessment of one goal on one date; ``None`` levels are *ikke vurderet*."""

    assessed_on: date
    level: int | None = None  # FunctionLevel 0–4 (lower is better)
    support_need: int | None = None  # SupportNeed 0–4
    citizen_view: str = ""  # in the citizen's own words
    mentor_note: str = ""


# --- what the views show -----------------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentItem:
    id: int
    version: int
    goal_id: int
    assessed_on: date
    level: FunctionLevel | None
    support_need: SupportNeed | None
    citizen_view: str
    mentor_note: str
    author_name: str = ""

    @property
    def level_label(self) -> str:
        return level_label(self.level)

    @property
    def support_need_label(self) -> str:
        return level_label(self.support_need)

    def input(self) -> AssessmentInput:
        """The values as loaded: the ``original`` of an edit."""
        return AssessmentInput(
            self.assessed_on, None if self.level is None else int(self.level),
            None if self.support_need is None else int(self.support_need),
            self.citizen_view, self.mentor_note,
        )


@dataclass(frozen=True)
class SubGoalItem:
    id: int
    version: int
    goal_id: int
    text: str
    deadline: date | None
    status: GoalStatus
    done_on: date | None
    position: int

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def deadline_text(self) -> str:
        return format_date(self.deadline) if self.deadline else ""

    def input(self) -> SubGoalInput:
        return SubGoalInput(self.text, self.deadline, self.status, self.done_on)


@dataclass(frozen=True)
class GoalItem:
    id: int
    version: int
    citizen_id: int
    title: str
    description: str
    theme_code: str
    subtheme_code: str
    goal_type: GoalType
    status: GoalStatus
    start_on: date | None
    review_on: date | None
    grant_id: int | None
    position: int = 0
    theme_name: str = ""
    subtheme_name: str = ""
    grant_label: str = ""
    sub_goals: list[SubGoalItem] = field(default_factory=list)
    assessments: list[AssessmentItem] = field(default_factory=list)  # oldest first

    @property
    def goal_type_label(self) -> str:
        return self.goal_type.label

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def is_open(self) -> bool:
        """Open goals are due for review and get an assessment at each evaluation."""
        return not self.status.is_finished

    @property
    def theme_label(self) -> str:
        """"Samfundsliv – Varetage økonomi", or just the theme."""
        if self.subtheme_name:
            return f"{self.theme_name} – {self.subtheme_name}"
        return self.theme_name

    @property
    def latest_assessment(self) -> AssessmentItem | None:
        return self.assessments[-1] if self.assessments else None

    def input(self) -> GoalInput:
        """The values as loaded: the ``original`` of an edit."""
        return GoalInput(self.title, self.description, self.theme_code, self.subtheme_code,
                         self.goal_type, self.status, self.start_on, self.review_on,
                         self.grant_id)


@dataclass(frozen=True)
class PlanOverviewRow:
    """One line of the plan overview: where the goal started and where it is now."""

    goal_id: int
    title: str
    theme_name: str
    goal_type_label: str
    status_label: str
    first_level: FunctionLevel | None
    first_on: date | None
    latest_level: FunctionLevel | None
    latest_on: date | None
    review_on: date | None

    @property
    def first_level_label(self) -> str:
        return level_label(self.first_level) if self.first_on else ""

    @property
    def latest_level_label(self) -> str:
        return level_label(self.latest_level) if self.latest_on else ""


@dataclass(frozen=True)
class GrantChoice:
    id: int
    label: str  # "SEL §85, 01-02-2026 – løbende"


@dataclass(frozen=True)
class Plan:
    citizen_id: int
    citizen_label: str  # name, or alias for an anonymous citizen; never the CPR
    goals: list[GoalItem]
    overview: list[PlanOverviewRow]
    grants: list[GrantChoice]


@dataclass(frozen=True)
class ThemeChoice:
    """A VUM theme (or sub-theme) for the goal form; ``children`` are its sub-themes."""

    code: str
    name: str
    children: list[ThemeChoice] = field(default_factory=list)


@dataclass(frozen=True)
class VumTermItem:
    """A row of the editable VUM term list (admin settings), inactive ones included."""

    id: int
    version: int
    code: str
    parent_code: str | None
    name: str
    active: bool
    is_local: bool


@dataclass(frozen=True)
class HistoryEntry:
    """One field of a goal, sub-goal or assessment changed: who, when, old → new."""

    changed_at: datetime  # UTC
    user_name: str
    what: str  # "Indsatsmål", "Delmål: Tjekke e-Boks", "Vurdering 01-03-2026"
    field_label: str  # Danish field name
    old_text: str
    new_text: str


@dataclass(frozen=True)
class GoalContact:
    """A logged contact that worked on a goal."""

    contact_id: int
    contact_on: date
    form_label: str
    mentor_name: str
    duration_minutes: int
    note_excerpt: str


@dataclass(frozen=True)
class GoalChoice:
    """An open goal offered in the contact form."""

    id: int
    title: str
    theme_name: str = ""
