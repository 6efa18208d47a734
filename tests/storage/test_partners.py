"""Partner register and consents: states, withdrawal, stale edits, audit, literal text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied, InvalidInput, NotFound
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict
from mentordesk.services.catalogue_admin import Removal
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.consent_rules import has_valid_consent
from mentordesk.services.partners import (
    ConsentInput,
    ConsentState,
    PartnerInput,
    PartnerKind,
    consent_state,
    consents_for_citizen,
    create_partner,
    list_partners,
    record_consent,
    remove_partner,
    update_consent,
    update_partner,
    withdraw_consent,
)
from mentordesk.storage.models import AuditEvent, User

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 3, 10)
HOSTILE = "<script>alert('x')</script> & =HYPERLINK(\"evil\") 🙂"


@pytest.fixture
def citizen_id(database, admin) -> int:
    return create_citizen(Context(database, admin),
                          NewCitizen(first_name="Sif", last_name="Samtykke")).value


@pytest.fixture
def gp(database, admin):
    return create_partner(Context(database, admin), PartnerInput(
        "Lægehuset Vestby", kind=PartnerKind.GP.value, organisation="Almen praksis",
        phone="99 99 00 01", email="laege@vestby.example")).value


def _mentor(database) -> Actor:
    with database.session() as session:
        user = User(login="mads.mentor", full_name="Mads Mentor", role=Role.MENTOR.value)
        session.add(user)
        session.flush()
        return Actor(user.id, user.login, user.full_name, Role.MENTOR)


def test_consent_states_at_their_boundaries():
    assert consent_state(None, None, TODAY) is ConsentState.VALID
    assert consent_state(TODAY + timedelta(days=31), None, TODAY) is ConsentState.VALID
    assert consent_state(TODAY + timedelta(days=30), None, TODAY) is ConsentState.EXPIRING
    assert consent_state(TODAY + timedelta(days=1), None, TODAY) is ConsentState.EXPIRING
    assert consent_state(TODAY, None, TODAY) is ConsentState.EXPIRED
    assert consent_state(None, TODAY, TODAY) is ConsentState.WITHDRAWN
    assert consent_state(TODAY - timedelta(days=5), TODAY, TODAY) is ConsentState.WITHDRAWN
    assert [state.label for state in ConsentState] == [
        "Gyldig", "Udløber snart", "Udløbet", "Trukket tilbage"]


def test_partner_register_keeps_text_literally_and_sorts_danish(database, admin):
    create_partner(Context(database, admin), PartnerInput("Åbo Boligforening", kind="housing"))
    create_partner(Context(database, admin), PartnerInput(HOSTILE, note=HOSTILE, kind="creditor"))
    create_partner(Context(database, admin), PartnerInput("Ærø Rusmiddelcenter", kind="addiction"))
    partners = list_partners(Context(database, admin))
    assert [p.name for p in partners] == [HOSTILE, "Ærø Rusmiddelcenter", "Åbo Boligforening"]
    assert partners[0].note == HOSTILE and partners[0].kind_label == "Kreditor"
    assert partners[2].kind_label == "Boligkontor"


def test_partner_input_is_checked(database, admin):
    with pytest.raises(InvalidInput, match="Udfyld feltet »Navn«"):
        create_partner(Context(database, admin), PartnerInput(" "))
    with pytest.raises(InvalidInput, match="hvilken slags"):
        create_partner(Context(database, admin), PartnerInput("X", kind="spy"))
    with pytest.raises(InvalidInput, match="Telefon« må højst være 40 tegn"):
        create_partner(Context(database, admin), PartnerInput("X", phone="1" * 41))
    assert list_partners(Context(database, admin)) == []


def test_partner_stale_edit_and_removal(database, admin, gp, citizen_id):
    update_partner(Context(database, admin),
                   gp.id, gp.version, {"phone": "11 11 11 11"}, gp.values())
    with pytest.raises(EditConflict) as caught:
        update_partner(Context(database, admin), gp.id, gp.version, {"phone": "22 22 22 22"},
                       gp.values())
    assert [(c.mine, c.theirs) for c in caught.value.conflicts] == [
        ("22 22 22 22", "11 11 11 11")]
    with pytest.raises(AccessDenied):
        remove_partner(Context(database, _mentor(database)), gp.id, gp.version + 1)
    record_consent(Context(database, admin), citizen_id,
                   ConsentInput(gp.id, "Medicin", date(2026, 1, 1)), today=TODAY)
    assert remove_partner(Context(database, admin),
                          gp.id, gp.version + 1).value is Removal.DEACTIVATED
    assert not list_partners(Context(database, admin))[0].active
    unused = create_partner(Context(database, admin), PartnerInput("Boligkontoret")).value
    assert remove_partner(Context(database, admin),
                          unused.id, unused.version).value is Removal.DELETED


def test_record_consent_with_state_matching_the_consent_rule(database, admin, gp,
                                                             citizen_id):
    consent = record_consent(Context(database, admin), citizen_id, ConsentInput(
        gp.id, HOSTILE, date(2026, 1, 15), expires_on=date(2026, 4, 1), note=HOSTILE),
        today=TODAY).value
    assert consent.state is ConsentState.EXPIRING  # 22 days left
    assert (consent.purpose, consent.note, consent.partner_name) == (
        HOSTILE, HOSTILE, "Lægehuset Vestby")
    assert consent.period_label == "15-01-2026 – 01-04-2026"
    with database.read_session() as session:
        assert has_valid_consent(session, citizen_id, gp.id, TODAY)
        assert not has_valid_consent(session, citizen_id, gp.id, date(2026, 4, 1))
    rows = consents_for_citizen(Context(database, admin), citizen_id, today=date(2026, 4, 1))
    assert [row.state for row in rows] == [ConsentState.EXPIRED]


@pytest.mark.parametrize(("values", "message"), [
    ({"given_on": TODAY + timedelta(days=1)}, "ud i fremtiden"),
    ({"expires_on": date(2026, 1, 1)}, "Udløbsdatoen skal ligge efter"),
    ({"purpose": ""}, "Udfyld feltet »Formål«"),
    ({"purpose": "p" * 301}, "højst være 300 tegn"),
    ({"partner_id": 999}, "Vælg den samarbejdspartner"),
])
def test_invalid_consent_is_refused(database, admin, gp, citizen_id, values, message):
    new = {"partner_id": gp.id, "purpose": "Helbred", "given_on": date(2026, 1, 1),
           **values}
    with pytest.raises(InvalidInput, match=message):
        record_consent(Context(database, admin), citizen_id, ConsentInput(**new), today=TODAY)
    assert consents_for_citizen(Context(database, admin), citizen_id, today=TODAY) == []


def test_withdraw_consent(database, admin, gp, citizen_id):
    consent = record_consent(Context(database, admin), citizen_id, ConsentInput(
        gp.id, "Helbred", date(2026, 1, 1)), today=TODAY).value
    assert consent.state is ConsentState.VALID
    withdrawn = withdraw_consent(Context(database, admin),
                                 consent.id, consent.version, today=TODAY).value
    assert withdrawn.state is ConsentState.WITHDRAWN and withdrawn.withdrawn_on == TODAY
    with database.read_session() as session:
        assert not has_valid_consent(session, citizen_id, gp.id, TODAY)
    for version in (withdrawn.version, consent.version):  # current, and stale
        with pytest.raises(InvalidInput, match="allerede trukket tilbage den 10-03-2026"):
            withdraw_consent(Context(database, admin), consent.id, version, today=TODAY)


def test_in_force_consents_are_listed_first(database, admin, gp, citizen_id):
    old = record_consent(Context(database, admin), citizen_id, ConsentInput(
        gp.id, "Gammelt", date(2025, 1, 1), expires_on=date(2026, 1, 1)), today=TODAY).value
    current = record_consent(Context(database, admin), citizen_id, ConsentInput(
        gp.id, "Nyt", date(2024, 6, 1)), today=TODAY).value
    rows = consents_for_citizen(Context(database, admin), citizen_id, today=TODAY)
    assert [row.id for row in rows] == [current.id, old.id]


def test_stale_consent_edit_is_a_conflict(database, admin, gp, citizen_id):
    consent = record_consent(Context(database, admin), citizen_id, ConsentInput(
        gp.id, "Helbred", date(2026, 1, 1)), today=TODAY).value
    original = consent.values()
    update_consent(Context(database, admin),
                   consent.id, consent.version, {"note": "Deres"}, original,
                   today=TODAY)
    with pytest.raises(EditConflict) as caught:
        update_consent(Context(database, admin), consent.id, consent.version,
                       {"note": "Min", "expires_on": date(2027, 1, 1)}, original, today=TODAY)
    assert caught.value.merged == {"expires_on": date(2027, 1, 1)}


def test_consents_are_need_to_know_and_audited(database, admin, gp, citizen_id):
    consent = record_consent(Context(database, admin), citizen_id, ConsentInput(
        gp.id, "Helbred", date(2026, 1, 1)), today=TODAY).value
    mentor = _mentor(database)
    with pytest.raises(NotFound):
        consents_for_citizen(Context(database, mentor), citizen_id, today=TODAY)
    with pytest.raises(NotFound):
        withdraw_consent(Context(database, mentor), consent.id, consent.version, today=TODAY)
    withdraw_consent(Context(database, admin), consent.id, consent.version, today=TODAY)
    consents_for_citizen(Context(database, admin), citizen_id, today=TODAY)
    with database.read_session() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.citizen_id, AuditEvent.detail)
            .where(AuditEvent.entity == "consent").order_by(AuditEvent.id)).all()
    assert [(e.action, e.citizen_id) for e in events] == [
        ("create", citizen_id), ("update", citizen_id), ("read", citizen_id)]
    assert events[1].detail == "Samtykke trukket tilbage pr. 10-03-2026: Lægehuset Vestby"
