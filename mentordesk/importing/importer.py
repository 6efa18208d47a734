"""Onboarding import: check a citizen list, then import all of it or nothing.

The check reads in a read transaction and logs the lookup afterwards. The import runs in
one write transaction: it validates again inside it (the team may have changed since the
check), and any row error rolls everything back: a half-imported list would be worse
than none. Once the rows pass, and before anything is written, an encrypted backup of
the database is taken (beside it, in the backup folder), so a wrong import can be undone
with a restore. That backup is taken under the write lock on purpose: it must be exactly
the state the import starts from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import CitizenStatus
from mentordesk.errors import MentorDeskError
from mentordesk.importing.columns import ImportField, mapping_problems
from mentordesk.importing.table import ImportRefused, ImportTable
from mentordesk.importing.validation import (
    CitizenDraft,
    RowError,
    candidate_cprs,
    load_reference_data,
    validate_rows,
)
from mentordesk.kernel.access import require_coordinator
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Changes, Kind, Result
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import search_key_for
from mentordesk.storage.backup import (
    rotate_event_backups,
    timestamped_backup_path,
    write_backup,
)
from mentordesk.storage.database import Database
from mentordesk.storage.models import Assignment, Citizen, Grant

IMPORT_ENTITY = "citizen_import"
BEFORE_IMPORT = "foer-import"


@dataclass(frozen=True)
class ImportCheck:
    """The outcome of checking a file: how much would be created, or what is wrong."""

    source_name: str
    rows: int
    citizens: int
    grants: int
    assignments: int
    errors: tuple[RowError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rows_with_errors(self) -> int:
        return len({error.row for error in self.errors})


@dataclass(frozen=True)
class ImportResult:
    source_name: str
    citizen_ids: tuple[int, ...]
    grants: int
    assignments: int
    backup: Path | None = None  # the copy of the database taken just before the import

    @property
    def citizens(self) -> int:
        return len(self.citizen_ids)


class ImportHasErrors(MentorDeskError):
    """Rows had errors, so nothing was imported; ``check.errors`` lists them."""

    def __init__(self, check: ImportCheck) -> None:
        super().__init__(
            f"{check.rows_with_errors} af {check.rows} rækker i »{check.source_name}« har "
            "fejl, så intet er importeret. Ret fejlene i filen, og prøv igen.")
        self.check = check


def check_import(context: Context, table: ImportTable,
                 mapping: Mapping[int, ImportField], today: date | None = None) -> ImportCheck:
    """Validate every row against the team's data; nothing is created."""
    require_coordinator(context.actor)
    _refuse_bad_mapping(mapping)
    today = today or date.today()
    # Validating a long list takes a while: it reads without holding the write lock.
    with context.read() as session:
        check, _drafts = _check(session, table, mapping, today)
    with context.session() as session:
        _audit_check(session, context.actor, check)
    return check


def import_citizens(context: Context, table: ImportTable,
                    mapping: Mapping[int, ImportField], today: date | None = None
                    ) -> Result[ImportResult]:
    """Create every citizen of the file with mentor and grant, or raise ImportHasErrors
    and create nothing."""
    require_coordinator(context.actor)
    _refuse_bad_mapping(mapping)
    today = today or date.today()
    with context.session() as session:
        check, drafts = _check(session, table, mapping, today)
        if check.ok:
            backup = _backup_before_import(context.database)
            imported = _create_all(session, context.actor, table.source_name, drafts, today,
                                   backup)
            return Result(imported, _import_changes(imported))
        # The failed attempt looked up CPR numbers: that lookup is logged (and committed).
        _audit_check(session, context.actor, check)
    raise ImportHasErrors(check)


def _import_changes(imported: ImportResult) -> Changes:
    """New citizens, with their mentors and grants: every list of citizens is concerned,
    so the change is team-wide rather than limited to the new ids."""
    kinds = [Kind.CITIZEN]
    if imported.assignments:
        kinds.append(Kind.ASSIGNMENTS)
    if imported.grants:
        kinds.append(Kind.GRANTS)
    return Changes.of(*kinds)


def _refuse_bad_mapping(mapping: Mapping[int, ImportField]) -> None:
    problems = mapping_problems(mapping)
    if problems:
        raise ImportRefused(" ".join(problems))


def _check(session: Session, table: ImportTable, mapping: Mapping[int, ImportField],
           today: date) -> tuple[ImportCheck, list[CitizenDraft]]:
    reference = load_reference_data(session, candidate_cprs(table, mapping, today))
    drafts, errors = validate_rows(table, mapping, reference, today)
    check = ImportCheck(
        source_name=table.source_name, rows=len(table.rows), citizens=len(drafts),
        grants=sum(1 for draft in drafts if draft.grant is not None),
        assignments=sum(1 for draft in drafts if draft.mentor_id is not None),
        errors=tuple(errors))
    return check, drafts


def _backup_before_import(database: Database) -> Path | None:
    """A backup of the database as it is now, through a connection of its own; None on a
    team server, whose backups are the server's own (``server backup``, pg_dump): a file
    copy of a server does not exist, and the import is one transaction there as here.

    The caller's transaction holds the write lock but has written nothing yet, so the
    copy is exactly the state before the import, and nobody can change it meanwhile.
    A failed backup raises, and the import (rolled back) never starts. The oldest
    pre-import backups beyond the newest 14 are removed, like the daily ones.
    """
    if database.is_server:
        return None
    made = write_backup(database.engine, database.raw_key,
                        timestamped_backup_path(database.path, BEFORE_IMPORT))
    rotate_event_backups(database.path, BEFORE_IMPORT)
    return made


def _audit_check(session: Session, actor: Actor, check: ImportCheck) -> None:
    audit.record(session, actor.login, audit.Action.SEARCH, entity=IMPORT_ENTITY,
                 detail=f"Kontrol af importfil »{check.source_name}«: {check.rows} rækker, "
                        f"{check.rows_with_errors} med fejl")


def _create_all(session: Session, actor: Actor, source_name: str, drafts: list[CitizenDraft],
                today: date, backup: Path | None) -> ImportResult:
    ids = []
    for draft in drafts:
        citizen = _create_citizen(session, draft, today)
        ids.append(citizen.id)
        audit.record(session, actor.login, audit.Action.CREATE, entity="citizen",
                     entity_id=citizen.id, citizen_id=citizen.id,
                     detail=f"Borger oprettet ved import fra »{source_name}« "
                            f"(række {draft.row})")
    grants = sum(1 for draft in drafts if draft.grant is not None)
    assignments = sum(1 for draft in drafts if draft.mentor_id is not None)
    audit.record(session, actor.login, audit.Action.CREATE, entity=IMPORT_ENTITY,
                 detail=f"Import af »{source_name}«: {len(ids)} borgere, {grants} bevillinger, "
                        f"{assignments} mentortilknytninger; {_backup_note(backup)}")
    return ImportResult(source_name, tuple(ids), grants, assignments, backup)


def _backup_note(backup: Path | None) -> str:
    if backup is None:
        return "sikkerhedskopi: teamserverens egne sikkerhedskopier"
    return f"sikkerhedskopi før importen: {backup.name}"


def _create_citizen(session: Session, draft: CitizenDraft, today: date) -> Citizen:
    citizen = Citizen(
        first_name=draft.first_name, last_name=draft.last_name, alias=draft.alias,
        is_anonymous=draft.is_anonymous, cpr=draft.cpr,
        cpr_last4=draft.cpr[-4:] if draft.cpr else "",
        search_key=search_key_for(draft.first_name, draft.last_name, draft.alias),
        # The list holds the team's running cases.
        status=CitizenStatus.ACTIVE.value,
        address=draft.address, postal_code=draft.postal_code, city=draft.city,
        phone=draft.phone, email=draft.email, opened_on=draft.start_on or today,
    )
    session.add(citizen)
    session.flush()
    if draft.mentor_id is not None:
        # Assigned since the start on the list, but never from a future date: the mentor
        # must see the case from today.
        start = min(draft.start_on or today, today)
        session.add(Assignment(citizen_id=citizen.id, user_id=draft.mentor_id,
                               kind="primary", start_on=start))
    if draft.grant is not None:
        grant = draft.grant
        session.add(Grant(citizen_id=citizen.id, legal_basis_id=grant.legal_basis_id,
                          course_type_id=grant.course_type_id, start_on=grant.start_on,
                          hours_min_minutes=grant.hours_min_minutes,
                          hours_max_minutes=grant.hours_max_minutes,
                          price_model=grant.price_model, price_oere=grant.price_oere))
    return citizen
