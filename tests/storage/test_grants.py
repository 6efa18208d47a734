"""Grants: pre-fill from the catalogue, validation, the anonymity rule, stale edits, audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from mentordesk.domain.codes import Role
from mentordesk.errors import NotFound
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict
from mentordesk.services.catalogue_admin import load_catalogue
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.grants import (
    GrantInput,
    GrantState,
    InvalidInput,
    create_grant,
    end_grant,
    grants_for_citizen,
    period_warning,
    prefill_from_course_type,
    update_grant,
)
from mentordesk.storage.models import Assignment, AuditEvent, User

pytestmark = pytest.mark.both_backends

HOSTILE = "<b>Karin</b> & \"Co\" =1+1 🙂"
TALKS = "Mentorstøtte - For borgere som har brug for støttende/vejledende samtaler"


@pytest.fixture
def catalogue(database):
    return load_catalogue(database)


@pytest.fixture
def citizen_id(database, admin) -> int:
    return create_citizen(Context(database, admin),
                          NewCitizen(first_name="Gitte", last_name="Grant",
                                                      cpr="0101909002")).value


@pytest.fixture
def anonymous_id(database, admin) -> int:
    return create_citizen(Context(database, admin), NewCitizen(alias="Måne")).value


def _basis_id(catalogue, code: str) -> int:
    return next(item.id for item in catalogue.legal_bases if item.code == code)


def _course(catalogue, start: str):
    return next(item for item in catalogue.course_types if item.name.startswith(start))


def _mentor(database, login: str) -> Actor:
    with database.session() as session:
        user = User(login=login, full_name=login.title(), role=Role.MENTOR.value)
        session.add(user)
        session.flush()
        return Actor(user.id, user.login, user.full_name, Role.MENTOR)


def test_course_type_prefills_basis_hours_and_price(catalogue):
    talks = _course(catalogue, TALKS)
    values = prefill_from_course_type(talks)
    assert values == {
        "course_type_id": talks.id, "legal_basis_id": _basis_id(catalogue, "LAB §31b"),
        "hours_min_minutes": 60, "hours_max_minutes": None,
        "price_model": "per_hour", "price_oere": 50_000,
    }
    resource = _course(catalogue, "Ressourceforløb - For borger der har brug for et tvær")
    assert prefill_from_course_type(resource)["hours_max_minutes"] == 15 * 60
    assert prefill_from_course_type(resource)["price_oere"] == 250_000


def test_create_from_course_type_and_list_newest_first(database, admin, catalogue,
                                                       citizen_id):
    talks = _course(catalogue, TALKS)
    first = create_grant(Context(database, admin), citizen_id, GrantInput(
        **{"legal_basis_id": 0, **prefill_from_course_type(talks)},
        start_on=date(2025, 9, 1), end_on=date(2025, 12, 31),
        caseworker_name=HOSTILE, caseworker_contact="sb@nordby.example")).value
    second = create_grant(Context(database, admin), citizen_id, GrantInput(
        legal_basis_id=_basis_id(catalogue, "SEL §85"), start_on=date(2026, 1, 5),
        hours_min_minutes=360, hours_max_minutes=600)).value
    rows = grants_for_citizen(Context(database, admin), citizen_id)
    assert [row.id for row in rows] == [second.id, first.id]
    assert first.caseworker_name == HOSTILE
    assert first.course_type_name.startswith(TALKS)
    assert (first.legal_basis_code, first.hours_label, first.price_label) == (
        "LAB §31b", "Fra 1 time/uge", "500,00 kr. pr. time eks. moms")
    assert first.period_label == "01-09-2025 – 31-12-2025"
    assert rows[0].period_label == "05-01-2026 – løbende"
    assert rows[0].hours_label == "6–10 timer/uge" and rows[0].price_label == "Aftales"
    assert rows[1].state(date(2026, 3, 1)) is GrantState.ENDED
    assert rows[0].state(date(2026, 3, 1)) is GrantState.CURRENT


@pytest.mark.parametrize(("values", "message"), [
    ({"end_on": date(2026, 1, 4)}, "Slutdatoen må ikke ligge før startdatoen"),
    ({"hours_min_minutes": 600, "hours_max_minutes": 300}, "mindste timetal"),
    ({"discharge_on": date(2026, 1, 2)}, "kun til bevillinger efter SEL §12"),
    ({"price_model": "per_week"}, "Angiv prisen"),
    ({"caseworker_name": "x" * 201}, "højst være 200 tegn"),
    ({"authority_id": 999}, "myndighed fra listen"),
])
def test_invalid_grants_are_refused_and_nothing_saved(database, admin, catalogue, citizen_id,
                                                     values, message):
    grant = {"legal_basis_id": _basis_id(catalogue, "SEL §85"), "start_on": date(2026, 1, 5)}
    with pytest.raises(InvalidInput, match=message):
        create_grant(Context(database, admin), citizen_id, GrantInput(**{**grant, **values}))
    assert grants_for_citizen(Context(database, admin), citizen_id) == []


def test_discharge_date_belongs_to_sel_12(database, admin, catalogue, citizen_id):
    grant = create_grant(Context(database, admin), citizen_id, GrantInput(
        legal_basis_id=_basis_id(catalogue, "SEL §12"), start_on=date(2026, 3, 2),
        discharge_on=date(2026, 2, 27))).value
    assert grant.discharge_on == date(2026, 2, 27)


def test_anonymous_citizen_only_gets_grants_that_allow_anonymity(database, admin, catalogue,
                                                                 anonymous_id):
    with pytest.raises(InvalidInput, match="registreret anonymt.*SEL §85 ikke"):
        create_grant(Context(database, admin), anonymous_id, GrantInput(
            legal_basis_id=_basis_id(catalogue, "SEL §85"), start_on=date(2026, 1, 5)))
    grant = create_grant(Context(database, admin), anonymous_id, GrantInput(
        legal_basis_id=_basis_id(catalogue, "SEL §99"), start_on=date(2026, 1, 5))).value
    with pytest.raises(InvalidInput, match="anonymt"):
        update_grant(Context(database, admin), grant.id, grant.version,
                     {"legal_basis_id": _basis_id(catalogue, "LAB §42")}, grant.values())
    assert [row.legal_basis_code for row in grants_for_citizen(Context(database, admin),
                                                               anonymous_id)] == ["SEL §99"]


def test_period_shorter_than_course_minimum_is_a_warning_only(database, admin, catalogue,
                                                              citizen_id):
    assert period_warning(date(2026, 1, 5), date(2026, 4, 5), 13) == ""  # 13 weeks exactly
    assert "13 uger" in period_warning(date(2026, 1, 5), date(2026, 4, 4), 13)
    talks = _course(catalogue, TALKS)
    grant = create_grant(Context(database, admin), citizen_id, GrantInput(
        **{"legal_basis_id": 0, **prefill_from_course_type(talks)},
        start_on=date(2026, 1, 5), end_on=date(2026, 2, 1))).value
    assert grant.period_warning == ("Perioden er kortere end forløbstypens mindste varighed "
                                    "på 13 uger.")


def test_stale_grant_edit_is_a_conflict_that_keeps_both_texts(database, admin, catalogue,
                                                              citizen_id):
    grant = create_grant(Context(database, admin), citizen_id, GrantInput(
        legal_basis_id=_basis_id(catalogue, "SEL §85"), start_on=date(2026, 1, 5),
        note="Start")).value
    original = grant.values()
    update_grant(Context(database, admin),
                 grant.id, grant.version, {"note": "Deres <note>"}, original)
    with pytest.raises(EditConflict) as caught:
        update_grant(Context(database, admin), grant.id, grant.version,
                     {"note": "Min & note", "end_on": date(2026, 6, 30)}, original)
    conflict = caught.value
    assert [(c.field, c.mine, c.theirs) for c in conflict.conflicts] == [
        ("note", "Min & note", "Deres <note>")]
    assert conflict.merged == {"end_on": date(2026, 6, 30)}
    saved = update_grant(Context(database, admin), grant.id, conflict.current_version,
                         {**conflict.merged, "note": "Deres <note>\n\nMin & note"}).value
    assert (saved.note, saved.end_on) == ("Deres <note>\n\nMin & note", date(2026, 6, 30))


def test_stale_edit_of_other_fields_merges_but_is_still_checked(database, admin, catalogue,
                                                                citizen_id):
    grant = create_grant(Context(database, admin), citizen_id, GrantInput(
        legal_basis_id=_basis_id(catalogue, "SEL §85"), start_on=date(2026, 1, 5))).value
    original = grant.values()
    theirs = update_grant(Context(database, admin), grant.id, grant.version,
                          {"end_on": date(2026, 6, 30)}, original).value
    # My start date after their end date: each fine alone, invalid together.
    with pytest.raises(InvalidInput, match="før startdatoen"):
        update_grant(Context(database, admin), grant.id, grant.version,
                     {**original, "start_on": date(2026, 7, 1)}, original)
    mine = update_grant(Context(database, admin), grant.id, grant.version,
                        {**original, "caseworker_name": "Sara Sag"}, original).value
    assert (mine.end_on, mine.caseworker_name) == (date(2026, 6, 30), "Sara Sag")
    assert mine.version == theirs.version + 1


def test_end_grant(database, admin, catalogue, citizen_id):
    grant = create_grant(Context(database, admin), citizen_id, GrantInput(
        legal_basis_id=_basis_id(catalogue, "SEL §85"), start_on=date(2026, 1, 5))).value
    ended = end_grant(Context(database, admin), grant.id, grant.version, date(2026, 3, 31)).value
    assert ended.end_on == date(2026, 3, 31) and ended.version == grant.version + 1
    with pytest.raises(InvalidInput, match="før startdatoen"):
        end_grant(Context(database, admin), grant.id, ended.version, date(2025, 12, 31))
    with pytest.raises(EditConflict):
        end_grant(Context(database, admin), grant.id, grant.version, date(2026, 2, 28))


def test_mentor_sees_grants_of_own_caseload_only(database, admin, catalogue, citizen_id):
    grant = create_grant(Context(database, admin), citizen_id, GrantInput(
        legal_basis_id=_basis_id(catalogue, "SEL §85"), start_on=date(2026, 1, 5))).value
    outsider = _mentor(database, "ole.udenfor")
    with pytest.raises(NotFound):
        grants_for_citizen(Context(database, outsider), citizen_id)
    with pytest.raises(NotFound):
        update_grant(Context(database, outsider), grant.id, grant.version, {"note": "x"})
    own = _mentor(database, "mia.mentor")
    with database.session() as session:
        session.add(Assignment(citizen_id=citizen_id, user_id=own.user_id, kind="primary",
                               start_on=date(2020, 1, 1)))
    assert [row.id for row in grants_for_citizen(Context(database, own), citizen_id)] == [grant.id]


def test_reads_and_changes_are_audited_with_the_citizen(database, admin, catalogue,
                                                        citizen_id):
    grant = create_grant(Context(database, admin), citizen_id, GrantInput(
        legal_basis_id=_basis_id(catalogue, "SEL §85"), start_on=date(2026, 1, 5))).value
    update_grant(Context(database, admin), grant.id, grant.version, {"caseworker_name": "Sara Sag"})
    grants_for_citizen(Context(database, admin), citizen_id)
    with database.read_session() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.entity, AuditEvent.citizen_id,
                   AuditEvent.detail)
            .where(AuditEvent.entity == "grant").order_by(AuditEvent.id)).all()
    assert [(e.action, e.citizen_id) for e in events] == [
        ("create", citizen_id), ("update", citizen_id), ("read", citizen_id)]
    assert events[1].detail == "Bevilling ændret: sagsbehandler"


def test_lab_grants_warn_beyond_six_months_when_created_or_extended():
    from mentordesk.services.grants import period_warning

    start = date(2026, 1, 5)
    assert period_warning(start, date(2026, 7, 4), None, "LAB §31b") == ""
    extended = period_warning(start, date(2026, 7, 5), None, "LAB §31b")
    assert "6 måneder" in extended and "LAB §31b" in extended
    assert "slutdato" in period_warning(start, None, None, "LAB §31c")
    assert period_warning(start, None, None, "SEL §85") == ""
    assert period_warning(start, None, None, "Egen lov §1") == ""
