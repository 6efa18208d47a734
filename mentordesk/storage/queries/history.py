"""Change history queries: who changed which field of a citizen's plan rows, and when."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import Select, or_, select

from mentordesk.storage.models import ChangeRecord, User


def tagged_entity_ids(citizen_id: int, entity: str, tag_field: str,
                      tag_value: str) -> Select[tuple[int]]:
    """Ids of ``entity`` rows (deleted ones included) whose history carries
    ``tag_field`` = ``tag_value``."""
    return (select(ChangeRecord.entity_id).distinct()
            .where(ChangeRecord.citizen_id == citizen_id, ChangeRecord.entity == entity,
                   ChangeRecord.field == tag_field, ChangeRecord.new_value == tag_value))


def changes_of(citizen_id: int, entities: Mapping[str, Collection[int]]) -> Select[Any]:
    """(ChangeRecord, user name or None) of the given rows (``{"goal": [7]}``, at least
    one id), newest save first; the fields of one save in the order they were written
    (a creation reads "Oprettet", then its values)."""
    conditions = [
        (ChangeRecord.entity == entity) & ChangeRecord.entity_id.in_(list(ids))
        for entity, ids in entities.items() if ids
    ]
    return (
        select(ChangeRecord, User.full_name)
        .outerjoin(User, User.id == ChangeRecord.user_id)
        .where(ChangeRecord.citizen_id == citizen_id, or_(*conditions))
        .order_by(ChangeRecord.changed_at.desc(), ChangeRecord.id)
    )
