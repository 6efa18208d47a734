"""Handleplan history (who, when, old → new), deadlines (review dates, evaluation rhythm)
and the printable plan PDF, on a real encrypted database."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from mentordesk.domain.codes import GoalStatus, Role
from mentordesk.domain.deadlines import DeadlineKind
from mentordesk.domain.vum import GoalType
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.reports.plan_export import plan_pdf
from mentordesk.services.catalogue_admin import load_catalogue
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.deadlines import deadlines
from mentordesk.services.grants import GrantInput, create_grant
from mentordesk.services.plan import (
    AssessmentInput,
    GoalInput,
    SubGoalInput,
    add_sub_goal,
    complete_evaluation,
    create_goal,
    delete_sub_goal,
    goal_history,
    move_sub_goal,
    record_assessment,
    theme_choices,
    update_goal,
    update_sub_goal,
)
from mentordesk.storage.models import AuditEvent, User

pytestmark = pytest.mark.both_backends

HOSTILE = '<b>&<img src="/etc/passwd"/>'
TODAY = date(2026, 11, 23)


@pytest.fixture
def themes(database):
    return {theme.name: theme for theme in theme_choices(database)}


@pytest.fixture
def citizen_id(database, admin) -> int:
    return create_citizen(Context(database, admin),
                          NewCitizen(first_name="Søren", last_name="Øster",
                                                      cpr="0101909002")).value


def _grant(database, admin, citizen_id, start: date) -> int:
    basis = next(item.id for item in load_catalogue(database).legal_bases
                 if item.code == "SEL §85")
    return create_grant(Context(database, admin), citizen_id,
                        GrantInput(legal_basis_id=basis, start_on=start)).value.id


def _goal(themes, title: str, **changes) -> GoalInput:
    theme = themes["Praktiske opgaver"]
    values = dict(title=title, theme_code=theme.code, subtheme_code=theme.children[0].code,
                  goal_type=GoalType.DEVELOP, status=GoalStatus.NOT_STARTED,
                  start_on=date(2026, 2, 1), review_on=date(2026, 12, 1))
    values.update(changes)
    return GoalInput(**values)


def _coordinator(database) -> Actor:
    with database.session() as session:
        user = User(login="koordinator", full_name="Karen Koordinator",
                    role=Role.COORDINATOR.value)
        session.add(user)
        session.flush()
        return Actor(user.id, user.login, user.full_name, Role.COORDINATOR)


# --- history -----------------------------------------------------------------------------


def test_history_shows_who_when_and_old_to_new_readably(database, admin, citizen_id, themes):
    goal = create_goal(Context(database, admin), citizen_id, _goal(themes, "Gøre rent")).value
    karen = _coordinator(database)
    before = datetime.now(UTC).replace(tzinfo=None)
    update_goal(Context(database, karen), goal.id, goal.version,
                _goal(themes, "Gøre rent hver uge", status=GoalStatus.IN_PROGRESS,
                      review_on=date(2027, 1, 15)), goal.input())
    sub = add_sub_goal(Context(database, admin),
                       goal.id, SubGoalInput("Støvsuge", date(2026, 3, 1))).value
    update_sub_goal(Context(database, karen), sub.id, sub.version,
                    SubGoalInput("Støvsuge stuen", date(2026, 3, 1), GoalStatus.ACHIEVED,
                                 date(2026, 2, 27)), sub.input())
    second = add_sub_goal(Context(database, admin), goal.id, SubGoalInput("Tørre støv af")).value
    record_assessment(Context(database, karen), goal.id, AssessmentInput(date(2026, 3, 1), 3))
    delete_sub_goal(Context(database, admin), second.id, second.version)

    entries = goal_history(Context(database, admin), goal.id)
    by_field: dict = {}
    for entry in entries:  # newest first: keep the latest change of each field
        by_field.setdefault((entry.what, entry.field_label), entry)
    title = by_field[("Indsatsmål", "Mål")]
    assert (title.user_name, title.old_text, title.new_text) == (
        "Karen Koordinator", "Gøre rent", "Gøre rent hver uge")
    assert title.changed_at >= before.replace(microsecond=0)
    status = by_field[("Indsatsmål", "Status")]
    assert (status.old_text, status.new_text) == ("Ikke påbegyndt", "I gang")
    review = by_field[("Indsatsmål", "Opfølgningsdato")]
    assert (review.old_text, review.new_text) == ("01-12-2026", "15-01-2027")
    done = by_field[("Delmål: Støvsuge stuen", "Udført den")]
    assert (done.user_name, done.old_text, done.new_text) == (
        "Karen Koordinator", "", "27-02-2026")
    assert by_field[("Delmål: Støvsuge stuen", "Status")].new_text == "Opnået"
    level = by_field[("Vurdering 01-03-2026", "Funktionsevneniveau")]
    assert level.new_text == "Svært nedsat funktionsevne"
    # A deleted sub-goal stays in the goal's history, named by its text.
    deleted = by_field[("Delmål: Tørre støv af", "Slettet")]
    assert deleted.old_text == "Tørre støv af"
    assert entries[0].field_label == "Slettet"  # newest first
    assert entries[-1].what == "Indsatsmål"  # the creation comes last
    assert not any(entry.field_label.startswith("_") for entry in entries)


def test_history_records_moves_and_skips_no_op_saves(database, admin, citizen_id, themes):
    goal = create_goal(Context(database, admin), citizen_id, _goal(themes, "Vaske op")).value
    first = add_sub_goal(Context(database, admin), goal.id, SubGoalInput("Skylle")).value
    add_sub_goal(Context(database, admin), goal.id, SubGoalInput("Tørre af"))
    count = len(goal_history(Context(database, admin), goal.id))
    update_goal(Context(database, admin), goal.id, goal.version, goal.input(), goal.input())
    assert len(goal_history(Context(database, admin), goal.id)) == count
    move_sub_goal(Context(database, admin), first.id, 1)
    moved = goal_history(Context(database, admin), goal.id)[0]
    assert (moved.what, moved.field_label, moved.old_text, moved.new_text) == (
        "Delmål: Skylle", "Placering", "1", "2")


# --- deadlines ---------------------------------------------------------------------------


def test_review_dates_and_evaluation_rhythm_in_the_deadline_dashboard(database, admin,
                                                                      citizen_id, themes):
    _grant(database, admin, citizen_id, date(2026, 2, 1))
    soon = create_goal(Context(database, admin), citizen_id,
                       _goal(themes, "Købe ind selv", review_on=date(2026, 12, 10))).value
    create_goal(Context(database, admin), citizen_id,
                _goal(themes, "Opnået mål", status=GoalStatus.ACHIEVED,
                      review_on=date(2026, 12, 5)))
    rows = deadlines(Context(database, admin), "team", today=TODAY)
    reviews = [(row.kind, row.due_on, row.detail) for row in rows
               if row.kind is DeadlineKind.GOAL_REVIEW]
    assert reviews == [(DeadlineKind.GOAL_REVIEW, date(2026, 12, 10), "Købe ind selv")]
    # The grant's first evaluation (01-05-2026) is still open: no second evaluation line.
    kinds = [row.kind for row in rows]
    assert DeadlineKind.EVALUATION in kinds and DeadlineKind.PLAN_EVALUATION not in kinds

    # An evaluation round on 10-09-2026 meets the first evaluation and the next is due
    # three months later; a review date in the round's window counts as reviewed.
    complete_evaluation(Context(database, admin), citizen_id, date(2026, 9, 10),
                        {soon.id: AssessmentInput(date(2026, 9, 10), 2)})
    rows = deadlines(Context(database, admin), "team", today=TODAY)
    assert [(row.kind, row.due_on, row.overdue) for row in rows
            if row.kind in (DeadlineKind.EVALUATION, DeadlineKind.PLAN_EVALUATION)] == [
        (DeadlineKind.PLAN_EVALUATION, date(2026, 12, 10), False)]
    assert DeadlineKind.GOAL_REVIEW in [row.kind for row in rows]  # 10-09 is too early
    record_assessment(Context(database, admin), soon.id, AssessmentInput(date(2026, 11, 20), 2))
    rows = deadlines(Context(database, admin), "team", today=TODAY)
    assert DeadlineKind.GOAL_REVIEW not in [row.kind for row in rows]
    assert DeadlineKind.PLAN_EVALUATION not in [row.kind for row in rows]  # due 20-02-2027


# --- the printable plan -------------------------------------------------------------------


def test_plan_pdf_shows_goals_literally_without_cpr(database, admin, citizen_id, themes,
                                                    pdf_text, tmp_path):
    grant = _grant(database, admin, citizen_id, date(2026, 2, 1))
    goal = create_goal(Context(database, admin), citizen_id, _goal(
        themes, f"Mit mål: {HOSTILE}", grant_id=grant, status=GoalStatus.IN_PROGRESS,
        description="Jeg vil selv kunne holde mit køkken pænt.")).value
    add_sub_goal(Context(database, admin), goal.id, SubGoalInput("Vaske op hver aften",
                                                        date(2026, 3, 15)))
    add_sub_goal(Context(database, admin), goal.id, SubGoalInput(f"Delmål {HOSTILE}"))
    record_assessment(Context(database, admin), goal.id, AssessmentInput(
        date(2026, 3, 1), 2, citizen_view="Jeg synes, det går godt"))
    create_goal(Context(database, admin), citizen_id, _goal(themes, "Komme ud at gå ŁŞ æøå"))
    pdf = plan_pdf(Context(database, admin), citizen_id, datetime(2026, 11, 23, 14, 5))
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    for expected in ("Pædagogisk handleplan", "Søren Øster",
                     f"Mål 1: Mit mål: {HOSTILE}",
                     "Vaske op hver aften", f"Delmål {HOSTILE}", "15-03-2026",
                     "Komme ud at gå ŁŞ æøå",
                     "Seneste vurdering (01-03-2026): Moderat nedsat funktionsevne",
                     "Jeg synes, det går godt", "SEL §85, 01-02-2026", "Side 1 af",
                     "underskrift, borger", "Praktiske opgaver", "Udvikle funktionsevne"):
        assert expected in flat, expected
    assert "010190" not in flat and "9002" not in flat  # never the CPR
    assert _pages(pdf, tmp_path) == 1
    with database.session() as session:
        printed = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "print", AuditEvent.citizen_id == citizen_id)).all()
    assert len(printed) == 1 and printed[0].entity == "plan"


def test_plan_pdf_of_a_full_plan_stays_within_two_pages(database, admin, citizen_id, themes,
                                                        tmp_path):
    for number in range(4):
        goal = create_goal(Context(database, admin), citizen_id, _goal(
            themes, f"Mål nummer {number} i borgerens egne ord",
            description="Beskrivelse " * 8)).value
        for step in range(3):
            add_sub_goal(Context(database, admin), goal.id,
                         SubGoalInput(f"Trin {step} – et konkret skridt", date(2026, 4, 1)))
        record_assessment(Context(database, admin), goal.id, AssessmentInput(
            date(2026, 3, 1), 2, citizen_view="Det går fremad. " * 5))
    pdf = plan_pdf(Context(database, admin), citizen_id, datetime(2026, 11, 23, 9, 0))
    assert _pages(pdf, tmp_path) == 2


def _pages(pdf: bytes, folder) -> int:
    path = folder / "pages.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
