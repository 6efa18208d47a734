"""The case record: create (named / anonymous §99), edit with stale-version conflicts,
close and reopen, CPR rules and reveal, the network, list filters — all audited."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from mentordesk.domain.codes import CitizenStatus, ContactForm, Role
from mentordesk.errors import AccessDenied, InvalidInput, NotFound
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict
from mentordesk.services.assignments import PRIMARY, SUBSTITUTE, assign_mentor
from mentordesk.services.case_record import (
    close_case,
    get_citizen_record,
    reopen_case,
    reveal_cpr,
    set_cpr,
    update_citizen,
)
from mentordesk.services.citizens import (
    NewCitizen,
    citizen_filter_options,
    create_citizen,
    list_citizens,
    my_caseload,
)
from mentordesk.services.network import (
    RelativeInput,
    add_relative,
    relatives_for_citizen,
    remove_relative,
    update_relative,
)
from mentordesk.services.team import NewUser, create_user, resolve_actor
from mentordesk.storage.models import AuditEvent, Citizen, CourseType, Grant, LegalBasis

pytestmark = pytest.mark.both_backends

HOSTILE = '<b>x</b> & "q" =SUM(A1) 😀'


def _events(database, action=None):
    with database.read_session() as session:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if action:
            query = query.where(AuditEvent.action == action)
        return session.scalars(query).all()


def _mentor(database, admin, login="mona.mentor", name="Mona Mentor"):
    create_user(Context(database, admin), NewUser(login=login, full_name=name, role=Role.MENTOR))
    return resolve_actor(database, login)


@pytest.fixture
def named(database, admin):
    return create_citizen(Context(database, admin), NewCitizen(
        first_name="Bodil", last_name="Bæk", cpr="010190-9001", address="Havnegade 1",
        postal_code="7700", city="Thisted", phone="12345678")).value


# -- create ---------------------------------------------------------------------------------


def test_named_citizen_is_stored_with_masked_cpr_and_search_key(database, admin, named):
    record = get_citizen_record(Context(database, admin), named)
    assert record.display_name == "Bodil Bæk"
    assert record.cpr_masked == "010190-xxxx" and "9001" not in repr(record)
    assert not record.is_anonymous and record.status is CitizenStatus.WAITING
    assert record.opened_on == date.today()
    assert [row.display_name for row in list_citizens(Context(database, admin),
                                                      "9001")] == ["Bodil Bæk"]
    assert [row.display_name for row in list_citizens(Context(database, admin),
                                                      "bæk")] == ["Bodil Bæk"]


def test_anonymous_citizen_has_alias_and_no_cpr(database, admin):
    citizen_id = create_citizen(Context(database, admin), NewCitizen(alias="Ravnen", anonymous=True,
                                                            status=CitizenStatus.ACTIVE)).value
    record = get_citizen_record(Context(database, admin), citizen_id)
    assert record.is_anonymous and record.display_name == "Ravnen"
    assert record.cpr_masked == "" and not record.has_cpr
    row = list_citizens(Context(database, admin), "ravn")[0]
    assert row.is_anonymous and row.cpr_masked == ""
    assert _events(database, "create")[-1].detail == "Anonym borger oprettet (§99)"


@pytest.mark.parametrize("new, message", [
    (NewCitizen(alias="Ravnen", anonymous=True, cpr="0101909002"), "uden CPR-nummer"),
    (NewCitizen(first_name="Ib", alias="Ravnen", anonymous=True), "kun med et alias"),
    (NewCitizen(anonymous=True), "Angiv et alias"),
    (NewCitizen(), "Angiv et alias"),
    (NewCitizen(first_name="Ib", cpr="3213909003"), "gyldig fødselsdato"),
    (NewCitizen(first_name="Ib", cpr="12345"), "Ugyldigt CPR-nummer"),
    (NewCitizen(first_name="x" * 121), "Fornavn må højst være 120 tegn."),
    (NewCitizen(first_name="Ib", note="n" * 10_001), "Note må højst være 10.000 tegn."),
    (NewCitizen(first_name="Ib", email="ikke en adresse"), "E-mailadressen"),
    (NewCitizen(first_name="Ib", status=CitizenStatus.CLOSED), "afsluttet"),
])
def test_bad_input_is_refused_with_a_danish_message_and_nothing_stored(
        database, admin, new, message):
    with pytest.raises(InvalidInput, match=message):
        create_citizen(Context(database, admin), new)
    assert list_citizens(Context(database, admin)) == []


def test_duplicate_cpr_is_refused_without_naming_the_other_citizen(database, admin, named):
    with pytest.raises(InvalidInput) as caught:
        create_citizen(Context(database, admin), NewCitizen(first_name="Anden", cpr="0101909001"))
    assert str(caught.value) == "En borger med dette CPR-nummer findes allerede."
    assert "Bodil" not in str(caught.value)
    other = create_citizen(Context(database, admin), NewCitizen(first_name="Anden")).value
    with pytest.raises(InvalidInput, match="findes allerede"):
        set_cpr(Context(database, admin), other, "010190-9001")


def test_hostile_text_is_stored_exactly_as_typed(database, admin):
    citizen_id = create_citizen(Context(database, admin), NewCitizen(
        first_name=HOSTILE, last_name="Test", note=HOSTILE + "\nlinje 2")).value
    record = get_citizen_record(Context(database, admin), citizen_id)
    assert record.first_name == HOSTILE and record.note == HOSTILE + "\nlinje 2"
    assert list_citizens(Context(database, admin), "=SUM")[0].name == f"{HOSTILE} Test"


def test_a_mentor_who_registers_a_citizen_becomes_primary_mentor(database, admin):
    mentor = _mentor(database, admin)
    citizen_id = create_citizen(Context(database, mentor),
                                NewCitizen(alias="Mågen", anonymous=True)).value
    assert [row.id for row in my_caseload(Context(database, mentor))] == [citizen_id]
    record = get_citizen_record(Context(database, mentor), citizen_id)
    assert [(a.mentor_name, a.kind) for a in record.assignments] == [("Mona Mentor", PRIMARY)]
    with pytest.raises(AccessDenied):
        create_citizen(Context(database, mentor), NewCitizen(first_name="Ib",
                                                    primary_mentor_id=admin.user_id))


def test_coordinator_chooses_the_primary_mentor_when_registering(database, admin):
    mentor = _mentor(database, admin)
    citizen_id = create_citizen(Context(database, admin), NewCitizen(first_name="Ib",
                                                            primary_mentor_id=mentor.user_id)).value
    assert [row.id for row in my_caseload(Context(database, mentor))] == [citizen_id]
    assert my_caseload(Context(database, admin)) == []


# -- read and edit --------------------------------------------------------------------------


def test_reading_the_record_is_audited_with_the_citizen(database, admin, named):
    get_citizen_record(Context(database, admin), named)
    event = _events(database, "read")[-1]
    assert (event.citizen_id, event.entity, event.detail) == (named, "citizen", "Sag åbnet")


def test_mentor_cannot_read_a_citizen_outside_the_caseload(database, admin, named):
    mentor = _mentor(database, admin)
    with pytest.raises(NotFound):
        get_citizen_record(Context(database, mentor), named)
    with pytest.raises(NotFound):
        reveal_cpr(Context(database, mentor), named)


def test_edit_saves_fields_updates_search_key_and_bumps_version_once(database, admin, named):
    record = get_citizen_record(Context(database, admin), named)
    saved = update_citizen(Context(database, admin), named, record.version,
                           {"last_name": "Østergård", "preferred_contact": ContactForm.SMS,
                            "status": CitizenStatus.ACTIVE}, record.editable()).value
    assert saved.version == record.version + 1
    assert (saved.last_name, saved.preferred_contact, saved.status) == (
        "Østergård", "sms", CitizenStatus.ACTIVE)
    assert [r.display_name for r in list_citizens(Context(database, admin), "øster")] == [
        "Bodil Østergård"]
    assert list_citizens(Context(database, admin), "bæk") == []
    event = _events(database, "update")[-1]
    assert event.citizen_id == named
    assert event.detail == "Stamdata ændret: Efternavn, Status, Foretrukken kontaktform"


def test_stale_edit_raises_conflict_and_keeps_both_texts(database, admin, named):
    mine = get_citizen_record(Context(database, admin), named)
    theirs = get_citizen_record(Context(database, admin), named)
    update_citizen(Context(database, admin), named, theirs.version,
                   {"note": "Deres note <b>&", "city": "Hanstholm"}, theirs.editable())

    with pytest.raises(EditConflict) as caught:
        update_citizen(Context(database, admin), named, mine.version,
                       {"note": "Min note 😀", "phone": "87654321"}, mine.editable())

    conflict = caught.value
    assert [(c.field, c.mine, c.theirs) for c in conflict.conflicts] == [
        ("note", "Min note 😀", "Deres note <b>&")]
    assert conflict.merged == {"phone": "87654321"}
    assert get_citizen_record(Context(database, admin),
                              named).phone == "12345678"  # nothing of mine
    resolved = {**conflict.merged, "note": "Deres note <b>&\n\nMin note 😀"}
    saved = update_citizen(Context(database, admin),
                           named, conflict.current_version, resolved).value
    assert (saved.note, saved.phone, saved.city) == (
        "Deres note <b>&\n\nMin note 😀", "87654321", "Hanstholm")


def test_edit_validation(database, admin, named):
    record = get_citizen_record(Context(database, admin), named)
    for changes, message in [
        ({"first_name": "", "last_name": ""}, "Angiv borgerens navn"),
        ({"is_anonymous": True, "first_name": "", "last_name": "", "alias": "Ugle"},
         "uden CPR-nummer"),
        ({"city": "b" * 121}, "By må højst være 120 tegn."),
        ({"status": CitizenStatus.CLOSED}, "Afslut sag"),
        ({"preferred_contact": "brevdue"}, "Ukendt kontaktform"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            update_citizen(Context(database, admin),
                           named, record.version, changes, record.editable())
    assert get_citizen_record(Context(database, admin), named).version == record.version


def test_named_citizen_can_become_anonymous_after_cpr_is_removed(database, admin, named):
    set_cpr(Context(database, admin), named, "")
    record = get_citizen_record(Context(database, admin), named)
    saved = update_citizen(Context(database, admin), named, record.version, {
        "is_anonymous": True, "first_name": "", "last_name": "", "alias": "Uglen"}).value
    assert saved.is_anonymous and saved.display_name == "Uglen" and not saved.has_cpr
    assert list_citizens(Context(database, admin), "9001") == []
    with pytest.raises(InvalidInput, match="uden CPR-nummer"):
        set_cpr(Context(database, admin), named, "0101909001")


# -- CPR ------------------------------------------------------------------------------------


def test_reveal_cpr_gives_the_full_number_and_is_audited(database, admin, named):
    assert reveal_cpr(Context(database, admin), named) == "010190-9001"
    event = _events(database, "reveal_cpr")[-1]
    assert (event.citizen_id, event.user_login) == (named, admin.login)
    assert "9001" not in event.detail


def test_reveal_cpr_without_a_number_says_so(database, admin):
    citizen_id = create_citizen(Context(database, admin), NewCitizen(alias="Ravnen")).value
    with pytest.raises(InvalidInput, match="intet CPR-nummer"):
        reveal_cpr(Context(database, admin), citizen_id)


def test_set_cpr_normalises_and_keeps_search_by_last_four(database, admin):
    citizen_id = create_citizen(Context(database, admin),
                                NewCitizen(first_name="Carl", last_name="Ny")).value
    record = set_cpr(Context(database, admin), citizen_id, " 020285-9002 ").value
    assert record.cpr_masked == "020285-xxxx"
    assert [row.id for row in list_citizens(Context(database, admin), "9002")] == [citizen_id]
    with database.read_session() as session:
        assert session.get(Citizen, citizen_id).cpr == "0202859002"


# -- close and reopen -----------------------------------------------------------------------


def test_close_ends_running_assignments_and_reopen_clears_the_date(database, admin, named):
    mentor = _mentor(database, admin)
    today = date.today()
    assign_mentor(Context(database, admin),
                  named, mentor.user_id, PRIMARY, today - timedelta(days=30))
    substitute = _mentor(database, admin, "sara.sub", "Sara Sub")
    assign_mentor(Context(database, admin), named, substitute.user_id, SUBSTITUTE,
                  today + timedelta(days=10))  # has not begun: dropped on closing
    record = get_citizen_record(Context(database, admin), named)

    closed = close_case(Context(database, admin), named, record.version).value

    assert closed.status is CitizenStatus.CLOSED and closed.closed_on == today
    assert [(a.mentor_name, a.end_on) for a in closed.assignments] == [("Mona Mentor", today)]
    assert _events(database, "update")[-1].detail == (
        f"Sag afsluttet pr. {today:%d-%m-%Y}; løbende mentortildelinger afsluttet samme dag")
    with pytest.raises(InvalidInput, match="Genåbn"):
        assign_mentor(Context(database, admin), named, mentor.user_id, PRIMARY)
    reopened = reopen_case(Context(database, admin), named, closed.version).value
    assert reopened.status is CitizenStatus.ACTIVE and reopened.closed_on is None


def test_close_is_for_coordinators_and_checks_the_version(database, admin, named):
    mentor = _mentor(database, admin)
    assign_mentor(Context(database, admin), named, mentor.user_id, PRIMARY)
    record = get_citizen_record(Context(database, admin), named)
    with pytest.raises(AccessDenied):
        close_case(Context(database, mentor), named, record.version)
    update_citizen(Context(database, admin), named, record.version, {"phone": "11111111"})
    with pytest.raises(EditConflict):
        close_case(Context(database, admin), named, record.version)
    assert get_citizen_record(Context(database, admin), named).status is CitizenStatus.WAITING
    with pytest.raises(InvalidInput, match="fremtiden"):
        close_case(Context(database, admin), named, record.version + 1, date.today() + timedelta(1))


# -- network --------------------------------------------------------------------------------


def test_relatives_add_edit_remove_audited(database, admin, named):
    relative_id = add_relative(Context(database, admin), named, RelativeInput(
        name=HOSTILE, relation="Søster", phone="20304050", note="Må kontaktes")).value
    [row] = relatives_for_citizen(Context(database, admin), named)
    assert (row.name, row.relation) == (HOSTILE, "Søster")
    updated = update_relative(Context(database, admin), relative_id, row.version,
                              {"phone": "99999999"}, row.editable()).value
    assert updated.phone == "99999999"
    with pytest.raises(EditConflict):
        update_relative(Context(database, admin), relative_id, row.version, {"phone": "1"},
                        row.editable())
    with pytest.raises(InvalidInput, match="Angiv personens navn"):
        add_relative(Context(database, admin), named, RelativeInput(name="  "))
    remove_relative(Context(database, admin), relative_id)
    assert get_citizen_record(Context(database, admin), named).relatives == ()
    actions = [(e.action, e.citizen_id) for e in _events(database) if e.entity == "relative"]
    assert actions == [("create", named), ("read", named), ("update", named),
                       ("delete", named)]


def test_mentor_cannot_touch_the_network_of_another_caseload(database, admin, named):
    mentor = _mentor(database, admin)
    with pytest.raises(NotFound):
        add_relative(Context(database, mentor), named, RelativeInput(name="Ole"))


# -- list filters ---------------------------------------------------------------------------


def _grant(database, citizen_id, basis_code, course_name=None):
    with database.session() as session:
        basis = session.scalar(select(LegalBasis).where(LegalBasis.code == basis_code))
        course = session.scalar(select(CourseType).where(CourseType.name == course_name)) \
            if course_name else None
        session.add(Grant(citizen_id=citizen_id, legal_basis_id=basis.id,
                          course_type_id=course.id if course else None,
                          start_on=date.today() - timedelta(days=40)))
        return course.id if course else None


def test_filters_by_mentor_legal_basis_and_course_type(database, admin):
    mentor = _mentor(database, admin)
    ids = {name: create_citizen(Context(database, admin),
                                NewCitizen(first_name=name, last_name="F")).value
           for name in ("Anna", "Bent", "Carla")}
    assign_mentor(Context(database, admin), ids["Anna"], mentor.user_id, PRIMARY)
    assign_mentor(Context(database, admin), ids["Bent"], mentor.user_id, SUBSTITUTE)
    _grant(database, ids["Anna"], "SEL §85")
    options = citizen_filter_options(database)
    course_name = next(name for _id, name in options.course_types)
    course_id = _grant(database, ids["Carla"], "LAB §68a", course_name)

    def names(**filters):
        return [row.display_name for row in list_citizens(Context(database, admin), **filters)]

    assert names(mentor_id=mentor.user_id) == ["Anna F", "Bent F"]
    assert names(legal_basis="SEL §85") == ["Anna F"]
    assert names(course_type_id=course_id) == ["Carla F"]
    assert names(mentor_id=mentor.user_id, legal_basis="SEL §85", search="an") == ["Anna F"]
    assert ("SEL §85", "SEL §85 – Socialpædagogisk støtte") in options.legal_bases
    assert (mentor.user_id, "Mona Mentor") in options.mentors
    assert _events(database, "list")[-1].detail.endswith(f"forløbstype-id {course_id}")
