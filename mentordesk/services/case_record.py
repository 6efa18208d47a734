"""A citizen's case record: read it, edit it against the version read, close and reopen
the case, and register or reveal the CPR number.

The record shows the CPR number masked; the full number is given only by ``reveal_cpr``,
an explicit action logged as REVEAL_CPR. Every read and change is audited with the
citizen's id, in the same transaction as the work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import CitizenStatus
from mentordesk.domain.cpr import format_cpr, mask_cpr
from mentordesk.domain.dates import format_date
from mentordesk.errors import InvalidInput
from mentordesk.kernel.access import require_citizen, require_coordinator
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import apply_edit
from mentordesk.services.assignments import (
    AssignmentRow,
    assignment_rows,
    end_assignments_on_close,
)
from mentordesk.services.citizens import (
    ANONYMOUS_MARK,
    FIELD_LABELS,
    check_identity,
    checked_cpr,
    clean_fields,
    cpr_columns,
    refuse_duplicate_cpr,
    search_key_for,
)
from mentordesk.services.network import RelativeRow, relative_rows
from mentordesk.storage.models import Citizen


@dataclass(frozen=True)
class CitizenDetails:
    """The case record: every editable field with the version it was read at, the masked
    CPR (the full number only through ``reveal_cpr``), the network and the mentors."""

    id: int
    version: int
    first_name: str
    last_name: str
    alias: str
    is_anonymous: bool
    cpr_masked: str
    status: CitizenStatus
    address: str
    postal_code: str
    city: str
    phone: str
    email: str
    preferred_contact: str
    note: str
    opened_on: date | None
    closed_on: date | None
    relatives: tuple[RelativeRow, ...]
    assignments: tuple[AssignmentRow, ...]

    @property
    def display_name(self) -> str:
        name = f"{self.first_name} {self.last_name}".strip()
        return (self.alias or ANONYMOUS_MARK) if self.is_anonymous or not name else name

    @property
    def has_cpr(self) -> bool:
        return bool(self.cpr_masked)

    def editable(self) -> dict[str, Any]:
        """The fields ``update_citizen`` takes, as stored: the ``original`` of an edit."""
        return {field: getattr(self, field) if field != "status" else self.status.value
                for field in FIELD_LABELS}


def get_citizen_record(context: Context, citizen_id: int) -> CitizenDetails:
    """The case record for viewing and editing (audited as a read)."""
    with context.session() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        details = _details(session, citizen)
        audit.record(session, context.actor.login, audit.Action.READ, entity="citizen",
                     entity_id=citizen.id, citizen_id=citizen.id, detail="Sag åbnet")
    return details


def update_citizen(context: Context, citizen_id: int, expected_version: int,
                   changes: Mapping[str, Any],
                   original: Mapping[str, Any] | None = None) -> Result[CitizenDetails]:
    """Save edits made on ``expected_version`` (``EditConflict`` when someone saved since).

    ``changes`` holds ``FIELD_LABELS`` fields only; closing and reopening a case have
    their own actions because they also end the mentors' assignments.
    """
    unknown = set(changes) - set(FIELD_LABELS)
    if unknown:
        raise ValueError(f"Not editable citizen fields: {sorted(unknown)}")
    checked = clean_fields(dict(changes))
    if checked.get("status") == CitizenStatus.CLOSED.value:
        raise InvalidInput("Brug »Afslut sag« for at afslutte en sag.")
    with context.session() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        if "status" in checked and citizen.status == CitizenStatus.CLOSED.value \
                and checked["status"] != citizen.status:
            raise InvalidInput("Sagen er afsluttet. Brug »Genåbn sag« for at åbne den igen.")
        return _save(session, context.actor, citizen, expected_version, checked, original)


def close_case(context: Context, citizen_id: int, expected_version: int,
               closed_on: date | None = None) -> Result[CitizenDetails]:
    """Close the case (coordinators): status closed, the closing date, and every running
    mentor assignment ends that day."""
    require_coordinator(context.actor)
    closed_on = closed_on or date.today()
    if closed_on > date.today():
        raise InvalidInput("Afslutningsdatoen kan ikke ligge i fremtiden.")
    with context.session() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        if citizen.status == CitizenStatus.CLOSED.value:
            raise InvalidInput("Sagen er allerede afsluttet.")
        if citizen.opened_on and closed_on < citizen.opened_on:
            raise InvalidInput("Sagen kan ikke afsluttes før den blev oprettet "
                               f"({format_date(citizen.opened_on)}).")
        end_assignments_on_close(session, citizen.id, closed_on)
        return _save(session, context.actor, citizen, expected_version,
                     {"status": CitizenStatus.CLOSED.value, "closed_on": closed_on}, None,
                     detail=f"Sag afsluttet pr. {format_date(closed_on)}; løbende "
                     "mentortildelinger afsluttet samme dag",
                     kinds=(Kind.CITIZEN, Kind.ASSIGNMENTS))


def reopen_case(context: Context, citizen_id: int, expected_version: int,
                status: CitizenStatus = CitizenStatus.ACTIVE) -> Result[CitizenDetails]:
    """Reopen a closed case (coordinators); mentors are then assigned again."""
    require_coordinator(context.actor)
    if status is CitizenStatus.CLOSED:
        raise InvalidInput("Vælg den status, sagen skal genåbnes med.")
    with context.session() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        if citizen.status != CitizenStatus.CLOSED.value:
            raise InvalidInput("Sagen er ikke afsluttet.")
        return _save(session, context.actor, citizen, expected_version,
                     {"status": status.value, "closed_on": None}, None,
                     detail=f"Sag genåbnet med status {status.label}")


def set_cpr(context: Context, citizen_id: int, cpr: str) -> Result[CitizenDetails]:
    """Register or correct the CPR number of a named citizen ("" removes it)."""
    number = checked_cpr(cpr)
    with context.session() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        if number and citizen.is_anonymous:
            raise InvalidInput("En anonym borger (§99) registreres uden CPR-nummer.")
        if number:
            refuse_duplicate_cpr(session, number, citizen.id)
        for column, value in cpr_columns(number).items():
            setattr(citizen, column, value)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="citizen",
                     entity_id=citizen.id, citizen_id=citizen.id,
                     detail="CPR-nummer registreret" if number else "CPR-nummer fjernet")
        details = _details(session, citizen)
    return Result(details, Changes.of(Kind.CITIZEN, citizen=citizen_id))


def reveal_cpr(context: Context, citizen_id: int) -> str:
    """The full CPR number (``ddmmåå-xxxx``), on an explicit request that is audited."""
    with context.session() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        if not citizen.cpr:
            raise InvalidInput("Borgeren har intet CPR-nummer registreret.")
        audit.record(session, context.actor.login, audit.Action.REVEAL_CPR, entity="citizen",
                     entity_id=citizen.id, citizen_id=citizen.id, detail="Fuldt CPR-nummer vist")
        return format_cpr(citizen.cpr)


def _save(session: Session, actor: Actor, citizen: Citizen, expected_version: int,
          changes: dict[str, Any], original: Mapping[str, Any] | None,
          detail: str | None = None,
          kinds: tuple[Kind, ...] = (Kind.CITIZEN,)) -> Result[CitizenDetails]:
    """Apply checked changes against the loaded version; audit and report what changed
    (``kinds``: what a change here touches)."""
    prospective = {field: getattr(citizen, field) for field in FIELD_LABELS} | changes
    check_identity(prospective, has_cpr=bool(citizen.cpr))
    if citizen.version == expected_version:
        # Set before apply_edit's flush, so the whole save is one version step.
        citizen.search_key = search_key_for(prospective["first_name"],
                                            prospective["last_name"], prospective["alias"])
    diff = apply_edit(session, citizen, expected_version, changes, original)
    if diff:
        audit.record(session, actor.login, audit.Action.UPDATE, entity="citizen",
                     entity_id=citizen.id, citizen_id=citizen.id,
                     detail=detail or "Stamdata ændret: " + ", ".join(
                         label for field, label in FIELD_LABELS.items() if field in diff))
    changed = Changes.of(*kinds, citizen=citizen.id) if diff else NOTHING
    return Result(_details(session, citizen), changed)


def _details(session: Session, citizen: Citizen) -> CitizenDetails:
    return CitizenDetails(
        id=citizen.id, version=citizen.version, first_name=citizen.first_name or "",
        last_name=citizen.last_name or "", alias=citizen.alias or "",
        is_anonymous=bool(citizen.is_anonymous), cpr_masked=mask_cpr(citizen.cpr),
        status=CitizenStatus(citizen.status), address=citizen.address or "",
        postal_code=citizen.postal_code or "", city=citizen.city or "",
        phone=citizen.phone or "", email=citizen.email or "",
        preferred_contact=citizen.preferred_contact or "", note=citizen.note or "",
        opened_on=citizen.opened_on, closed_on=citizen.closed_on,
        relatives=tuple(relative_rows(session, citizen.id)),
        assignments=tuple(assignment_rows(session, citizen.id)),
    )
