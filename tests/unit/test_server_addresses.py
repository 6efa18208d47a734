"""The team server's address as IT types it: what becomes a profile, what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentordesk.errors import InvalidInput
from mentordesk.server.addresses import parse_server_url


def test_a_full_address_becomes_a_verifying_profile():
    profile = parse_server_url(
        "postgresql://anne%40team@db.kommune.dk:6432/mentor_team?sslrootcert=/etc/ca.pem",
        "hemmelig")
    assert (profile.host, profile.port, profile.dbname, profile.login) == (
        "db.kommune.dk", 6432, "mentor_team", "anne@team")
    assert profile.ca_file == Path("/etc/ca.pem") and profile.password == "hemmelig"
    assert profile.url().query["sslmode"] == "verify-full"


def test_the_port_defaults_to_postgresqls_own():
    assert parse_server_url("postgres://it@db/team?sslrootcert=ca.pem", "x").port == 5432


@pytest.mark.parametrize(("url", "said"), [
    ("postgresql://it@db/team", "sslrootcert"),
    ("postgresql://db/team?sslrootcert=ca.pem", "login"),
    ("postgresql://it@db/?sslrootcert=ca.pem", "database"),
    ("mysql://it@db/team?sslrootcert=ca.pem", "postgresql://"),
    ("postgresql://it@db:port/team?sslrootcert=ca.pem", "Portnummeret"),
])
def test_an_incomplete_address_is_refused_with_what_is_missing(url, said):
    with pytest.raises(InvalidInput, match=said):
        parse_server_url(url, "x")
