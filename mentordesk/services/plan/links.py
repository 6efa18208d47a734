"""Contacts that worked on a goal (the ``contact_goal`` link, also set from the contact
form): the goal view lists them, and a contact can be linked or unlinked from there."""

from __future__ import annotations

from sqlalchemy import delete, insert, select

from mentordesk import audit
from mentordesk.domain.codes import ContactForm
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.services.plan.rows import visible_goal
from mentordesk.services.plan.values import GoalContact
from mentordesk.services.team import Actor
from mentordesk.storage.database import Database
from mentordesk.storage.models import Contact, User, contact_goal

EXCERPT_CHARS = 120


def goal_contacts(database: Database, actor: Actor, goal_id: int) -> list[GoalContact]:
    """Contacts linked to the goal, newest first (audited READ)."""
    with database.session() as session:
        goal = visible_goal(session, actor, goal_id)
        rows = session.execute(
            select(Contact.id, Contact.contact_on, Contact.form, User.full_name,
                   Contact.duration_minutes, Contact.note)
            .join(contact_goal, contact_goal.c.contact_id == Contact.id)
            .join(User, User.id == Contact.mentor_id)
            .where(contact_goal.c.goal_id == goal.id)
            .order_by(Contact.contact_on.desc(), Contact.start_time.desc(), Contact.id.desc())
        ).all()
        audit.record(session, actor.login, audit.Action.READ, entity="contact",
                     entity_id=goal.id, citizen_id=goal.citizen_id,
                     detail=f"Kontakter til indsatsmål vist ({len(rows)})")
    return [GoalContact(contact_id, day, _form_label(form), mentor, minutes, excerpt(note))
            for contact_id, day, form, mentor, minutes, note in rows]


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


def link_contact(database: Database, actor: Actor, goal_id: int, contact_id: int) -> None:
    """Mark that a contact worked on the goal (a contact of the same citizen)."""
    with database.session() as session:
        goal = visible_goal(session, actor, goal_id)
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise NotFound("Kontakten findes ikke længere.")
        if contact.citizen_id != goal.citizen_id:
            raise InvalidInput("Kontakten hører til en anden borger end indsatsmålet.")
        linked = session.scalar(select(contact_goal.c.goal_id).where(
            contact_goal.c.goal_id == goal.id, contact_goal.c.contact_id == contact.id))
        if linked is not None:
            return
        session.execute(insert(contact_goal), [{"contact_id": contact.id, "goal_id": goal.id}])
        audit.record(session, actor.login, audit.Action.UPDATE, entity="contact",
                     entity_id=contact.id, citizen_id=goal.citizen_id,
                     detail=f"Kontakt knyttet til indsatsmål {goal.id}")


def unlink_contact(database: Database, actor: Actor, goal_id: int, contact_id: int) -> None:
    """Remove the link between a contact and the goal (the contact itself stays)."""
    with database.session() as session:
        goal = visible_goal(session, actor, goal_id)
        result = session.execute(delete(contact_goal).where(
            contact_goal.c.goal_id == goal.id, contact_goal.c.contact_id == contact_id))
        if result.rowcount:
            audit.record(session, actor.login, audit.Action.UPDATE, entity="contact",
                         entity_id=contact_id, citizen_id=goal.citizen_id,
                         detail=f"Kontakt fjernet fra indsatsmål {goal.id}")
