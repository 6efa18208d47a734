"""The handleplan: goals, sub-goals and progress assessments."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mentordesk.storage.models.base import Base, Versioned


class Goal(Versioned, Base):
    """An indsatsmål, in the citizen's own words, with its VUM theme and goal type."""

    __tablename__ = "goal"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    grant_id: Mapped[int | None] = mapped_column(ForeignKey("grant.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    theme_code: Mapped[str] = mapped_column(String(40), default="")  # FFB code
    subtheme_code: Mapped[str] = mapped_column(String(40), default="")
    goal_type: Mapped[str] = mapped_column(String(20), default="develop")
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    start_on: Mapped[date | None] = mapped_column(Date)
    review_on: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)


class SubGoal(Versioned, Base):
    """A delmål: a concrete step towards a goal."""

    __tablename__ = "sub_goal"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    done_on: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Assessment(Versioned, Base):
    """A progress assessment of one goal at one date (functional level 0-4 or NULL)."""

    __tablename__ = "assessment"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    assessed_on: Mapped[date] = mapped_column(Date)
    level: Mapped[int | None] = mapped_column(Integer)  # NULL: ikke vurderet
    support_need: Mapped[int | None] = mapped_column(Integer)
    citizen_view: Mapped[str] = mapped_column(Text, default="")
    mentor_note: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class VumTerm(Versioned, Base):
    """A VUM 2.0 theme or sub-theme as editable reference data.

    Seeded from KL's FFB code system; a team may rename a term for its own use, hide one
    it never uses, or add a local sub-theme (``code`` then starts with ``local:``). Goals
    keep the code, so renaming never rewrites a plan.
    """

    __tablename__ = "vum_term"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    parent_code: Mapped[str | None] = mapped_column(String(60), index=True)
    name: Mapped[str] = mapped_column(String(200))
    tree: Mapped[str] = mapped_column(String(40), default="")  # root code of its theme tree
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
