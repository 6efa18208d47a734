"""Editing and deleting logged contacts without losing anyone's work.

Edits arrive in domain terms (``ContactForm``, ``Attendance``, goal ids) and are saved
through ``services.editing.apply_edit`` against the version the user loaded; a conflict
comes back in the same domain terms, goal links included, ready for the conflict dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from mentordesk import audit
from mentordesk.domain.codes import Attendance, ContactForm
from mentordesk.domain.dates import format_date
from mentordesk.errors import AccessDenied
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Result
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import (
    EditConflict,
    FieldConflict,
    apply_edit,
    stale_conflict,
)
from mentordesk.services.contacts.rules import (
    ENTITY,
    check_goals,
    contact_changes,
    link_goals,
    linked_goal_ids,
    override_detail,
    override_reason,
    require_contact,
    require_partner,
    validated,
)
from mentordesk.services.contacts.values import EDITABLE_FIELDS, format_duration
from mentordesk.services.grant_attribution import resolve_grant
from mentordesk.storage.models import Contact

# Domain field -> (column, domain value -> column value, column value -> domain value).
_COLUMNS: dict[str, tuple[str, Callable[[Any], Any], Callable[[Any], Any]]] = {
    "form": ("form", lambda form: ContactForm(form).value, ContactForm),
    "attendance": ("attended", lambda shown: Attendance(shown) is Attendance.ATTENDED,
                   lambda attended: Attendance.ATTENDED if attended else Attendance.NO_SHOW),
}
# Danish names of the fields, for the audit detail of an edit.
_FIELD_NAMES = {
    "contact_on": "dato", "start_time": "starttid", "duration_minutes": "varighed",
    "form": "kontaktform", "place": "sted", "attendance": "fremmøde", "note": "note",
    "partner_id": "samarbejdspartner", "consent_override_reason": "begrundelse for samtykke",
    "goal_ids": "indsatsmål", "grant_id": "bevilling", "travel_minutes": "kørselstid",
    "travel_km": "km", "indirect_minutes": "indirekte tid",
}


def update_contact(context: Context, contact_id: int, expected_version: int,
                   changes: Mapping[str, Any], original: Mapping[str, Any] | None = None,
                   today: date | None = None) -> Result[dict[str, tuple[Any, Any]]]:
    """Save ``changes`` (domain values, keys from ``EDITABLE_FIELDS``) made against
    ``expected_version``; its value is field -> (old, new). A stale version raises
    ``EditConflict`` in domain terms, goal links included."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    today = today or date.today()
    seen = validated(original, date.max) if original is not None else None
    values = _my_changes(validated(changes, today), seen)
    with context.session() as session:
        contact = require_contact(session, context.actor, contact_id, today)
        if contact.version != expected_version and "goal_ids" in values:
            # Goal links live outside the row, so apply_edit cannot see a clash on them.
            _raise_if_goal_links_clash(session, contact, values, seen)
        try:
            diff = apply_edit(session, contact, expected_version, _as_columns(values),
                              _as_columns(seen) if seen is not None else None)
        except EditConflict as conflict:
            raise _domain_conflict(session, contact, conflict, values, seen) from None
        diff = {_domain_name(column): (_from_column(column, old), _from_column(column, new))
                for column, (old, new) in diff.items()}
        if "goal_ids" in values:
            _update_goal_links(session, contact, values["goal_ids"], diff)
        if {"grant_id", "contact_on"} & diff.keys() and contact.grant_id is not None:
            # A moved contact must still fall in its grant; refusing rolls the edit back.
            resolve_grant(session, contact.citizen_id, contact.grant_id, contact.contact_on)
        if {"partner_id", "contact_on"} & diff.keys() and contact.partner_id is not None:
            partner = require_partner(session, contact.partner_id, active_only=False)
            override_reason(session, contact.citizen_id, partner, contact.contact_on,
                             contact.consent_override_reason)
        if diff:
            _audit_update(session, context.actor, contact, diff)
        # Goals show their linked contacts: a relinked contact, or one they already list.
        goals_linked = "goal_ids" in diff or bool(linked_goal_ids(session, contact.id))
        announced = contact_changes(contact.citizen_id, goals_linked=goals_linked)
    return Result(diff, announced if diff else NOTHING)


def _my_changes(values: dict[str, Any], seen: Mapping[str, Any] | None) -> dict[str, Any]:
    """The fields the user actually changed. A form sends every field; a field only the
    other user changed meanwhile then keeps their value instead of becoming a conflict."""
    if seen is None:
        return values
    return {name: value for name, value in values.items()
            if name not in seen or seen[name] != value}


def _update_goal_links(session: Session, contact: Contact, goal_ids: tuple[int, ...],
                       diff: dict[str, tuple[Any, Any]]) -> None:
    current = linked_goal_ids(session, contact.id)
    if current == goal_ids:
        return
    check_goals(session, contact.citizen_id, goal_ids)
    link_goals(session, contact.id, goal_ids)
    # Links live in another table: bump the contact's version so a concurrent editor of
    # the same contact gets a conflict instead of silently undoing this change.
    if "note" not in diff:
        flag_modified(contact, "note")
        session.flush()
    diff["goal_ids"] = (current, goal_ids)


def _audit_update(session: Session, actor: Actor, contact: Contact,
                  diff: Mapping[str, tuple[Any, Any]]) -> None:
    changed = ", ".join(_FIELD_NAMES[name] for name in EDITABLE_FIELDS if name in diff)
    new_reason = diff.get("consent_override_reason", ("", ""))[1]
    audit.record(session, actor.login, audit.Action.UPDATE, entity=ENTITY,
                 entity_id=contact.id, citizen_id=contact.citizen_id,
                 detail=f"Kontakt {format_date(contact.contact_on)} ændret: {changed}"
                 + override_detail(session, contact.partner_id, new_reason))


def _as_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    columns = {}
    for name, value in values.items():
        if name == "goal_ids":
            continue  # a link table, handled apart from the row's own columns
        column, to_column, _ = _COLUMNS.get(name, (name, _same, _same))
        columns[column] = to_column(value)
    return columns


def _domain_name(column: str) -> str:
    return next((name for name, (col, _, _) in _COLUMNS.items() if col == column), column)


def _from_column(column: str, value: Any) -> Any:
    return _COLUMNS.get(_domain_name(column), (column, _same, _same))[2](value)


def _same(value: Any) -> Any:
    return value


def _raise_if_goal_links_clash(session: Session, contact: Contact, values: Mapping[str, Any],
                               seen: Mapping[str, Any] | None) -> None:
    columns = _as_columns(values)
    stale = stale_conflict(contact, columns, _as_columns(seen) if seen is not None else {})
    conflict = _domain_conflict(session, contact, stale, values, seen)
    if any(item.field == "goal_ids" for item in conflict.conflicts):
        raise conflict


def _domain_conflict(session: Session, contact: Contact, conflict: EditConflict,
                     mine: Mapping[str, Any], original: Mapping[str, Any] | None
                     ) -> EditConflict:
    """The editing module's conflict, in domain terms, with the goal links compared too."""
    conflicts = [
        FieldConflict(_domain_name(item.field), _from_column(item.field, item.mine),
                      _from_column(item.field, item.theirs))
        for item in conflict.conflicts
    ]
    merged = {_domain_name(column): _from_column(column, value)
              for column, value in conflict.merged.items()}
    if "goal_ids" in mine:
        theirs = linked_goal_ids(session, contact.id)
        they_changed = (original is None or "goal_ids" not in original
                        or original["goal_ids"] != theirs)
        if mine["goal_ids"] == theirs or not they_changed:
            merged["goal_ids"] = mine["goal_ids"]
        else:
            conflicts.append(FieldConflict("goal_ids", mine["goal_ids"], theirs))
    return EditConflict(conflict.entity, conflict.current_version, conflicts, merged)


def delete_contact(context: Context, contact_id: int,
                   today: date | None = None) -> Result[None]:
    """Delete a contact: the mentor who logged it, or a coordinator."""
    with context.session() as session:
        contact = require_contact(session, context.actor, contact_id, today)
        if contact.mentor_id != context.actor.user_id and not context.actor.sees_all_citizens:
            raise AccessDenied("Kun den mentor, der registrerede kontakten, eller en "
                               "koordinator kan slette den.")
        detail = (f"Kontakt {format_date(contact.contact_on)}, "
                  f"{ContactForm(contact.form).label}, "
                  f"{format_duration(contact.duration_minutes)} slettet")
        citizen_id = contact.citizen_id
        goals_linked = bool(linked_goal_ids(session, contact.id))
        session.delete(contact)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.DELETE, entity=ENTITY,
                     entity_id=contact_id, citizen_id=citizen_id, detail=detail)
    return Result(None, contact_changes(citizen_id, goals_linked=goals_linked))
