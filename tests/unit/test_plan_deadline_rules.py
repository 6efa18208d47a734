"""Handleplan deadlines without a database: goal review dates and the evaluation rhythm."""

from __future__ import annotations

from datetime import date

from mentordesk.domain.deadlines import (
    CaseFacts,
    DeadlineKind,
    GoalFacts,
    GrantFacts,
    case_deadlines,
    goal_review,
    plan_evaluation,
)

TODAY = date(2026, 11, 23)
GRANT = GrantFacts(7, "SEL §85", start_on=date(2026, 2, 1))


def test_goal_review_is_met_by_an_assessment_in_its_window():
    goal = GoalFacts(3, "Købe ind selv", date(2026, 2, 1), review_on=date(2026, 12, 10))
    item = goal_review(goal)
    assert (item.kind, item.due_on, item.done, item.source_id, item.detail) == (
        DeadlineKind.GOAL_REVIEW, date(2026, 12, 10), False, 3, "Købe ind selv")
    assert not goal_review(GoalFacts(3, "x", review_on=date(2026, 12, 10),
                                     latest_assessment=date(2026, 11, 9))).done
    assert goal_review(GoalFacts(3, "x", review_on=date(2026, 12, 10),
                                 latest_assessment=date(2026, 11, 10))).done


def test_plan_evaluation_runs_three_months_from_the_latest_round_or_the_start():
    goals = (GoalFacts(1, "a", date(2026, 3, 31)), GoalFacts(2, "b", date(2026, 4, 15)))
    before_any = plan_evaluation(CaseFacts(goals=goals))
    assert (before_any.due_on, before_any.detail) == (date(2026, 6, 30), "2 åbne mål")
    after_round = plan_evaluation(CaseFacts(goals=goals, assessment_dates=(date(2026, 8, 31),)))
    assert after_round.due_on == date(2026, 11, 30)  # clamped to the month's end
    assert not after_round.done
    assert plan_evaluation(CaseFacts()) is None  # no open goals, no evaluation
    assert plan_evaluation(CaseFacts(goals=(GoalFacts(1, "a"),))) is None  # no start known


def test_case_shows_the_grant_evaluation_first_then_the_plan_rhythm():
    goals = (GoalFacts(1, "Mål", date(2026, 2, 1), review_on=date(2026, 12, 1)),)
    open_first = case_deadlines(CaseFacts(grants=(GRANT,), goals=goals), TODAY)
    kinds = [item.kind for item in open_first]
    assert DeadlineKind.EVALUATION in kinds
    assert DeadlineKind.PLAN_EVALUATION not in kinds
    assert DeadlineKind.GOAL_REVIEW in kinds

    evaluated = CaseFacts(grants=(GRANT,), goals=goals, assessment_dates=(date(2026, 4, 20),))
    items = case_deadlines(evaluated, TODAY)
    assert [(item.kind, item.due_on, item.done) for item in items
            if item.kind in (DeadlineKind.EVALUATION, DeadlineKind.PLAN_EVALUATION)] == [
        (DeadlineKind.EVALUATION, date(2026, 5, 1), True),
        (DeadlineKind.PLAN_EVALUATION, date(2026, 7, 20), False),
    ]
    assert [item.due_on for item in items] == sorted(item.due_on for item in items)


def test_a_plan_without_a_grant_still_gets_its_deadlines():
    goals = (GoalFacts(4, "Sove om natten", date(2026, 9, 1), review_on=date(2026, 11, 1)),)
    items = case_deadlines(CaseFacts(goals=goals), TODAY)
    assert [(item.kind, item.due_on, item.is_overdue(TODAY)) for item in items] == [
        (DeadlineKind.GOAL_REVIEW, date(2026, 11, 1), True),
        (DeadlineKind.PLAN_EVALUATION, date(2026, 12, 1), False),
    ]
