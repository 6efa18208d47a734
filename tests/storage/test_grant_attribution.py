"""A contact belongs to a grant: suggested by the one rule, editable, "Ikke tilknyttet"
allowed, and what the rule cannot place is listed for a person to decide."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mentordesk import vault
from mentordesk.demo import build_demo
from mentordesk.domain.codes import ContactForm
from mentordesk.errors import InvalidInput
from mentordesk.kernel.context import Context
from mentordesk.schedule.appointments import AppointmentInput, create_appointment
from mentordesk.schedule.done import mark_done
from mentordesk.services.contacts.edits import update_contact
from mentordesk.services.contacts.journal import get_contact, log_contact
from mentordesk.services.contacts.values import NewContact
from mentordesk.services.grant_attribution import attribute_open, unattributed
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import Contact, Grant, LegalBasis
from mentordesk.storage.queries.attribution import options_by_citizen
from tests.storage.schedule_support import add_citizen, add_user

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 12, 4)


def add_basis_grant(database, citizen_id, code, start, end, low=60, high=300):
    with database.session() as session:
        basis = session.query(LegalBasis).filter_by(code=code).first()
        if basis is None:
            basis = LegalBasis(code=code, name=code)
            session.add(basis)
            session.flush()
        grant = Grant(citizen_id=citizen_id, legal_basis_id=basis.id, start_on=start,
                      end_on=end, hours_min_minutes=low, hours_max_minutes=high)
        session.add(grant)
        session.flush()
        return grant.id


@pytest.fixture
def case(database):
    mentor = add_user(database, "mia", "Mia Mentor")
    citizen = add_citizen(database, "Sofie", "Skifte", mentor_id=mentor)
    sel12 = add_basis_grant(database, citizen, "SEL §12", date(2026, 9, 1), date(2026, 11, 17))
    lab = add_basis_grant(database, citizen, "LAB §31b", date(2026, 11, 18), None, 360, 600)
    return citizen, sel12, lab


def _log(database, admin, citizen, day, **extra):
    new = NewContact(citizen_id=citizen, duration_minutes=60, form=ContactForm.PHONE,
                     contact_on=day, **extra)
    return log_contact(Context(database, admin), new, today=TODAY).value


def _grant_of(database, contact_id):
    with database.read_session() as session:
        return session.get(Contact, contact_id).grant_id


def test_a_logged_contact_gets_the_grant_running_that_day(database, admin, case):
    citizen, sel12, lab = case
    assert _grant_of(database, _log(database, admin, citizen, date(2026, 11, 17))) == sel12
    assert _grant_of(database, _log(database, admin, citizen, date(2026, 11, 18))) == lab
    chosen_none = _log(database, admin, citizen, date(2026, 11, 19), grant_id=None)
    assert _grant_of(database, chosen_none) is None  # "Ikke tilknyttet" is a choice


def test_a_grant_that_does_not_fit_is_refused(database, admin, case):
    citizen, sel12, lab = case
    with pytest.raises(InvalidInput, match="løber ikke"):
        _log(database, admin, citizen, date(2026, 11, 20), grant_id=sel12)
    other = add_citizen(database, "Otto", "Anden")
    foreign = add_basis_grant(database, other, "SEL §85", date(2026, 1, 1), None)
    with pytest.raises(InvalidInput, match="hører ikke til borgeren"):
        _log(database, admin, citizen, date(2026, 11, 20), grant_id=foreign)


def test_editing_the_grant_and_moving_the_date_are_checked(database, admin, case):
    citizen, sel12, lab = case
    contact_id = _log(database, admin, citizen, date(2026, 11, 20))
    detail = get_contact(Context(database, admin), contact_id)
    assert detail.grant_id == lab
    update_contact(Context(database, admin), contact_id, detail.version, {"grant_id": None},
                   today=TODAY)
    assert _grant_of(database, contact_id) is None
    detail = get_contact(Context(database, admin), contact_id)
    with pytest.raises(InvalidInput, match="løber ikke"):
        update_contact(Context(database, admin), contact_id, detail.version,
                       {"grant_id": sel12}, today=TODAY)


def test_a_contact_logged_from_an_appointment_keeps_its_grant(database, admin, case):
    citizen, sel12, lab = case
    mentor = admin.user_id
    booked = create_appointment(Context(database, admin), AppointmentInput(
        citizen_id=citizen, mentor_ids=(mentor,), starts_at=datetime(2026, 11, 25, 10),
        duration_minutes=60, form="home_visit", grant_id=lab), today=TODAY).value
    contact_id = mark_done(Context(database, admin), booked, today=TODAY).value
    assert _grant_of(database, contact_id) == lab


def test_the_rule_attributes_the_demo_journal_and_lists_the_rest(tmp_path):
    """What migration 0008 does to an existing database, done on the demo's journal."""
    database = build_demo(tmp_path / "demo.mentordesk", "demo-adgangskode-1", citizens=12,
                          mentors=3, years=1, today=TODAY)
    try:
        with database.session() as session:
            session.query(Contact).update({Contact.grant_id: None})
        context = Context(database, resolve_actor(database, vault.current_login()))
        attributed = attribute_open(context).value
        left = [row for row in unattributed(context) if row.kind == "contact"]
        with database.read_session() as session:
            total = session.query(Contact).count()
            options = options_by_citizen(session.connection())
            for row in left:  # each one truly has no grant, or several, running that day
                running = [o for o in options.get(row.citizen_id, []) if o.runs_on(row.day)]
                assert len(running) != 1
                assert row.reason == ("several" if running else "no_grant")
        assert attributed > 0.8 * total
        assert attributed + len(left) == total
    finally:
        database.close()


def test_an_outreach_grant_gets_a_not_reached_deadline(database, admin):
    """§99 outreach: a new grant takes the legal basis's 30 days; the deadline counts from
    the newest contact attributed to the grant and skips a holiday."""
    from mentordesk.domain.deadlines import DeadlineKind
    from mentordesk.services.catalogue_admin import load_catalogue
    from mentordesk.services.deadlines import deadlines
    from mentordesk.services.grants import GrantInput, create_grant

    context = Context(database, admin)
    citizen = add_citizen(database, "Ole", "Opsøgt", mentor_id=admin.user_id)
    basis = next(item.id for item in load_catalogue(database).legal_bases
                 if item.code == "SEL §99")
    grant = create_grant(context, citizen, GrantInput(legal_basis_id=basis,
                                                      start_on=date(2026, 9, 1))).value
    assert grant.outreach_days == 30
    _log(database, admin, citizen, date(2026, 11, 24))
    found = [item for item in deadlines(context, "team", today=TODAY, include_done=True,
                                        holidays={date(2026, 12, 24)})
             if item.kind is DeadlineKind.OUTREACH]
    assert [item.due_on for item in found] == [date(2026, 12, 25)]
