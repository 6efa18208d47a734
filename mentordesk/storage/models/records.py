"""Report drafts, the audit log and database metadata."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from mentordesk.storage.models.base import Base, Versioned, utc_now


class ReportDraft(Versioned, Base):
    """A progression report: draft → approved (frozen PDF) → sent."""

    __tablename__ = "report_draft"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    mentor_assessment: Mapped[str] = mapped_column(Text, default="")
    citizen_view: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(String(30), default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)
    return_comment: Mapped[str] = mapped_column(Text, default="")
    sent_on: Mapped[date | None] = mapped_column(Date)
    recipient: Mapped[str] = mapped_column(String(300), default="")
    frozen_pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    # The grant the report is about: it shows that grant's authority, goals, contacts and
    # hours only. NULL on reports written before reports were per grant.
    grant_id: Mapped[int | None] = mapped_column(ForeignKey("grant.id", ondelete="SET NULL"))
    # Goals linked to no grant are left out unless the author ticked this (with a warning).
    include_unlinked_goals: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why delivery or progress differed from the grant, and the recommendation's hours
    # (a weekly band, in minutes) and period: what the caseworker decides on.
    deviation_reasons: Mapped[str] = mapped_column(Text, default="")
    recommended_min_minutes: Mapped[int | None] = mapped_column(Integer)
    recommended_max_minutes: Mapped[int | None] = mapped_column(Integer)
    recommended_until: Mapped[date | None] = mapped_column(Date)


class AuditEvent(Base):
    """One append-only, hash-chained access-log entry (triggers forbid UPDATE/DELETE)."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_citizen", "citizen_id"),
        Index("ix_audit_event_occurred", "occurred_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC, part of the hash
    user_login: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    # No foreign key: the log outlives a deleted citizen.
    citizen_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Ed25519 signature of ``hash`` by the acting person's key (base64); empty only for
    # events written before the database had personal keys.
    signature: Mapped[str] = mapped_column(String(100), default="")


class PersonKey(Base):
    """A person's public keys as enrolled, kept after they leave so that their old log
    events still verify. Each row is signed (``attestation``) by a key of ``enrolled_by``
    from an earlier row; the first row, the team's creator, signs itself."""

    __tablename__ = "person_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(120), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # keys.keyfile.SlotKind
    box_public: Mapped[str] = mapped_column(String(60))
    sign_public: Mapped[str] = mapped_column(String(60))
    enrolled_at: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC
    enrolled_by: Mapped[str] = mapped_column(String(120))
    attestation: Mapped[str] = mapped_column(String(100))
    retired_at: Mapped[str] = mapped_column(String(32), default="")


class AppMeta(Base):
    """Key/value facts about the database file (file id, team name, demo flag)."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class ChangeRecord(Base):
    """One field of one row changed: who, when, old → new (the history users can see).

    Kept apart from the audit log because the log is pruned after six months while a
    plan's history must last as long as the case; deleting the citizen deletes it too.
    """

    __tablename__ = "change_history"
    __table_args__ = (Index("ix_change_history_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(60))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")


class OpenSession(Base):
    """Who has the file open for writing right now (a lock record, refreshed while open)."""

    __tablename__ = "open_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(120))
    host: Mapped[str] = mapped_column(String(200), default="")
    process_id: Mapped[int] = mapped_column(Integer, default=0)
    opened_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    seen_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class DeletedCitizen(Base):
    """The deletion register: which citizen was deleted, when and by whom (no personal
    data). A restore re-applies every entry a backup does not reflect yet, so a deleted
    case never comes back from an older copy."""

    __tablename__ = "deletion_register"
    # No foreign key: the register outlives the citizen row it names.
    citizen_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    deleted_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    deleted_by: Mapped[str] = mapped_column(String(120))
