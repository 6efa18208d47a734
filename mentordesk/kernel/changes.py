"""What an operation changed: the value the front ends use to refresh what they show.

An operation that changes data returns ``Result(value, changes)``. The GUI publishes the
``Changes`` on one app-wide hub; every view asks ``changes.touches(...)`` for the kinds
it shows and, where it shows one citizen, ``changes.concerns(citizen_id)``. No view
needs to know which other view edited what.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Kind(StrEnum):
    """The kinds of data a view can show, at the grain views refresh by."""

    CITIZEN = "citizen"            # the case itself: names, status, CPR, notes
    NETWORK = "network"            # relatives and the citizen's own network
    ASSIGNMENTS = "assignments"    # primary mentor and substitutes
    GRANTS = "grants"
    PARTNERS = "partners"          # partners and consents
    CONTACTS = "contacts"
    TALLY = "tally"                # the anonymous tally of outreach contacts (no citizen)
    PLAN = "plan"                  # goals, sub-goals, assessments
    SCHEDULE = "schedule"          # appointments, group courses, absences
    ECONOMY = "economy"
    REPORTS = "reports"
    TEAM = "team"                  # users and their roles
    CATALOGUE = "catalogue"        # legal bases, authorities, course types, VUM terms, items
    SETTINGS = "settings"          # team settings: staffed hours, logo, retention
    AUDIT = "audit"                # the access log itself (pruning, review)


@dataclass(frozen=True)
class Changes:
    """Which kinds of data changed, and for which citizens.

    ``citizens`` empty means "not limited to known citizens" (a catalogue rename, a
    restore): every view showing one of ``kinds`` refreshes.
    """

    kinds: frozenset[Kind] = field(default_factory=frozenset)
    citizens: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *kinds: Kind, citizen: int | None = None,
           citizens: Iterable[int] = ()) -> Changes:
        ids = set(citizens)
        if citizen is not None:
            ids.add(citizen)
        return cls(frozenset(kinds), frozenset(ids))

    @classmethod
    def everything(cls) -> Changes:
        """The whole database may differ (restore, import, new key)."""
        return cls(frozenset(Kind))

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        if not self:
            return other
        if not other:
            return self
        # A change not limited to citizens stays unlimited when merged.
        citizens = (frozenset() if not self.citizens or not other.citizens
                    else self.citizens | other.citizens)
        return Changes(self.kinds | other.kinds, citizens)

    def touches(self, *kinds: Kind) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def concerns(self, citizen_id: int | None) -> bool:
        """Could this change affect what is shown for ``citizen_id``?"""
        if not self:
            return False
        return not self.citizens or citizen_id in self.citizens


NOTHING = Changes()


@dataclass(frozen=True)
class Result(Generic[T]):
    """What an operation that changes data returns: its value and what it changed."""

    value: T
    changes: Changes = NOTHING
