"""The demo's anonymous tally: §99 outreach contacts with people who are not registered,
counted by the staff on most weekdays of the last half year (``schedule.anonymous``).

Uses its own ``Random``, so adding it left what earlier seeds produce unchanged.
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.demo.state import DemoState, bulk
from mentordesk.storage import models as m

OUTREACH_DAYS = 182
OUTREACH_MENTORS = 2
FORMS = ("public_space", "public_space", "phone", "activity_centre")


def add_anonymous_tally(state: DemoState, session: Session) -> None:
    basis = session.scalar(select(m.LegalBasis.id).where(
        m.LegalBasis.allows_anonymous.is_(True)).order_by(m.LegalBasis.id))
    if basis is None:
        return
    rng = random.Random(state.seed * 7919 + 99)
    rows = []
    for mentor in state.staff[:OUTREACH_MENTORS]:
        for back in range(1, OUTREACH_DAYS):
            day = state.today - timedelta(days=back)
            if day.weekday() >= 5 or rng.random() < 0.5:
                continue
            count = rng.randint(1, 4)
            rows.append({"mentor_id": mentor, "contact_on": day, "form": rng.choice(FORMS),
                         "legal_basis_id": basis, "count": count,
                         "minutes": count * rng.choice((5, 10, 15))})
    bulk(session, m.AnonymousContactTally, rows)
