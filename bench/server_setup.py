"""What the team-server benches share: a throwaway cluster (the tests' own, from
tests/server_support.py), demo files cached once, a demo imported into a fresh database,
and people's login roles on it.

Demo files are cached in ``MENTORDESK_BENCH_CACHE`` (default ``~/.cache/mentordesk-bench``)
under names of their own (``server-bench-<citizens>x<years>.mentordesk``): bench/at_scale's
cache may hold files of an older schema. The benches never write to a cached file; each
run imports a copy (``copy_for_import``) into a database on its own cluster.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from mentordesk import vault
from mentordesk.domain.codes import Role
from mentordesk.paths import DEMO_PASSPHRASE
from mentordesk.server.importing import copy_for_import, import_file
from mentordesk.server.provision import set_password, set_role
from mentordesk.server.recovery import recovery_slot_of
from mentordesk.storage.database import Database
from mentordesk.storage.engine import ServerProfile, open_server_engine
from tests.server_support import ServerDatabases, ThrowawayCluster, find_bin_dir

# Every demo person's password (the demo's own; fictitious data).
PASSWORD = DEMO_PASSPHRASE


def cache_folder() -> Path:
    folder = Path(os.environ.get("MENTORDESK_BENCH_CACHE",
                                 Path.home() / ".cache" / "mentordesk-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def demo_file(citizens: int, years: int) -> Path:
    """The cached demo file, built once with ``mentordesk demo`` (2 500 citizens and five
    years take several minutes)."""
    path = cache_folder() / f"server-bench-{citizens}x{years}.mentordesk"
    if not path.exists():
        print(f"building the {citizens}-citizen, {years}-year demo once…", flush=True)
        subprocess.run([sys.executable, "-m", "mentordesk", "demo", str(path),
                        "--citizens", str(citizens), "--years", str(years)],
                       check=True, capture_output=True,
                       env=dict(os.environ, MENTORDESK_PASSPHRASE=DEMO_PASSPHRASE))
    return path


def open_demo(path: Path) -> Database:
    return vault.unlock_with_passphrase(path, DEMO_PASSPHRASE)


def isolate_home() -> Path:
    """A home folder of the run's own (settings, the access log's witness): a bench's
    opens and copies never touch the user's, nor leave a witness of a throwaway copy."""
    home = Path(tempfile.mkdtemp(prefix="mentordesk-bench-home-"))
    os.environ["MENTORDESK_HOME"] = str(home)
    return home


def working_copy(path: Path, folder: Path) -> Path:
    """The cached demo copied (with its key file) for a run to write in: every read the
    app makes writes an access-log event."""
    return copy_for_import(path, folder)


def start_cluster() -> ThrowawayCluster:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise SystemExit("no PostgreSQL 15+ server binaries (apt-get install postgresql)")
    cluster = ThrowawayCluster(bin_dir)
    cluster.start()
    return cluster


@dataclass(frozen=True)
class ImportedTeam:
    superuser: ServerProfile
    import_seconds: float

    def as_login(self, login: str) -> ServerProfile:
        su = self.superuser
        return ServerProfile(su.host, su.port, su.dbname, login, PASSWORD, su.ca_file)


def import_demo(databases: ServerDatabases, path: Path) -> ImportedTeam:
    """A fresh database holding the demo ``path`` (``server import``'s own function on a
    copy of the file, timed), with the group roles and row-level security applied."""
    target = databases.create_empty()
    with tempfile.TemporaryDirectory(prefix="mentordesk-bench-import-") as folder:
        source = open_demo(copy_for_import(path, Path(folder)))
        try:
            start = time.perf_counter()
            import_file(source, target, recovery_slot_of(path))
            seconds = time.perf_counter() - start
        finally:
            source.close()
    return ImportedTeam(target, seconds)


def give_logins(team: ImportedTeam, people: dict[str, Role]) -> None:
    """The demo password for each person named in ``people`` (the demo's mentor01, …), in
    the role given: the import made their login roles without a password."""
    engine = open_server_engine(team.superuser, pooled=False)
    try:
        for login, role in people.items():
            set_password(engine, login, PASSWORD)
            set_role(engine, login, role)
    finally:
        engine.dispose()

