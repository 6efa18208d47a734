"""Shared inside the plan services: access to a goal, ORM rows → items, field names,
how stored values read in the history, and the checks of what the user typed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from mentordesk.domain import vum
from mentordesk.domain.codes import GoalStatus
from mentordesk.domain.dates import format_date
from mentordesk.domain.vum import FunctionLevel, GoalType, SupportNeed, level_label
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.cleaning import TEXT_LIMIT, clean_note, clean_text, optional_date
from mentordesk.services.history import Renderer, render_value
from mentordesk.services.plan.values import (
    AssessmentInput,
    AssessmentItem,
    GoalInput,
    GoalItem,
    GrantChoice,
    SubGoalInput,
    SubGoalItem,
)
from mentordesk.services.plan.vum_terms import goal_terms
from mentordesk.storage.models import (
    Assessment,
    Citizen,
    Goal,
    Grant,
    SubGoal,
)
from mentordesk.storage.queries.grants import grant_period, grant_periods
from mentordesk.storage.queries.plan import assessments_with_authors, sub_goals_in_order
from mentordesk.storage.queries.vum import vum_term_names


def plan_changed(citizen_id: int, *, contacts: bool = False) -> Changes:
    """The citizen's plan changed; ``contacts`` when contacts' goal links did too."""
    kinds = (Kind.PLAN, Kind.CONTACTS) if contacts else (Kind.PLAN,)
    return Changes.of(*kinds, citizen=citizen_id)


GOAL_FIELDS = ("title", "description", "theme_code", "subtheme_code", "goal_type", "status",
               "start_on", "review_on", "grant_id")
SUB_GOAL_FIELDS = ("text", "deadline", "status", "done_on")
ASSESSMENT_FIELDS = ("assessed_on", "level", "support_need", "citizen_view", "mentor_note")

# Danish field names: the history, the conflict dialog and error messages use them.
GOAL_FIELD_LABELS = {
    "title": "Mål", "description": "Beskrivelse", "theme_code": "Tema",
    "subtheme_code": "Undertema", "goal_type": "Måltype", "status": "Status",
    "start_on": "Startdato", "review_on": "Opfølgningsdato", "grant_id": "Bevilling",
    "created": "Oprettet", "deleted": "Slettet", "position": "Placering",
    "contact": "Kontakt",
}
CONTACT_FIELD = "contact"  # history of the goal: a contact linked ("" → it) or unlinked
SUB_GOAL_FIELD_LABELS = {
    "text": "Delmål", "deadline": "Frist", "status": "Status", "done_on": "Udført den",
    "position": "Placering", "created": "Oprettet", "deleted": "Slettet",
}
ASSESSMENT_FIELD_LABELS = {
    "assessed_on": "Dato", "level": "Funktionsevneniveau", "support_need": "Støttebehov",
    "citizen_view": "Borgerens egen vurdering", "mentor_note": "Mentors vurdering",
    "created": "Oprettet", "deleted": "Slettet",
}
GOAL_TAG = "_goal"  # hidden history field: the goal a sub-goal or assessment belongs to

MAX_LEVEL = 4


# --- access ----------------------------------------------------------------------------------


def visible_goal(session: Session, actor: Actor, goal_id: int) -> Goal:
    goal = session.get(Goal, goal_id)
    if goal is None:
        raise NotFound("Indsatsmålet findes ikke længere.")
    require_citizen(session, actor, goal.citizen_id)
    return goal


def visible_sub_goal(session: Session, actor: Actor, sub_goal_id: int) -> tuple[SubGoal, Goal]:
    sub_goal = session.get(SubGoal, sub_goal_id)
    if sub_goal is None:
        raise NotFound("Delmålet findes ikke længere.")
    return sub_goal, visible_goal(session, actor, sub_goal.goal_id)


def visible_assessment(session: Session, actor: Actor,
                       assessment_id: int) -> tuple[Assessment, Goal]:
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise NotFound("Vurderingen findes ikke længere.")
    return assessment, visible_goal(session, actor, assessment.goal_id)


def citizen_label(citizen: Citizen) -> str:
    """Name, or alias for an anonymous (§99) citizen; never the CPR."""
    name = f"{citizen.first_name} {citizen.last_name}".strip()
    if citizen.is_anonymous or not name:
        return citizen.alias or "(anonym)"
    return name


# --- reference names -------------------------------------------------------------------------


def term_names(session: Session, codes: Iterable[str]) -> dict[str, str]:
    """The team's name for each VUM code (``vum_term``), else the FFB name, else the code."""
    wanted = {code for code in codes if code}
    if not wanted:
        return {}
    names = dict(session.execute(vum_term_names(wanted)).tuples().all())
    for code in wanted - names.keys():
        try:
            names[code] = vum.get_term(code).name
        except KeyError:
            names[code] = code
    return names


def grant_choices(session: Session, citizen_id: int) -> list[GrantChoice]:
    return [GrantChoice(grant_id, grant_label(code, start, end))
            for grant_id, code, start, end in session.execute(grant_periods(citizen_id))]


def grant_label(code: str, start: date, end: date | None) -> str:
    return f"{code}, {format_date(start)} – {format_date(end) if end else 'løbende'}"


def history_renderers(session: Session) -> dict[str, Renderer]:
    """How stored goal, sub-goal and assessment values read in the history."""
    def term(code: Any) -> str:
        return term_names(session, [code]).get(code, "") if code else ""

    def grant(grant_id: Any) -> str:
        if grant_id is None:
            return ""
        row = session.execute(grant_period(grant_id)).first()
        return grant_label(*row) if row else f"Bevilling {grant_id}"

    return {
        "theme_code": term, "subtheme_code": term, "grant_id": grant,
        "goal_type": lambda value: GoalType(value).label if value else "",
        "status": lambda value: GoalStatus(value).label if value else "",
        "level": lambda value: level_label(None if value is None else FunctionLevel(value)),
        "support_need": lambda value: level_label(None if value is None
                                                  else SupportNeed(value)),
        "position": lambda value: "" if value is None else str(value + 1),
        GOAL_TAG: render_value,
    }


# --- rows → items ----------------------------------------------------------------------------


def goal_items(session: Session, goals: list[Goal]) -> list[GoalItem]:
    """Items with sub-goals (in order) and assessments (oldest first), in three queries."""
    ids = [goal.id for goal in goals]
    subs: dict[int, list[SubGoalItem]] = defaultdict(list)
    found: dict[int, list[AssessmentItem]] = defaultdict(list)
    if ids:
        for sub in session.scalars(sub_goals_in_order(ids)):
            subs[sub.goal_id].append(sub_goal_item(sub))
        for assessment, author in session.execute(assessments_with_authors(ids)):
            found[assessment.goal_id].append(assessment_item(assessment, author or ""))
    names = term_names(session, [code for goal in goals
                                 for code in (goal.theme_code, goal.subtheme_code)])
    grants = {choice.id: choice.label for goal in goals[:1]
              for choice in grant_choices(session, goal.citizen_id)}
    return [goal_item(goal, names, grants, subs[goal.id], found[goal.id]) for goal in goals]


def goal_item(goal: Goal, names: Mapping[str, str], grants: Mapping[int, str],
              sub_goals: list[SubGoalItem], assessments: list[AssessmentItem]) -> GoalItem:
    return GoalItem(
        id=goal.id, version=goal.version, citizen_id=goal.citizen_id, title=goal.title,
        description=goal.description or "", theme_code=goal.theme_code or "",
        subtheme_code=goal.subtheme_code or "", goal_type=GoalType(goal.goal_type),
        status=GoalStatus(goal.status), start_on=goal.start_on, review_on=goal.review_on,
        grant_id=goal.grant_id, position=goal.position,
        theme_name=names.get(goal.theme_code, ""), subtheme_name=names.get(goal.subtheme_code, ""),
        grant_label=grants.get(goal.grant_id, "") if goal.grant_id else "",
        sub_goals=sub_goals, assessments=assessments,
    )


def sub_goal_item(sub: SubGoal) -> SubGoalItem:
    return SubGoalItem(sub.id, sub.version, sub.goal_id, sub.text, sub.deadline,
                       GoalStatus(sub.status), sub.done_on, sub.position)


def assessment_item(assessment: Assessment, author_name: str) -> AssessmentItem:
    return AssessmentItem(
        assessment.id, assessment.version, assessment.goal_id, assessment.assessed_on,
        None if assessment.level is None else FunctionLevel(assessment.level),
        None if assessment.support_need is None else SupportNeed(assessment.support_need),
        assessment.citizen_view or "", assessment.mentor_note or "", author_name,
    )


# --- inputs → column values ------------------------------------------------------------------


def goal_columns(new: GoalInput) -> dict[str, Any]:
    values = asdict(new)
    values["goal_type"] = str(new.goal_type)
    values["status"] = str(new.status)
    return values


def sub_goal_columns(new: SubGoalInput) -> dict[str, Any]:
    values = asdict(new)
    values["status"] = str(new.status)
    return values


def assessment_columns(new: AssessmentInput) -> dict[str, Any]:
    values = asdict(new)
    for field in ("level", "support_need"):
        if values[field] is not None and not isinstance(values[field], bool):
            values[field] = int(values[field])
    return values


def check_goal(session: Session, citizen_id: int, values: Mapping[str, Any],
               kept: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Checked, cleaned goal columns; ``kept`` are the goal's current values (a theme
    the team has since hidden stays allowed on goals that already use it)."""
    kept = kept or {}
    title = clean_text(values["title"], "Mål", _limit(Goal, "title"))
    if not title:
        raise InvalidInput("Skriv målet – gerne med borgerens egne ord.")
    start_on = optional_date(values["start_on"], "Startdato")
    review_on = optional_date(values["review_on"], "Opfølgningsdato")
    if start_on and review_on and review_on < start_on:
        raise InvalidInput("Opfølgningsdatoen må ikke ligge før målets startdato.")
    theme, subtheme = _check_themes(session, values["theme_code"], values["subtheme_code"],
                                    kept)
    grant_id = values["grant_id"]
    if grant_id is not None:
        grant = session.get(Grant, grant_id) if isinstance(grant_id, int) else None
        if grant is None or grant.citizen_id != citizen_id:
            raise InvalidInput("Vælg en af borgerens egne bevillinger.")
    return {
        "title": title, "description": clean_note(values["description"], "Beskrivelse"),
        "theme_code": theme, "subtheme_code": subtheme,
        "goal_type": _enum_value(GoalType, values["goal_type"], "Vælg en måltype."),
        "status": _enum_value(GoalStatus, values["status"], "Vælg en status for målet."),
        "start_on": start_on, "review_on": review_on, "grant_id": grant_id,
    }


def _check_themes(session: Session, theme_code: object, subtheme_code: object,
                  kept: Mapping[str, Any]) -> tuple[str, str]:
    if not isinstance(theme_code, str) or not isinstance(subtheme_code, str):
        raise InvalidInput("Vælg et VUM-tema fra listen.")
    if not theme_code:
        # Goals made before themes were required (imported, older versions) may be saved
        # without one; every new goal needs a theme.
        if kept.get("theme_code") == "" and not subtheme_code:
            return "", ""
        raise InvalidInput("Vælg et VUM-tema for målet.")
    terms = goal_terms(session)
    theme = terms.get(theme_code)
    if theme is None or theme.parent_code != vum.ACTIVITY_AND_PARTICIPATION_CODE:
        raise InvalidInput("Vælg et VUM-tema fra listen.")
    if not theme.active and theme_code != kept.get("theme_code"):
        raise InvalidInput(f"Temaet »{theme.name}« er skjult og kan ikke bruges til nye mål.")
    if subtheme_code:
        sub = terms.get(subtheme_code)
        if sub is None or sub.parent_code != theme_code:
            raise InvalidInput("Undertemaet hører ikke til det valgte tema.")
        if not sub.active and subtheme_code != kept.get("subtheme_code"):
            raise InvalidInput(f"Undertemaet »{sub.name}« er skjult og kan ikke bruges "
                               "til nye mål.")
    return theme_code, subtheme_code


def check_sub_goal(values: Mapping[str, Any]) -> dict[str, Any]:
    text = clean_text(values["text"], "Delmål", _limit(SubGoal, "text"))
    if not text:
        raise InvalidInput("Skriv hvad delmålet går ud på.")
    status = _enum_value(GoalStatus, values["status"], "Vælg en status for delmålet.")
    done_on = optional_date(values["done_on"], "Udført den")
    if done_on is not None and status != GoalStatus.ACHIEVED.value:
        raise InvalidInput("En udført-dato kan kun angives, når delmålet er opnået.")
    return {"text": text, "deadline": optional_date(values["deadline"], "Frist"),
            "status": status, "done_on": done_on}


def check_assessment(values: Mapping[str, Any]) -> dict[str, Any]:
    assessed_on = optional_date(values["assessed_on"], "Dato")
    if assessed_on is None:
        raise InvalidInput("Angiv datoen for vurderingen.")
    return {
        "assessed_on": assessed_on,
        "level": _level(values["level"], "Funktionsevneniveauet"),
        "support_need": _level(values["support_need"], "Støttebehovet"),
        "citizen_view": clean_note(values["citizen_view"], "Borgerens egen vurdering"),
        "mentor_note": clean_note(values["mentor_note"], "Mentors vurdering"),
    }


def _level(value: object, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_LEVEL:
        raise InvalidInput(f"{what} skal være 0–4 eller »Ikke vurderet«.")
    return int(value)


def _enum_value(enum: type, value: object, message: str) -> str:
    try:
        return str(enum(value).value)
    except ValueError:
        raise InvalidInput(message) from None


def _limit(model: type, field: str) -> int:
    length = getattr(model.__table__.c[field].type, "length", None)  # type: ignore[attr-defined]
    return int(length or TEXT_LIMIT)

