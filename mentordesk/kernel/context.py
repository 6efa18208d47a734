"""The operation context: the open database and the authenticated person using it.

Every use case is ``operation(context, …)``; the GUI and the CLI build one context per
opened database and pass it unchanged. ``session()`` is a short write transaction
(BEGIN IMMEDIATE) and ``read()`` a read transaction that takes no write lock, so work
such as rendering a PDF never holds other writers up.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from mentordesk.kernel.actor import Actor
from mentordesk.kernel.progress import NoProgress, Progress
from mentordesk.storage.database import Database


@dataclass(frozen=True)
class Context:
    database: Database
    actor: Actor
    progress: Progress = field(default_factory=NoProgress, compare=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction, committed on success: keep it short."""
        with self.database.session() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read transaction: a consistent view that never blocks writers."""
        with self.database.read_session() as session:
            yield session

    def visible_to(self) -> int | None:
        """The user id whose caseload limits what is seen; None for the whole team."""
        return None if self.actor.sees_all_citizens else self.actor.user_id

    def with_progress(self, progress: Progress) -> Context:
        return replace(self, progress=progress)
