"""A throwaway PostgreSQL cluster for the test run: real server, TLS, SCRAM, loopback only.

``initdb`` and ``postgres`` refuse to run as root, and CI runs as root: the cluster's
folder then belongs to an unprivileged user (Debian's ``postgres``, which the apt install
creates) and every server command runs as that user through ``runuser``. As an ordinary
user the commands run as that user. The cluster listens on 127.0.0.1 on a free port and
on a Unix socket in its own folder, serves TLS with a CA and server certificate made for
the run, stores passwords as SCRAM-SHA-256 and accepts TCP only over TLS with SCRAM
(``hostssl``; ``hostnossl`` is rejected), so tests connect exactly as a team's PCs would.

Without the binaries the PostgreSQL tests are skipped locally, but under ``CI=true`` they
fail: a CI that silently skipped the second backend would pass while proving nothing.
"""

from __future__ import annotations

import atexit
import datetime as dt
import ipaddress
import itertools
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from mentordesk.storage.engine import ServerProfile

if TYPE_CHECKING:
    from mentordesk.storage.database import ServerDatabase

PG_ROOTS = (Path("/usr/lib/postgresql"),)
MIN_MAJOR = 15
SUPERUSER = "mentordesk_test_owner"
UNPRIVILEGED_USER = "postgres"
START_TIMEOUT_S = 60
_TLS_VALID_FOR = dt.timedelta(days=2)


def find_bin_dir() -> Path | None:
    """The newest installed PostgreSQL ≥ 15's bin folder (``MENTORDESK_PG_BIN`` wins)."""
    chosen = os.environ.get("MENTORDESK_PG_BIN")
    if chosen:
        return Path(chosen) if (Path(chosen) / "initdb").exists() else None
    candidates = []
    for root in PG_ROOTS:
        if not root.is_dir():
            continue
        for version_dir in root.iterdir():
            if version_dir.name.isdigit() and int(version_dir.name) >= MIN_MAJOR \
                    and (version_dir / "bin" / "initdb").exists():
                candidates.append((int(version_dir.name), version_dir / "bin"))
    return max(candidates)[1] if candidates else None


def unavailable(reason: str) -> None:
    """Skip locally; fail under CI, where a missing server must never pass silently."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


@dataclass(frozen=True)
class ServerLogin:
    """What a client needs to reach the cluster: where, who, and the CA to verify it by."""

    host: str
    port: int
    socket_dir: Path
    login: str
    password: str
    ca_file: Path


class ThrowawayCluster:
    """One cluster in a temporary folder; :meth:`start` then :meth:`stop` (idempotent)."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="mentordesk-pg-"))
        self.data = self.folder / "data"
        self.log_file = self.folder / "server.log"
        self.password = secrets.token_urlsafe(24)
        self.port = _free_port()
        self.run_as = _unprivileged_account()
        self._running = False

    @property
    def superuser(self) -> ServerLogin:
        return ServerLogin("127.0.0.1", self.port, self.folder, SUPERUSER, self.password,
                           self.folder / "ca.pem")

    def start(self) -> None:
        self._hand_folder_to_server_account()
        password_file = self.folder / "pw"
        password_file.write_text(self.password, encoding="utf-8")
        self._own(password_file)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--pwfile", str(password_file),
                  "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8")
        password_file.unlink()
        write_tls_files(self.folder)
        for name in ("server.pem", "server.key"):
            self._own(self.folder / name)
        (self.data / "postgresql.auto.conf").write_text(self._settings(), encoding="utf-8")
        (self.data / "pg_hba.conf").write_text(PG_HBA, encoding="utf-8")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log_file), "-w",
                  "-t", str(START_TIMEOUT_S), "start")
        self._running = True

    def stop(self) -> None:
        # Also after a start that failed half-way: a postmaster may be running.
        if self._running or (self.data / "postmaster.pid").exists():
            self._running = False
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def restart(self) -> None:
        """Restart the server as an upgrade or a crash-free reboot would: every client's
        connection is dropped, and the server is back when this returns."""
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log_file), "-m", "fast",
                  "-w", "-t", str(START_TIMEOUT_S), "restart")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def _settings(self) -> str:
        return "\n".join([
            "listen_addresses = '127.0.0.1'",
            f"port = {self.port}",
            f"unix_socket_directories = '{self.folder}'",
            "password_encryption = 'scram-sha-256'",
            "ssl = on",
            f"ssl_cert_file = '{self.folder / 'server.pem'}'",
            f"ssl_key_file = '{self.folder / 'server.key'}'",
            "ssl_min_protocol_version = 'TLSv1.2'",
            # A test cluster: speed over durability, and small enough for a 2-core machine.
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "max_connections = 60",
            "shared_buffers = '64MB'",
            "log_min_messages = warning",
            *self._pgaudit_settings(),
            "",
        ])

    @property
    def has_pgaudit(self) -> bool:
        return (self.bin_dir.parent / "lib" / "pgaudit.so").exists()

    def _pgaudit_settings(self) -> list[str]:
        # Loaded but logging nothing until a test or a role turns it on (pgaudit.log), as
        # the IT guide will have it; without the package the cluster starts without it.
        if not self.has_pgaudit:
            return []
        return ["shared_preload_libraries = 'pgaudit'", "pgaudit.log = 'none'"]

    def _hand_folder_to_server_account(self) -> None:
        # The folder must be the server account's alone; /tmp lets it reach the folder.
        os.chmod(self.folder, 0o700)
        self._own(self.folder)

    def _own(self, path: Path) -> None:
        if self.run_as is not None:
            os.chown(path, self.run_as.pw_uid, self.run_as.pw_gid)

    def _run(self, program: str, *args: str, check: bool = True) -> None:
        command = [str(self.bin_dir / program), *args]
        if self.run_as is not None:
            command = ["runuser", "-u", self.run_as.pw_name, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120,
                                cwd=self.folder)
        if check and result.returncode != 0:
            raise RuntimeError(f"{program} failed ({result.returncode}):\n{result.stdout}\n"
                               f"{result.stderr}\n{self.log_tail()}")


# Local socket and TCP both need the password (SCRAM); TCP only over TLS.
PG_HBA = """\
local     all  all                 scram-sha-256
hostssl   all  all  127.0.0.1/32   scram-sha-256
hostnossl all  all  0.0.0.0/0      reject
"""


def _unprivileged_account() -> pwd.struct_passwd | None:
    """None when not root (run as ourselves); else the account the server runs under."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(UNPRIVILEGED_USER)
    except KeyError:
        unavailable(f"running as root and there is no '{UNPRIVILEGED_USER}' account "
                    "(apt-get install postgresql creates it)")
        raise  # unreachable: unavailable() always raises


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def write_tls_files(folder: Path) -> None:
    """A CA made for this run and a server certificate it signed for 127.0.0.1/localhost:
    ``ca.pem`` (what a team's PCs trust), ``server.pem`` and ``server.key`` (0600)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "MentorDesk test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + _TLS_VALID_FOR)
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = (x509.CertificateBuilder()
              .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
              .issuer_name(ca_name).public_key(server_key.public_key())
              .serial_number(x509.random_serial_number())
              .not_valid_before(now - dt.timedelta(minutes=5))
              .not_valid_after(now + _TLS_VALID_FOR)
              .add_extension(x509.SubjectAlternativeName([
                  x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                  critical=False)
              .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                             critical=False)
              .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    (folder / "ca.pem").write_bytes(ca.public_bytes(pem))
    (folder / "server.pem").write_bytes(server.public_bytes(pem))
    key_path = folder / "server.key"
    key_path.write_bytes(server_key.private_bytes(
        pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    os.chmod(key_path, 0o600)


def start_cluster() -> ThrowawayCluster:
    """Start a cluster or skip/fail (see :func:`unavailable`)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        unavailable(f"no PostgreSQL {MIN_MAJOR}+ server binaries (apt-get install postgresql)")
    assert bin_dir is not None
    try:
        import psycopg  # noqa: F401 - the driver the app uses for the server
    except ImportError:
        unavailable("psycopg is not installed")
    cluster = ThrowawayCluster(bin_dir)
    # Also at interpreter exit: a run cut short must not leave a server behind.
    atexit.register(cluster.stop)
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    return cluster


class ServerDatabases:
    """Databases on the throwaway cluster: empty ones, and a team's from a template.

    The template is migrated, seeded and given its first admin once per run; each test
    then gets its own copy (``CREATE DATABASE … TEMPLATE``, a file copy on the server),
    so a PostgreSQL test costs about what a new SQLCipher file does. The next copy is
    made in the background while a test runs (the copy, not the test, was most of a
    server test's time)."""

    TEMPLATE = "mentordesk_team_template"

    def __init__(self, cluster: ThrowawayCluster) -> None:
        self.cluster = cluster
        self._names = itertools.count(1)
        self._template_ready = False
        self._spare: _Copying | None = None

    def profile(self, dbname: str) -> ServerProfile:
        login = self.cluster.superuser
        return ServerProfile(login.host, login.port, dbname, login.login, login.password,
                             login.ca_file)

    def create_empty(self) -> ServerProfile:
        name = self._next_name()
        self.execute(f'CREATE DATABASE "{name}"')
        return self.profile(name)

    def create_team(self, admin_login: str) -> ServerProfile:
        """A copy of the template: schema at head, default catalogue, ``admin_login`` admin."""
        if not self._template_ready:
            self._build_template(admin_login)
        spare, self._spare = self._spare, None
        name = spare.result() if spare is not None else self._copy_template()
        self._spare = _Copying(self._copy_template)
        return self.profile(name)

    def drop(self, profile: ServerProfile) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{profile.dbname}" WITH (FORCE)')

    def execute(self, statement: str) -> None:
        """One statement as the cluster's superuser outside a transaction (CREATE/DROP
        DATABASE cannot run inside one)."""
        import psycopg

        login = self.cluster.superuser
        with psycopg.connect(host=str(login.socket_dir), port=login.port, dbname="postgres",
                             user=login.login, password=login.password,
                             autocommit=True) as connection:
            connection.execute(statement.encode())

    def _copy_template(self) -> str:
        name = self._next_name()
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.TEMPLATE}"')
        return name

    def _build_template(self, admin_login: str) -> None:
        from mentordesk.services.catalogue import seed_default_catalogue
        from mentordesk.services.team import register_first_admin
        from mentordesk.storage.database import ServerDatabase

        self.execute(f'CREATE DATABASE "{self.TEMPLATE}"')
        database = ServerDatabase.create_on_server(self.profile(self.TEMPLATE), "Testteamet")
        try:
            with database.session() as session:
                seed_default_catalogue(session)
            register_first_admin(database, admin_login, admin_login)
        finally:
            database.close()
        self._template_ready = True

    def _next_name(self) -> str:
        # next() on a count is atomic: the copy under way asks for names as well.
        return f"mentordesk_test_{next(self._names)}"


class _Copying:
    """One template copy made on a thread of its own; ``result()`` waits for its name
    (and raises what the copy raised)."""

    def __init__(self, copy: Callable[[], str]) -> None:
        self._copy = copy
        self._name: str | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="template-copy", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._name = self._copy()
        except BaseException as error:  # handed to the test that takes the copy
            self._error = error

    def result(self) -> str:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._name is not None
        return self._name


def server_team_database(server_databases: ServerDatabases) -> Iterator[ServerDatabase]:
    """A team's database of its own on the throwaway server, dropped afterwards."""
    from mentordesk import vault
    from mentordesk.storage.database import ServerDatabase

    profile = server_databases.create_team(vault.current_login())
    database = ServerDatabase.connect(profile)
    try:
        yield database
    finally:
        database.close()
        server_databases.drop(profile)
