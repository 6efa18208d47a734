"""Many reports at once, for coordinators: all active citizens, one ordering authority's,
or one mentor's, for one period. A report is one citizen within one authority's grants
(``scope.ReportScope``): with ``authority_id`` each citizen gets the report for that
authority only; without it, one report per authority the citizen has a grant from.

Runs in chunks: each chunk is read in a read transaction with one query per table, then
rendered citizen by citizen outside any transaction, so other users (and other PCs on a
shared file) go on saving while the batch renders. ``context.progress`` hears
``(done, total, label)`` before each citizen and is asked whether to cancel there too, so
cancelling stops within one report. A citizen whose record cannot be reported is listed
in ``failures`` and the batch goes on. Output is one PDF per citizen (each written
atomically, so a cancel never leaves half a file) or one combined PDF written only at the
end. Every generated report is audited, in a short write transaction per chunk.

The GUI's batch panel and ``mentordesk report --all`` both call :func:`run_batch`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import CitizenStatus
from mentordesk.domain.dates import format_date
from mentordesk.errors import InvalidInput, MentorDeskError, NotFound
from mentordesk.files import safe_file_stem, write_atomically
from mentordesk.kernel.access import require_citizen, require_coordinator, visible_citizen_ids
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.reports.progress.assemble import (
    Period,
    ReportData,
    ReportTexts,
    SignOff,
    assemble,
)
from mentordesk.reports.progress.scope import (
    ReportKey,
    ReportScope,
    authority_scopes,
    single_scope,
)
from mentordesk.reports.progress.workflow import ENTITY, logo_png, meta_value
from mentordesk.storage.database import TEAM_NAME_KEY
from mentordesk.storage.models import ReportDraft
from mentordesk.storage.queries import reports as report_queries
from mentordesk.storage.queries.schedule import user_id_by_login

CHUNK = 25  # citizens read together: few queries, yet the first report comes quickly


@dataclass(frozen=True)
class Selection:
    """Which citizens: explicit ids, else all active ones (narrowed by authority/mentor).
    ``include_unlinked_goals``: also goals linked to no grant (the author's choice, with
    a warning printed in each report)."""

    citizen_ids: tuple[int, ...] = ()
    authority_id: int | None = None
    mentor_login: str = ""
    include_unlinked_goals: bool = False


@dataclass(frozen=True)
class Failure:
    citizen_id: int
    label: str
    message: str


@dataclass
class BatchResult:
    total: int
    files: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    cancelled: bool = False
    reports: int = 0  # reports generated (also in combined mode, where files has one path)


def run_batch(context: Context, selection: Selection, period: Period,
              out: Path, *, combined: bool = False, today: date | None = None,
              now: datetime | None = None) -> BatchResult:
    """Generate the reports into the folder ``out`` (or the file ``out`` when combined).

    A cancel (``context.progress.cancelled()``) ends the batch with ``cancelled`` set and
    the reports made so far in place: it is an outcome to show, not an error."""
    if not selection.citizen_ids:
        require_coordinator(context.actor)
    today = today or date.today()
    now = now or datetime.now().replace(microsecond=0)
    with context.read() as session:
        ids = select_citizens(session, context.actor, selection, period, today)
        keys = _keys(session, ids, selection, period)
        team_name, logo = meta_value(session, TEAM_NAME_KEY), logo_png(session)
    runner = _Runner(context, period, Path(out), combined, today, now, team_name, logo)
    return runner.run(keys)


def _keys(session: Session, ids: list[int], selection: Selection,
          period: Period) -> list[ReportKey]:
    if selection.authority_id is not None:
        scope = ReportScope(selection.authority_id, None, selection.include_unlinked_goals)
        return [(citizen_id, scope) for citizen_id in ids]
    return authority_scopes(session, ids, period.start, period.end,
                            selection.include_unlinked_goals)


def one_report(context: Context, citizen_id: int, period: Period, *,
               authority_id: int | None = None, grant_id: int | None = None,
               include_unlinked_goals: bool = False,
               today: date | None = None, now: datetime | None = None) -> tuple[str, bytes]:
    """One citizen's report for ``period`` as (file name, PDF), like the batch makes it:
    for one grant or one authority's grants (the citizen's only authority when neither is
    given), with the texts of the best-fitting saved report (``_drafts``), frozen if
    approved for exactly that period."""
    from mentordesk.reports.progress.render import render

    today = today or date.today()
    now = now or datetime.now().replace(microsecond=0)
    with context.read() as session:
        require_citizen(session, context.actor, citizen_id, today)
        team_name, logo = meta_value(session, TEAM_NAME_KEY), logo_png(session)
        key = (citizen_id, single_scope(session, citizen_id, period.start, period.end,
                                        authority_id=authority_id, grant_id=grant_id,
                                        include_unlinked_goals=include_unlinked_goals))
        draft = _drafts(session, [key], period).get(key)
        assembly = assemble(session, [key], period, today=today, team_name=team_name,
                            texts={key: draft.texts} if draft else None,
                            sign_offs={key: draft.sign_off} if draft else None,
                            report_ids={key: draft.id} if draft and draft.id else None)
    if key in assembly.failures:
        raise InvalidInput(f"Rapporten kan ikke dannes: {assembly.failures[key]}")
    data = assembly.reports[key]
    pdf = (draft.frozen if draft else None) or render(data, now, logo_png=logo)
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.PRINT, entity=ENTITY,
                     entity_id=data.report_id, citizen_id=citizen_id,
                     detail=f"Progressionsrapport {period.label} dannet")
    return file_name(data), pdf


def select_citizens(session: Session, actor: Actor, selection: Selection, period: Period,
                    today: date) -> list[int]:
    mentor_id = None
    if selection.mentor_login:
        mentor_id = session.scalar(user_id_by_login(selection.mentor_login))
        if mentor_id is None:
            raise InvalidInput(f"Der er ingen mentor med login »{selection.mentor_login}«.")
    ids = list(session.scalars(report_queries.batch_citizen_ids(
        visible_citizen_ids(actor, today), among=selection.citizen_ids,
        active_status=CitizenStatus.ACTIVE.value, authority_id=selection.authority_id,
        mentor_id=mentor_id, first=period.start, last=period.end)))
    if selection.citizen_ids and len(ids) < len(set(selection.citizen_ids)):
        raise NotFound("Borgeren findes ikke, eller du har ikke adgang til sagen.")
    return ids


def file_name(data: ReportData) -> str:
    """Alias or initials, the case number, the receiving authority and the period: never
    the CPR number or name. The authority keeps two reports of one citizen apart."""
    period = f"{format_date(data.period.start)} til {format_date(data.period.end)}"
    to = f" {data.recipient_authority}" if data.recipient_authority else ""
    stem = safe_file_stem(
        f"Progressionsrapport {data.initials} nr {data.citizen_id}{to} {period}",
        fallback=f"Progressionsrapport nr {data.citizen_id}")
    return f"{stem}.pdf"


class _Runner:
    def __init__(self, context: Context, period: Period, out: Path, combined: bool,
                 today: date, now: datetime, team_name: str, logo: bytes | None) -> None:
        self.context, self.period, self.out, self.combined = context, period, out, combined
        self.today, self.now, self.team_name, self.logo = today, now, team_name, logo
        self.collected: list[ReportData] = []

    def run(self, keys: list[ReportKey]) -> BatchResult:
        from mentordesk.reports.progress.render import render_combined

        result = BatchResult(total=len(keys))
        for first in range(0, len(keys), CHUNK):
            generated = self._chunk(keys[first:first + CHUNK], first, result)
            if not self.combined:
                self._audit(generated)  # these files exist now, whatever happens next
            if result.cancelled:
                return result  # combined: nothing was written, so nothing to audit
        if self.combined and self.collected:
            title = f"Progressionsrapporter {self.period.label}"
            pdf = render_combined(self.collected, self.now, self.team_name, title=title,
                                  logo_png=self.logo)
            result.files.append(write_atomically(self.out, pdf))
            self._audit(self.collected)
        self._report_progress(len(keys), len(keys), "")
        return result

    def _chunk(self, chunk: list[ReportKey], done: int,
               result: BatchResult) -> list[ReportData]:
        from mentordesk.reports.progress.render import render, story

        with self.context.read() as session:
            drafts = _drafts(session, chunk, self.period)
            assembly = assemble(session, chunk, self.period, today=self.today,
                                team_name=self.team_name,
                                texts={key: draft.texts for key, draft in drafts.items()},
                                sign_offs={key: draft.sign_off for key, draft in drafts.items()},
                                report_ids={key: draft.id for key, draft in drafts.items()
                                            if draft.id is not None})
        generated: list[ReportData] = []
        for offset, key in enumerate(chunk):
            citizen_id = key[0]
            label = assembly.labels.get(citizen_id, f"nr. {citizen_id}")
            if self.context.progress.cancelled():
                result.cancelled = True
                break
            self._report_progress(done + offset, result.total, label)
            if key in assembly.failures:
                result.failures.append(Failure(citizen_id, label, assembly.failures[key]))
                continue
            data = assembly.reports[key]
            try:
                if self.combined:
                    story(data)  # a record that cannot be laid out fails here, alone
                    self.collected.append(data)
                else:
                    frozen = drafts[key].frozen if key in drafts else None
                    pdf = frozen or render(data, self.now, logo_png=self.logo)
                    result.files.append(write_atomically(self.out / file_name(data), pdf))
            except (MentorDeskError, ValueError, KeyError) as error:
                result.failures.append(Failure(citizen_id, label, str(error)))
                continue
            generated.append(data)
            result.reports += 1
        return generated

    def _audit(self, generated: list[ReportData]) -> None:
        if not generated:
            return
        how = "samlet PDF" if self.combined else "PDF pr. borger"
        with self.context.session() as session:
            for data in generated:
                audit.record(session, self.context.actor.login, audit.Action.PRINT, entity=ENTITY,
                             entity_id=data.report_id, citizen_id=data.citizen_id,
                             detail=f"Progressionsrapport {self.period.label} dannet i "
                             f"samlet kørsel ({how})")

    def _report_progress(self, done: int, total: int, label: str) -> None:
        self.context.progress.report(done, total, label)


@dataclass(frozen=True)
class _Draft:
    id: int | None  # only for the report of exactly the batch period
    texts: ReportTexts
    sign_off: SignOff
    frozen: bytes | None


def _drafts(session: Session, chunk: list[ReportKey],
            period: Period) -> dict[ReportKey, _Draft]:
    """Per report, the saved report whose texts go into the batch (see ``_best_fit``):
    one written about a grant in the report's scope (a report from before reports were per
    grant only when the citizen has grants from that one authority: its texts may speak of
    every grant).

    Only a report written for exactly this period also lends its sign-off, its id and (if
    approved) its frozen PDF: another period's approval does not cover these dates.
    """
    citizen_ids = sorted({citizen for citizen, _scope in chunk})
    authority_of: dict[int, int | None] = {}
    authorities: dict[int, set[int | None]] = {}
    for citizen_id, grant_id, authority_id in session.execute(
            report_queries.grant_authorities(citizen_ids, period.start, period.end)):
        authority_of[grant_id] = authority_id
        authorities.setdefault(citizen_id, set()).add(authority_id)
    saved: dict[int, list[tuple[ReportDraft, str | None]]] = {}
    for report, approver in session.execute(
            report_queries.reports_overlapping(citizen_ids, period.start, period.end)):
        saved.setdefault(report.citizen_id, []).append((report, approver))
    found: dict[ReportKey, _Draft] = {}
    for key in chunk:
        citizen_id, scope = key
        rows = [(report, approver) for report, approver in saved.get(citizen_id, [])
                if _fits(report, scope, authority_of, authorities.get(citizen_id, {None}))]
        if not rows:
            continue
        report, approver = max(rows, key=lambda row: _best_fit(row[0], period))
        texts = ReportTexts.of(report)
        if (report.period_from, report.period_to) != (period.start, period.end):
            found[key] = _Draft(None, texts, SignOff(), None)
            continue
        found[key] = _Draft(
            report.id, texts,
            SignOff(report.status, approver or "",
                    report.approved_at.date() if report.approved_at else None,
                    report.sent_on, report.recipient),
            report.frozen_pdf,
        )
    return found


def _fits(report: ReportDraft, scope: ReportScope, authority_of: dict[int, int | None],
          citizen_authorities: set[int | None]) -> bool:
    """Whether a saved report may lend its texts to a report in ``scope``: it is about a
    grant in the scope, or it predates per-grant reports and the citizen's grants in the
    period all come from the scope's one authority."""
    if report.grant_id is not None:
        return (report.grant_id in authority_of
                and scope.covers(report.grant_id, authority_of[report.grant_id]))
    return scope.grant_id is None and citizen_authorities == {scope.authority_id}


def _best_fit(report: ReportDraft, period: Period) -> tuple[int, int, date, int]:
    """Sort key, larger is better. The rule: the most days in common with the batch
    period wins (an exact match always has the most); on a tie, the report with fewest
    days outside the batch period (it is about these dates, not a longer span); then the
    later-ending period (the newer assessment); then the newest report."""
    common = (min(report.period_to, period.end) - max(report.period_from, period.start)).days
    outside = ((report.period_to - report.period_from).days - common)
    return (common, -outside, report.period_to, report.id)
