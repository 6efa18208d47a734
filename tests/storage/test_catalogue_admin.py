"""Catalogues: everyone reads, admins edit; in-use rows are deactivated, not deleted."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied, StaleEdit
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict
from mentordesk.services.catalogue_admin import (
    AuthorityInput,
    CourseTypeInput,
    LegalBasisInput,
    Removal,
    create_authority,
    create_course_type,
    create_legal_basis,
    load_catalogue,
    remove_authority,
    remove_course_type,
    remove_legal_basis,
    update_authority,
    update_course_type,
    update_legal_basis,
)
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.grants import (
    GrantInput,
    InvalidInput,
    create_grant,
    price_label,
    weekly_hours_label,
)
from mentordesk.storage.models import AuditEvent, User

pytestmark = pytest.mark.both_backends

HOSTILE = "<b>Fed</b> & \"citat\" ='=SUM(A1)' 🙂"


@pytest.fixture
def mentor(database) -> Actor:
    with database.session() as session:
        user = User(login="mette.mentor", full_name="Mette Mentor", role=Role.MENTOR.value)
        session.add(user)
        session.flush()
        return Actor(user.id, user.login, user.full_name, Role.MENTOR)


def _basis(catalogue, code):
    return next(item for item in catalogue.legal_bases if item.code == code)


def _course(catalogue, start):
    return next(item for item in catalogue.course_types if item.name.startswith(start))


def test_default_catalogue_reads_with_danish_labels(database):
    catalogue = load_catalogue(database)
    codes = [item.code for item in catalogue.legal_bases]
    assert codes == ["LAB §31b", "LAB §31c", "LAB §32", "LAB §42", "LAB §68a", "SEL §12",
                     "SEL §85", "SEL §99"]
    assert _basis(catalogue, "SEL §99").allows_anonymous
    assert not _basis(catalogue, "SEL §85").allows_anonymous
    assert len(catalogue.course_types) == 15
    talks = _course(catalogue, "Mentorstøtte - For borgere som har brug for støttende")
    assert talks.legal_basis_code == "LAB §31b"
    assert talks.hours_label == "Fra 1 time/uge"
    assert talks.price_label == "500,00 kr. pr. time eks. moms"
    assert talks.period_label == "Fra 13 uger"
    guidance = _course(catalogue, "Vejlednings- og opkvalificeringsforløb")
    assert guidance.legal_basis_code == "LAB §32"  # seed 003 cites LAB § 32, not §31b
    resource = _course(catalogue, "Ressourceforløb - For borger der har brug for et tvær")
    assert resource.hours_label == "Op til 15 timer/uge"
    assert resource.price_label == "2.500,00 kr. pr. uge op til ca. 15 timer eks. moms"
    assert _course(catalogue, "Virksomhedspraktik").price_label == "Aftales"


def test_hour_and_price_labels():
    assert weekly_hours_label(360, 600) == "6–10 timer/uge"
    assert weekly_hours_label(60, None) == "Fra 1 time/uge"
    assert weekly_hours_label(90, 150) == "1,5–2,5 timer/uge"
    assert weekly_hours_label(None, None) == ""
    assert price_label("per_week", 123456) == "1.234,56 kr. pr. uge eks. moms"
    assert price_label(None, None) == "Aftales"


def test_only_admins_change_the_catalogue(database, mentor):
    with pytest.raises(AccessDenied):
        create_legal_basis(Context(database, mentor),
                           LegalBasisInput("SEL §107", "Midlertidigt ophold"))
    basis = _basis(load_catalogue(database), "SEL §85")
    with pytest.raises(AccessDenied):
        update_legal_basis(Context(database, mentor), basis.id, basis.version, {"name": "Ændret"})
    with pytest.raises(AccessDenied):
        create_authority(Context(database, mentor), AuthorityInput("Vestby Kommune"))
    # Everyone reads.
    assert load_catalogue(database).legal_bases


def test_admin_adds_legal_basis_with_literal_text_and_audit(database, admin):
    created = create_legal_basis(Context(database, admin), LegalBasisInput(
        " SEL §107 ", HOSTILE, note=HOSTILE, allows_anonymous=True,
        requires_assessment=False)).value
    assert created.code == "SEL §107"
    assert created.name == HOSTILE and created.note == HOSTILE
    assert _basis(load_catalogue(database), "SEL §107").allows_anonymous
    with database.read_session() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.action, event.entity, event.entity_id) == ("create", "legal_basis",
                                                             created.id)


def test_legal_basis_input_is_checked(database, admin):
    with pytest.raises(InvalidInput, match="allerede et lovgrundlag med koden »SEL §85«"):
        create_legal_basis(Context(database, admin), LegalBasisInput("sel §85", "Dublet"))
    with pytest.raises(InvalidInput, match="Udfyld feltet »Navn«"):
        create_legal_basis(Context(database, admin), LegalBasisInput("SEL §1", "   "))
    with pytest.raises(InvalidInput, match="højst være 200 tegn langt; der står 201 tegn"):
        create_legal_basis(Context(database, admin), LegalBasisInput("SEL §2", "x" * 201))
    assert len(load_catalogue(database).legal_bases) == 8


def test_course_type_hours_and_price_are_stored_in_minutes_and_oere(database, admin):
    basis = _basis(load_catalogue(database), "SEL §85")
    created = create_course_type(Context(database, admin), CourseTypeInput(
        "Bostøtte - Intensiv", legal_basis_id=basis.id, min_weeks=26,
        hours_min_minutes=6 * 60, hours_max_minutes=10 * 60, price_model="per_week",
        price_oere=250_000, price_max_hours=10, roles="Pædagog, sygeplejerske")).value
    assert created.hours_label == "6–10 timer/uge"
    assert created.price_label == "2.500,00 kr. pr. uge op til ca. 10 timer eks. moms"
    assert created.legal_basis_code == "SEL §85"


@pytest.mark.parametrize(("changes", "message"), [
    ({"hours_min_minutes": 600, "hours_max_minutes": 300}, "mindste timetal pr. uge må ikke"),
    ({"hours_min_minutes": None, "hours_max_minutes": 300}, "Angiv et mindste timetal"),
    ({"hours_min_minutes": 169 * 60}, "mellem 0 og 168 timer"),
    ({"price_model": "per_hour", "price_oere": None}, "Angiv prisen"),
    ({"price_model": None, "price_oere": 100}, "pr. time eller pr. uge"),
    ({"price_model": "per_hour", "price_oere": 100, "price_max_hours": 10}, "kun en fast pris"),
    ({"fixed_period": True, "min_weeks": None}, "fast varighed"),
    ({"min_weeks": 0}, "mellem 1 og 520 uger"),
])
def test_course_type_edit_validation_changes_nothing(database, admin, changes, message):
    course = _course(load_catalogue(database), "Mentorstøtte - For borgere med misbrug")
    with pytest.raises(InvalidInput, match=message):
        update_course_type(Context(database, admin), course.id, course.version, changes)
    assert _course(load_catalogue(database), "Mentorstøtte - For borgere med misbrug") == course


def test_stale_course_type_edit_is_a_conflict(database, admin):
    course = _course(load_catalogue(database), "Mentorstøtte - For borgere med misbrug")
    original = course.values()
    update_course_type(Context(database, admin), course.id, course.version,
                       {"description": "Deres beskrivelse"}, original)
    with pytest.raises(EditConflict) as caught:
        update_course_type(Context(database, admin), course.id, course.version,
                           {"description": "Min beskrivelse", "price_oere": 45_000,
                            "price_model": "per_hour"}, original)
    conflict = caught.value
    assert [(c.field, c.mine, c.theirs) for c in conflict.conflicts] == [
        ("description", "Min beskrivelse", "Deres beskrivelse")]
    assert conflict.merged == {"price_oere": 45_000, "price_model": "per_hour"}
    saved = update_course_type(Context(database, admin), course.id, conflict.current_version,
                               {**conflict.merged, "description": "Begge"}).value
    assert (saved.description, saved.price_label) == ("Begge", "450,00 kr. pr. time eks. moms")


def test_removing_in_use_rows_deactivates_them(database, admin):
    catalogue = load_catalogue(database)
    course = _course(catalogue, "Mentorstøtte - For borgere med misbrug")
    citizen_id = create_citizen(Context(database, admin),
                                NewCitizen(first_name="Bo", last_name="Brug")).value
    create_grant(Context(database, admin), citizen_id, GrantInput(
        legal_basis_id=course.legal_basis_id, course_type_id=course.id,
        start_on=date(2026, 1, 5)))
    assert remove_course_type(Context(database, admin),
                              course.id, course.version).value is Removal.DEACTIVATED
    after = _course(load_catalogue(database), "Mentorstøtte - For borgere med misbrug")
    assert not after.active and after.uses == 1
    # Legal bases named by course types are in use too.
    lab42 = _basis(catalogue, "LAB §42")
    assert remove_legal_basis(Context(database, admin),
                              lab42.id, lab42.version).value is Removal.DEACTIVATED
    unused = create_legal_basis(Context(database, admin),
                                LegalBasisInput("SEL §107", "Ophold")).value
    assert remove_legal_basis(Context(database, admin),
                              unused.id, unused.version).value is Removal.DELETED
    assert "SEL §107" not in [item.code for item in load_catalogue(database).legal_bases]


def test_remove_against_a_stale_version_is_refused(database, admin):
    basis = create_legal_basis(Context(database, admin),
                               LegalBasisInput("SEL §107", "Ophold")).value
    update_legal_basis(Context(database, admin), basis.id, basis.version, {"name": "Midlertidigt"})
    with pytest.raises(StaleEdit):
        remove_legal_basis(Context(database, admin), basis.id, basis.version)


def test_authorities_create_edit_remove(database, admin):
    authority = create_authority(Context(database, admin), AuthorityInput(
        "Jobcenter Vestby", kind="jobcenter", address="Torvet 1, 9999 Vestby",
        email="jobcenter@vestby.example")).value
    assert authority.kind_label == "Jobcenter"
    with pytest.raises(InvalidInput, match="ligner ikke en e-mailadresse"):
        update_authority(Context(database, admin),
                         authority.id, authority.version, {"email": "ingen"})
    with pytest.raises(InvalidInput, match="kommune eller et jobcenter"):
        create_authority(Context(database, admin), AuthorityInput("Region Demo", kind="region"))
    with pytest.raises(InvalidInput, match="allerede en myndighed"):
        create_authority(Context(database, admin), AuthorityInput("jobcenter vestby"))
    citizen_id = create_citizen(Context(database, admin),
                                NewCitizen(first_name="Ida", last_name="Job")).value
    basis = _basis(load_catalogue(database), "LAB §31b")
    create_grant(Context(database, admin), citizen_id, GrantInput(
        legal_basis_id=basis.id, authority_id=authority.id, start_on=date(2026, 2, 2)))
    with pytest.raises(InvalidInput, match="står på 1 bevilling"):
        remove_authority(Context(database, admin), authority.id, authority.version)
    other = create_authority(Context(database, admin), AuthorityInput("Sydby Kommune")).value
    assert remove_authority(Context(database, admin),
                            other.id, other.version).value is Removal.DELETED
    assert [a.name for a in load_catalogue(database).authorities] == ["Jobcenter Vestby"]
