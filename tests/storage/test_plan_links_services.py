"""Linking contacts from the goal's side: the citizen's recent unlinked contacts are
offered, several link at once (all or nothing), unlinking keeps the contact, and every
link and unlink is audited and kept in the goal's history."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from mentordesk.domain.codes import GoalStatus, Role
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.plan import (
    GoalInput,
    create_goal,
    goal_contacts,
    goal_history,
    link_contacts,
    linkable_contacts,
    theme_choices,
    unlink_contact,
)
from mentordesk.storage.models import AuditEvent, Contact, User, contact_goal

pytestmark = pytest.mark.both_backends


@pytest.fixture
def citizens(database, admin) -> tuple[int, int]:
    return (create_citizen(Context(database, admin), NewCitizen(first_name="Åse", last_name="Ærø",
                                                       cpr="0101909002")).value,
            create_citizen(Context(database, admin), NewCitizen(alias="Anden")).value)


@pytest.fixture
def goal_id(database, admin, citizens) -> int:
    theme = theme_choices(database)[0].code
    return create_goal(Context(database, admin), citizens[0], GoalInput(
        "Gå til lægen", theme_code=theme, status=GoalStatus.IN_PROGRESS)).value.id


def _contact(database, admin, citizen_id: int, day: date, form: str = "home_visit",
             note: str = "") -> int:
    with database.session() as session:
        contact = Contact(citizen_id=citizen_id, mentor_id=admin.user_id, contact_on=day,
                          start_time=time(10, 0), duration_minutes=60, form=form, note=note)
        session.add(contact)
        session.flush()
        return contact.id


def _link_count(database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(contact_goal))


def test_offers_recent_unlinked_contacts_and_links_several(database, admin, citizens,
                                                           goal_id):
    citizen, other = citizens
    march = _contact(database, admin, citizen, date(2026, 3, 4), "accompaniment",
                     "Fulgtes til lægen <b>")
    april = _contact(database, admin, citizen, date(2026, 4, 1), note="Ringede selv")
    may = _contact(database, admin, citizen, date(2026, 5, 6))
    _contact(database, admin, other, date(2026, 5, 7))  # another citizen's: never offered

    offered = linkable_contacts(Context(database, admin), goal_id)
    assert [row.contact_id for row in offered] == [may, april, march]  # newest first
    assert offered[2].form_label == "Ledsagelse"
    assert offered[2].note_excerpt == "Fulgtes til lægen <b>"
    assert [r.contact_id for r in linkable_contacts(Context(database, admin),
                                                    goal_id, limit=2)] == \
        [may, april]

    assert link_contacts(Context(database, admin), goal_id, [march, april, march]).value == 2
    assert [row.contact_id for row in goal_contacts(Context(database, admin),
                                                    goal_id)] == [april, march]
    assert [row.contact_id for row in linkable_contacts(Context(database, admin), goal_id)] == [may]
    assert link_contacts(Context(database, admin), goal_id, [april]).value == 0  # already linked

    entries = [(h.what, h.field_label, h.old_text, h.new_text)
               for h in goal_history(Context(database, admin),
                                     goal_id) if h.field_label == "Kontakt"]
    assert sorted(entries) == [("Indsatsmål", "Kontakt", "", "01-04-2026 Hjemmebesøg"),
                               ("Indsatsmål", "Kontakt", "", "04-03-2026 Ledsagelse")]


def test_unlink_keeps_the_contact_and_writes_history(database, admin, citizens, goal_id):
    contact = _contact(database, admin, citizens[0], date(2026, 3, 4))
    link_contacts(Context(database, admin), goal_id, [contact])
    unlink_contact(Context(database, admin), goal_id, contact)
    unlink_contact(Context(database, admin), goal_id, contact)  # twice: nothing more happens
    assert goal_contacts(Context(database, admin), goal_id) == []
    assert [row.contact_id for row in linkable_contacts(Context(database, admin),
                                                        goal_id)] == [contact]
    with database.session() as session:
        assert session.get(Contact, contact) is not None
    history = [(h.old_text, h.new_text) for h in goal_history(Context(database, admin), goal_id)
               if h.field_label == "Kontakt"]
    assert history == [("04-03-2026 Hjemmebesøg", ""), ("", "04-03-2026 Hjemmebesøg")]
    with database.session() as session:
        details = list(session.scalars(select(AuditEvent.detail).where(
            AuditEvent.entity == "contact", AuditEvent.entity_id == contact)))
    assert f"Kontakt knyttet til indsatsmål {goal_id}" in details
    assert f"Kontakt fjernet fra indsatsmål {goal_id}" in details


def test_linking_is_all_or_nothing_and_checks_citizen_and_access(database, admin, citizens,
                                                                 goal_id):
    citizen, other = citizens
    own = _contact(database, admin, citizen, date(2026, 3, 4))
    foreign = _contact(database, admin, other, date(2026, 3, 5))
    with pytest.raises(InvalidInput, match="anden borger"):
        link_contacts(Context(database, admin), goal_id, [own, foreign])
    with pytest.raises(NotFound, match="findes ikke"):
        link_contacts(Context(database, admin), goal_id, [own, 999_999])
    assert _link_count(database) == 0
    assert [h for h in goal_history(Context(database, admin),
                                    goal_id) if h.field_label == "Kontakt"] \
        == []

    with database.session() as session:
        user = User(login="mona", full_name="Mona", role=Role.MENTOR.value)
        session.add(user)
        session.flush()
        mentor = Actor(user.id, user.login, user.full_name, Role.MENTOR)
    # A mentor not assigned to the citizen: as if the case did not exist.
    with pytest.raises(NotFound, match="ikke adgang"):
        linkable_contacts(Context(database, mentor), goal_id)
    with pytest.raises(NotFound, match="ikke adgang"):
        link_contacts(Context(database, mentor), goal_id, [own])
    assert _link_count(database) == 0
    linkable_contacts(Context(database, admin), goal_id)
    with database.session() as session:
        reads = list(session.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == "read", AuditEvent.citizen_id == citizen)))
    assert any(detail.startswith("Kontakter at knytte til indsatsmål vist") for detail in reads)
