"""The link between a contact and the goals it worked on (``contact_goal``): set from the
contact form (the contact's goals) and from the plan (a goal's contacts), so both sides
read and write it through these statements."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Delete, Insert, Select, delete, exists, insert, select

from mentordesk.storage.models import Contact, User, contact_goal


def goals_of_contact(contact_id: int) -> Select[tuple[int]]:
    """The ids of the goals the contact is linked to."""
    return select(contact_goal.c.goal_id).where(contact_goal.c.contact_id == contact_id)


def contacts_of_goal(goal_id: int, among: Iterable[int] | None = None) -> Select[tuple[int]]:
    """The ids of the contacts linked to the goal (only those ``among`` when given)."""
    query = select(contact_goal.c.contact_id).where(contact_goal.c.goal_id == goal_id)
    if among is not None:
        query = query.where(contact_goal.c.contact_id.in_(list(among)))
    return query


def goal_has_contacts(goal_id: int) -> Select[tuple[bool]]:
    """Whether any contact is linked to the goal."""
    return select(exists().where(contact_goal.c.goal_id == goal_id))


def add_links() -> Insert:
    """Insert links; execute with rows of ``{"contact_id": …, "goal_id": …}``."""
    return insert(contact_goal)


def remove_links_of_contact(contact_id: int) -> Delete:
    return delete(contact_goal).where(contact_goal.c.contact_id == contact_id)


def remove_link(goal_id: int, contact_id: int) -> Delete:
    return delete(contact_goal).where(contact_goal.c.goal_id == goal_id,
                                      contact_goal.c.contact_id == contact_id)


def _contact_summaries() -> Select[Any]:
    """(id, date, form code, mentor name, minutes, note) of contacts, newest first."""
    return (select(Contact.id, Contact.contact_on, Contact.form, User.full_name,
                   Contact.duration_minutes, Contact.note)
            .join(User, User.id == Contact.mentor_id)
            .order_by(Contact.contact_on.desc(), Contact.start_time.desc().nulls_last(),
                      Contact.id.desc()))


def linked_contacts(goal_id: int) -> Select[Any]:
    """Summaries of the contacts linked to the goal, newest first."""
    return (_contact_summaries().join(contact_goal, contact_goal.c.contact_id == Contact.id)
            .where(contact_goal.c.goal_id == goal_id))


def unlinked_contacts(goal_id: int, citizen_id: int, limit: int) -> Select[Any]:
    """Summaries of the citizen's newest ``limit`` contacts not linked to the goal."""
    return (_contact_summaries()
            .where(Contact.citizen_id == citizen_id,
                   Contact.id.not_in(contacts_of_goal(goal_id)))
            .limit(limit))
