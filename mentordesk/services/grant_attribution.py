"""Which grant a contact or appointment belongs to: the forms' grant picker, the check a
save makes, and the coordinator's list of what is not attributed.

The rule itself is ``domain.grant_choice.suggest_grant``; this module only reads the
citizen's grants, applies the rule where the caller asked for the suggestion, and refuses
a grant that is not the citizen's or does not run on the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.dates import format_date
from mentordesk.domain.grant_choice import (
    SUGGESTED,
    GrantOption,
    GrantPick,
    grant_label,
    suggest_grant,
)
from mentordesk.errors import InvalidInput
from mentordesk.kernel.access import require_citizen, require_coordinator
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.context import Context
from mentordesk.storage.queries import attribution as queries
from mentordesk.storage.queries.schedule import citizens_with_ids

_REASONS = {"no_grant": "ingen bevilling løber den dag",
            "several": "flere bevillinger løber den dag; vælg den rigtige"}
_KINDS = {"contact": "Kontakt", "appointment": "Aftale"}


@dataclass(frozen=True)
class UnattributedRow:
    """A contact or appointment without a grant, as the coordinator's list shows it."""

    kind: str
    id: int
    citizen_id: int
    citizen_name: str
    day: date
    reason: str

    @property
    def text(self) -> str:
        return (f"{_KINDS[self.kind]} nr. {self.id}, {self.citizen_name}, "
                f"{format_date(self.day)}: {_REASONS[self.reason]}")


def grant_options(context: Context, citizen_id: int) -> list[GrantOption]:
    """The citizen's grants for the forms' picker, oldest first."""
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        options = options_for(session, citizen_id)
        audit.record(session, context.actor.login, audit.Action.READ, entity="grant",
                     citizen_id=citizen_id, detail="Bevillinger vist til tilknytning")
    return options


def options_for(session: Session, citizen_id: int) -> list[GrantOption]:
    return queries.options_by_citizen(session.connection(), [citizen_id]).get(citizen_id, [])


def resolve_grant(session: Session, citizen_id: int, pick: GrantPick, day: date, *,
                  legal_basis_code: str = "", course_type_id: int | None = None,
                  inherited: int | None = None) -> int | None:
    """The grant to store for a row of ``citizen_id`` on ``day``.

    ``SUGGESTED``: ``inherited`` (e.g. the appointment's grant) when it runs that day, else
    the rule's suggestion. An id: checked to be the citizen's and to run that day.
    None: "Ikke tilknyttet", always allowed."""
    options = options_for(session, citizen_id)
    if pick is SUGGESTED:
        if any(option.id == inherited and option.runs_on(day) for option in options):
            return inherited
        return suggest_grant(options, day, legal_basis_code=legal_basis_code,
                             course_type_id=course_type_id)
    if pick is None:
        return None
    chosen = next((option for option in options if option.id == pick), None)
    if chosen is None:
        raise InvalidInput("Den valgte bevilling hører ikke til borgeren.")
    if not chosen.runs_on(day):
        raise InvalidInput(f"Bevillingen {grant_label(options, pick)} løber ikke den "
                           f"{format_date(day)}. Vælg en anden bevilling eller "
                           "»Ikke tilknyttet«.")
    return chosen.id


def unattributed(context: Context) -> list[UnattributedRow]:
    """Every contact and citizen appointment without a grant, with the reason the rule
    gives: what the migration (or a later save) left for a person to decide."""
    require_coordinator(context.actor)
    with context.read() as session:
        options = queries.options_by_citizen(session.connection())
        rows = [("contact", *row) for row in session.execute(queries.unattributed_contacts())]
        rows += [("appointment", ident, citizen, start.date())
                 for ident, citizen, start in session.execute(
                     queries.unattributed_appointments())]
        names = {citizen.id: citizen.alias if citizen.is_anonymous
                 else f"{citizen.first_name} {citizen.last_name}".strip()
                 for citizen in session.scalars(citizens_with_ids(
                     sorted({row[2] for row in rows})))}
    listed = [UnattributedRow(kind, ident, citizen, names.get(citizen, ""), day,
                              _reason(options.get(citizen, []), day))
              for kind, ident, citizen, day in rows]
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.LIST, entity="grant",
                     detail=f"Kontakter og aftaler uden bevilling vist ({len(listed)})")
    return listed


def attribute_open(context: Context) -> Result[int]:
    """Run the suggestion rule again over everything without a grant (e.g. after grants
    were registered late); returns how many rows got a grant."""
    require_coordinator(context.actor)
    with context.session() as session:
        report = queries.attribute_open_rows(session.connection())
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="grant",
                     detail=f"Kontakter og aftaler tilknyttet bevilling: {report.attributed}, "
                     f"uafklaret: {len(report.left)}")
    if not report.attributed:
        return Result(0, NOTHING)
    return Result(report.attributed, Changes.of(Kind.CONTACTS, Kind.SCHEDULE))


def _reason(options: list[GrantOption], day: date) -> str:
    return "several" if any(option.runs_on(day) for option in options) else "no_grant"
