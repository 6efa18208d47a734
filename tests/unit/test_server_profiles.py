"""Connection profiles: what is saved on this PC, and what never is (the password)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentordesk.server.profiles import (
    ConnectionProfile,
    ProfileError,
    find_profile,
    forget_password,
    load_profiles,
    parse_url,
    profiles_path,
    remember_password,
    remembered_password,
    save_profile,
    to_url,
)


@pytest.fixture
def ca_file(tmp_path: Path) -> Path:
    path = tmp_path / "team-ca.pem"
    path.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    return path


def _profile(ca_file: Path, name: str = "Kontoret") -> ConnectionProfile:
    return ConnectionProfile(name, "db.kommune.dk", 5433, "mentordesk", "anna", ca_file)


def test_a_url_gives_every_field_of_the_profile(ca_file):
    profile = parse_url(f"postgresql://anna@db.kommune.dk:5433/mentordesk?sslrootcert={ca_file}")

    assert profile == ConnectionProfile("db.kommune.dk/mentordesk", "db.kommune.dk", 5433,
                                        "mentordesk", "anna", ca_file)
    assert parse_url(to_url(profile)) == profile


def test_the_port_defaults_to_postgresqls(ca_file):
    assert parse_url(f"postgres://anna@db/team?sslrootcert={ca_file}").port == 5432


def test_a_password_in_the_url_is_refused_not_used(ca_file):
    with pytest.raises(ProfileError, match="adgangskoden"):
        parse_url(f"postgresql://anna:hemmelig@db/team?sslrootcert={ca_file}")


def test_a_url_without_the_teams_ca_is_refused():
    with pytest.raises(ProfileError, match="sslrootcert"):
        parse_url("postgresql://anna@db/team")


def test_a_missing_ca_file_is_named(tmp_path):
    with pytest.raises(ProfileError, match="findes ikke"):
        parse_url(f"postgresql://anna@db/team?sslrootcert={tmp_path / 'nej.pem'}")


@pytest.mark.parametrize(("address", "said"), [
    ("postgresql://db/team?sslrootcert={ca}", "Login mangler"),
    ("postgresql://anna@db/?sslrootcert={ca}", "Database mangler"),
    ("mysql://anna@db/team?sslrootcert={ca}", "Ikke en adresse til en teamserver"),
    ("postgresql://anna@db:port/team?sslrootcert={ca}", "Porten i adressen er ikke et tal"),
])
def test_an_incomplete_address_is_refused_with_what_is_missing(ca_file, address, said):
    with pytest.raises(ProfileError, match=said):
        parse_url(address.format(ca=ca_file))


def test_saved_profiles_come_back_and_hold_no_password(ca_file, memory_keyring):
    save_profile(_profile(ca_file))
    save_profile(_profile(ca_file, "Hjemme"))
    remember_password(_profile(ca_file), "hemmelig-kode-42")

    assert [profile.name for profile in load_profiles()] == ["Kontoret", "Hjemme"]
    assert find_profile("kontoret") == _profile(ca_file)
    assert "hemmelig-kode-42" not in profiles_path().read_text(encoding="utf-8")


def test_saving_under_the_same_name_replaces(ca_file):
    save_profile(_profile(ca_file))
    save_profile(ConnectionProfile("Kontoret", "ny.kommune.dk", 5432, "team", "anna", ca_file))

    assert [profile.host for profile in load_profiles()] == ["ny.kommune.dk"]


def test_the_password_is_remembered_only_in_the_keyring_and_can_be_forgotten(
        ca_file, memory_keyring):
    profile = _profile(ca_file)
    assert remembered_password(profile) is None

    remember_password(profile, "hemmelig-kode-42")
    assert remembered_password(profile) == "hemmelig-kode-42"
    assert [service for service, _ in memory_keyring.secrets] == ["MentorDesk"]

    forget_password(profile)
    assert remembered_password(profile) is None


def test_an_unknown_profile_name_is_said_in_danish():
    with pytest.raises(ProfileError, match="ingen forbindelsesprofil"):
        find_profile("Kontoret")


def test_the_title_bar_form_is_login_at_host_and_database(ca_file):
    assert _profile(ca_file).title() == "anna @ db.kommune.dk/mentordesk"


@pytest.mark.parametrize("option", ["sslmode=disable", "sslmode=allow", "sslmode=prefer",
                                    "sslmode=require", "sslmode=verify-ca"])
def test_an_address_asking_for_less_than_verify_full_is_refused_saying_how_to_give_the_ca(
        ca_file, option):
    with pytest.raises(ProfileError, match=f"{option} bekræfter ikke serveren.*sslrootcert="):
        parse_url(f"postgresql://it@db/team?sslrootcert={ca_file}&{option}")


def test_verify_full_may_be_spelled_out(ca_file):
    address = f"postgresql://it@db/team?sslmode=verify-full&sslrootcert={ca_file}"
    assert parse_url(address).ca_file == ca_file


def test_a_unix_socket_or_any_other_libpq_option_is_refused(ca_file):
    with pytest.raises(ProfileError, match="ikke host"):
        parse_url(f"postgresql://it@/team?host=/var/run/postgresql&sslrootcert={ca_file}")
