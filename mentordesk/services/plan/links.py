"""Contacts that worked on a goal (the ``contact_goal`` link, also set from the contact
form): the goal view lists them, and contacts can be linked or unlinked from there.

Linking and unlinking from the goal are audited and kept in the goal's history
("Kontakt": nothing → the contact, or the contact → nothing), in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import ContactForm
from mentordesk.domain.dates import format_date
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Result
from mentordesk.kernel.context import Context
from mentordesk.services import history
from mentordesk.services.plan.rows import CONTACT_FIELD, plan_changed, visible_goal
from mentordesk.services.plan.values import GoalContact
from mentordesk.storage.models import Contact, Goal
from mentordesk.storage.queries import affected_rows
from mentordesk.storage.queries.goal_links import (
    add_links,
    contacts_of_goal,
    linked_contacts,
    remove_link,
    unlinked_contacts,
)

EXCERPT_CHARS = 120
RECENT_CONTACTS = 60  # offered for linking: the newest, which are the ones still remembered
MAX_LINK_AT_ONCE = 200


def goal_contacts(context: Context, goal_id: int) -> list[GoalContact]:
    """Contacts linked to the goal, newest first (audited READ)."""
    with context.session() as session:
        goal = visible_goal(session, context.actor, goal_id)
        rows = session.execute(linked_contacts(goal.id)).all()
        audit.record(session, context.actor.login, audit.Action.READ, entity="contact",
                     entity_id=goal.id, citizen_id=goal.citizen_id,
                     detail=f"Kontakter til indsatsmål vist ({len(rows)})")
    return [_goal_contact(*row) for row in rows]


def linkable_contacts(context: Context, goal_id: int,
                      limit: int = RECENT_CONTACTS) -> list[GoalContact]:
    """The citizen's newest contacts not yet linked to the goal, newest first (audited
    READ): what "Tilknyt kontakter…" offers."""
    with context.session() as session:
        goal = visible_goal(session, context.actor, goal_id)
        rows = session.execute(unlinked_contacts(goal.id, goal.citizen_id, limit)).all()
        audit.record(session, context.actor.login, audit.Action.READ, entity="contact",
                     entity_id=goal.id, citizen_id=goal.citizen_id,
                     detail=f"Kontakter at knytte til indsatsmål vist ({len(rows)})")
    return [_goal_contact(*row) for row in rows]


def _goal_contact(contact_id: int, day: date, form: str, mentor: str, minutes: int,
                  note: str | None) -> GoalContact:
    return GoalContact(contact_id, day, _form_label(form), mentor, minutes, excerpt(note))


def contact_text(contact: Contact) -> str:
    """How the goal's history names a contact: "12-03-2026 Hjemmebesøg"."""
    return f"{format_date(contact.contact_on)} {_form_label(contact.form)}"


def excerpt(note: str | None, limit: int = EXCERPT_CHARS) -> str:
    """The note's start on one line, cut at a word with "…"."""
    text = " ".join((note or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut + "…"


def _form_label(form: str) -> str:
    try:
        return ContactForm(form).label
    except ValueError:
        return form


def link_contact(context: Context, goal_id: int, contact_id: int) -> Result[None]:
    """Mark that a contact worked on the goal (a contact of the same citizen)."""
    return Result(None, link_contacts(context, goal_id, [contact_id]).changes)


def link_contacts(context: Context, goal_id: int,
                  contact_ids: Sequence[int]) -> Result[int]:
    """Link several contacts of the goal's citizen to the goal, all or nothing; its value
    is how many links are new (one already linked is skipped)."""
    if len(contact_ids) > MAX_LINK_AT_ONCE:
        raise InvalidInput(f"Vælg højst {MAX_LINK_AT_ONCE} kontakter ad gangen.")
    with context.session() as session:
        goal = visible_goal(session, context.actor, goal_id)
        contacts = [_same_citizen_contact(session, goal, contact_id)
                    for contact_id in dict.fromkeys(contact_ids)]
        linked = set(session.scalars(
            contacts_of_goal(goal.id, among=[contact.id for contact in contacts])))
        new = [contact for contact in contacts if contact.id not in linked]
        for contact in new:
            _write_link(session, context.actor, goal, contact)
        changes = plan_changed(goal.citizen_id, contacts=True) if new else NOTHING
    return Result(len(new), changes)


def _same_citizen_contact(session: Session, goal: Goal, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFound("Kontakten findes ikke længere.")
    if contact.citizen_id != goal.citizen_id:
        raise InvalidInput("Kontakten hører til en anden borger end indsatsmålet.")
    return contact


def _write_link(session: Session, actor: Actor, goal: Goal, contact: Contact) -> None:
    session.execute(add_links(), [{"contact_id": contact.id, "goal_id": goal.id}])
    audit.record(session, actor.login, audit.Action.UPDATE, entity="contact",
                 entity_id=contact.id, citizen_id=goal.citizen_id,
                 detail=f"Kontakt knyttet til indsatsmål {goal.id}")
    history.record_changes(session, actor, citizen_id=goal.citizen_id, entity="goal",
                           entity_id=goal.id,
                           changes={CONTACT_FIELD: ("", contact_text(contact))})


def unlink_contact(context: Context, goal_id: int, contact_id: int) -> Result[None]:
    """Remove the link between a contact and the goal (the contact itself stays)."""
    with context.session() as session:
        goal = visible_goal(session, context.actor, goal_id)
        if not affected_rows(session, remove_link(goal.id, contact_id)):
            return Result(None)
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="contact",
                     entity_id=contact_id, citizen_id=goal.citizen_id,
                     detail=f"Kontakt fjernet fra indsatsmål {goal.id}")
        contact = session.get(Contact, contact_id)
        if contact is not None:
            history.record_changes(session, context.actor, citizen_id=goal.citizen_id,
                                   entity="goal", entity_id=goal.id,
                                   changes={CONTACT_FIELD: (contact_text(contact), "")})
        changes = plan_changed(goal.citizen_id, contacts=True)
    return Result(None, changes)
