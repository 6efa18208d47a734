"""The schema revision this program works with, known without loading Alembic or SQLAlchemy.

Start-up compares the file's ``alembic_version`` with ``SCHEMA_HEAD`` before anything else
is read (``storage.first_look``, ``storage.migrate``). A test keeps it equal to Alembic's
own head.
"""

from __future__ import annotations

# The newest revision in migrations/versions. Update it with every new migration.
SCHEMA_HEAD = "0017_visibility_plan_cache"
VERSION_TABLE = "alembic_version"
