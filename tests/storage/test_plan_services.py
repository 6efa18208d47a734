"""Handleplan services on a real encrypted database: goals, sub-goals, assessments over
time, overview, stale edits, evaluation rounds, contact links, access and audit."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from mentordesk.domain.codes import GoalStatus, Role
from mentordesk.domain.vum import FunctionLevel, GoalType, SupportNeed
from mentordesk.errors import AccessDenied, InvalidInput, NotFound, StaleEdit
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict
from mentordesk.services.catalogue_admin import load_catalogue
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.grants import GrantInput, create_grant
from mentordesk.services.plan import (
    AssessmentInput,
    GoalInput,
    SubGoalInput,
    add_local_term,
    add_sub_goal,
    complete_evaluation,
    create_goal,
    delete_goal,
    delete_sub_goal,
    evaluation_goals,
    get_goal,
    goal_choices,
    goal_contacts,
    level_series,
    link_contact,
    load_plan,
    move_sub_goal,
    record_assessment,
    rename_term,
    set_term_active,
    theme_choices,
    unlink_contact,
    update_assessment,
    update_goal,
    update_sub_goal,
)
from mentordesk.storage.models import Assessment, AuditEvent, Contact, Goal, SubGoal, User

pytestmark = pytest.mark.both_backends

HOSTILE = '<b>&<img src="/etc/passwd"/>'


@pytest.fixture
def citizen_id(database, admin) -> int:
    return create_citizen(Context(database, admin), NewCitizen(first_name="Åse", last_name="Ærø",
                                                      cpr="0101909002")).value


@pytest.fixture
def grant_id(database, admin, citizen_id) -> int:
    basis = next(item.id for item in load_catalogue(database).legal_bases
                 if item.code == "SEL §85")
    return create_grant(Context(database, admin), citizen_id,
                        GrantInput(legal_basis_id=basis, start_on=date(2026, 2, 1))).value.id


@pytest.fixture
def themes(database):
    """{"Samfundsliv": ThemeChoice(...)} of the seeded VUM goal themes."""
    return {theme.name: theme for theme in theme_choices(database)}


def _sub(themes, theme: str, name: str) -> str:
    return next(child.code for child in themes[theme].children if child.name == name)


def _goal_input(themes, title: str, **changes) -> GoalInput:
    values = dict(title=title, theme_code=themes["Samfundsliv"].code,
                  subtheme_code=_sub(themes, "Samfundsliv", "Håndtere post"),
                  goal_type=GoalType.DEVELOP, status=GoalStatus.IN_PROGRESS,
                  start_on=date(2026, 2, 15), review_on=date(2026, 12, 1))
    values.update(changes)
    return GoalInput(**values)


def _mentor(database, login: str) -> Actor:
    with database.session() as session:
        user = User(login=login, full_name=login.title(), role=Role.MENTOR.value)
        session.add(user)
        session.flush()
        return Actor(user.id, user.login, user.full_name, Role.MENTOR)


def _events(database, action: str) -> list[AuditEvent]:
    with database.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


# --- a plan with two goals, sub-goals and three assessments over time --------------------


def test_plan_with_two_goals_sub_goals_and_levels_over_time(database, admin, citizen_id,
                                                            grant_id, themes):
    post = create_goal(Context(database, admin), citizen_id,
                       _goal_input(themes, "Tjekke e-Boks selv", grant_id=grant_id)).value
    food = create_goal(Context(database, admin), citizen_id, _goal_input(
        themes, "Lave mad to gange om ugen", theme_code=themes["Praktiske opgaver"].code,
        subtheme_code=_sub(themes, "Praktiske opgaver", "Lave mad"),
        goal_type=GoalType.MAINTAIN)).value
    add_sub_goal(Context(database, admin),
                 post.id, SubGoalInput("Få NemID/MitID", date(2026, 3, 1)))
    add_sub_goal(Context(database, admin), post.id, SubGoalInput("Åbne e-Boks med mentor",
                                                        date(2026, 4, 1)))
    add_sub_goal(Context(database, admin), food.id, SubGoalInput("Skrive en indkøbsliste"))
    for day, level in ((date(2026, 3, 1), 3), (date(2026, 6, 1), 2), (date(2026, 9, 1), 1)):
        record_assessment(Context(database, admin), post.id, AssessmentInput(
            day, level, SupportNeed.MODERATE, "Det går bedre", "Øver hver uge"))
    record_assessment(Context(database, admin), food.id, AssessmentInput(date(2026, 3, 2), None))
    record_assessment(Context(database, admin), food.id, AssessmentInput(date(2026, 6, 2), 2))

    assert level_series(Context(database, admin), post.id) == [
        (date(2026, 3, 1), 3), (date(2026, 6, 1), 2), (date(2026, 9, 1), 1)]
    assert level_series(Context(database, admin), food.id) == [
        (date(2026, 3, 2), None), (date(2026, 6, 2), 2)]

    plan = load_plan(Context(database, admin), citizen_id)
    assert plan.citizen_label == "Åse Ærø"
    assert [goal.title for goal in plan.goals] == ["Tjekke e-Boks selv",
                                                   "Lave mad to gange om ugen"]
    first = plan.goals[0]
    assert (first.theme_name, first.subtheme_name) == ("Samfundsliv", "Håndtere post")
    assert first.goal_type_label == "Udvikle funktionsevne"
    assert first.status_label == "I gang"
    assert first.grant_label.startswith("SEL §85, 01-02-2026")
    assert [sub.text for sub in first.sub_goals] == ["Få NemID/MitID",
                                                     "Åbne e-Boks med mentor"]
    assert [sub.position for sub in first.sub_goals] == [0, 1]
    assert [item.level for item in first.assessments] == [3, 2, 1]
    assert first.assessments[0].level_label == "Svært nedsat funktionsevne"
    assert first.assessments[0].support_need_label == "Moderat støttebehov"
    assert first.assessments[0].author_name == admin.full_name
    overview = {row.title: row for row in plan.overview}
    post_row = overview["Tjekke e-Boks selv"]
    assert (post_row.first_level, post_row.first_on) == (FunctionLevel.SEVERE, date(2026, 3, 1))
    assert (post_row.latest_level, post_row.latest_on) == (FunctionLevel.MILD, date(2026, 9, 1))
    assert post_row.latest_level_label == "Let nedsat funktionsevne"
    # "Ikke vurderet" says nothing about progress: the first scored round is the start.
    food_row = overview["Lave mad to gange om ugen"]
    assert (food_row.first_level, food_row.first_on) == (FunctionLevel.MODERATE,
                                                         date(2026, 6, 2))
    assert [choice.id for choice in plan.grants] == [grant_id]


def test_goal_title_is_kept_literally_and_validation_speaks_danish(database, admin, citizen_id,
                                                                   themes):
    goal = create_goal(Context(database, admin),
                       citizen_id, _goal_input(themes, f"  {HOSTILE} =1+1 ")).value
    assert goal.title == f"{HOSTILE} =1+1"
    bad_inputs = {
        "Skriv målet": _goal_input(themes, "   "),
        "før målets startdato": _goal_input(themes, "Mål", start_on=date(2026, 5, 1),
                                            review_on=date(2026, 4, 1)),
        "Vælg et VUM-tema": _goal_input(themes, "Mål", theme_code="", subtheme_code=""),
        "hører ikke til det valgte tema": _goal_input(
            themes, "Mål", subtheme_code=_sub(themes, "Praktiske opgaver", "Lave mad")),
        "måltype": _goal_input(themes, "Mål", goal_type="grow"),
    }
    for message, bad in bad_inputs.items():
        with pytest.raises(InvalidInput, match=message):
            create_goal(Context(database, admin), citizen_id, bad)
    other = create_citizen(Context(database, admin),
                           NewCitizen(first_name="Bo", last_name="Andersen")).value
    basis = next(item.id for item in load_catalogue(database).legal_bases)
    foreign_grant = create_grant(Context(database, admin), other,
                                 GrantInput(legal_basis_id=basis, start_on=date(2026, 1, 1))).value
    with pytest.raises(InvalidInput, match="borgerens egne bevillinger"):
        create_goal(Context(database, admin), citizen_id,
                    _goal_input(themes, "Mål", grant_id=foreign_grant.id))
    with pytest.raises(InvalidInput, match="udført-dato"):
        add_sub_goal(Context(database, admin), goal.id,
                     SubGoalInput("Trin", status=GoalStatus.IN_PROGRESS,
                                  done_on=date(2026, 3, 1)))
    with pytest.raises(InvalidInput, match="0–4"):
        record_assessment(Context(database, admin), goal.id, AssessmentInput(date(2026, 3, 1), 5))
    assert [g.title for g in load_plan(Context(database, admin), citizen_id).goals] == [goal.title]
    assert get_goal(Context(database, admin), goal.id).sub_goals == []


# --- stale edits -------------------------------------------------------------------------


def test_stale_goal_edit_raises_conflict_and_other_fields_merge(database, admin, citizen_id,
                                                                themes):
    loaded = create_goal(Context(database, admin),
                         citizen_id, _goal_input(themes, "Mere struktur")).value
    original = loaded.input()
    # A colleague renames the goal first.
    saved = update_goal(Context(database, admin), loaded.id, loaded.version,
                        _goal_input(themes, "Mere struktur i hverdagen"), original).value
    assert saved.version == loaded.version + 1
    # My form still holds the old version: the same field clashes …
    with pytest.raises(EditConflict) as caught:
        update_goal(Context(database, admin), loaded.id, loaded.version,
                    _goal_input(themes, "Struktur på dagen"), original)
    assert [(c.field, c.mine, c.theirs) for c in caught.value.conflicts] == [
        ("title", "Struktur på dagen", "Mere struktur i hverdagen")]
    assert get_goal(Context(database, admin), loaded.id).title == "Mere struktur i hverdagen"
    # … a different field merges and keeps both edits.
    merged = update_goal(Context(database, admin), loaded.id, loaded.version,
                         _goal_input(themes, "Mere struktur", status=GoalStatus.ACHIEVED),
                         original).value
    assert (merged.title, merged.status) == ("Mere struktur i hverdagen", GoalStatus.ACHIEVED)
    with pytest.raises(StaleEdit):
        delete_goal(Context(database, admin), loaded.id, loaded.version)


def test_stale_sub_goal_and_assessment_edits_are_caught(database, admin, citizen_id, themes):
    goal = create_goal(Context(database, admin),
                       citizen_id, _goal_input(themes, "Købe ind selv")).value
    sub = add_sub_goal(Context(database, admin), goal.id, SubGoalInput("Lave en liste")).value
    update_sub_goal(Context(database, admin), sub.id, sub.version, SubGoalInput("Lave en madplan"),
                    sub.input())
    with pytest.raises(EditConflict):
        update_sub_goal(Context(database, admin),
                        sub.id, sub.version, SubGoalInput("Lave to lister"),
                        sub.input())
    assessment = record_assessment(Context(database, admin), goal.id,
                                   AssessmentInput(date(2026, 3, 1), 3, None, "Svært")).value
    update_assessment(Context(database, admin), assessment.id, assessment.version,
                      AssessmentInput(date(2026, 3, 1), 2, None, "Svært"), assessment.input())
    with pytest.raises(EditConflict):
        update_assessment(Context(database, admin), assessment.id, assessment.version,
                          AssessmentInput(date(2026, 3, 1), 4, None, "Svært"),
                          assessment.input())
    assert level_series(Context(database, admin), goal.id) == [(date(2026, 3, 1), 2)]


# --- sub-goal order ----------------------------------------------------------------------


def test_move_and_delete_keep_sub_goal_positions_contiguous(database, admin, citizen_id, themes):
    goal = create_goal(Context(database, admin), citizen_id, _goal_input(themes, "Vaske tøj")).value
    subs = [add_sub_goal(Context(database, admin), goal.id, SubGoalInput(text)).value
            for text in ("A", "B", "C", "D")]
    moved = move_sub_goal(Context(database, admin), subs[3].id, 0).value
    assert [(sub.text, sub.position) for sub in moved] == [
        ("D", 0), ("A", 1), ("B", 2), ("C", 3)]
    moved = move_sub_goal(Context(database, admin), subs[0].id, 99).value  # clamped to the end
    assert [sub.text for sub in moved] == ["D", "B", "C", "A"]
    b = next(sub for sub in moved if sub.text == "B")
    delete_sub_goal(Context(database, admin), b.id, b.version)
    with database.session() as session:
        stored = session.execute(select(SubGoal.text, SubGoal.position)
                                 .where(SubGoal.goal_id == goal.id)
                                 .order_by(SubGoal.position)).all()
    assert [tuple(row) for row in stored] == [("D", 0), ("C", 1), ("A", 2)]


# --- evaluation --------------------------------------------------------------------------


def test_complete_evaluation_assesses_every_open_goal_only(database, admin, citizen_id, themes):
    open_one = create_goal(Context(database, admin),
                           citizen_id, _goal_input(themes, "Åben 1")).value
    open_two = create_goal(Context(database, admin), citizen_id, _goal_input(
        themes, "Åben 2", status=GoalStatus.NOT_STARTED)).value
    achieved = create_goal(Context(database, admin), citizen_id, _goal_input(
        themes, "Opnået", status=GoalStatus.ACHIEVED)).value
    given_up = create_goal(Context(database, admin), citizen_id, _goal_input(
        themes, "Opgivet", status=GoalStatus.GIVEN_UP)).value
    assert [goal.id for goal in evaluation_goals(Context(database, admin), citizen_id)] == [
        open_one.id, open_two.id]
    on = date(2026, 5, 15)
    with pytest.raises(InvalidInput, match="afsluttet"):
        complete_evaluation(Context(database, admin), citizen_id, on, {
            open_one.id: AssessmentInput(on, 2), open_two.id: AssessmentInput(on, 3),
            achieved.id: AssessmentInput(on, 0)})
    with pytest.raises(InvalidInput, match="Åben 2"):
        complete_evaluation(Context(database, admin), citizen_id, on,
                            {open_one.id: AssessmentInput(on, 2)})
    with pytest.raises(InvalidInput, match="0–4"):  # all or nothing
        complete_evaluation(Context(database, admin), citizen_id, on, {
            open_one.id: AssessmentInput(on, 2), open_two.id: AssessmentInput(on, 7)})
    with database.session() as session:
        assert session.scalars(select(Assessment)).all() == []

    ids = complete_evaluation(Context(database, admin), citizen_id, on, {
        open_one.id: AssessmentInput(on, 2, 1, "Fint"),
        open_two.id: AssessmentInput(date(2000, 1, 1), None)}).value  # the round's date wins
    assert len(ids) == 2
    with database.session() as session:
        rows = session.execute(select(Assessment.goal_id, Assessment.assessed_on,
                                      Assessment.level).order_by(Assessment.id)).all()
    assert [tuple(row) for row in rows] == [(open_one.id, on, 2), (open_two.id, on, None)]
    assert achieved.id not in [row[0] for row in rows]
    assert given_up.id not in [row[0] for row in rows]


# --- contacts that worked on a goal --------------------------------------------------------


def test_goal_lists_linked_contacts_and_choices_are_open_goals(database, admin, citizen_id,
                                                              themes):
    goal = create_goal(Context(database, admin),
                       citizen_id, _goal_input(themes, "Gå til lægen")).value
    done = create_goal(Context(database, admin), citizen_id, _goal_input(
        themes, "Færdigt mål", status=GoalStatus.ACHIEVED)).value
    with database.session() as session:
        contact = Contact(citizen_id=citizen_id, mentor_id=admin.user_id,
                          contact_on=date(2026, 3, 4), start_time=time(10, 0),
                          duration_minutes=90, form="accompaniment",
                          note="Fulgtes til lægen. " + "Meget lang note " * 20)
        session.add(contact)
        session.flush()
        contact_id = contact.id
    link_contact(Context(database, admin), goal.id, contact_id)
    link_contact(Context(database, admin), goal.id, contact_id)  # twice is harmless
    rows = goal_contacts(Context(database, admin), goal.id)
    assert [(row.contact_on, row.form_label, row.mentor_name, row.duration_minutes)
            for row in rows] == [(date(2026, 3, 4), "Ledsagelse", admin.full_name, 90)]
    assert rows[0].note_excerpt.startswith("Fulgtes til lægen.")
    assert rows[0].note_excerpt.endswith("…") and len(rows[0].note_excerpt) <= 121
    unlink_contact(Context(database, admin), goal.id, contact_id)
    assert goal_contacts(Context(database, admin), goal.id) == []
    assert [choice.id for choice in goal_choices(Context(database, admin), citizen_id)] == [goal.id]
    assert done.id not in [c.id for c in goal_choices(Context(database, admin), citizen_id)]


# --- access and audit --------------------------------------------------------------------


def test_mentor_without_assignment_cannot_see_or_change_the_plan(database, admin, citizen_id,
                                                                 themes):
    goal = create_goal(Context(database, admin),
                       citizen_id, _goal_input(themes, "Hemmeligt mål")).value
    stranger = _mentor(database, "fremmed")
    attempts = [
        lambda: load_plan(Context(database, stranger), citizen_id),
        lambda: create_goal(Context(database, stranger),
                            citizen_id, _goal_input(themes, "X")).value,
        lambda: get_goal(Context(database, stranger), goal.id),
        lambda: update_goal(Context(database, stranger), goal.id, goal.version,
                            _goal_input(themes, "Y")).value,
        lambda: record_assessment(Context(database, stranger), goal.id,
                                  AssessmentInput(date(2026, 3, 1), 2)).value,
        lambda: level_series(Context(database, stranger), goal.id),
        lambda: complete_evaluation(Context(database, stranger),
                                    citizen_id, date(2026, 3, 1), {}).value,
    ]
    for attempt in attempts:
        # require_citizen answers NotFound: no hint that a case the user may not see exists.
        with pytest.raises(NotFound):
            attempt()
    with pytest.raises(AccessDenied):
        rename_term(Context(database, stranger), themes["Samfundsliv"].code, "Samfund")
    assert get_goal(Context(database, admin), goal.id).title == "Hemmeligt mål"


def test_reads_and_changes_are_audited_with_the_citizen(database, admin, citizen_id, themes):
    goal = create_goal(Context(database, admin),
                       citizen_id, _goal_input(themes, "Sove om natten")).value
    update_goal(Context(database, admin), goal.id, goal.version,
                _goal_input(themes, "Sove om natten", status=GoalStatus.CHANGED), goal.input())
    record_assessment(Context(database, admin), goal.id, AssessmentInput(date(2026, 3, 1), 2))
    load_plan(Context(database, admin), citizen_id)
    delete_goal(Context(database, admin), goal.id, goal.version + 1)
    trail = [(event.action, event.entity) for event in _events(database, "create")
             + _events(database, "update") + _events(database, "read")
             + _events(database, "delete") if event.citizen_id == citizen_id]
    for expected in [("create", "goal"), ("update", "goal"), ("create", "assessment"),
                     ("read", "plan"), ("delete", "goal")]:
        assert expected in trail
    update = next(e for e in _events(database, "update") if e.entity == "goal")
    assert update.detail == "Indsatsmål ændret: status"
    assert "Sove" not in " ".join(e.detail for e in _events(database, "update"))
    with database.session() as session:
        assert session.scalars(select(Goal)).all() == []
        assert session.scalars(select(Assessment)).all() == []


# --- VUM terms as editable reference data ------------------------------------------------


def test_vum_terms_are_seeded_and_admins_can_rename_hide_and_add(database, admin, citizen_id,
                                                                 themes):
    assert list(themes) == ["Relationer", "Kommunikation", "Mobilitet", "Egenomsorg",
                            "Samfundsliv", "Praktiske opgaver"]
    assert "Varetage økonomi" in [child.name for child in themes["Samfundsliv"].children]
    goal = create_goal(Context(database, admin),
                       citizen_id, _goal_input(themes, "Betale regninger")).value
    rename_term(Context(database, admin), themes["Samfundsliv"].code, "Samfund og økonomi")
    assert get_goal(Context(database, admin), goal.id).theme_name == "Samfund og økonomi"
    post = _sub(themes, "Samfundsliv", "Håndtere post")
    set_term_active(Context(database, admin), post, False)
    current = {theme.name: theme for theme in theme_choices(database)}
    assert "Håndtere post" not in [c.name for c in current["Samfund og økonomi"].children]
    # The goal that uses the hidden term keeps it on save; new goals cannot pick it.
    update_goal(Context(database, admin), goal.id, goal.version,
                _goal_input(themes, "Betale regninger selv"), goal.input())
    with pytest.raises(InvalidInput, match="skjult"):
        create_goal(Context(database, admin), citizen_id, _goal_input(themes, "Nyt"))
    code = add_local_term(Context(database, admin),
                          themes["Samfundsliv"].code, "Digital selvhjælp").value
    assert code.startswith("local:")
    current = {theme.name: theme for theme in theme_choices(database)}
    assert "Digital selvhjælp" in [c.name for c in current["Samfund og økonomi"].children]
    local_goal = create_goal(Context(database, admin), citizen_id,
                             _goal_input(themes, "Bruge MitID", subtheme_code=code)).value
    assert local_goal.subtheme_name == "Digital selvhjælp"
    with pytest.raises(InvalidInput, match="allerede"):
        add_local_term(Context(database, admin), themes["Samfundsliv"].code, "digital selvhjælp")


def test_an_older_goal_without_a_theme_can_still_be_edited(database, admin, citizen_id, themes):
    with database.session() as session:
        legacy = Goal(citizen_id=citizen_id, title="Importeret mål")
        session.add(legacy)
        session.flush()
        goal_id = legacy.id
    loaded = get_goal(Context(database, admin), goal_id)
    saved = update_goal(Context(database, admin), goal_id, loaded.version, GoalInput(
        "Importeret mål, nu i gang", status=GoalStatus.IN_PROGRESS), loaded.input()).value
    assert (saved.title, saved.theme_code, saved.status) == (
        "Importeret mål, nu i gang", "", GoalStatus.IN_PROGRESS)
    with pytest.raises(InvalidInput, match="Vælg et VUM-tema"):
        create_goal(Context(database, admin), citizen_id, GoalInput("Nyt mål uden tema"))
