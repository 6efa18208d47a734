"""Finding and running PostgreSQL's own client programs (``pg_dump``, ``pg_restore``)
against a connection profile, with the same TLS verification as the app's connections."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mentordesk.errors import MentorDeskError
from mentordesk.storage.engine import ServerProfile

TOOLS_ENV = "MENTORDESK_PG_BIN"
_DEBIAN_ROOT = Path("/usr/lib/postgresql")


class ToolMissing(MentorDeskError):
    """PostgreSQL's client programs are not installed on this PC."""


def find_tool(name: str) -> Path:
    """``MENTORDESK_PG_BIN``'s copy, else the one on PATH, else the newest Debian install."""
    chosen = os.environ.get(TOOLS_ENV)
    candidates = [Path(chosen) / name] if chosen else []
    on_path = shutil.which(name)
    if on_path:
        candidates.append(Path(on_path))
    if _DEBIAN_ROOT.is_dir():
        versions = sorted((d for d in _DEBIAN_ROOT.iterdir() if d.name.isdigit()),
                          key=lambda d: int(d.name), reverse=True)
        candidates += [version / "bin" / name for version in versions]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise ToolMissing(f"Programmet {name} findes ikke på denne pc. Installér PostgreSQL's "
                      "klientprogrammer (fx pakken postgresql-client), og prøv igen.")


def connection_arguments(profile: ServerProfile) -> list[str]:
    return ["--host", profile.host, "--port", str(profile.port), "--username", profile.login,
            "--dbname", profile.dbname, "--no-password"]


def tool_environment(profile: ServerProfile) -> dict[str, str]:
    """The password and TLS settings through libpq's variables: never on a command line,
    where other users of the PC could read it."""
    environment = dict(os.environ)
    environment.update({"PGSSLMODE": "verify-full", "PGSSLROOTCERT": str(profile.ca_file),
                        "PGAPPNAME": "MentorDesk"})
    if profile.password:  # else libpq reads IT's password file
        environment["PGPASSWORD"] = profile.password
    return environment
