"""Which of a citizen's grants a contact, appointment or group attendance belongs to.

Hours, billing and reports are per grant, so every piece of delivered time is attributed to
one grant (or, visibly, to none: *Ikke tilknyttet*). One rule suggests the grant; the
contact and appointment forms, group attendance, the ICS import and the migration that
attributed the existing journal all use it, so a suggestion never depends on where the
contact was typed in.

The rule, in order:
1. Only grants running on the day count (a grant ending on Tuesday does not take a
   Thursday contact, and a grant starting Wednesday does not take Monday's).
2. A hint narrows the rest: the legal basis (e.g. a §12 discharge call) and the course type
   (e.g. a group course run under one course type). A hint that matches none is ignored.
3. Exactly one grant left: that one. None, or several that nothing tells apart (two
   concurrent grants, e.g. §85 and a jobcenter SKP): no suggestion — guessing would bill
   one authority for the other's hours, so a person decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from mentordesk.domain.dates import format_date

NOT_ATTRIBUTED_LABEL = "Ikke tilknyttet"


@dataclass(frozen=True)
class GrantOption:
    """A grant as the rule and the forms' grant picker see it."""

    id: int
    legal_basis_code: str
    course_type_id: int | None
    start_on: date
    end_on: date | None
    course_type_name: str = ""
    authority_name: str = ""
    authority_id: int | None = None

    def runs_on(self, day: date) -> bool:
        return self.start_on <= day and (self.end_on is None or day <= self.end_on)

    def runs_in(self, start: date, end: date) -> bool:
        """Runs on at least one day from ``start`` to ``end``."""
        return self.start_on <= end and (self.end_on is None or start <= self.end_on)

    @property
    def label(self) -> str:
        """"SEL §99 · Støtte-kontaktperson · Nordby Kommune · 01-01-2026 – løbende"."""
        end = format_date(self.end_on) if self.end_on else "løbende"
        parts = [self.legal_basis_code, self.course_type_name, self.authority_name,
                 f"{format_date(self.start_on)} – {end}"]
        return " · ".join(part for part in parts if part)


def suggest_grant(options: Iterable[GrantOption], day: date, *,
                  legal_basis_code: str = "",
                  course_type_id: int | None = None) -> int | None:
    """The id of the one grant the rule points to on ``day``, else None (see module)."""
    running = [option for option in options if option.runs_on(day)]
    if legal_basis_code:
        running = _narrowed(running, lambda o: o.legal_basis_code == legal_basis_code)
    if course_type_id is not None:
        running = _narrowed(running, lambda o: o.course_type_id == course_type_id)
    return running[0].id if len(running) == 1 else None


def for_period(options: Iterable[GrantOption], start: date, end: date) -> list[GrantOption]:
    """The grants in the order a report about ``start``–``end`` offers them: those running
    in the period first, then the others (a report about a grant that ended before the
    period would have no hours to show); within each, the latest started first."""
    return sorted(options, key=lambda option: (not option.runs_in(start, end),
                                               -option.start_on.toordinal()))


def _narrowed(options: Sequence[GrantOption],
              keep: Callable[[GrantOption], bool]) -> list[GrantOption]:
    kept = [option for option in options if keep(option)]
    return kept or list(options)


def grant_label(options: Iterable[GrantOption], grant_id: int | None) -> str:
    """The picker's text for ``grant_id``; "Ikke tilknyttet" for None."""
    if grant_id is None:
        return NOT_ATTRIBUTED_LABEL
    return next((option.label for option in options if option.id == grant_id),
                f"Bevilling nr. {grant_id}")


class Pick(Enum):
    """What a caller asks for when it names no grant: the rule's suggestion."""

    SUGGESTED = "suggested"


SUGGESTED = Pick.SUGGESTED
# A requested grant: an id, None for "Ikke tilknyttet", or SUGGESTED for the rule's choice.
GrantPick = int | None | Pick
