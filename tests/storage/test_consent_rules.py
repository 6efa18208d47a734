"""A consent counts from the day given until it expires or is withdrawn."""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.consent_rules import has_valid_consent
from mentordesk.storage.models import Consent, Partner

pytestmark = pytest.mark.both_backends


def test_consent_window(database, admin):
    citizen_id = create_citizen(Context(database, admin),
                                NewCitizen(first_name="Sif", last_name="Samtykke")).value
    with database.session() as session:
        gp = Partner(name="Lægehuset Vestby", kind="gp")
        psychiatry = Partner(name="Distriktspsykiatrien", kind="psychiatry")
        session.add_all([gp, psychiatry])
        session.flush()
        session.add_all([
            Consent(citizen_id=citizen_id, partner_id=gp.id, purpose="Koordinering",
                    given_on=date(2026, 1, 1), expires_on=date(2026, 12, 31)),
            Consent(citizen_id=citizen_id, partner_id=psychiatry.id, purpose="Udskrivning",
                    given_on=date(2026, 1, 1), withdrawn_on=date(2026, 6, 1)),
        ])
        session.flush()
        gp_id, psychiatry_id = gp.id, psychiatry.id
    with database.read_session() as session:
        assert not has_valid_consent(session, citizen_id, gp_id, date(2025, 12, 31))
        assert has_valid_consent(session, citizen_id, gp_id, date(2026, 1, 1))
        assert has_valid_consent(session, citizen_id, gp_id, date(2026, 12, 30))
        assert not has_valid_consent(session, citizen_id, gp_id, date(2026, 12, 31))
        assert has_valid_consent(session, citizen_id, psychiatry_id, date(2026, 5, 31))
        assert not has_valid_consent(session, citizen_id, psychiatry_id, date(2026, 6, 1))
