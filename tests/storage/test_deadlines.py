"""The deadline dashboard on a real encrypted database: rules, caseload, audit."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from mentordesk.domain.codes import CitizenStatus, Role
from mentordesk.domain.deadlines import DeadlineKind
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.deadlines import deadlines
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import (
    Assessment,
    Assignment,
    AuditEvent,
    Citizen,
    Consent,
    Contact,
    Goal,
    Grant,
    LegalBasis,
    Partner,
    ReportDraft,
    User,
)

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 11, 23)


def _basis_id(session, code: str) -> int:
    return session.scalar(select(LegalBasis.id).where(LegalBasis.code == code))


def _citizen(database, admin, first="Karen", last="Testesen", alias="", cpr="") -> int:
    return create_citizen(Context(database, admin), NewCitizen(first_name=first, last_name=last,
                                                      alias=alias, cpr=cpr,
                                                      status=CitizenStatus.ACTIVE)).value


def _grant(database, citizen_id: int, start: date, *, code="SEL §85", end=None,
           discharge=None) -> int:
    with database.session() as session:
        grant = Grant(citizen_id=citizen_id, legal_basis_id=_basis_id(session, code),
                      start_on=start, end_on=end, discharge_on=discharge)
        session.add(grant)
        session.flush()
        return grant.id


def _contact(database, citizen_id: int, mentor_id: int, on: date, form="home_visit",
             attended=True) -> None:
    with database.session() as session:
        session.add(Contact(citizen_id=citizen_id, mentor_id=mentor_id, contact_on=on,
                            start_time=time(10), duration_minutes=60, form=form,
                            attended=attended))


def _mentor(database, login="mona.mentor", name="Mona Mentor") -> int:
    with database.session() as session:
        user = User(login=login, full_name=name, role=Role.MENTOR.value)
        session.add(user)
        session.flush()
        return user.id


def _assign(database, citizen_id: int, user_id: int, kind="primary",
            start=TODAY - timedelta(days=60)) -> None:
    with database.session() as session:
        session.add(Assignment(citizen_id=citizen_id, user_id=user_id, kind=kind,
                               start_on=start))


def _kinds(rows) -> list[tuple[str, DeadlineKind]]:
    return [(row.citizen_name, row.kind) for row in rows]


def test_new_grant_gives_overdue_first_contact_until_a_contact_is_logged(database, admin):
    citizen = _citizen(database, admin)
    _grant(database, citizen, TODAY - timedelta(days=14))

    rows = deadlines(Context(database, admin), "team", today=TODAY)
    assert _kinds(rows) == [("Karen Testesen", DeadlineKind.FIRST_CONTACT)]
    first = rows[0]
    assert first.due_on == TODAY - timedelta(days=4) and first.overdue and not first.done
    assert first.label == "Første kontakt efter bevilling"
    assert first.detail == "SEL §85"

    # A no-show is not a first contact; an attended visit is.
    _contact(database, citizen, admin.user_id, TODAY - timedelta(days=2), attended=False)
    assert _kinds(deadlines(Context(database, admin), "team", today=TODAY)) == _kinds(rows)
    _contact(database, citizen, admin.user_id, TODAY - timedelta(days=1))
    assert deadlines(Context(database, admin), "team", today=TODAY) == []
    done = deadlines(Context(database, admin), "team", today=TODAY, include_done=True)
    assert [(row.kind, row.done, row.overdue) for row in done] == [
        (DeadlineKind.FIRST_CONTACT, True, False)]


def test_discharge_call_needs_a_phone_contact(database, admin):
    citizen = _citizen(database, admin)
    _grant(database, citizen, TODAY - timedelta(days=5), code="SEL §12",
           discharge=date(2026, 11, 20))  # a Friday
    _contact(database, citizen, admin.user_id, date(2026, 11, 21), form="home_visit")

    rows = deadlines(Context(database, admin), "team", today=TODAY)
    assert [(row.kind, row.due_on) for row in rows] == [
        (DeadlineKind.DISCHARGE_CALL, date(2026, 11, 24))]
    _contact(database, citizen, admin.user_id, TODAY, form="phone")
    assert deadlines(Context(database, admin), "team", today=TODAY) == []


def test_evaluation_and_written_status_follow_assessments_and_reports(database, admin):
    citizen = _citizen(database, admin)
    start = date(2026, 8, 10)
    _grant(database, citizen, start, end=date(2026, 12, 31))
    _contact(database, citizen, admin.user_id, start)
    rows = deadlines(Context(database, admin), "team", today=TODAY)
    assert [(row.kind, row.due_on, row.overdue) for row in rows] == [
        (DeadlineKind.EVALUATION, date(2026, 11, 10), True),
        (DeadlineKind.WRITTEN_STATUS, date(2026, 12, 3), False),
    ]
    with database.session() as session:
        goal = Goal(citizen_id=citizen, title="Åbne e-Boks selv")
        session.add(goal)
        session.flush()
        session.add(Assessment(goal_id=goal.id, assessed_on=date(2026, 11, 12), level=2))
        session.add(ReportDraft(citizen_id=citizen, period_from=start,
                                period_to=date(2026, 11, 30), status="draft"))
    rows = deadlines(Context(database, admin), "team", today=TODAY)
    assert [row.kind for row in rows] == [DeadlineKind.WRITTEN_STATUS]  # a draft is not enough
    with database.session() as session:
        report = session.scalar(select(ReportDraft).where(ReportDraft.citizen_id == citizen))
        report.status = "approved"
    assert deadlines(Context(database, admin), "team", today=TODAY) == []


def test_consent_about_to_expire(database, admin):
    citizen = _citizen(database, admin, first="Åse", last="Ærø")
    with database.session() as session:
        partner = Partner(name="Distriktspsykiatrien <Nord>", kind="psychiatry")
        session.add(partner)
        session.flush()
        session.add_all([
            Consent(citizen_id=citizen, partner_id=partner.id, purpose="Udskrivning",
                    given_on=date(2025, 12, 1), expires_on=date(2026, 12, 1)),
            Consent(citizen_id=citizen, partner_id=partner.id, purpose="Medicin",
                    given_on=date(2025, 12, 1), expires_on=date(2026, 12, 1),
                    withdrawn_on=date(2026, 3, 1)),
            Consent(citizen_id=citizen, partner_id=partner.id, purpose="Bolig",
                    given_on=date(2025, 12, 1), expires_on=date(2027, 6, 1)),
        ])
    rows = deadlines(Context(database, admin), "team", today=TODAY)
    assert [(row.kind, row.due_on, row.detail) for row in rows] == [
        (DeadlineKind.CONSENT_EXPIRY, date(2026, 12, 1),
         "Distriktspsykiatrien <Nord>: Udskrivning")]


def test_horizon_and_sorting(database, admin):
    early = _citizen(database, admin, first="Bo", last="Før")
    late = _citizen(database, admin, first="Alf", last="Efter")
    _grant(database, early, TODAY - timedelta(days=20))
    _grant(database, late, TODAY - timedelta(days=2), end=TODAY + timedelta(days=200))
    rows = deadlines(Context(database, admin), "team", today=TODAY)
    assert [(row.citizen_name, row.kind) for row in rows] == [
        ("Bo Før", DeadlineKind.FIRST_CONTACT),
        ("Alf Efter", DeadlineKind.FIRST_CONTACT),
    ]
    far = deadlines(Context(database, admin), "team", today=TODAY, horizon_days=200)
    assert [row.kind for row in far][-2:] == [DeadlineKind.EVALUATION,
                                               DeadlineKind.WRITTEN_STATUS]


def test_mentor_sees_only_caseload_and_mine_means_assigned(database, admin):
    mentor_id = _mentor(database)
    own = _citizen(database, admin, first="Egen", last="Borger")
    covered = _citizen(database, admin, alias="Ravnen")
    other = _citizen(database, admin, first="Anden", last="Borger")
    closed = _citizen(database, admin, first="Lukket", last="Sag")
    for citizen in (own, covered, other, closed):
        _grant(database, citizen, TODAY - timedelta(days=20))
    _assign(database, own, mentor_id)
    _assign(database, covered, mentor_id, kind="substitute")
    _assign(database, other, admin.user_id)
    _assign(database, closed, mentor_id)
    with database.session() as session:
        session.get(Citizen, closed).status = CitizenStatus.CLOSED.value
        session.get(Citizen, covered).is_anonymous = True

    mentor = resolve_actor(database, "mona.mentor")
    for scope in ("mine", "team"):
        rows = deadlines(Context(database, mentor), scope, today=TODAY)
        assert sorted(row.citizen_name for row in rows) == ["Egen Borger", "Ravnen"]
    by_name = {row.citizen_name: row for row in deadlines(Context(database, mentor), today=TODAY)}
    assert by_name["Egen Borger"].mentor == "Mona Mentor"
    assert by_name["Ravnen"].mentor == "" and by_name["Ravnen"].is_anonymous

    assert [row.citizen_name for row in deadlines(Context(database, admin),
                                                  "mine", today=TODAY)] == [
        "Anden Borger"]
    assert len(deadlines(Context(database, admin), "team", today=TODAY)) == 3  # not the closed case


def test_listing_is_audited_and_bad_scope_refused(database, admin):
    _grant(database, _citizen(database, admin), TODAY - timedelta(days=20))
    deadlines(Context(database, admin), "team", today=TODAY)
    with database.read_session() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.action, event.entity, event.user_login) == ("list", "deadline", admin.login)
    assert "1 frister, 1 overskredet" in event.detail
    with pytest.raises(ValueError):
        deadlines(Context(database, admin), "alle", today=TODAY)  # type: ignore[arg-type]


def test_discharge_call_skips_danish_public_holidays(database, admin):
    """Discharged on Skærtorsdag 2026: Langfredag, the weekend and 2. påskedag are not
    working days, so the second working day is Wednesday 8 April, not Monday 6 April."""
    citizen = _citizen(database, admin)
    _grant(database, citizen, date(2026, 3, 30), code="SEL §12", discharge=date(2026, 4, 2))

    rows = deadlines(Context(database, admin), "team", today=date(2026, 4, 1))
    assert (DeadlineKind.DISCHARGE_CALL, date(2026, 4, 8)) in [
        (row.kind, row.due_on) for row in rows]
    plain = deadlines(Context(database, admin), "team", today=date(2026, 4, 1), holidays=())
    assert (DeadlineKind.DISCHARGE_CALL, date(2026, 4, 6)) in [
        (row.kind, row.due_on) for row in plain]
