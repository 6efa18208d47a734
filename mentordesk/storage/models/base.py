"""Declarative base and column helpers shared by every model.

Conventions: money is integer øre (``*_oere``), durations and weekly hours are integer
minutes, dates are ``date``; timestamps are naive UTC. Mutable rows carry ``version``,
SQLAlchemy's optimistic lock, so a stale save raises instead of overwriting.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Mixin for editable rows: a version counter checked on every UPDATE."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy declared_attr
        return {"version_id_col": cls.version}
