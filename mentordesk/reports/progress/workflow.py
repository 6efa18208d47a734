"""Report drafts and the sign-off: draft → approved (frozen PDF) → sent.

A mentor writes the free-text sections of a draft (saved against its version, so two
people editing never overwrite each other). A coordinator approves it, or sends it back
with a comment. Approving renders the PDF once and stores it: from then on every print is
that stored file, byte for byte, whatever changes in the case afterwards. Sending records
the date and recipient: the grant's own authority, or a partner the citizen has given
valid consent to — never another authority. A report is about one grant
(``ReportDraft.grant_id``) and shows nothing of the citizen's other grants.
Every read, generation, print and sending is audited. A PDF is rendered outside any
transaction, from data read in a read transaction; the write that follows (the audit
event, the frozen PDF) is a short transaction of its own, so rendering never holds up
another writer on a shared file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import Role
from mentordesk.domain.dates import format_date
from mentordesk.domain.vum import InterventionStatus
from mentordesk.errors import AccessDenied, InvalidInput, NotFound
from mentordesk.kernel.access import require_citizen, require_coordinator
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.cleaning import clean_line, clean_text
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import checked_edit, require_version
from mentordesk.reports.progress.assemble import (
    Period,
    ReportData,
    ReportTexts,
    SignOff,
    assemble,
)
from mentordesk.reports.progress.scope import ReportScope, scope_authority, single_scope
from mentordesk.services.consent_rules import has_valid_consent
from mentordesk.services.grants import check_weekly_hours
from mentordesk.services.team_settings import LOGO_META_KEY, decode_logo
from mentordesk.storage.database import TEAM_NAME_KEY
from mentordesk.storage.models import Partner, ReportDraft, utc_now
from mentordesk.storage.queries import reports as report_queries
from mentordesk.storage.queries.settings import setting

ENTITY = "report"
DRAFT, APPROVED, SENT = "draft", "approved", "sent"
STATUS_LABELS = {DRAFT: "Kladde", APPROVED: "Godkendt", SENT: "Sendt"}
# A report is a long document: a section may hold far more than a journal note.
SECTION_LIMIT = 60_000
DRAFT_FIELDS = ("period_from", "period_to", "mentor_assessment", "citizen_view", "next_steps",
                "recommendation", "recipient", "deviation_reasons", "recommended_min_minutes",
                "recommended_max_minutes", "recommended_until")
_SECTION_LABELS = {"mentor_assessment": "Mentorens vurdering",
                   "citizen_view": "Borgerens egen vurdering", "next_steps": "Næste skridt",
                   "deviation_reasons": "Begrundelse for afvigelser"}
DEFAULT_PERIOD_DAYS = 91
NO_TEXTS = ReportTexts()


@dataclass(frozen=True)
class ReportRow:
    """A report as the editor and the list show it."""

    id: int
    version: int
    citizen_id: int
    period: Period
    status: str
    texts: ReportTexts
    author: str
    approved_by: str
    approved_at: datetime | None
    return_comment: str
    sent_on: date | None
    recipient: str
    has_frozen_pdf: bool
    grant_id: int | None = None
    include_unlinked_goals: bool = False

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def is_editable(self) -> bool:
        return self.status == DRAFT

    def values(self) -> dict[str, Any]:
        """The editable fields as loaded: the ``original`` of an edit."""
        return {"period_from": self.period.start, "period_to": self.period.end,
                **_text_values(self.texts), "recipient": self.recipient}


def _text_values(texts: ReportTexts) -> dict[str, Any]:
    return {"mentor_assessment": texts.mentor_assessment, "citizen_view": texts.citizen_view,
            "next_steps": texts.next_steps, "recommendation": texts.recommendation,
            "deviation_reasons": texts.deviation_reasons,
            "recommended_min_minutes": texts.recommended_min_minutes,
            "recommended_max_minutes": texts.recommended_max_minutes,
            "recommended_until": texts.recommended_until}


# --- reading -----------------------------------------------------------------------------


def default_period(session: Session, citizen_id: int, today: date) -> Period:
    """Since the day after the last report, else since the current grant's start."""
    last_end = session.scalar(report_queries.last_reported_day(citizen_id))
    if last_end is not None and last_end < today:
        return Period(last_end + timedelta(days=1), today)
    grant_start = session.scalar(report_queries.earliest_running_grant_start(citizen_id, today))
    start = grant_start or today - timedelta(days=DEFAULT_PERIOD_DAYS)
    return Period(min(start, today), today)


def suggested_period(context: Context, citizen_id: int,
                     today: date | None = None) -> Period:
    today = today or date.today()
    # A write session: the suggestion is read from the citizen's grants, and reads are audited.
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id, today)
        period = default_period(session, citizen_id, today)
        audit.record(session, context.actor.login, audit.Action.READ, entity=ENTITY,
                     citizen_id=citizen_id, detail="Rapportperiode foreslået")
        return period


def list_reports(context: Context, citizen_id: int) -> list[ReportRow]:
    """The citizen's reports, newest period first."""
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        rows = [_row(*columns) for columns in session.execute(
            report_queries.citizen_reports(citizen_id))]
        audit.record(session, context.actor.login, audit.Action.LIST, entity=ENTITY,
                     citizen_id=citizen_id, detail=f"Progressionsrapporter vist ({len(rows)})")
    return rows


def get_report(context: Context, report_id: int) -> ReportRow:
    with context.session() as session:
        report = _visible_report(session, context.actor, report_id)
        audit.record(session, context.actor.login, audit.Action.READ, entity=ENTITY,
                     entity_id=report.id, citizen_id=report.citizen_id,
                     detail=f"Progressionsrapport {_period_text(report)} åbnet")
        return _load_row(session, report.id)


def _row(report: ReportDraft, author: str | None, approver: str | None) -> ReportRow:
    return ReportRow(
        id=report.id, version=report.version, citizen_id=report.citizen_id,
        period=Period(report.period_from, report.period_to), status=report.status,
        texts=ReportTexts.of(report),
        author=author or "", approved_by=approver or "", approved_at=report.approved_at,
        return_comment=report.return_comment, sent_on=report.sent_on,
        recipient=report.recipient, has_frozen_pdf=report.frozen_pdf is not None,
        grant_id=report.grant_id, include_unlinked_goals=report.include_unlinked_goals,
    )


def _load_row(session: Session, report_id: int) -> ReportRow:
    return _row(*session.execute(report_queries.report_with_names(report_id)).one())


def _visible_report(session: Session, actor: Actor, report_id: int) -> ReportDraft:
    report = session.get(ReportDraft, report_id)
    if report is None:
        raise NotFound("Rapporten findes ikke længere.")
    require_citizen(session, actor, report.citizen_id)
    return report


# --- drafts ------------------------------------------------------------------------------


def create_draft(context: Context, citizen_id: int,
                 period: Period | None = None, texts: ReportTexts = NO_TEXTS,
                 today: date | None = None, *, grant_id: int | None = None,
                 include_unlinked_goals: bool = False) -> Result[ReportRow]:
    """A new draft about ``grant_id`` (default: the grant the period ends in)."""
    today = today or date.today()
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id, today)
        period = period or default_period(session, citizen_id, today)
        grant_id = _report_grant(session, citizen_id, period, grant_id)
        values = _draft_values({"period_from": period.start, "period_to": period.end,
                                **_text_values(texts), "recipient": ""})
        report = ReportDraft(citizen_id=citizen_id, status=DRAFT, author_id=context.actor.user_id,
                             grant_id=grant_id,
                             include_unlinked_goals=include_unlinked_goals, **values)
        session.add(report)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.CREATE, entity=ENTITY,
                     entity_id=report.id, citizen_id=citizen_id,
                     detail=f"Progressionsrapport oprettet for {period.label}")
        return _changed(_load_row(session, report.id))


def save_draft(context: Context, report_id: int, expected_version: int,
               changes: Mapping[str, Any],
               original: Mapping[str, Any] | None = None) -> Result[ReportRow]:
    """Save the editor's fields; ``EditConflict`` when someone saved the same fields
    meanwhile. An approved or sent report is frozen and refuses every change."""
    with context.session() as session:
        report = _visible_report(session, context.actor, report_id)
        _require_draft(report)
        diff = checked_edit(session, report, expected_version, changes, original, DRAFT_FIELDS,
                            _draft_values)
        if diff:
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity=ENTITY,
                         entity_id=report.id, citizen_id=report.citizen_id,
                         detail="Progressionsrapport ændret: " + ", ".join(sorted(diff)))
        row = _load_row(session, report.id)
    return _changed(row) if diff else Result(row, NOTHING)


def _report_grant(session: Session, citizen_id: int, period: Period,
                  grant_id: int | None) -> int | None:
    """The grant asked for, checked to be the citizen's and in the period; else the
    citizen's grant running at the period's end (the latest started), else None."""
    grants = list(session.execute(report_queries.grant_authorities(
        [citizen_id], period.start, period.end)))
    if grant_id is None:
        return grants[-1][1] if grants else None
    if grant_id not in {row[1] for row in grants}:
        raise InvalidInput("Den valgte bevilling hører ikke til borgeren i rapportperioden.")
    return grant_id


def _changed(row: ReportRow) -> Result[ReportRow]:
    return Result(row, Changes.of(Kind.REPORTS, citizen=row.citizen_id))


def _draft_values(values: Mapping[str, Any]) -> dict[str, Any]:
    start, end = values["period_from"], values["period_to"]
    if not isinstance(start, date) or not isinstance(end, date):
        raise InvalidInput("Angiv rapportperiodens start- og slutdato.")
    Period(start, end)  # refuses an end before the start
    recommendation = values["recommendation"] or ""
    if recommendation and recommendation not in {status.value for status in InterventionStatus}:
        raise InvalidInput("Vælg en anbefaling: fortsæt, afslut, eller afslut og visitér til ny.")
    cleaned = {field: clean_text(values.get(field) or "", label, SECTION_LIMIT)
               for field, label in _SECTION_LABELS.items()}
    low, high = values.get("recommended_min_minutes"), values.get("recommended_max_minutes")
    check_weekly_hours(low, high)
    until = values.get("recommended_until")
    if until is not None and (not isinstance(until, date) or until < end):
        raise InvalidInput("Den anbefalede periode skal slutte efter rapportperioden.")
    return {**cleaned, "period_from": start, "period_to": end,
            "recommendation": recommendation, "recommended_min_minutes": low,
            "recommended_max_minutes": high, "recommended_until": until,
            "recipient": clean_line(ReportDraft, "recipient", values["recipient"] or "",
                                    "Modtager")}


def _require_draft(report: ReportDraft) -> None:
    if report.status != DRAFT:
        raise InvalidInput("Rapporten er godkendt og låst; den kan ikke længere ændres.")


# --- sign-off ----------------------------------------------------------------------------


def approve(context: Context, report_id: int, expected_version: int, *,
            now: datetime | None = None, today: date | None = None) -> Result[ReportRow]:
    """Coordinator approval: the PDF is rendered once and stored (frozen).

    The report is read and rendered first, outside the write transaction; the write then
    checks the version again, so a draft saved meanwhile is never approved unseen."""
    require_coordinator(context.actor)
    now = now or datetime.now().replace(microsecond=0)
    sign_off = SignOff(APPROVED, context.actor.full_name, now.date())
    with context.read() as session:
        report = _approvable(session, context.actor, report_id, expected_version)
        data = _report_data(session, report, sign_off, today or now.date())
        logo = logo_png(session)
    pdf = _render(data, now, logo)
    with context.session() as session:
        report = _approvable(session, context.actor, report_id, expected_version)
        report.frozen_pdf = pdf
        report.status, report.approved_by_id = APPROVED, context.actor.user_id
        report.approved_at, report.return_comment = utc_now(), ""
        session.flush()
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity=ENTITY,
                     entity_id=report.id, citizen_id=report.citizen_id,
                     detail=f"Progressionsrapport {_period_text(report)} godkendt og låst")
        return _changed(_load_row(session, report.id))


def _approvable(session: Session, actor: Actor, report_id: int,
                expected_version: int) -> ReportDraft:
    report = _visible_report(session, actor, report_id)
    require_version(report, expected_version, "Rapporten")
    _require_draft(report)
    return report


def send_back(context: Context, report_id: int, expected_version: int,
              comment: str) -> Result[ReportRow]:
    """The coordinator returns a draft to the mentor with a comment (it stays a draft)."""
    require_coordinator(context.actor)
    comment = clean_text(comment, "Kommentar", SECTION_LIMIT, required=True)
    with context.session() as session:
        report = _visible_report(session, context.actor, report_id)
        require_version(report, expected_version, "Rapporten")
        _require_draft(report)
        report.return_comment = comment
        session.flush()
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity=ENTITY,
                     entity_id=report.id, citizen_id=report.citizen_id,
                     detail=f"Progressionsrapport {_period_text(report)} sendt retur")
        return _changed(_load_row(session, report.id))


def mark_sent(context: Context, report_id: int, expected_version: int,
              sent_on: date, recipient: str, *, authority_id: int | None = None,
              partner_id: int | None = None) -> Result[ReportRow]:
    """Record that the approved report went out: to the authority of the report's grant
    (``authority_id``, which receives it by law), or to a partner (``partner_id``) only
    with the citizen's consent that day. Any other authority is refused: it has no basis
    to see this grant."""
    if context.actor.role is Role.MENTOR:
        raise AccessDenied("Kun en koordinator kan sende rapporter.")
    recipient = clean_line(ReportDraft, "recipient", recipient, "Modtager", required=True)
    with context.session() as session:
        report = _visible_report(session, context.actor, report_id)
        require_version(report, expected_version, "Rapporten")
        if report.status != APPROVED:
            raise InvalidInput("Kun en godkendt rapport kan sendes." if report.status == DRAFT
                               else "Rapporten er allerede sendt.")
        if partner_id is not None:
            _require_consent(session, report.citizen_id, partner_id, sent_on)
        else:
            _require_grant_authority(session, report, authority_id)
        report.status, report.sent_on, report.recipient = SENT, sent_on, recipient
        session.flush()
        audit.record(session, context.actor.login, audit.Action.EXPORT, entity=ENTITY,
                     entity_id=report.id, citizen_id=report.citizen_id,
                     detail=f"Progressionsrapport {_period_text(report)} sendt "
                     f"{format_date(sent_on)} til {recipient}")
        return _changed(_load_row(session, report.id))


def _require_grant_authority(session: Session, report: ReportDraft,
                             authority_id: int | None) -> None:
    scope = _scope(session, report)
    grant_authority, grant_authority_name = scope_authority(session, scope)
    if authority_id is None:
        raise InvalidInput("Vælg modtageren: bevillingens myndighed eller en "
                           "samarbejdspartner, borgeren har givet samtykke til.")
    if authority_id != grant_authority:
        name = session.scalar(report_queries.authority_name(authority_id)) or "den valgte"
        owner = grant_authority_name or "ingen myndighed"
        raise InvalidInput(f"Rapporten handler om en bevilling fra {owner}. {name} har ikke "
                           "grundlag for at se den. Rapporten er ikke sendt.")


def _require_consent(session: Session, citizen_id: int, partner_id: int, on: date) -> None:
    partner = session.get(Partner, partner_id)
    if partner is None:
        raise InvalidInput("Vælg en samarbejdspartner fra listen.")
    if not has_valid_consent(session, citizen_id, partner_id, on):
        raise InvalidInput(f"Borgeren har ikke et gyldigt samtykke til at dele oplysninger med "
                           f"{partner.name} den {format_date(on)}. Rapporten er ikke sendt.")


# --- printing ----------------------------------------------------------------------------


def report_pdf(context: Context, report_id: int, *,
               now: datetime | None = None, today: date | None = None) -> bytes:
    """The PDF to print or save: the frozen file once approved, else the draft as it is."""
    now = now or datetime.now().replace(microsecond=0)
    with context.read() as session:
        report = _visible_report(session, context.actor, report_id)
        frozen = report.frozen_pdf
        if frozen is None:
            data = _report_data(session, report, SignOff(report.status), today or now.date())
            logo = logo_png(session)
    pdf = frozen if frozen is not None else _render(data, now, logo)
    detail = "genudskrevet (låst udgave)" if frozen is not None else "udskrevet som kladde"
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.PRINT, entity=ENTITY,
                     entity_id=report.id, citizen_id=report.citizen_id,
                     detail=f"Progressionsrapport {_period_text(report)} {detail}")
    return pdf


def record_print(context: Context, citizen_id: int, period: Period,
                 pages: int, *, report_id: int | None = None) -> None:
    """Audit that a report went to a printer (the preview's Print). Building the PDF is
    audited on its own; this records that paper (or a print file) was actually made."""
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        audit.record(session, context.actor.login, audit.Action.PRINT, entity=ENTITY,
                     entity_id=report_id, citizen_id=citizen_id,
                     detail=f"Progressionsrapport {period.label} udskrevet på printer "
                     f"({pages} sider)")


def preview_pdf(context: Context, citizen_id: int, period: Period,
                texts: ReportTexts = NO_TEXTS, *, grant_id: int | None = None,
                include_unlinked_goals: bool = False, now: datetime | None = None,
                today: date | None = None) -> bytes:
    """An unsaved report (the editor's current text) as PDF, for the preview."""
    now = now or datetime.now().replace(microsecond=0)
    with context.read() as session:
        require_citizen(session, context.actor, citizen_id, today)
        scope = ReportScope(None, _report_grant(session, citizen_id, period, grant_id),
                            include_unlinked_goals)
        data = build_data(session, citizen_id, period, texts, SignOff(),
                          today or now.date(), meta_value(session, TEAM_NAME_KEY),
                          scope=scope)
        logo = logo_png(session)
    pdf = _render(data, now, logo)
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.READ, entity=ENTITY,
                     citizen_id=citizen_id,
                     detail=f"Progressionsrapport {period.label} forhåndsvist")
    return pdf


def build_data(session: Session, citizen_id: int, period: Period, texts: ReportTexts,
               sign_off: SignOff, today: date, team_name: str,
               report_id: int | None = None, *, scope: ReportScope) -> ReportData:
    """One report's data; InvalidInput with the reason when it cannot be made."""
    key = (citizen_id, scope)
    result = assemble(session, [key], period, today=today, team_name=team_name,
                      texts={key: texts}, sign_offs={key: sign_off},
                      report_ids={key: report_id} if report_id else None)
    if key in result.failures:
        raise InvalidInput(f"Rapporten kan ikke dannes: {result.failures[key]}")
    return result.reports[key]


def _scope(session: Session, report: ReportDraft) -> ReportScope:
    """A saved report's grant; one from before reports were per grant covers the
    citizen's one authority, and is refused when there are several (see single_scope)."""
    if report.grant_id is not None:
        return ReportScope(None, report.grant_id, report.include_unlinked_goals)
    return single_scope(session, report.citizen_id, report.period_from, report.period_to,
                        include_unlinked_goals=report.include_unlinked_goals)


def _report_data(session: Session, report: ReportDraft, sign_off: SignOff,
                 today: date) -> ReportData:
    texts = ReportTexts.of(report)
    return build_data(session, report.citizen_id, Period(report.period_from, report.period_to),
                      texts, sign_off, today, meta_value(session, TEAM_NAME_KEY), report.id,
                      scope=_scope(session, report))


def meta_value(session: Session, key: str) -> str:
    return session.scalar(setting(key)) or ""


def logo_png(session: Session) -> bytes | None:
    """The team's logo from settings (base64 PNG in app_meta, set by ``team_settings``);
    None also for a damaged setting, which must not stop printing."""
    return decode_logo(meta_value(session, LOGO_META_KEY))


def _render(data: ReportData, now: datetime, logo: bytes | None) -> bytes:
    """Outside any transaction: rendering takes long enough to hold up other writers."""
    from mentordesk.reports.progress.render import render

    return render(data, now, logo_png=logo)


def _period_text(report: ReportDraft) -> str:
    return f"{format_date(report.period_from)}–{format_date(report.period_to)}"
