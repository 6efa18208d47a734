"""The command line writes the same rotating application log as the GUI, and the log
holds no personal data: commands run with a sentinel name and CPR number in the data,
the file names and the error messages, then the log file is scanned for them."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import run  # the shared way of running the CLI with a passphrase

FIRST, LAST = "Sentinella", "Logsporsen"
CPR, CPR_SHOWN = "0101909001", "010190-9001"
SECOND_CPR = "0202909002"
SENTINELS = (FIRST, LAST, CPR, CPR_SHOWN, SECOND_CPR, "020290-9002")


def _log_text(home: Path) -> str:
    path = home / "state" / "logs" / "mentordesk.log"
    assert path.is_file(), "the CLI wrote no application log"
    return path.read_text(encoding="utf-8")


def test_cli_runs_are_logged_without_personal_data(tmp_path, isolated_home):
    db = tmp_path / "logteam.mentordesk"
    named = tmp_path / f"{FIRST} {LAST}"
    named.mkdir()
    assert run("init", str(db), "--team", "Logteamet", home=isolated_home).returncode == 0

    good = named / f"{FIRST}-liste.csv"
    good.write_text(f"Navn;CPR\n{FIRST} {LAST};{CPR_SHOWN}\n", encoding="utf-8")
    imported = run("import-citizens", str(db), str(good), home=isolated_home)
    assert imported.returncode == 0, imported.stderr
    # The import took a backup first and says where (the path is not logged).
    backup = Path(imported.stdout.split("Sikkerhedskopi fra før importen: ")[1].strip())
    assert backup.is_file() and "foer-import" in backup.name

    listed = run("citizens", str(db), "--json", home=isolated_home)
    assert listed.returncode == 0 and FIRST in listed.stdout  # the user sees the name
    citizen_id = json.loads(listed.stdout)[0]["id"]

    # Row errors name the row's values on stdout; the log must not repeat them.
    bad = named / f"{LAST}-fejl.csv"
    bad.write_text(f"Navn;CPR;Mentor\nAnden {LAST};{SECOND_CPR};{FIRST} Ukendt\n",
                   encoding="utf-8")
    refused = run("import-citizens", str(db), str(bad), home=isolated_home)
    assert refused.returncode == 1 and f"{FIRST} Ukendt" in refused.stdout

    exported = run("export-citizen", str(db), "--citizen", str(citizen_id),
                   "--out", str(named / f"{FIRST} {LAST} indsigt.zip"), home=isolated_home)
    assert exported.returncode == 0, exported.stderr
    wrong_key = run("citizens", str(db), passphrase="en helt forkert adgangskode",
                    home=isolated_home)
    assert wrong_key.returncode == 3

    log = _log_text(isolated_home)
    for line in ("Command init ended with exit code 0",
                 "Command import-citizens ended with exit code 0",
                 "Command citizens ended with exit code 0",
                 "Command import-citizens ended with exit code 1",
                 "Command export-citizen ended with exit code 0",
                 "Command citizens ended with exit code 3"):
        assert line in log, line
    leaks = [word for word in SENTINELS if word.lower() in log.lower()]
    assert leaks == [], log


def test_a_usage_error_starts_no_log(tmp_path, isolated_home):
    """argparse refuses before any command runs: nothing to log, nothing created."""
    result = run("ingen-sådan-kommando", home=isolated_home)
    assert result.returncode == 2
    assert not (isolated_home / "state" / "logs" / "mentordesk.log").exists()


# Loaded by the CLI process before anything else (a ``sitecustomize`` first on its path):
# a bug deep in the core, whose message carries a CPR-shaped value, as real bugs may.
_BUG = """
import mentordesk.security.integrity as integrity

def check_database(database):
    raise RuntimeError("uventet tilstand for 010190-9001")

integrity.check_database = check_database
"""


def test_an_unexpected_error_exits_4_with_one_line_and_a_log_reference(tmp_path,
                                                                       isolated_home):
    import os
    import re
    import subprocess
    import sys

    db = tmp_path / "fejlteam.mentordesk"
    assert run("init", str(db), "--team", "Fejlteamet", home=isolated_home).returncode == 0
    bug = tmp_path / "bug"
    bug.mkdir()
    (bug / "sitecustomize.py").write_text(_BUG, encoding="utf-8")
    env = dict(os.environ, MENTORDESK_HOME=str(isolated_home),
               MENTORDESK_PASSPHRASE="kommandolinje-adgangskode 42",
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               PYTHONPATH=os.pathsep.join([str(bug), os.environ.get("PYTHONPATH", "")]))
    result = subprocess.run([sys.executable, "-m", "mentordesk", "check", str(db)],
                            capture_output=True, text=True, encoding="utf-8", env=env,
                            timeout=300)

    assert result.returncode == 4, result.stderr
    log_path = isolated_home / "state" / "logs" / "mentordesk.log"
    match = re.fullmatch(r"mentordesk: Intern fejl i MentorDesk; se logfilen (.+) "
                         r"\(reference ([0-9A-F]{6})\)\.\n", result.stderr)
    assert match, result.stderr
    assert Path(match.group(1)) == log_path
    log = _log_text(isolated_home)
    assert f"Command check failed unexpectedly (reference {match.group(2)})" in log
    assert "RuntimeError: uventet tilstand for [cpr]" in log  # the traceback, scrubbed
    assert "Command check ended with exit code 4" in log
    assert "010190" not in log
