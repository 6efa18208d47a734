"""The command line on a team server: a real process, logging in as a real login role
(``server init``/``add-user`` made it, so the server's grants and row-level security
decide what each person gets), asserting what that person sees."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from mentordesk.domain.codes import ContactForm
from mentordesk.kernel.context import Context
from mentordesk.server.connect import open_server
from mentordesk.server.profiles import save_profile, to_url
from mentordesk.services.contacts import NewContact, log_contact
from mentordesk.services.team import resolve_actor
from tests.server_team import CITIZENS, MENTOR_CITIZENS, team_with_login

MENTORS_OWN = [f"{first} {last}" for first, last in MENTOR_CITIZENS]
NOT_THE_MENTORS = next(f"{first} {last}" for first, last in CITIZENS
                       if f"{first} {last}" not in MENTORS_OWN)


def run(*args: str, home: Path, password: str | None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["MENTORDESK_HOME"] = str(home)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env.pop("MENTORDESK_PASSPHRASE", None)
    env.pop("MENTORDESK_PASSWORD", None)
    if password is not None:
        env["MENTORDESK_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "mentordesk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, input="", timeout=300)


@pytest.fixture
def team(server_databases):
    yield from team_with_login(server_databases, name="kontoret")


def test_citizens_through_a_saved_profile_lists_the_servers_citizens(team, isolated_home):
    save_profile(team.profile)

    result = run("citizens", "server:kontoret", "--json", home=isolated_home,
                 password=team.password)

    assert result.returncode == 0, result.stderr
    names = {row["name"] for row in json.loads(result.stdout)}
    assert {f"{first} {last}" for first, last in CITIZENS} <= names


def test_a_url_works_like_a_profile(team, isolated_home):
    result = run("citizens", to_url(team.profile), "--json", home=isolated_home,
                 password=team.password)

    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == len(CITIZENS)


def test_a_wrong_password_exits_3_with_one_danish_line(team, isolated_home):
    save_profile(team.profile)

    result = run("citizens", "server:kontoret", home=isolated_home, password="forkert-kode")

    assert result.returncode == 3
    assert result.stderr.strip().splitlines() == [
        f"mentordesk: Kunne ikke forbinde til teamserveren som {team.profile.title()}: "
        "login eller adgangskode er forkert."]
    assert team.password not in result.stderr


def test_no_password_and_no_terminal_exits_3(team, isolated_home):
    save_profile(team.profile)

    result = run("citizens", "server:kontoret", home=isolated_home, password=None)

    assert result.returncode == 3 and "MENTORDESK_PASSWORD" in result.stderr


@pytest.mark.parametrize("command", [["backup", "--out", "kopi.mentordesk"], ["users", "list"],
                                     ["check"], ["passphrase"]])
def test_file_only_commands_refuse_a_server_with_exit_2(command, isolated_home, tmp_path):
    name, *rest = command
    result = run(name, "server:kontoret", *rest, home=isolated_home, password="x")

    assert result.returncode == 2
    assert "virker kun på en databasefil" in result.stderr
    assert "mentordesk server" in result.stderr


def test_an_unknown_profile_is_a_usage_error(isolated_home):
    result = run("citizens", "server:findes-ikke", home=isolated_home, password="x")

    assert result.returncode == 2 and "findes-ikke" in result.stderr


def citizen_ids(team, home: Path) -> dict[str, int]:
    """Every citizen's id, as the coordinator lists them."""
    listed = run("citizens", to_url(team.profile), "--json", home=home, password=team.password)
    assert listed.returncode == 0, listed.stderr
    return {row["name"]: row["id"] for row in json.loads(listed.stdout)}


def test_a_mentor_lists_only_their_own_citizens(team, isolated_home):
    result = run("citizens", to_url(team.mentor), "--json", home=isolated_home,
                 password=team.password)

    assert result.returncode == 0, result.stderr
    assert [row["name"] for row in json.loads(result.stdout)] == MENTORS_OWN


def test_a_mentor_reports_on_their_citizen_and_is_refused_another_mentors(
        team, isolated_home, tmp_path, pdf_text):
    ids = citizen_ids(team, isolated_home)
    mine, theirs = tmp_path / "egen.pdf", tmp_path / "andens.pdf"

    made = run("report", to_url(team.mentor), "--citizen", str(ids[MENTORS_OWN[0]]),
               "--out", str(mine), home=isolated_home, password=team.password)
    refused = run("report", to_url(team.mentor), "--citizen", str(ids[NOT_THE_MENTORS]),
                  "--out", str(theirs), home=isolated_home, password=team.password)

    assert made.returncode == 0, made.stderr
    assert MENTORS_OWN[0] in pdf_text(mine)
    assert refused.returncode == 2 and not theirs.exists()
    assert refused.stderr.strip() == (
        "mentordesk: Borgeren findes ikke, eller du har ikke adgang til sagen.")
    assert NOT_THE_MENTORS not in refused.stderr


def test_an_access_export_is_the_coordinators_and_holds_the_citizen(
        team, isolated_home, tmp_path):
    ids = citizen_ids(team, isolated_home)
    package = tmp_path / "indsigt.zip"

    by_mentor = run("export-citizen", to_url(team.mentor), "--citizen",
                    str(ids[MENTORS_OWN[0]]), "--out", str(package), home=isolated_home,
                    password=team.password)
    by_coordinator = run("export-citizen", to_url(team.profile), "--citizen",
                         str(ids[NOT_THE_MENTORS]), "--out", str(package), home=isolated_home,
                         password=team.password)

    assert by_mentor.returncode == 2
    assert by_mentor.stderr.strip() == "mentordesk: Kun en koordinator kan gøre dette."
    assert by_coordinator.returncode == 0, by_coordinator.stderr
    with zipfile.ZipFile(package) as archive:
        everything = "".join(archive.read(name).decode("utf-8", "replace")
                             for name in archive.namelist())
    assert NOT_THE_MENTORS.split()[0] in everything


def test_hours_on_a_server_count_the_mentors_contact_and_show_a_mentor_only_their_own(
        team, isolated_home):
    ids = citizen_ids(team, isolated_home)
    database = open_server(team.mentor, team.password)
    try:
        log_contact(Context(database, resolve_actor(database, team.mentor.login)), NewContact(
            citizen_id=ids[MENTORS_OWN[0]], contact_on=date.today(), duration_minutes=75,
            form=ContactForm.HOME_VISIT, note="Ugens besøg"))
    finally:
        database.close()
    week = date.today().strftime("%G-W%V")

    as_mentor = run("hours", to_url(team.mentor), "--week", week, "--json",
                    home=isolated_home, password=team.password)
    as_coordinator = run("hours", to_url(team.profile), "--week", week, "--json",
                         home=isolated_home, password=team.password)

    assert as_mentor.returncode == 0, as_mentor.stderr
    mentors = json.loads(as_mentor.stdout)["mentors"]
    assert [(row["name"], row["delivered_minutes"]) for row in mentors] == [("Mads Mentor", 75)]
    assert as_coordinator.returncode == 0, as_coordinator.stderr
    team_rows = {row["name"]: row["delivered_minutes"]
                 for row in json.loads(as_coordinator.stdout)["mentors"]}
    assert team_rows["Mads Mentor"] == 75 and "Anna Koordinator" in team_rows


def test_a_calendar_export_from_a_server_writes_the_ics_file(team, isolated_home, tmp_path):
    out = tmp_path / "kalender.ics"

    result = run("calendar", "export", to_url(team.mentor), "--out", str(out),
                 home=isolated_home, password=team.password)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Kalender skrevet: {out}"
    assert out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_the_monthly_log_review_from_a_server_is_the_coordinators(
        team, isolated_home, tmp_path, pdf_text):
    month = date.today().strftime("%Y-%m")
    review = tmp_path / "logkontrol.pdf"

    by_mentor = run("audit-review", to_url(team.mentor), "--month", month, "--out",
                    str(review), home=isolated_home, password=team.password)
    by_coordinator = run("audit-review", to_url(team.profile), "--month", month, "--out",
                         str(review), home=isolated_home, password=team.password)

    assert by_mentor.returncode == 2 and "Kun en koordinator" in by_mentor.stderr
    assert by_coordinator.returncode == 0, by_coordinator.stderr
    assert by_coordinator.stdout.startswith(f"Logkontrollen er gemt: {review}")
    assert "Logkontrol" in pdf_text(review)


def test_pruning_the_log_from_a_server_is_for_admins_only(team, isolated_home):
    by_coordinator = run("audit-prune", to_url(team.profile), home=isolated_home,
                         password=team.password)
    by_admin = run("audit-prune", to_url(team.admin), home=isolated_home,
                   password=team.password)

    assert by_coordinator.returncode == 2
    assert by_coordinator.stderr.strip() == "mentordesk: Kun en administrator kan ændre dette."
    assert by_admin.returncode == 0, by_admin.stderr
    # A new team's log is younger than the retention period: nothing goes.
    assert by_admin.stdout.startswith("0 hændelser fra før ")
    assert "kæden er i orden" in by_admin.stdout


def test_an_economy_summary_from_a_server_is_the_mentors_own_citizens_only(
        team, isolated_home):
    ids = citizen_ids(team, isolated_home)
    year = str(date.today().year)

    mine = run("economy", "summary", to_url(team.mentor), "--citizen", str(ids[MENTORS_OWN[0]]),
               "--year", year, "--json", home=isolated_home, password=team.password)
    theirs = run("economy", "summary", to_url(team.mentor), "--citizen",
                 str(ids[NOT_THE_MENTORS]), "--year", year, "--json", home=isolated_home,
                 password=team.password)

    assert mine.returncode == 0, mine.stderr
    figures = json.loads(mine.stdout)
    assert figures["citizen_id"] == ids[MENTORS_OWN[0]]
    assert figures["income"]["year"] == 0  # nothing entered yet
    assert theirs.returncode == 2 and theirs.stdout == ""
    assert NOT_THE_MENTORS not in theirs.stderr


def test_a_coordinator_imports_a_citizen_list_into_the_server_and_the_mentor_sees_his(
        team, isolated_home, tmp_path):
    csv_file = tmp_path / "borgere.csv"
    csv_file.write_text("\n".join([
        "Navn;Mentor;Lovgrundlag;Startdato",
        f"Søren Ærø Åberg;{team.mentor.login};SEL §85;01-02-2026",
        "Øjvind Østergård;;§99;15-03-2026"]) + "\n", encoding="utf-8")

    imported = run("import-citizens", to_url(team.profile), str(csv_file), home=isolated_home,
                   password=team.password)
    as_mentor = run("citizens", to_url(team.mentor), "--json", home=isolated_home,
                    password=team.password)

    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("2 borgere er importeret fra borgere.csv")
    assert "Sikkerhedskopi" not in imported.stdout  # a server is backed up by IT
    assert sorted(row["name"] for row in json.loads(as_mentor.stdout)) == sorted(
        [*MENTORS_OWN, "Søren Ærø Åberg"])
