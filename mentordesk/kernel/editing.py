"""Saving edits to versioned rows without ever overwriting someone else's work.

An edit is made against the version the user loaded. If the row has moved on meanwhile
and the other user changed different fields, both edits are kept (a three-way merge
against what the user originally saw). If both changed the same field, ``EditConflict``
carries both sides, field by field, so the UI can show a conflict dialog and save a
resolution against the new version; nobody's text is dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from mentordesk.errors import StaleEdit
from mentordesk.storage.models import Versioned


class SavedValues(Protocol):
    """What ``stale_conflict`` compares against: a saved version, each field an attribute.

    A versioned row is one; so is a namespace of values computed from a row.
    """

    @property
    def version(self) -> int: ...


@dataclass(frozen=True)
class FieldConflict:
    """One field both users changed: what I wrote and what is saved now."""

    field: str
    mine: Any
    theirs: Any


class EditConflict(StaleEdit):
    """The row changed since it was loaded. ``current_version`` is what to save against."""

    def __init__(self, entity: str, current_version: int, conflicts: list[FieldConflict],
                 merged: dict[str, Any]) -> None:
        super().__init__(
            "Nogen har gemt ændringer i de samme oplysninger, mens du redigerede. "
            "Vælg hvad der skal gemmes."
        )
        self.entity = entity
        self.current_version = current_version
        self.conflicts = conflicts
        # My changes to fields the other user did not touch: safe to keep as they are.
        self.merged = merged


def apply_edit(
    session: Session,
    row: Versioned,
    expected_version: int,
    changes: Mapping[str, Any],
    original: Mapping[str, Any] | None = None,
) -> dict[str, tuple[Any, Any]]:
    """Apply ``changes`` if ``row`` is still at ``expected_version``; return old → new.

    ``original`` is what the user saw when they started (for a three-way comparison):
    a field the other user did not change is never reported as a conflict.
    """
    changes = _user_edits(changes, original)
    if row.version != expected_version:
        conflict = stale_conflict(row, changes, original or {})
        if conflict.conflicts:
            raise conflict
        # Someone saved other fields meanwhile: both sets of changes fit together.
        changes = conflict.merged
    diff = {
        field: (getattr(row, field), value)
        for field, value in changes.items()
        if getattr(row, field) != value
    }
    for field, (_old, new) in diff.items():
        setattr(row, field, new)
    try:
        session.flush()
    except StaleDataError as error:
        # Another writer won the race between our read and this flush (the caller's
        # transaction is rolled back by its context manager).
        raise EditConflict(type(row).__name__, expected_version + 1, [], dict(changes)) \
            from error
    return diff


def _user_edits(changes: Mapping[str, Any],
                original: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """A form sends all its fields; only those the user actually changed are edits."""
    if original is None:
        return changes
    return {field: value for field, value in changes.items()
            if field not in original or original[field] != value}


def stale_conflict(row: SavedValues, changes: Mapping[str, Any],
                   original: Mapping[str, Any]) -> EditConflict:
    """Compare my changes with a row that moved on: conflicts, and what merges cleanly."""
    conflicts: list[FieldConflict] = []
    merged: dict[str, Any] = {}
    for field, mine in changes.items():
        theirs = getattr(row, field)
        they_changed = field not in original or original[field] != theirs
        if mine == theirs or not they_changed:
            merged[field] = mine
        else:
            conflicts.append(FieldConflict(field, mine, theirs))
    return EditConflict(type(row).__name__, row.version, conflicts, merged)


def checked_edit(
    session: Session,
    row: Versioned,
    expected_version: int,
    changes: Mapping[str, Any],
    original: Mapping[str, Any] | None,
    fields: tuple[str, ...],
    validate: Callable[[dict[str, Any]], dict[str, Any]],
) -> dict[str, tuple[Any, Any]]:
    """``apply_edit`` after checking the row as it will look with ``changes``.

    A stale edit that clashes with the other user's is reported as a conflict before
    any check; one that merges cleanly is checked on the merged row, because the
    combination of both users' values must be valid too (say, their end date and my
    start date).
    """
    unknown = set(changes) - set(fields)
    if unknown:
        raise ValueError(f"Unknown fields: {sorted(unknown)}")
    changes = _user_edits(changes, original)
    if row.version != expected_version:
        conflict = stale_conflict(row, changes, original or {})
        if conflict.conflicts:
            raise conflict
    current = {field: getattr(row, field) for field in fields}
    cleaned = validate({**current, **changes})
    changes = {field: cleaned[field] for field in changes}
    return apply_edit(session, row, expected_version, changes, original)


def require_version(row: Versioned, expected_version: int, what: str) -> None:
    if row.version != expected_version:
        raise StaleEdit(f"{what} er ændret af en anden i mellemtiden. Se ændringen og prøv igen.")
