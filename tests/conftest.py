"""Shared fixtures: an isolated home folder and an in-memory keyring for every test."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

# Qt must never look for a display in tests (pytest-qt does not set this itself).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEST_PASSPHRASE = "prøve-adgangskode med æøå 2026"


class InMemoryKeyring(KeyringBackend):
    """A real keyring backend object that keeps secrets in a dict (tests only)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.secrets:
            raise PasswordDeleteError("not found")
        del self.secrets[(service, username)]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MENTORDESK_HOME", str(home))
    monkeypatch.delenv("MENTORDESK_PASSPHRASE", raising=False)
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> InMemoryKeyring:
    backend = InMemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "team.mentordesk"


BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A module marked ``both_backends`` runs every test that uses ``database`` (through
    ``backend``) once on a SQLCipher file and once on the throwaway PostgreSQL server,
    grouped per module (a module-scoped fixture may build its data once per backend).
    ``MENTORDESK_TEST_BOTH_BACKENDS=1`` does so for every module: how to find what still
    fails on the server before marking a module."""
    if "backend" in metafunc.fixturenames and (metafunc.definition.get_closest_marker(
            "both_backends") or os.environ.get("MENTORDESK_TEST_BOTH_BACKENDS") == "1"):
        # A ``file_only`` test (its reason says why) runs once, on the file.
        on_file_only = metafunc.definition.get_closest_marker("file_only") is not None
        metafunc.parametrize("backend", BACKENDS[:1] if on_file_only else BACKENDS,
                             indirect=True, scope="module")


@pytest.fixture(scope="module")
def backend(request: pytest.FixtureRequest) -> str:
    """Which backend ``database`` is on: "sqlite" unless the module runs on both."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_cluster():
    """The run's throwaway PostgreSQL cluster, started on first use, stopped at the end
    (skipped without the binaries locally, a failure under CI=true)."""
    from tests.server_support import start_cluster

    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def server_databases(pg_cluster):
    from tests.server_support import ServerDatabases

    return ServerDatabases(pg_cluster)


@pytest.fixture
def database(backend: str, request: pytest.FixtureRequest):
    if backend == "postgresql":
        from tests.server_support import server_team_database

        yield from server_team_database(request.getfixturevalue("server_databases"))
        return
    from mentordesk.services import new_team

    path = request.getfixturevalue("db_path")
    database = new_team.create_database(path, TEST_PASSPHRASE, team_name="Testteamet").database
    yield database
    database.close()


@pytest.fixture
def admin(database):
    from mentordesk import vault
    from mentordesk.services.team import resolve_actor

    return resolve_actor(database, vault.current_login())


def pdf_to_text(pdf: bytes | Path, tmp_dir: Path | None = None) -> str:
    """The text a reader gets from a PDF, via poppler's pdftotext (layout kept)."""
    import subprocess
    import tempfile

    if isinstance(pdf, bytes):
        folder = Path(tmp_dir or tempfile.mkdtemp())
        path = folder / "document-under-test.pdf"
        path.write_bytes(pdf)
    else:
        path = Path(pdf)
    result = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
                            capture_output=True, check=True, timeout=60)
    return result.stdout.decode("utf-8")


@pytest.fixture
def pdf_text(tmp_path: Path):
    """``pdf_text(bytes_or_path) -> str``: what pdftotext extracts from the document."""
    return lambda pdf: pdf_to_text(pdf, tmp_path)


def open_backup(backup: Path, live):  # type: ignore[no-untyped-def]
    """A backup the app made opens with the live database's key (the team's key file) and
    the backup's own salt: there is no passphrase of its own."""
    from mentordesk.security.workflows import backup_key_for
    from mentordesk.storage.database import Database

    return Database.open(backup, backup_key_for(live, backup))
