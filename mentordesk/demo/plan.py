"""Action plans for the demo: goals in the citizen's words, sub-goals and assessments of
function level and support need over time (VUM themes)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from mentordesk.demo.state import Case, DemoState, bulk, next_id
from mentordesk.demo.texts import CITIZEN_VIEWS, GOAL_TEMPLATES, MENTOR_NOTES
from mentordesk.domain import vum
from mentordesk.domain.codes import GoalStatus
from mentordesk.domain.vum import GoalType
from mentordesk.storage import models as m


def add_plans(state: DemoState, session: Session) -> None:
    """2–4 goals per citizen; goals already started can be linked from contacts. Each goal
    gets a change history (created, status changes, assessments) as the app writes it."""
    codes = theme_codes()
    goal_id = next_id(session, m.Goal)
    goals: list[dict] = []
    subs: list[dict] = []
    assessments: list[dict] = []
    history: list[dict] = []
    for case in state.cases:
        seen = len(assessments)
        for row in action_plan(state.rng, case, codes, state.today, goal_id, subs,
                               assessments):
            # action_plan appends a goal's assessments just before it yields the goal.
            goals.append(row)
            history += goal_history(row, case.primary_at(row["start_on"].toordinal()),
                                    assessments[seen:])
            seen = len(assessments)
            if row["start_on"] <= state.today:
                case.goals.append((goal_id, row["start_on"].toordinal()))
            goal_id += 1
    first_assessment = next_id(session, m.Assessment)
    for offset, row in enumerate(assessments):
        row["id"] = first_assessment + offset
    # "_citizen_id" only travels along for the history; the table has no such column.
    history += [record for row in assessments for record in assessment_history(row)]
    bulk(session, m.Goal, goals)
    bulk(session, m.SubGoal, subs)
    bulk(session, m.Assessment, assessments)
    bulk(session, m.ChangeRecord, history)


def _change(citizen_id: int, day: date, user_id: int, entity: str, entity_id: int,
            field: str, old: str, new: str) -> dict:
    return {"changed_at": datetime.combine(day, time(10, 0)), "user_id": user_id,
            "citizen_id": citizen_id, "entity": entity, "entity_id": entity_id,
            "field": field, "old_value": old, "new_value": new}


def goal_history(goal: dict, author: int, assessments: list[dict]) -> list[dict]:
    """Created on its start date; "I gang" at the first assessment; the final status at
    the last one (the history entries the plan services write, in readable Danish)."""
    start, citizen, goal_id = goal["start_on"], goal["citizen_id"], goal["id"]
    rows = [_change(citizen, start, author, "goal", goal_id, "created", "", "Oprettet"),
            _change(citizen, start, author, "goal", goal_id, "title", "", goal["title"]),
            _change(citizen, start, author, "goal", goal_id, "status", "",
                    GoalStatus.NOT_STARTED.label)]
    status = GoalStatus(goal["status"])
    if assessments and status is not GoalStatus.NOT_STARTED:
        first, last = assessments[0], assessments[-1]
        rows.append(_change(citizen, first["assessed_on"], first["author_id"], "goal",
                            goal_id, "status", GoalStatus.NOT_STARTED.label,
                            GoalStatus.IN_PROGRESS.label))
        if status is not GoalStatus.IN_PROGRESS:
            rows.append(_change(citizen, last["assessed_on"], last["author_id"], "goal",
                                goal_id, "status", GoalStatus.IN_PROGRESS.label, status.label))
    return rows


def assessment_history(row: dict) -> list[dict]:
    citizen = row.pop("_citizen_id")
    level = None if row["level"] is None else vum.FunctionLevel(row["level"])
    return [_change(citizen, row["assessed_on"], row["author_id"], "assessment", row["id"],
                    field, old, new)
            for field, old, new in (("created", "", "Oprettet"),
                                    ("_goal", "", str(row["goal_id"])),
                                    ("level", "", vum.level_label(level)))]


def theme_codes() -> dict[str, str]:
    """FFB codes of the goal templates' themes ("Samfundsliv") and sub-themes
    ("Samfundsliv/Varetage økonomi")."""
    codes: dict[str, str] = {}
    for theme in vum.activity_themes():
        codes[theme.name] = theme.code
        for sub in vum.children(theme.code):
            codes[f"{theme.name}/{sub.name}"] = sub.code
    return codes


def levels(rng: random.Random, start: date, end: date,
           goal_type: GoalType) -> list[tuple[date, int | None, int | None]]:
    """(date, function level, support need) about every 3 months; 0 is best, and levels
    mostly improve for goals that develop, stay for maintain, slip slowly for limit-loss."""
    better, worse = {GoalType.DEVELOP: (0.35, 0.08), GoalType.MAINTAIN: (0.1, 0.1),
                     GoalType.LIMIT_LOSS: (0.0, 0.2)}[goal_type]
    level = rng.choices((1, 2, 3, 4), (1, 4, 4, 1))[0]
    series: list[tuple[date, int | None, int | None]] = []
    day = start
    while day <= end:
        if rng.random() < 0.03:
            series.append((day, None, None))  # ikke vurderet
        else:
            series.append((day, level, min(4, max(0, level + rng.choice((-1, 0, 0, 1))))))
        roll = rng.random()
        if roll < better:
            level = max(0, level - 1)
        elif roll < better + worse:
            level = min(4, level + 1)
        day += timedelta(days=rng.randint(77, 105))
    return series


def goal_status(rng: random.Random, case_closed: bool, series: list) -> GoalStatus:
    if not series:
        return GoalStatus.NOT_STARTED
    if case_closed:
        return rng.choices((GoalStatus.ACHIEVED, GoalStatus.GIVEN_UP, GoalStatus.CHANGED,
                            GoalStatus.IN_PROGRESS), (50, 20, 15, 15))[0]
    last_level = series[-1][1]
    if last_level is not None and last_level <= 1 and rng.random() < 0.5:
        return GoalStatus.ACHIEVED
    return rng.choices((GoalStatus.IN_PROGRESS, GoalStatus.CHANGED, GoalStatus.GIVEN_UP),
                       (88, 6, 6))[0]


def sub_goal_status(rng: random.Random, goal: GoalStatus, deadline: date,
                    today: date) -> GoalStatus:
    if goal in (GoalStatus.ACHIEVED, GoalStatus.NOT_STARTED):
        return goal
    if deadline < today:
        return rng.choices((GoalStatus.ACHIEVED, GoalStatus.IN_PROGRESS, GoalStatus.GIVEN_UP),
                           (60, 25, 15))[0]
    return rng.choices((GoalStatus.IN_PROGRESS, GoalStatus.NOT_STARTED), (60, 40))[0]


def action_plan(rng: random.Random, case: Case, codes: dict[str, str], today: date,
                goal_id: int, subs: list[dict], assessments: list[dict]) -> Iterator[dict]:
    """2–4 goals for a case, numbered from ``goal_id``, each with its sub-goals and
    assessments (appended to ``subs`` and ``assessments``)."""
    for position, (theme, sub, title, steps) in enumerate(
            rng.sample(GOAL_TEMPLATES, rng.randint(2, 4))):
        grant = case.grants[0] if position < 2 else rng.choice(case.grants)
        start = grant.start + timedelta(days=rng.randint(0, 30))
        goal_type = rng.choices(tuple(GoalType), (70, 20, 10))[0]
        end = case.active_until
        series = levels(rng, start, end, goal_type) if end and start <= end else []
        status = goal_status(rng, case.status == "closed", series)
        assessments += [{
            "_citizen_id": case.id, "goal_id": goal_id, "assessed_on": day, "level": level,
            "support_need": need,
            "author_id": case.primary_at(day.toordinal()), "version": 1,
            "citizen_view": rng.choice(CITIZEN_VIEWS), "mentor_note": rng.choice(MENTOR_NOTES),
        } for day, level, need in series]
        for step, text in enumerate(steps):
            deadline = start + timedelta(days=(step + 1) * rng.randint(30, 90))
            sub_status = sub_goal_status(rng, status, deadline, today)
            done = min(deadline - timedelta(days=rng.randint(0, 20)), today) \
                if sub_status is GoalStatus.ACHIEVED else None
            subs.append({"goal_id": goal_id, "text": text, "deadline": deadline, "version": 1,
                         "status": sub_status.value, "done_on": done, "position": step})
        last = series[-1][0] if series else start
        yield {
            "id": goal_id, "citizen_id": case.id, "grant_id": grant.id, "title": title,
            "description": "", "theme_code": codes[theme], "subtheme_code": codes[f"{theme}/{sub}"],
            "goal_type": goal_type.value, "status": status.value, "start_on": start,
            "position": position, "version": 1,
            "review_on": None if status.is_finished else last + timedelta(days=91),
        }
        goal_id += 1