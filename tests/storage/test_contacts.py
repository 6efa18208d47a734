"""The contact log: defaults, validation, consent, access, order, filters, attendance
rate, stale edits and audited deletes — on a real encrypted database."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select

from mentordesk.domain.codes import Attendance, ContactForm, Role
from mentordesk.errors import AccessDenied, NotFound
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.contacts import (
    ConsentMissing,
    ContactFilters,
    ContactInputError,
    NewContact,
    active_partners,
    attendance_rate,
    contact_mentors,
    contacts_for_citizen,
    contacts_for_mentor,
    delete_contact,
    get_contact,
    goals_for_linking,
    log_contact,
    update_contact,
)
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import Assignment, AuditEvent, Consent, Contact, Goal, Partner, User

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 11, 20)
HOSTILE = "=HYPERLINK(\"x\") <b>fed</b> & 'citat' \"dobbelt\" 🙂\nanden linje"


@pytest.fixture
def citizen_id(database, admin) -> int:
    return create_citizen(Context(database, admin),
                          NewCitizen(first_name="Karla", last_name="Kontakt",
                                                      cpr="0101909001")).value


@pytest.fixture
def mentor(database, citizen_id):
    """A mentor currently assigned to the citizen."""
    with database.session() as session:
        user = User(login="mona.mentor", full_name="Mona Mentor", role=Role.MENTOR.value)
        session.add(user)
        session.flush()
        session.add(Assignment(citizen_id=citizen_id, user_id=user.id, kind="primary",
                               start_on=TODAY - timedelta(days=100)))
    return resolve_actor(database, "mona.mentor")


@pytest.fixture
def outsider(database):
    """A mentor with no citizens."""
    return resolve_actor(database, "olga.outsider")


def add_partner(database, name: str) -> int:
    with database.session() as session:
        partner = Partner(name=name, kind="gp")
        session.add(partner)
        session.flush()
        return partner.id


def give_consent(database, citizen_id: int, partner_id: int, given_on: date) -> None:
    with database.session() as session:
        session.add(Consent(citizen_id=citizen_id, partner_id=partner_id,
                            purpose="Koordinering", given_on=given_on))


def add_goal(database, citizen_id: int, title: str, position: int = 0) -> int:
    with database.session() as session:
        goal = Goal(citizen_id=citizen_id, title=title, position=position)
        session.add(goal)
        session.flush()
        return goal.id


def contact(citizen_id: int, **fields) -> NewContact:
    values = {"duration_minutes": 45, "form": ContactForm.HOME_VISIT, "contact_on": TODAY}
    values.update(fields)
    return NewContact(citizen_id=citizen_id, **values)


def audit_events(database, action: str | None = None) -> list[AuditEvent]:
    with database.read_session() as session:
        query = select(AuditEvent).where(AuditEvent.entity.in_(("contact", "goal")))
        if action:
            query = query.where(AuditEvent.action == action)
        return list(session.scalars(query.order_by(AuditEvent.id)))


def contact_count(database) -> int:
    with database.read_session() as session:
        return session.scalar(select(func.count()).select_from(Contact))


# -- logging --------------------------------------------------------------------------


def test_defaults_mentor_is_actor_date_is_today_attended(database, mentor, citizen_id):
    contact_id = log_contact(Context(database, mentor), NewContact(
        citizen_id=citizen_id, duration_minutes=90, form=ContactForm.ACCOMPANIMENT,
        place="  Lægehuset  ", note=HOSTILE)).value

    rows = contacts_for_citizen(Context(database, mentor), citizen_id)
    assert [row.id for row in rows] == [contact_id]
    row = rows[0]
    assert row.contact_on == date.today()
    assert row.mentor_name == "Mona Mentor" and row.mentor_id == mentor.user_id
    assert row.attendance is Attendance.ATTENDED
    assert row.form.label == "Ledsagelse"
    assert row.duration_text == "1,5 t"  # the one hour format (issue #14)
    assert row.place == "Lægehuset"
    assert row.note == HOSTILE  # stored and returned literally
    assert row.note_first_line == "=HYPERLINK(\"x\") <b>fed</b> & 'citat' \"dobbelt\" 🙂"
    assert row.citizen_name == "Karla Kontakt"
    created = audit_events(database, "create")
    assert [(e.entity_id, e.citizen_id, e.user_login) for e in created] == [
        (contact_id, citizen_id, "mona.mentor")]
    assert "Ledsagelse" in created[0].detail


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"duration_minutes": 0}, "duration_minutes", "mindst 1 minut"),
    ({"duration_minutes": -15}, "duration_minutes", "mindst 1 minut"),
    ({"duration_minutes": 24 * 60 + 1}, "duration_minutes", "højst være 24 timer"),
    ({"place": "x" * 201}, "place", "Stedet må højst være 200 tegn; der er 201 tegn."),
    ({"note": "ø" * 20_001}, "note", "Noten må højst være 20.000 tegn; der er 20.001 tegn."),
    ({"contact_on": TODAY + timedelta(days=1)}, "contact_on", "21-11-2026 ligger i fremtiden"),
    ({"form": "teleportation"}, "form", "Vælg en kontaktform"),
    ({"travel_minutes": -5}, "travel_minutes", "Kørselstiden skal være et helt tal, 0 eller"),
    ({"travel_km": 2_001}, "travel_km", "Antal km kan højst være 2.000 km"),
    ({"travel_km": 12.5}, "travel_km", "Antal km skal være et helt tal"),
    ({"indirect_minutes": 24 * 60 + 1}, "indirect_minutes",
     "Den indirekte tid kan højst være 1.440 minutter"),
])
def test_bad_input_is_refused_in_danish_and_nothing_is_saved(database, admin, citizen_id,
                                                             fields, field, message):
    with pytest.raises(ContactInputError) as caught:
        log_contact(Context(database, admin), contact(citizen_id, **fields), today=TODAY)
    assert caught.value.field == field
    assert message in str(caught.value)
    assert contact_count(database) == 0
    assert audit_events(database, "create") == []


def test_full_day_and_exact_limits_are_accepted(database, admin, citizen_id):
    log_contact(Context(database, admin),
                contact(citizen_id, duration_minutes=24 * 60, place="x" * 200,
                                         note="ø" * 20_000), today=TODAY)
    assert contact_count(database) == 1


def test_goal_links_only_to_the_citizens_own_goals(database, admin, citizen_id):
    other = create_citizen(Context(database, admin),
                           NewCitizen(first_name="Anden", last_name="Borger")).value
    second = add_goal(database, citizen_id, "Åbne e-Boks selv", position=2)
    first = add_goal(database, citizen_id, "Mere struktur i hverdagen", position=1)
    foreign = add_goal(database, other, "Ikke min")

    assert goals_for_linking(Context(database, admin), citizen_id) == [
        (first, "Mere struktur i hverdagen"), (second, "Åbne e-Boks selv")]
    with pytest.raises(ContactInputError, match="hører ikke til borgeren"):
        log_contact(Context(database, admin),
                    contact(citizen_id, goal_ids=(first, foreign)), today=TODAY)
    contact_id = log_contact(Context(database, admin),
                             contact(citizen_id, goal_ids=(second, first)),
                             today=TODAY).value
    assert get_contact(Context(database, admin),
                       contact_id).goal_ids == tuple(sorted((first, second)))


# -- consent --------------------------------------------------------------------------


def test_partner_contact_without_consent_needs_a_reason(database, admin, citizen_id):
    partner_id = add_partner(database, "Lægehuset Vestby")

    with pytest.raises(ConsentMissing) as caught:
        log_contact(Context(database, admin),
                    contact(citizen_id, partner_id=partner_id), today=TODAY)
    assert "Lægehuset Vestby" in str(caught.value) and "20-11-2026" in str(caught.value)
    assert contact_count(database) == 0

    with pytest.raises(ConsentMissing):  # blank is no reason
        log_contact(Context(database, admin), contact(citizen_id, partner_id=partner_id,
                                             consent_override_reason="   "), today=TODAY)
    contact_id = log_contact(Context(database, admin), contact(
        citizen_id, partner_id=partner_id, consent_override_reason="Akut: borgeren <indlagt>"),
        today=TODAY).value

    detail = get_contact(Context(database, admin), contact_id)
    assert detail.consent_override_reason == "Akut: borgeren <indlagt>"
    assert detail.partner_name == "Lægehuset Vestby"
    created = audit_events(database, "create")[-1]
    assert "uden gyldigt samtykke" in created.detail
    # The reason is free text about the citizen: it stays on the contact, not in the log.
    assert "Akut: borgeren <indlagt>" not in created.detail
    assert contacts_for_citizen(Context(database, admin),
                                citizen_id)[0].partner_name == "Lægehuset Vestby"


def test_partner_contact_with_valid_consent_stores_no_override(database, admin, citizen_id):
    partner_id = add_partner(database, "Distriktspsykiatrien")
    give_consent(database, citizen_id, partner_id, TODAY - timedelta(days=10))

    contact_id = log_contact(Context(database, admin), contact(
        citizen_id, partner_id=partner_id, consent_override_reason="unødvendig"), today=TODAY).value

    assert get_contact(Context(database, admin), contact_id).consent_override_reason == ""
    assert "samtykke" not in audit_events(database, "create")[-1].detail
    # Before the consent was given, the same partner needs a reason again.
    with pytest.raises(ConsentMissing):
        log_contact(Context(database, admin), contact(citizen_id, partner_id=partner_id,
                                             contact_on=TODAY - timedelta(days=11)), today=TODAY)


def test_active_partners_in_danish_order(database):
    for name in ("Åbo Boligkontor", "Jobcenter Nord", "Ældrecentret"):
        add_partner(database, name)
    with database.session() as session:
        session.add(Partner(name="Nedlagt partner", active=False))
    assert [p.name for p in active_partners(database)] == [
        "Jobcenter Nord", "Ældrecentret", "Åbo Boligkontor"]


# -- access ---------------------------------------------------------------------------


def test_mentor_outside_caseload_is_refused_everywhere(database, admin, outsider, citizen_id):
    contact_id = log_contact(Context(database, admin), contact(citizen_id), today=TODAY).value
    attempts = [
        lambda: log_contact(Context(database, outsider), contact(citizen_id), today=TODAY).value,
        lambda: contacts_for_citizen(Context(database, outsider), citizen_id),
        lambda: get_contact(Context(database, outsider), contact_id),
        lambda: attendance_rate(Context(database, outsider), citizen_id, TODAY, TODAY),
        lambda: goals_for_linking(Context(database, outsider), citizen_id),
        lambda: update_contact(Context(database, outsider), contact_id, 1, {"note": "x"}).value,
        lambda: delete_contact(Context(database, outsider), contact_id).value,
    ]
    for attempt in attempts:
        with pytest.raises(NotFound):
            attempt()
    assert contact_count(database) == 1
    assert contacts_for_mentor(Context(database, outsider), outsider.user_id) == []


def test_mentor_sees_own_list_only_and_logs_only_as_self(database, admin, mentor, citizen_id):
    log_contact(Context(database, mentor), contact(citizen_id, note="min"), today=TODAY)
    log_contact(Context(database, admin), contact(citizen_id, note="koordinatorens",
                                         mentor_id=mentor.user_id), today=TODAY)

    # Same day, no start time: the one logged last comes first.
    assert [r.note for r in contacts_for_mentor(Context(database, mentor), mentor.user_id)] == [
        "koordinatorens", "min"]
    with pytest.raises(AccessDenied):
        contacts_for_mentor(Context(database, mentor), admin.user_id)
    with pytest.raises(AccessDenied):
        log_contact(Context(database, mentor),
                    contact(citizen_id, mentor_id=admin.user_id), today=TODAY)
    assert [m.full_name for m in contact_mentors(Context(database, mentor))] == ["Mona Mentor"]
    assert {m.id for m in contact_mentors(Context(database, admin))} == {admin.user_id,
                                                                        mentor.user_id}


def test_mentor_list_audits_one_read_per_citizen(database, admin, mentor, citizen_id):
    other = create_citizen(Context(database, admin), NewCitizen(alias="Ravnen")).value
    with database.session() as session:
        session.add(Assignment(citizen_id=other, user_id=mentor.user_id, kind="substitute",
                               start_on=TODAY - timedelta(days=5)))
    log_contact(Context(database, mentor), contact(citizen_id), today=TODAY)
    log_contact(Context(database, mentor),
                contact(other, form=ContactForm.PUBLIC_SPACE), today=TODAY)
    log_contact(Context(database, mentor), contact(other, contact_on=TODAY - timedelta(days=1)),
                today=TODAY)

    rows = contacts_for_mentor(Context(database, mentor), mentor.user_id, today=TODAY)

    assert {row.citizen_name for row in rows} == {"Karla Kontakt", "Ravnen"}
    reads = [e for e in audit_events(database, "read") if "mentorens liste" in e.detail]
    assert sorted((e.citizen_id, e.detail[-3:]) for e in reads) == sorted(
        [(citizen_id, "(1)"), (other, "(2)")])


# -- lists ----------------------------------------------------------------------------


def test_newest_first_by_date_then_start_time(database, admin, citizen_id):
    plan = [
        ("ældst", TODAY - timedelta(days=3), time(14, 0)),
        ("morgen", TODAY, time(8, 15)),
        ("uden tid", TODAY, None),
        ("eftermiddag", TODAY, time(13, 30)),
        ("i går", TODAY - timedelta(days=1), time(23, 0)),
    ]
    for note, day, start in plan:
        log_contact(Context(database, admin), contact(citizen_id, note=note, contact_on=day,
                                             start_time=start), today=TODAY)

    rows = contacts_for_citizen(Context(database, admin), citizen_id)

    assert [row.note for row in rows] == ["eftermiddag", "morgen", "uden tid", "i går", "ældst"]
    assert [row.time_text for row in rows][:3] == ["13:30", "08:15", ""]
    assert rows[0].date_text == "20-11-2026"
    read = audit_events(database, "read")[-1]
    assert read.citizen_id == citizen_id and "(5)" in read.detail


def test_filters_period_form_and_attendance(database, admin, citizen_id):
    log_contact(Context(database, admin),
                contact(citizen_id, note="gammel", contact_on=date(2026, 9, 1)),
                today=TODAY)
    log_contact(Context(database, admin),
                contact(citizen_id, note="telefon", form=ContactForm.PHONE,
                                         contact_on=date(2026, 11, 2)), today=TODAY)
    log_contact(Context(database, admin), contact(citizen_id, note="udeblev",
                                         attendance=Attendance.NO_SHOW,
                                         contact_on=date(2026, 11, 3)), today=TODAY)

    def notes(**filters) -> list[str]:
        return [r.note for r in contacts_for_citizen(Context(database, admin), citizen_id,
                                                     ContactFilters(**filters))]

    assert notes(period_from=date(2026, 11, 1)) == ["udeblev", "telefon"]
    assert notes(period_to=date(2026, 11, 2)) == ["telefon", "gammel"]
    assert notes(period_from=date(2026, 11, 2), period_to=date(2026, 11, 2)) == ["telefon"]
    assert notes(form=ContactForm.PHONE) == ["telefon"]
    assert notes(attendance=Attendance.NO_SHOW) == ["udeblev"]
    assert notes(attendance=Attendance.ATTENDED, form=ContactForm.HOME_VISIT) == ["gammel"]
    assert "filter: 01-11-2026–…" in audit_events(database, "read")[0].detail
    with pytest.raises(ContactInputError, match="slutdato ligger før startdatoen"):
        notes(period_from=date(2026, 11, 3), period_to=date(2026, 11, 1))


# -- attendance rate ------------------------------------------------------------------


def test_attendance_rate_counts_in_person_meetings_in_the_period(database, admin, citizen_id):
    start, end = date(2026, 8, 20), TODAY
    plan = [
        (ContactForm.HOME_VISIT, Attendance.ATTENDED, date(2026, 9, 1)),
        (ContactForm.PUBLIC_SPACE, Attendance.ATTENDED, date(2026, 10, 1)),
        (ContactForm.GROUP, Attendance.ATTENDED, date(2026, 11, 1)),
        (ContactForm.ACCOMPANIMENT, Attendance.NO_SHOW, date(2026, 11, 10)),
        (ContactForm.PHONE, Attendance.NO_SHOW, date(2026, 11, 11)),  # remote: not counted
        (ContactForm.ONLINE, Attendance.ATTENDED, date(2026, 11, 12)),  # remote
        (ContactForm.SMS, Attendance.NO_SHOW, date(2026, 11, 13)),  # remote
        (ContactForm.HOME_VISIT, Attendance.NO_SHOW, date(2026, 8, 19)),  # before the period
    ]
    for form, attendance, day in plan:
        log_contact(Context(database, admin), contact(citizen_id, form=form, attendance=attendance,
                                             contact_on=day), today=TODAY)

    rate = attendance_rate(Context(database, admin), citizen_id, start, end)

    assert (rate.attended, rate.no_shows, rate.planned) == (3, 1, 4)
    assert rate.rate == pytest.approx(0.75)
    edge = attendance_rate(Context(database, admin),
                           citizen_id, date(2026, 8, 19), date(2026, 9, 1))
    assert (edge.attended, edge.no_shows) == (1, 1)
    assert "Mødestabilitet" in audit_events(database, "read")[-1].detail


def test_attendance_rate_is_none_when_nothing_was_planned(database, admin, citizen_id):
    log_contact(Context(database, admin), contact(citizen_id, form=ContactForm.PHONE), today=TODAY)
    assert attendance_rate(Context(database, admin), citizen_id, TODAY, TODAY) == (0, 0, None)


# -- editing --------------------------------------------------------------------------


def test_edit_saves_and_bumps_the_version(database, admin, citizen_id):
    goal = add_goal(database, citizen_id, "Struktur")
    contact_id = log_contact(Context(database, admin),
                             contact(citizen_id, note="før"), today=TODAY).value
    loaded = get_contact(Context(database, admin), contact_id)

    diff = update_contact(Context(database, admin), contact_id, loaded.version,
                          {**loaded.editable_values(), "note": "efter",
                           "attendance": Attendance.NO_SHOW, "goal_ids": (goal,)},
                          loaded.editable_values(), today=TODAY).value

    assert diff == {"note": ("før", "efter"),
                    "attendance": (Attendance.ATTENDED, Attendance.NO_SHOW),
                    "goal_ids": ((), (goal,))}
    saved = get_contact(Context(database, admin), contact_id)
    assert (saved.note, saved.attendance, saved.goal_ids) == ("efter", Attendance.NO_SHOW,
                                                              (goal,))
    assert saved.version == loaded.version + 1
    update = audit_events(database, "update")[-1]
    assert update.entity_id == contact_id and "note" in update.detail
    assert "fremmøde" in update.detail and "indsatsmål" in update.detail


def test_stale_edit_raises_conflict_and_keeps_both_notes(database, admin, mentor, citizen_id):
    contact_id = log_contact(Context(database, mentor), contact(citizen_id, note="Første udkast",
                                                       place="Café"), today=TODAY).value
    mine = get_contact(Context(database, mentor), contact_id)
    theirs = get_contact(Context(database, admin), contact_id)
    update_contact(Context(database, admin), contact_id, theirs.version,
                   {"note": "Koordinatorens tilføjelse <b>&", "attendance": Attendance.NO_SHOW},
                   theirs.editable_values(), today=TODAY)

    with pytest.raises(EditConflict) as caught:
        update_contact(Context(database, mentor), contact_id, mine.version,
                       {**mine.editable_values(), "note": "Mentorens note 🙂",
                        "place": "Biblioteket"}, mine.editable_values(), today=TODAY)

    conflict = caught.value
    assert [(c.field, c.mine, c.theirs) for c in conflict.conflicts] == [
        ("note", "Mentorens note 🙂", "Koordinatorens tilføjelse <b>&")]
    # Attendance, which only they changed, is neither a conflict nor overwritten by mine.
    assert conflict.merged == {"place": "Biblioteket"}
    assert get_contact(Context(database, mentor),
                       contact_id).note == "Koordinatorens tilføjelse <b>&"

    resolved = {**conflict.merged,
                "note": "Koordinatorens tilføjelse <b>&\n\nMentorens note 🙂"}
    update_contact(Context(database, mentor), contact_id, conflict.current_version, resolved,
                   today=TODAY)
    saved = get_contact(Context(database, mentor), contact_id)
    assert saved.note == "Koordinatorens tilføjelse <b>&\n\nMentorens note 🙂"
    assert (saved.place, saved.attendance) == ("Biblioteket", Attendance.NO_SHOW)


def test_goal_links_changed_by_another_user_are_a_conflict(database, admin, citizen_id):
    first = add_goal(database, citizen_id, "Første")
    second = add_goal(database, citizen_id, "Andet")
    contact_id = log_contact(Context(database, admin), contact(citizen_id), today=TODAY).value
    loaded = get_contact(Context(database, admin), contact_id)
    update_contact(Context(database, admin), contact_id, loaded.version, {"goal_ids": (first,)},
                   loaded.editable_values(), today=TODAY)

    with pytest.raises(EditConflict) as caught:
        update_contact(Context(database, admin),
                       contact_id, loaded.version, {"goal_ids": (second,)},
                       loaded.editable_values(), today=TODAY)

    assert [(c.field, c.mine, c.theirs) for c in caught.value.conflicts] == [
        ("goal_ids", (second,), (first,))]


def test_edit_to_partner_without_consent_needs_a_reason(database, admin, citizen_id):
    partner_id = add_partner(database, "Jobcenter Nord")
    contact_id = log_contact(Context(database, admin), contact(citizen_id), today=TODAY).value
    loaded = get_contact(Context(database, admin), contact_id)

    with pytest.raises(ConsentMissing):
        update_contact(Context(database, admin),
                       contact_id, loaded.version, {"partner_id": partner_id},
                       today=TODAY)
    assert get_contact(Context(database, admin), contact_id).partner_id is None

    update_contact(Context(database, admin), contact_id, loaded.version,
                   {"partner_id": partner_id, "consent_override_reason": "Borgeren bad om det"},
                   today=TODAY)
    detail = audit_events(database, "update")[-1].detail
    assert "uden gyldigt samtykke" in detail and "Borgeren bad om det" not in detail
    assert get_contact(Context(database, admin), contact_id).consent_override_reason == \
        "Borgeren bad om det"


def test_edit_with_bad_input_changes_nothing(database, admin, citizen_id):
    contact_id = log_contact(Context(database, admin), contact(citizen_id), today=TODAY).value
    loaded = get_contact(Context(database, admin), contact_id)
    with pytest.raises(ContactInputError):
        update_contact(Context(database, admin),
                       contact_id, loaded.version, {"duration_minutes": 0})
    assert get_contact(Context(database, admin), contact_id).version == loaded.version


# -- deleting -------------------------------------------------------------------------


def test_delete_is_audited_and_limited_to_author_or_coordinator(database, admin, mentor,
                                                                 citizen_id):
    by_admin = log_contact(Context(database, admin), contact(citizen_id), today=TODAY).value
    by_mentor = log_contact(Context(database, mentor), contact(citizen_id), today=TODAY).value

    with pytest.raises(AccessDenied):
        delete_contact(Context(database, mentor), by_admin)
    delete_contact(Context(database, mentor), by_mentor)
    delete_contact(Context(database, admin), by_admin)

    assert contact_count(database) == 0
    deletes = audit_events(database, "delete")
    assert [(e.entity_id, e.citizen_id) for e in deletes] == [
        (by_mentor, citizen_id), (by_admin, citizen_id)]
    assert "slettet" in deletes[0].detail
    with pytest.raises(NotFound):
        get_contact(Context(database, admin), by_admin)


def test_travel_and_indirect_time_are_kept_apart_from_the_face_to_face_time(
        database, admin, citizen_id):
    context = Context(database, admin)
    contact_id = log_contact(context, contact(citizen_id, duration_minutes=45,
                                              travel_minutes=30, travel_km=22,
                                              indirect_minutes=20), today=TODAY).value
    [row] = contacts_for_citizen(context, citizen_id, today=TODAY)
    assert (row.duration_minutes, row.duration_text) == (45, "0,75 t")
    assert row.around_text == "kørsel 0,5 t, 22 km · indirekte 0,33 t"
    detail = get_contact(context, contact_id, today=TODAY)
    diff = update_contact(context, contact_id, detail.version, {"travel_km": 24},
                          detail.editable_values(), today=TODAY).value
    assert diff == {"travel_km": (22, 24)}
    assert "km" in audit_events(database, "update")[-1].detail
