"""An open MentorDesk database: engine, key and short-lived sessions."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from mentordesk.errors import CannotOpenDatabase
from mentordesk.storage.engine import READ_ONLY, RawKey, create_database_file, open_engine
from mentordesk.storage.migrate import current_revision, upgrade_to_head
from mentordesk.storage.models import AppMeta

FILE_ID_KEY = "file_id"
TEAM_NAME_KEY = "team_name"
DEMO_KEY = "is_demo"


class Database:
    """One open database file. Use :meth:`session` for each operation, then close."""

    def __init__(self, path: Path, raw_key: RawKey, engine: Engine) -> None:
        self.path = path
        self.raw_key = raw_key
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )
        self.migration_backup: Path | None = None

    @classmethod
    def create(cls, path: Path, raw_key: RawKey, team_name: str) -> Database:
        engine = create_database_file(path, raw_key)
        database = cls(path, raw_key, engine)
        upgrade_to_head(engine, path, raw_key)
        with database.session() as session:
            session.add(AppMeta(key=FILE_ID_KEY, value=str(uuid.uuid4())))
            session.add(AppMeta(key=TEAM_NAME_KEY, value=team_name))
        return database

    @classmethod
    def open(cls, path: Path, raw_key: RawKey) -> Database:
        engine = open_engine(path, raw_key)
        try:
            _refuse_foreign_database(engine, path)
            backup = upgrade_to_head(engine, path, raw_key)
        except Exception:
            engine.dispose()
            raise
        database = cls(path, raw_key, engine)
        database.migration_backup = backup
        return database

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE), committed on success."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A deferred read transaction for data whose reading needs no audit entry."""
        with self._read_sessions() as session:
            yield session

    def meta(self, key: str, default: str = "") -> str:
        with self.read_session() as session:
            value = session.scalar(select(AppMeta.value).where(AppMeta.key == key))
        return default if value is None else value

    def set_meta(self, key: str, value: str) -> None:
        with self.session() as session:
            session.merge(AppMeta(key=key, value=value))

    @property
    def is_demo(self) -> bool:
        return self.meta(DEMO_KEY) == "1"

    def close(self) -> None:
        self.engine.dispose()


def _refuse_foreign_database(engine: Engine, path: Path) -> None:
    """A readable SQLCipher file that MentorDesk did not make is left alone."""
    if current_revision(engine) is None:
        raise CannotOpenDatabase(f"Filen {path.name} er ikke en MentorDesk-database.")
