"""The command line as scripts use it: real processes, real files, exit codes, stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "kommandolinje-adgangskode 42"


def run(*args: str, passphrase: str | None = PASSPHRASE, home: Path,
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["MENTORDESK_HOME"] = str(home)
    # No real keyring in tests: the null backend remembers nothing, like a fresh PC.
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env.pop("MENTORDESK_PASSPHRASE", None)
    if passphrase is not None:
        env["MENTORDESK_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "mentordesk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, input=stdin, timeout=300)


@pytest.fixture
def initialised(tmp_path: Path, isolated_home: Path) -> Path:
    db = tmp_path / "cli.mentordesk"
    result = run("init", str(db), "--team", "CLI-teamet", home=isolated_home)
    assert result.returncode == 0, result.stderr
    return db


def test_init_creates_encrypted_file(initialised):
    assert initialised.exists()
    assert not initialised.read_bytes().startswith(b"SQLite format 3")


def test_init_refuses_weak_passphrase_and_existing_file(tmp_path, isolated_home, initialised):
    weak = run("init", str(tmp_path / "svag.mentordesk"), passphrase="kort", home=isolated_home)
    assert weak.returncode == 2 and "mindst 12 tegn" in weak.stderr
    assert not (tmp_path / "svag.mentordesk").exists()
    before = initialised.read_bytes()
    again = run("init", str(initialised), home=isolated_home)
    assert again.returncode == 2 and "overskrevet" in again.stderr
    assert initialised.read_bytes() == before


def test_init_without_key_source_and_no_terminal_is_usage_error(tmp_path, isolated_home):
    result = run("init", str(tmp_path / "x.mentordesk"), passphrase=None, home=isolated_home,
                 stdin="")
    assert result.returncode == 2 and "MENTORDESK_PASSPHRASE" in result.stderr
    assert not (tmp_path / "x.mentordesk").exists()


def test_check_passes_on_fresh_database(initialised, isolated_home):
    result = run("check", str(initialised), home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "Adgangsloggens kæde" in result.stdout and "FEJL" not in result.stdout


def test_check_finds_tampered_audit_log(initialised, isolated_home):
    import sqlcipher3

    from mentordesk.keys import keyfile
    from mentordesk.vault import current_login

    keys = keyfile.load(initialised)
    _mine, database_key = keys.slot_for(current_login()).unlock(PASSPHRASE, keys.file_id)
    connection = sqlcipher3.connect(str(initialised))
    connection.execute(f"PRAGMA key = \"x'{database_key.hex()}'\"")
    connection.execute("DROP TRIGGER audit_event_no_update")
    connection.execute("UPDATE audit_event SET detail = 'skjult' WHERE id = 1")
    connection.commit()
    connection.close()
    result = run("check", str(initialised), home=isolated_home)
    assert result.returncode == 1
    assert "FEJL Adgangsloggens kæde" in result.stdout
    # Opening already warns (as the GUI does); the last line says the check failed.
    warning, verdict = result.stderr.strip().splitlines()
    assert warning.startswith("mentordesk: ADVARSEL") and "fejl" in verdict


@pytest.mark.parametrize("command", ["check", "citizens"])
def test_wrong_key_exits_3_with_one_line(initialised, isolated_home, command):
    before = initialised.read_bytes()
    neighbours = sorted(p.name for p in initialised.parent.iterdir())
    result = run(command, str(initialised), passphrase="det er ikke koden", home=isolated_home)
    assert result.returncode == 3
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Forkert login eller adgangskode" in lines[0]
    assert initialised.read_bytes() == before
    assert sorted(p.name for p in initialised.parent.iterdir()) == neighbours


@pytest.mark.parametrize("content,needle", [
    (b"SQLite format 3\x00" + bytes(600), "ukrypteret"),
    (b"Hej med dig\n" * 100, "tekstfil"),
    (os.urandom(100), "for lille"),
])
def test_bad_files_exit_3(tmp_path, isolated_home, content, needle):
    bad = tmp_path / "bad.mentordesk"
    bad.write_bytes(content)
    result = run("citizens", str(bad), "--json", home=isolated_home)
    assert result.returncode == 3 and needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert bad.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir()] == ["bad.mentordesk"]


def test_no_key_source_exits_3(initialised, isolated_home):
    result = run("citizens", str(initialised), passphrase=None, home=isolated_home, stdin="")
    assert result.returncode == 3 and "MENTORDESK_PASSPHRASE" in result.stderr


def test_usage_errors_exit_2(isolated_home):
    assert run(home=isolated_home).returncode == 2
    assert run("nonsense", home=isolated_home).returncode == 2
    assert run("demo", "x.db", "--citizens", "0", home=isolated_home).returncode == 2


def test_demo_then_citizens_json(tmp_path, isolated_home):
    db = tmp_path / "demo.mentordesk"
    made = run("demo", str(db), "--citizens", "15", "--years", "1", "--seed", "7",
               home=isolated_home)
    assert made.returncode == 0, made.stderr
    listed = run("citizens", str(db), "--json", home=isolated_home)
    assert listed.returncode == 0, listed.stderr
    citizens = json.loads(listed.stdout)
    assert len(citizens) == 15
    assert set(citizens[0]) == {"id", "name", "anonymous", "cpr", "mentor", "status"}
    for citizen in citizens:
        assert citizen["cpr"] == "" or citizen["cpr"].endswith("-xxxx")
        # Active and paused cases have a primary mentor (waiting and closed ones may not).
        assert citizen["mentor"] or citizen["status"] in ("waiting", "closed")
    assert sum(1 for citizen in citizens if citizen["mentor"]) >= len(citizens) // 2
    check = run("check", str(db), home=isolated_home)
    assert check.returncode == 0, check.stdout + check.stderr
