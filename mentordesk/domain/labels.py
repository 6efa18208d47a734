"""Enum bases that carry a Danish label next to the stored English code.

The database and exports store the stable English ``value`` (e.g. ``"home_visit"``); the
user only ever sees ``label`` (e.g. ``"Hjemmebesøg"``). Keeping both on the member means
a UI combo box and a database column can never drift apart.

Each member is declared as a tuple and built by a ``__new__`` that takes the extra fields. The
enum machinery only calls that ``__new__`` while it creates the members; afterwards
``Role("admin")`` is a lookup by value (``Enum.__new__``). Type checkers read the class's
``__new__`` for both, so under ``TYPE_CHECKING`` each class declares the lookup signature
(value only) and the runtime branch keeps the member constructor.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING, Self


class LabeledStrEnum(StrEnum):
    """A ``StrEnum`` whose members are declared as ``NAME = "code", "Dansk label"``."""

    label: str

    if TYPE_CHECKING:

        def __new__(cls, value: str) -> Self: ...

    else:

        def __new__(cls, value: str, label: str):
            member = str.__new__(cls, value)
            member._value_ = value
            member.label = label
            return member

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """``(code, label)`` pairs in declaration order, ready for a combo box."""
        return [(member.value, member.label) for member in cls]

    @classmethod
    def from_label(cls, label: str) -> Self:
        """Look a member up by its Danish label (case-insensitive); raises ``ValueError``."""
        wanted = label.strip().casefold()
        for member in cls:
            if member.label.casefold() == wanted:
                return member
        raise ValueError(f"Ukendt værdi: »{label}«")


class CodedStrEnum(StrEnum):
    """A ``StrEnum`` that also carries an external code, e.g. a KL FFB concept id.

    Declared as ``NAME = "code", "Dansk label", "ffb-code"``.
    """

    label: str
    ffb_code: str

    if TYPE_CHECKING:

        def __new__(cls, value: str) -> Self: ...

    else:

        def __new__(cls, value: str, label: str, ffb_code: str):
            member = str.__new__(cls, value)
            member._value_ = value
            member.label = label
            member.ffb_code = ffb_code
            return member

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]

    @classmethod
    def from_ffb_code(cls, ffb_code: str) -> Self:
        for member in cls:
            if member.ffb_code == ffb_code:
                return member
        raise ValueError(f"Ukendt FFB-kode: {ffb_code}")


class CodedIntEnum(IntEnum):
    """An ordered ``IntEnum`` scale with a Danish label and an FFB code per step.

    Declared as ``NAME = 0, "Dansk label", "ffb-code"``. The integer is what charts plot.
    """

    label: str
    ffb_code: str

    if TYPE_CHECKING:

        def __new__(cls, value: int) -> Self: ...

    else:

        def __new__(cls, value: int, label: str, ffb_code: str):
            member = int.__new__(cls, value)
            member._value_ = value
            member.label = label
            member.ffb_code = ffb_code
            return member

    @classmethod
    def choices(cls) -> list[tuple[int, str]]:
        return [(member.value, member.label) for member in cls]

    @classmethod
    def from_ffb_code(cls, ffb_code: str) -> Self:
        for member in cls:
            if member.ffb_code == ffb_code:
                return member
        raise ValueError(f"Ukendt FFB-kode: {ffb_code}")
