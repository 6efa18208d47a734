"""Legal bases, course types, ordering authorities, grants and mentor assignments."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mentordesk.storage.models.base import Base, Versioned


class LegalBasis(Versioned, Base):
    """A legal basis (SEL §85, SEL §99 …); an editable catalogue."""

    __tablename__ = "legal_basis"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    allows_anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    requires_assessment: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CourseType(Versioned, Base):
    """A provider's course type (forløbstype), e.g. 'Fastholdelsesmentor'."""

    __tablename__ = "course_type"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    legal_basis_id: Mapped[int | None] = mapped_column(ForeignKey("legal_basis.id"))
    min_weeks: Mapped[int | None] = mapped_column(Integer)
    fixed_period: Mapped[bool] = mapped_column(Boolean, default=False)
    # Weekly hours as a band (min..max) or a minimum (max is NULL), in minutes.
    hours_min_minutes: Mapped[int | None] = mapped_column(Integer)
    hours_max_minutes: Mapped[int | None] = mapped_column(Integer)
    price_model: Mapped[str | None] = mapped_column(String(10))  # domain PriceModel or NULL
    price_oere: Mapped[int | None] = mapped_column(Integer)
    price_max_hours: Mapped[int | None] = mapped_column(Integer)
    roles: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Momspligtig (25 %) or momsfritaget: a property of the service supplied, so of the
    # course type, not of who orders it (see schedule.billing_agreement).
    vat_liable: Mapped[bool] = mapped_column(Boolean, default=False)


class Authority(Versioned, Base):
    """An ordering authority (municipality, jobcenter) that grants and pays for support."""

    __tablename__ = "authority"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    # The billing agreement (afregningsaftale): what besides face-to-face time the
    # authority pays for, and where its electronic invoices go (EAN/GLN, 13 digits).
    bill_travel: Mapped[bool] = mapped_column(Boolean, default=False)
    km_rate_oere: Mapped[int | None] = mapped_column(Integer)  # None: driving is not paid
    bill_indirect: Mapped[bool] = mapped_column(Boolean, default=False)
    ean: Mapped[str] = mapped_column(String(13), default="")


class Grant(Versioned, Base):
    """A grant (bevilling): who pays for which support, for how long, how many hours."""

    __tablename__ = "grant"
    __table_args__ = (Index("ix_grant_citizen_start", "citizen_id", "start_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"))
    legal_basis_id: Mapped[int] = mapped_column(ForeignKey("legal_basis.id"))
    course_type_id: Mapped[int | None] = mapped_column(ForeignKey("course_type.id"))
    authority_id: Mapped[int | None] = mapped_column(ForeignKey("authority.id"))
    caseworker_name: Mapped[str] = mapped_column(String(200), default="")
    caseworker_contact: Mapped[str] = mapped_column(String(200), default="")
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    discharge_on: Mapped[date | None] = mapped_column(Date)  # §12: discharge from psychiatry
    hours_min_minutes: Mapped[int | None] = mapped_column(Integer)
    hours_max_minutes: Mapped[int | None] = mapped_column(Integer)
    price_model: Mapped[str | None] = mapped_column(String(10))
    price_oere: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    # What the ordering authority wants of the support, in its own words: the report opens
    # with them (the §141 plan's purpose and goals are the authority's, not the provider's).
    purpose: Mapped[str] = mapped_column(Text, default="")
    authority_goals: Mapped[str] = mapped_column(Text, default="")
    # Outreach (§99): a deadline when the citizen has not been reached for this many days.
    outreach_days: Mapped[int | None] = mapped_column(Integer)
    # The authority's own grant or case number (bevillings-/sagsnummer), for its invoice.
    case_number: Mapped[str] = mapped_column(String(60), default="")


class Assignment(Versioned, Base):
    """A mentor's assignment to a citizen, as primary mentor or substitute."""

    __tablename__ = "assignment"
    __table_args__ = (Index("ix_assignment_user_citizen", "user_id", "citizen_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    kind: Mapped[str] = mapped_column(String(20))  # "primary" | "substitute"
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
