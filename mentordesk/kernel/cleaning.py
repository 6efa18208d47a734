"""Checks of what users type, shared by the services: Danish messages, nothing saved.

Text is taken as typed (any Unicode, ``<``, ``&``, a leading ``=``) and only limited in
length; the limit is the column's declared length, so the message can name it. The one
cleaning rule: control characters (ESC, NUL …) are dropped, multi-line text keeps newline
and tab, one-line text (a ``String`` column: names, titles) turns them into a space
(``domain.text.without_control_characters``). The operations apply it here; the database
session applies the same rule to whatever reaches a text column without passing here
(``storage.text_columns``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import String

from mentordesk.domain.text import without_control_characters
from mentordesk.errors import InvalidInput
from mentordesk.storage.models import Base
from mentordesk.storage.text_columns import is_multiline

# Free text without a column limit (Text) still gets one: nobody types more in a note, and
# a pasted document would make lists and reports unusable.
TEXT_LIMIT = 10_000
NOTE_LIMIT = TEXT_LIMIT

__all__ = ["InvalidInput"]


def column_limit(model: type[Base], field: str) -> int:
    """The declared length of a String column: the limit the user is told about."""
    column_type = model.__table__.c[field].type
    if not isinstance(column_type, String) or column_type.length is None:
        raise TypeError(f"{model.__name__}.{field} is not a String column with a length")
    return column_type.length


def clean_text(value: object, label: str, limit: int, *, required: bool = False,
               multiline: bool = True) -> str:
    """Text as typed (any Unicode, ``<``, ``&``, ``=`` …) without control characters and
    surrounding blanks."""
    if not isinstance(value, str):
        raise InvalidInput(f"Feltet »{label}« skal være tekst.")
    text = without_control_characters(value, multiline=multiline).strip()
    if required and not text:
        raise InvalidInput(f"Udfyld feltet »{label}«.")
    if len(text) > limit:
        raise InvalidInput(
            f"Feltet »{label}« må højst være {limit} tegn langt; der står {len(text)} tegn."
        )
    return text


def clean_line(model: type[Base], field: str, value: object, label: str, *,
               required: bool = False) -> str:
    return clean_text(value, label, column_limit(model, field), required=required,
                      multiline=False)


def clean_note(value: object, label: str = "Note") -> str:
    return clean_text(value, label, NOTE_LIMIT)


def clean_search(value: str) -> str:
    """A search term as the stored text it is compared with: one line, no control
    characters, no surrounding blanks (it is also written to the access log)."""
    return without_control_characters(value, multiline=False).strip()


def clean_flag(value: object, label: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput(f"Feltet »{label}« skal være ja eller nej.")
    return value


def optional_int(value: object, message: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInput(message)
    return value


def optional_date(value: object, label: str) -> date | None:
    if value is not None and not isinstance(value, date):
        raise InvalidInput(f"Feltet »{label}« skal være en dato.")
    return value


def clean_values(model: type[Base], values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with the cleaning rule applied to each text field, by its column: a
    ``Text`` column is multi-line, any other string column one line."""
    columns = model.__table__.columns
    for field, value in values.items():
        if isinstance(value, str) and field in columns:
            values[field] = without_control_characters(
                value, multiline=is_multiline(columns[field]))
    return values


def check_lengths(model: type[Base], values: Mapping[str, Any],
                  labels: Mapping[str, str]) -> None:
    """Refuse text longer than its column allows (``Text`` columns: ``TEXT_LIMIT``), with
    the field's Danish name: "Navn må højst være 120 tegn."."""
    columns = model.__table__.columns
    for field, value in values.items():
        if not isinstance(value, str) or field not in columns:
            continue
        limit = getattr(columns[field].type, "length", None) or TEXT_LIMIT
        if len(value) > limit:
            shown_limit = f"{limit:,}".replace(",", ".")  # Danish thousands separator
            raise InvalidInput(f"{labels.get(field, field)} må højst være {shown_limit} tegn.")


def clean_email(model: type[Base], value: object) -> str:
    email = clean_line(model, "email", value, "E-mail")
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise InvalidInput(f"»{email}« ligner ikke en e-mailadresse (fx navn@kommune.dk).")
    return email
