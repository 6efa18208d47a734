"""Schema migrations with Alembic: a backup is always taken before an upgrade."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from mentordesk.errors import CannotOpenDatabase
from mentordesk.storage.backup import timestamped_backup_path, write_backup
from mentordesk.storage.engine import RawKey


def _alembic_config() -> Config:
    config = Config()
    location = resources.files("mentordesk.storage") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(_alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def upgrade_to_head(engine: Engine, path: Path, raw_key: RawKey) -> Path | None:
    """Bring the schema to the newest revision; returns the backup path if one was made."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in _known_revisions():
        raise CannotOpenDatabase(
            f"Databasen {path.name} er lavet af en nyere MentorDesk-version. "
            "Opdatér programmet, før du åbner den."
        )
    backup = None
    if current is not None:
        backup = write_backup(engine, raw_key, timestamped_backup_path(path, f"pre-{head}"))
    with engine.connect() as connection:
        _run_upgrade_without_foreign_keys(connection)
    return backup


def _run_upgrade_without_foreign_keys(connection: Connection) -> None:
    # Batch migrations rebuild tables by dropping the parent; with foreign keys on, that
    # fires ON DELETE CASCADE and silently empties the child tables. The pragma only
    # takes effect outside a transaction, hence the raw driver connection.
    driver = connection.connection.driver_connection
    driver.execute("PRAGMA foreign_keys = OFF")
    try:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()
        violations = driver.execute("PRAGMA foreign_key_check").fetchall()
        if violations:
            raise CannotOpenDatabase(
                f"Opgraderingen af databasen efterlod {len(violations)} brudte referencer; "
                "gendan fra sikkerhedskopien."
            )
    finally:
        driver.execute("PRAGMA foreign_keys = ON")
