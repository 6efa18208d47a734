"""Roles, enforced in the services themselves (item 3 of the security issue).

A mentor sees the citizens they are assigned to (primary or substitute) and those they
cover during a colleague's absence, in every area: plan, contacts, schedule, economy,
reports, exports. Coordinators and admins see all. Only admins manage users and
catalogues; only coordinators approve reports.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from mentordesk.domain.codes import CitizenStatus, Role
from mentordesk.economy import load_sheet
from mentordesk.errors import AccessDenied, NotFound
from mentordesk.kernel.context import Context
from mentordesk.reports.plan_export import plan_pdf
from mentordesk.reports.progress.workflow import approve, create_draft, list_reports
from mentordesk.schedule.calendar import calendar_items
from mentordesk.schedule.overview import weekly_hours
from mentordesk.services.assignments import assign_mentor
from mentordesk.services.catalogue_admin import LegalBasisInput, create_legal_basis
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens
from mentordesk.services.contacts.journal import contacts_for_citizen
from mentordesk.services.plan.goals import load_plan
from mentordesk.services.team import NewUser, create_user, resolve_actor
from mentordesk.storage.models import Absence, AbsenceCover, Appointment, Contact

pytestmark = pytest.mark.both_backends

TODAY = date.today()
MONDAY = TODAY - timedelta(days=TODAY.weekday())


@pytest.fixture
def team(database, admin):
    for login, name, role in (("mette", "Mette Mentor", Role.MENTOR),
                              ("bo", "Bo Kollega", Role.MENTOR),
                              ("kim", "Kim Koordinator", Role.COORDINATOR)):
        create_user(Context(database, admin), NewUser(login, name, role))
    mette, bo, kim = (resolve_actor(database, login) for login in ("mette", "bo", "kim"))
    ids = {}
    for key in ("own", "substitute", "covered", "stranger"):
        ids[key] = create_citizen(Context(database, admin), NewCitizen(
            first_name=key.capitalize(), last_name="Borger", status=CitizenStatus.ACTIVE,
            opened_on=TODAY - timedelta(days=100))).value
    start = TODAY - timedelta(days=30)
    assign_mentor(Context(database, admin), ids["own"], mette.user_id, "primary", start)
    assign_mentor(Context(database, admin), ids["substitute"], bo.user_id, "primary", start)
    assign_mentor(Context(database, admin), ids["substitute"], mette.user_id, "substitute", start)
    for key in ("covered", "stranger"):
        assign_mentor(Context(database, admin), ids[key], bo.user_id, "primary", start)
    with database.session() as session:
        absence = Absence(user_id=bo.user_id, kind="sickness", start_on=TODAY - timedelta(days=1),
                          end_on=TODAY + timedelta(days=1))
        session.add(absence)
        session.flush()
        session.add(AbsenceCover(absence_id=absence.id, citizen_id=ids["covered"],
                                 substitute_id=mette.user_id))
        for citizen_id in ids.values():
            session.add(Contact(citizen_id=citizen_id, mentor_id=bo.user_id,
                                contact_on=MONDAY, duration_minutes=60, form="phone"))
            session.add(Appointment(citizen_id=citizen_id, mentor_id=bo.user_id,
                                    starts_at=datetime.combine(MONDAY, time(9)),
                                    duration_minutes=30, form="phone", note="Privat note"))
    return mette, kim, ids


VISIBLE = ("own", "substitute", "covered")


@pytest.mark.parametrize("service", [
    lambda db, actor, cid: load_plan(Context(db, actor), cid),
    lambda db, actor, cid: plan_pdf(Context(db, actor), cid, datetime(2026, 11, 23, 9)),
    lambda db, actor, cid: contacts_for_citizen(Context(db, actor), cid),
    lambda db, actor, cid: load_sheet(Context(db, actor), cid, TODAY.year),
    lambda db, actor, cid: list_reports(Context(db, actor), cid),
    lambda db, actor, cid: create_draft(Context(db, actor), cid),
], ids=["plan", "plan-pdf", "contacts", "economy", "reports", "report-draft"])
def test_mentor_reaches_only_own_substitute_and_covered(database, team, service):
    mette, kim, ids = team
    for key in VISIBLE:
        service(database, mette, ids[key])
        service(database, kim, ids[key])
    service(database, kim, ids["stranger"])
    with pytest.raises(NotFound):
        service(database, mette, ids["stranger"])


def test_lists_and_schedule_show_only_the_caseload(database, team):
    mette, kim, ids = team
    names = {row.id for row in list_citizens(Context(database, mette))}
    assert names == {ids[key] for key in VISIBLE}
    hours = weekly_hours(Context(database, mette), MONDAY, MONDAY + timedelta(days=6), today=TODAY)
    assert set(hours.citizen_names) == {ids[key] for key in VISIBLE}
    assert set(weekly_hours(Context(database, kim), MONDAY, MONDAY + timedelta(days=6),
                            today=TODAY).citizen_names) == set(ids.values())
    items = calendar_items(Context(database, mette), MONDAY, MONDAY + timedelta(days=6),
                           today=TODAY)
    stranger = [item for item in items if item.restricted]
    assert len(stranger) == 1 and stranger[0].note == "" and "Stranger" not in stranger[0].title
    assert all(item.note == "Privat note" for item in items if not item.restricted)


def test_only_admins_manage_users_and_catalogues(database, admin, team):
    mette, kim, _ids = team
    for actor in (mette, kim):
        with pytest.raises(AccessDenied):
            create_user(Context(database, actor), NewUser("ny", "Ny Bruger"))
        with pytest.raises(AccessDenied):
            create_legal_basis(Context(database, actor), LegalBasisInput("LOKAL §1", "Lokal"))
    create_legal_basis(Context(database, admin), LegalBasisInput("LOKAL §1", "Lokal"))


def test_only_coordinators_approve_reports(database, team):
    mette, kim, ids = team
    draft = create_draft(Context(database, mette), ids["own"]).value
    with pytest.raises(AccessDenied):
        approve(Context(database, mette), draft.id, draft.version)
    approved = approve(Context(database, kim), draft.id, draft.version).value
    assert approved.status == "approved"
