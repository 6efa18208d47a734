"""A team server's address as IT types it on the command line, made into a profile.

``postgresql://LOGIN@HOST[:PORT]/DATABASE?sslrootcert=CA.pem``: the CA file is required
(the app never connects without verifying the server's certificate). The password is
never part of the address a script stores: it comes from ``MENTORDESK_SERVER_PASSWORD``
or a prompt, so it stays out of shell history and process lists.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from mentordesk.errors import InvalidInput
from mentordesk.storage.engine import ServerProfile

SCHEMES = ("postgresql", "postgres")
DEFAULT_PORT = 5432
PASSWORD_ENV = "MENTORDESK_SERVER_PASSWORD"


def parse_server_url(url: str, password: str) -> ServerProfile:
    """A profile from ``url`` (InvalidInput with a Danish sentence when it is incomplete)."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise InvalidInput(f"Adressen skal begynde med postgresql://, ikke {parts.scheme}://.")
    login = unquote(parts.username or "")
    dbname = unquote(parts.path.lstrip("/"))
    ca_files = parse_qs(parts.query).get("sslrootcert", [])
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise InvalidInput("Portnummeret i adressen er ikke et tal.") from None
    missing = [name for name, value in (("login", login), ("vært", parts.hostname),
                                        ("database", dbname), ("sslrootcert", ca_files))
               if not value]
    if missing:
        raise InvalidInput("Adressen mangler " + ", ".join(missing) + " (fx postgresql://"
                           "login@server:5432/team?sslrootcert=teamets-ca.pem).")
    assert parts.hostname is not None
    return ServerProfile(parts.hostname, port, dbname, login, password, Path(ca_files[0]))
