"""The citizen's network: relatives, friends and neighbours (*pårørende og netværk*).

Access follows the citizen: whoever may work on the case may read and change its
network; every read and change is audited with the citizen's id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.cleaning import check_lengths, clean_values
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import apply_edit
from mentordesk.storage.models import Relative
from mentordesk.storage.queries.network import citizen_relatives

RELATIVE_LABELS = {"name": "Navn", "relation": "Relation", "phone": "Telefon", "note": "Note"}
# Suggestions for the relation field; teams type their own words as well.
COMMON_RELATIONS = ("Mor", "Far", "Søster", "Bror", "Partner", "Barn", "Ven", "Nabo",
                    "Anden pårørende")


@dataclass(frozen=True)
class RelativeInput:
    name: str
    relation: str = ""
    phone: str = ""
    note: str = ""


@dataclass(frozen=True)
class RelativeRow:
    id: int
    version: int
    name: str
    relation: str
    phone: str
    note: str

    def editable(self) -> dict[str, str]:
        return {"name": self.name, "relation": self.relation, "phone": self.phone,
                "note": self.note}


def relatives_for_citizen(context: Context, citizen_id: int) -> list[RelativeRow]:
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        rows = relative_rows(session, citizen_id)
        audit.record(session, context.actor.login, audit.Action.READ, entity="relative",
                     citizen_id=citizen_id, detail="Pårørende og netværk vist")
    return rows


def relative_rows(session: Session, citizen_id: int) -> list[RelativeRow]:
    """The citizen's network in the caller's session (the caller checks access/audit)."""
    relatives = session.scalars(citizen_relatives(citizen_id))
    return [_row(relative) for relative in relatives]


def add_relative(context: Context, citizen_id: int,
                 new: RelativeInput) -> Result[int]:
    values = _checked({field.name: getattr(new, field.name) for field in fields(new)})
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        relative = Relative(citizen_id=citizen_id, **values)
        session.add(relative)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="relative",
                     entity_id=relative.id, citizen_id=citizen_id,
                     detail="Pårørende tilføjet")
        relative_id = relative.id
    return Result(relative_id, _changed(citizen_id))


def update_relative(context: Context, relative_id: int, expected_version: int,
                    changes: Mapping[str, Any],
                    original: Mapping[str, Any] | None = None) -> Result[RelativeRow]:
    """Edit a relative against the loaded version (``EditConflict`` when stale)."""
    unknown = set(changes) - set(RELATIVE_LABELS)
    if unknown:
        raise ValueError(f"Not editable relative fields: {sorted(unknown)}")
    checked = _checked(dict(changes))
    with context.session() as session:
        relative = _relative(session, context.actor, relative_id)
        diff = apply_edit(session, relative, expected_version, checked, original)
        if diff:
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity="relative",
                         entity_id=relative.id, citizen_id=relative.citizen_id,
                         detail="Pårørende ændret: "
                         + ", ".join(RELATIVE_LABELS[field] for field in diff))
        row = _row(relative)
        announced = _changed(relative.citizen_id) if diff else NOTHING
    return Result(row, announced)


def remove_relative(context: Context, relative_id: int) -> Result[None]:
    with context.session() as session:
        relative = _relative(session, context.actor, relative_id)
        audit.record(session, context.actor.login, audit.Action.DELETE, entity="relative",
                     entity_id=relative.id, citizen_id=relative.citizen_id,
                     detail="Pårørende fjernet")
        citizen_id = relative.citizen_id
        session.delete(relative)
    return Result(None, _changed(citizen_id))


def _changed(citizen_id: int) -> Changes:
    return Changes.of(Kind.NETWORK, citizen=citizen_id)


def _relative(session: Session, actor: Actor, relative_id: int) -> Relative:
    relative = session.get(Relative, relative_id)
    if relative is None:
        raise NotFound("Personen findes ikke længere i borgerens netværk.")
    require_citizen(session, actor, relative.citizen_id)
    return relative


def _checked(values: dict[str, Any]) -> dict[str, Any]:
    clean_values(Relative, values)
    for field in ("name", "relation", "phone"):
        if field in values:
            values[field] = values[field].strip()
    if "name" in values and not values["name"]:
        raise InvalidInput("Angiv personens navn.")
    check_lengths(Relative, values, RELATIVE_LABELS)
    return values


def _row(relative: Relative) -> RelativeRow:
    return RelativeRow(id=relative.id, version=relative.version, name=relative.name,
                       relation=relative.relation or "", phone=relative.phone or "",
                       note=relative.note or "")
