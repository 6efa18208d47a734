"""Connection profiles: how this PC reaches a team server, remembered per user.

A profile is the public half of a :class:`~mentordesk.storage.engine.ServerProfile`:
name, host, port, database, login and the team's CA file. The profiles live as JSON in
the user's config folder and never hold a password; the password is remembered in the
OS keyring only when the user asks for it (like a person's key, keys/keystore.py).

A profile can also be written as a URL, ``postgresql://login@host:port/dbname?sslrootcert=…``
(the form IT hands out and the command line accepts). A password in the URL is refused:
on a command line it would sit in the shell history and in every process listing.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from mentordesk.files import write_atomically
from mentordesk.keys.keystore import KeyStore
from mentordesk.paths import config_dir
from mentordesk.storage.engine import ServerProfile

DEFAULT_PORT = 5432
PROFILES_FILE = "teamservere.json"
URL_SCHEMES = ("postgresql", "postgres")
VERIFY_FULL = "verify-full"
_HOW_TO_GIVE_THE_CA = ("CA-filen som ?sslrootcert=/sti/til/team-ca.pem (certifikatet, der "
                       "har udstedt serverens certifikat)")
# Keyring entries of server passwords: apart from the key entries (file id:login).
_PASSWORD_ENTRY = "server:{login}@{host}:{port}/{dbname}"


class ProfileError(ValueError):
    """A profile or URL that cannot be used; the message is Danish, for the user."""


@dataclass(frozen=True)
class ConnectionProfile:
    """Where and as whom to connect; never a password."""

    name: str
    host: str
    port: int
    dbname: str
    login: str
    ca_file: Path

    def with_password(self, password: str) -> ServerProfile:
        return ServerProfile(self.host, self.port, self.dbname, self.login, password,
                             self.ca_file)

    def title(self) -> str:
        """How the main window names the connection: "login @ host/dbname"."""
        return f"{self.login} @ {self.host}/{self.dbname}"

    def checked(self) -> ConnectionProfile:
        """The same profile, or a Danish reason why it cannot connect."""
        for label, value in (("Server", self.host), ("Database", self.dbname),
                             ("Login", self.login)):
            if not value.strip():
                raise ProfileError(f"{label} mangler.")
        if not 0 < self.port < 65536:
            raise ProfileError(f"Porten {self.port} er ikke en gyldig port.")
        if not str(self.ca_file).strip() or str(self.ca_file) == ".":
            raise ProfileError("Teamets CA-certifikat mangler: uden det kan serveren ikke "
                               "bekræftes, og adgangskoden sendes ikke.")
        if not self.ca_file.is_file():
            raise ProfileError(f"CA-certifikatet findes ikke: {self.ca_file}")
        return self


def parse_url(url: str, name: str = "") -> ConnectionProfile:
    """``postgresql://login@host:port/dbname?sslrootcert=ca.pem`` as a profile.

    The one parser of server addresses, for PCs and for IT alike: whatever the address
    says, the connection is made with ``sslmode=verify-full`` against its CA file, so an
    address that asks for less (``sslmode=require``, a Unix socket through ``host=``, no
    CA) is refused instead of quietly upgraded or obeyed."""
    parts = urlsplit(url.strip())
    if parts.scheme not in URL_SCHEMES:
        raise ProfileError(f"Ikke en adresse til en teamserver: {url}")
    if parts.password is not None:
        raise ProfileError("Skriv ikke adgangskoden i adressen: sæt MENTORDESK_PASSWORD "
                           "eller lad programmet spørge.")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError as error:
        raise ProfileError(f"Porten i adressen er ikke et tal: {url}") from error
    ca_file = _verifying_ca_file(parse_qs(parts.query, keep_blank_values=True))
    host = parts.hostname or ""
    dbname = unquote(parts.path.lstrip("/"))
    return ConnectionProfile(name or f"{host}/{dbname}", host, port, dbname,
                             unquote(parts.username or ""), Path(ca_file)).checked()


def _verifying_ca_file(options: dict[str, list[str]]) -> str:
    """The CA file of an address whose options allow nothing but verify-full."""
    sslmode = options.pop("sslmode", [VERIFY_FULL])[-1]
    if sslmode != VERIFY_FULL:
        raise ProfileError(
            f"sslmode={sslmode} bekræfter ikke serveren, så adressen afvises. Udelad "
            f"sslmode (MentorDesk bruger altid verify-full) og angiv {_HOW_TO_GIVE_THE_CA}.")
    ca_file = options.pop("sslrootcert", [""])[-1]
    if options:
        raise ProfileError(
            f"Adressen må kun have sslrootcert (og sslmode=verify-full), ikke "
            f"{', '.join(sorted(options))}: server og port skrives som "
            "postgresql://LOGIN@VÆRT:PORT/DATABASE.")
    if not ca_file:
        raise ProfileError(f"Adressen mangler teamets CA-certifikat: angiv "
                           f"{_HOW_TO_GIVE_THE_CA}.")
    return ca_file


def is_server_url(text: str) -> bool:
    return re.match(r"^(postgresql|postgres)://", text.strip()) is not None


def to_url(profile: ConnectionProfile) -> str:
    return (f"postgresql://{profile.login}@{profile.host}:{profile.port}/{profile.dbname}"
            f"?sslrootcert={profile.ca_file}")


# -- the user's saved profiles --------------------------------------------------------------

def profiles_path() -> Path:
    return config_dir() / PROFILES_FILE


def load_profiles() -> list[ConnectionProfile]:
    """The saved profiles, in the order saved; an unreadable file counts as none (it
    holds no secret and is rebuilt by the next save)."""
    try:
        stored = json.loads(profiles_path().read_text(encoding="utf-8"))
        return [_from_json(entry) for entry in stored.get("profiles", [])]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def find_profile(name: str) -> ConnectionProfile:
    for profile in load_profiles():
        if profile.name.casefold() == name.casefold():
            return profile
    raise ProfileError(f"Der er ingen forbindelsesprofil ved navn «{name}».")


def save_profile(profile: ConnectionProfile) -> None:
    """Add or replace (by name) a profile."""
    others = [kept for kept in load_profiles()
              if kept.name.casefold() != profile.name.casefold()]
    entries = [_to_json(kept) for kept in [*others, profile]]
    data = json.dumps({"profiles": entries}, ensure_ascii=False, indent=2)
    write_atomically(profiles_path(), data.encode("utf-8"))


def _to_json(profile: ConnectionProfile) -> dict[str, object]:
    entry = asdict(profile)
    entry["ca_file"] = str(profile.ca_file)
    return entry


def _from_json(entry: dict[str, object]) -> ConnectionProfile:
    return ConnectionProfile(str(entry["name"]), str(entry["host"]), int(str(entry["port"])),
                             str(entry["dbname"]), str(entry["login"]),
                             Path(str(entry["ca_file"])))


# -- the remembered password ----------------------------------------------------------------

def _password_entry(profile: ConnectionProfile) -> str:
    return _PASSWORD_ENTRY.format(login=profile.login.casefold(), host=profile.host.casefold(),
                                  port=profile.port, dbname=profile.dbname)


def remember_password(profile: ConnectionProfile, password: str,
                      store: KeyStore | None = None) -> bool:
    """Keep the password in this PC's keyring (only when the user ticked it)."""
    return (store or KeyStore()).put(_password_entry(profile), password)


def remembered_password(profile: ConnectionProfile, store: KeyStore | None = None) -> str | None:
    return (store or KeyStore()).get(_password_entry(profile))


def forget_password(profile: ConnectionProfile, store: KeyStore | None = None) -> None:
    (store or KeyStore()).delete(_password_entry(profile))
