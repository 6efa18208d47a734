"""The anonymous tally: contacts with people who are not registered as citizens.

§99 outreach (seed 001) meets people in the street, at the shelter, on the phone, who
never become a case. The team counts these contacts for its statistics (how much
outreach happens, per mentor and period); it is not a record about anyone. So the table
holds no name, no CPR, no alias and no free text, only who counted, which day, how
many, the legal basis the outreach is done under (one that allows anonymity,
``LegalBasis.allows_anonymous``), and optionally the minutes and a contact form code.
A person the team gets to know is registered as an (anonymous) citizen instead
(``Citizen.is_anonymous``) and gets a journal. tests/storage/test_anonymous_tally.py
keeps the columns to this list.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mentordesk.storage.models.base import Base


class AnonymousContactTally(Base):
    """Per mentor, day, contact form and legal basis: how many contacts, how long."""

    __tablename__ = "anonymous_contact_tally"
    __table_args__ = (UniqueConstraint("mentor_id", "contact_on", "form", "legal_basis_id",
                                       name="uq_anonymous_tally_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    contact_on: Mapped[date] = mapped_column(Date, index=True)
    form: Mapped[str] = mapped_column(String(30), default="")  # ContactForm code, "" = not said
    legal_basis_id: Mapped[int] = mapped_column(ForeignKey("legal_basis.id"))
    count: Mapped[int] = mapped_column(Integer, default=0)
    minutes: Mapped[int] = mapped_column(Integer, default=0)
