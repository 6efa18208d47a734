"""A realistic, fictitious demo database of any size, identical for the same seed and day.

``build_demo`` creates an encrypted database whose admin is the person running it, fills it
with a team, citizens, grants, action plans, years of contacts, a calendar, group courses,
absences and economy overviews, and marks it as demo data (``app_meta.is_demo = "1"``).
All randomness comes from one ``random.Random(seed)`` and the fixed ``today``. Primary keys
are assigned here, so rows go in with bulk inserts: ~100 000 contacts take a few seconds.

Modules: ``builder`` (``build_demo`` and the phase order), ``state`` (what the phases
share), one module per phase (``team``, ``citizens``, ``plan``, ``journal``, ``economy``)
and the fictitious ``names`` and ``texts``. The building blocks are re-exported here too,
so checks that need no database reach them in one place.
"""

from mentordesk.demo.builder import DEMO_TEAM_NAME, DemoCancelled, Progress, build_demo
from mentordesk.demo.economy import benefit_application, debts, economy_sheet
from mentordesk.demo.journal import DURATIONS, FORM_CUM_WEIGHTS, FORMS, absence_spells, weeks
from mentordesk.demo.names import (
    alias,
    anonymous_fields,
    citizen_fields,
    email_local,
    fictitious_cpr,
    is_famous,
    passes_modulus_11,
    person_name,
)
from mentordesk.demo.plan import levels, theme_codes
from mentordesk.demo.state import ANONYMOUS_SHARE, CONTACTS_PER_CITIZEN_YEAR, ECONOMY_SHARE
from mentordesk.demo.texts import GOAL_TEMPLATES, contact_note, contact_place

__all__ = [
    "ANONYMOUS_SHARE",
    "CONTACTS_PER_CITIZEN_YEAR",
    "DEMO_TEAM_NAME",
    "DURATIONS",
    "ECONOMY_SHARE",
    "FORMS",
    "FORM_CUM_WEIGHTS",
    "GOAL_TEMPLATES",
    "DemoCancelled",
    "Progress",
    "absence_spells",
    "alias",
    "anonymous_fields",
    "benefit_application",
    "build_demo",
    "citizen_fields",
    "contact_note",
    "contact_place",
    "debts",
    "economy_sheet",
    "email_local",
    "fictitious_cpr",
    "is_famous",
    "levels",
    "passes_modulus_11",
    "person_name",
    "theme_codes",
    "weeks",
]
