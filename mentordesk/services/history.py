"""The change history users can see: who changed which field, when, from what to what.

Kept apart from the audit log (``mentordesk.audit``): the log is pruned after six months
and says *that* someone worked on a case, while the history must last as long as the case
and says *what* changed. Values are stored as the readable Danish text the user saw
(dates dd-mm-åååå, codes as their labels), so the history still reads right after a
label, a theme name or a grant is changed or deleted later.

Callers write the history in the same transaction as the change and its audit event.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from mentordesk.domain.dates import format_date
from mentordesk.kernel.actor import Actor
from mentordesk.storage.models import ChangeRecord, utc_now
from mentordesk.storage.queries.history import changes_of, tagged_entity_ids

# Field names starting with this are bookkeeping (e.g. which goal a sub-goal belonged
# to, so its history survives its deletion); readers do not show them.
HIDDEN_PREFIX = "_"
CREATED = "created"
DELETED = "deleted"

Renderer = Callable[[Any], str]


@dataclass(frozen=True)
class ChangeRow:
    """One stored change, with the name of the user who made it."""

    id: int
    changed_at: datetime  # UTC
    user_name: str
    entity: str
    entity_id: int
    field: str
    old_text: str
    new_text: str


def render_value(value: Any) -> str:
    """Readable Danish text of a stored value: ``""`` for nothing, dd-mm-åååå for dates,
    ``Ja``/``Nej``, the label of a labelled enum, the text itself otherwise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, datetime):
        return f"{format_date(value.date())} kl. {value:%H.%M}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Enum) and hasattr(value, "label"):
        return str(value.label)
    return str(value)


def record_changes(
    session: Session,
    actor: Actor,
    *,
    citizen_id: int,
    entity: str,
    entity_id: int,
    changes: Mapping[str, tuple[Any, Any]],
    renderers: Mapping[str, Renderer] | None = None,
    changed_at: datetime | None = None,
) -> int:
    """Write one ``ChangeRecord`` per changed field; returns how many were written.

    ``changes`` maps a field name to ``(old, new)`` as stored; ``renderers`` turn a field's
    stored value into text (e.g. a status code into its label), else ``render_value``.
    Fields whose text did not change are skipped, so a no-op save leaves no trace.
    """
    renderers = renderers or {}
    moment = changed_at or utc_now()
    written = 0
    for field, (old, new) in changes.items():
        render = renderers.get(field, render_value)
        old_text, new_text = render(old), render(new)
        if old_text == new_text:
            continue
        session.add(ChangeRecord(changed_at=moment, user_id=actor.user_id,
                                 citizen_id=citizen_id, entity=entity, entity_id=entity_id,
                                 field=field, old_value=old_text, new_value=new_text))
        written += 1
    session.flush()
    return written


def record_created(session: Session, actor: Actor, *, citizen_id: int, entity: str,
                   entity_id: int, values: Mapping[str, Any],
                   renderers: Mapping[str, Renderer] | None = None,
                   changed_at: datetime | None = None) -> int:
    """A new row: a "created" entry plus each non-empty field as nothing → value."""
    moment = changed_at or utc_now()
    changes: dict[str, tuple[Any, Any]] = {CREATED: ("", "Oprettet")}
    changes.update({field: (None, value) for field, value in values.items()})
    return record_changes(session, actor, citizen_id=citizen_id, entity=entity,
                          entity_id=entity_id, changes=changes, renderers=renderers,
                          changed_at=moment)


def record_deleted(session: Session, actor: Actor, *, citizen_id: int, entity: str,
                   entity_id: int, summary: str) -> int:
    """A deleted row: one "deleted" entry whose old text names what was deleted."""
    return record_changes(session, actor, citizen_id=citizen_id, entity=entity,
                          entity_id=entity_id, changes={DELETED: (summary, "Slettet")})


def entity_ids_tagged(session: Session, citizen_id: int, entity: str, tag_field: str,
                      tag_value: str) -> list[int]:
    """Ids of ``entity`` rows (deleted ones included) whose history carries the hidden
    ``tag_field`` = ``tag_value`` (e.g. the sub-goals that ever belonged to goal 7)."""
    return list(session.scalars(tagged_entity_ids(citizen_id, entity, tag_field, tag_value)))


def read_changes(session: Session, citizen_id: int,
                 entities: Mapping[str, Collection[int]], *,
                 include_hidden: bool = False) -> list[ChangeRow]:
    """The changes of the given rows (``{"goal": [7], "sub_goal": [3, 4]}``), newest save
    first."""
    if not any(entities.values()):
        return []
    rows = [
        ChangeRow(record.id, record.changed_at, user_name or "", record.entity,
                  record.entity_id, record.field, record.old_value, record.new_value)
        for record, user_name in session.execute(changes_of(citizen_id, entities))
    ]
    if include_hidden:
        return rows
    return [row for row in rows if not row.field.startswith(HIDDEN_PREFIX)]
