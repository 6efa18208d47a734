"""The last guard before text reaches the file: no control character is ever stored.

The operations clean what users type at their boundary (``kernel.cleaning``); this flush
hook applies the same rule (``domain.text.without_control_characters``) to every text
column of every row a session adds or changes, so text that reached storage some other
way (an import, a field an operation forgot) is cleaned too: ESC or NUL never comes back
out in CLI output, an ICS file or a PDF. A ``Text`` column is multi-line (newline and tab
kept), any other string column one line.

The access log is left as written: each event's hash covers its exact text
(``audit.record``), so it must be cleaned before it is chained, never after.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import ColumnElement, String, Text, event, inspect
from sqlalchemy.orm import Mapper, Session, sessionmaker

from mentordesk.domain.text import without_control_characters

_CHAINED_TABLES = frozenset({"audit_event"})
_TEXT_ATTRIBUTES: dict[type, tuple[tuple[str, bool], ...]] = {}


def is_multiline(column: ColumnElement[Any]) -> bool:
    return isinstance(column.type, Text)


def install(sessions: sessionmaker[Session]) -> None:
    """Clean text columns at every flush of sessions made by ``sessions``."""
    event.listen(sessions, "before_flush", _clean_pending_rows)


def _clean_pending_rows(session: Session, _context: object, _instances: object) -> None:
    for row in chain(session.new, session.dirty):
        for key, multiline in _text_attributes(type(row)):
            value = getattr(row, key)
            if isinstance(value, str):
                cleaned = without_control_characters(value, multiline=multiline)
                if cleaned != value:
                    setattr(row, key, cleaned)


def _text_attributes(model: type) -> tuple[tuple[str, bool], ...]:
    """(attribute, multi-line) for each string column of ``model``; none for a chained
    table. Worked out once per model: a flush may hold thousands of rows."""
    known = _TEXT_ATTRIBUTES.get(model)
    if known is None:
        mapper: Mapper[Any] = inspect(model)
        chained = mapper.persist_selectable.description in _CHAINED_TABLES
        known = () if chained else tuple(
            (attribute.key, is_multiline(attribute.columns[0]))
            for attribute in mapper.column_attrs
            if isinstance(attribute.columns[0].type, String))
        _TEXT_ATTRIBUTES[model] = known
    return known
