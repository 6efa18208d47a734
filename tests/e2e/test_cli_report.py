"""``mentordesk report`` as a script runs it: real processes on a small demo database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "rapport-kommandolinje 2026"


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["MENTORDESK_HOME"] = str(home)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["MENTORDESK_PASSPHRASE"] = PASSPHRASE
    return subprocess.run([sys.executable, "-m", "mentordesk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=300)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    db = tmp_path_factory.mktemp("cli") / "demo.mentordesk"
    result = run("demo", str(db), "--citizens", "15", "--years", "1", home=home)
    assert result.returncode == 0, result.stderr
    return db, home


def _active_ids(db: Path, home: Path) -> list[int]:
    listed = run("citizens", str(db), "--json", home=home)
    return [row["id"] for row in json.loads(listed.stdout) if row["status"] == "active"]


def test_all_active_citizens_one_pdf_per_authority(demo, tmp_path, pdf_text):
    db, home = demo
    out = tmp_path / "rapporter"
    result = run("report", str(db), "--all", "--from", "01-01-2026", "--to", "31-12-2026",
                 "--out", str(out), home=home)
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.pdf"))
    # Every active citizen is reported on, once per authority with a grant in the period.
    reported = {int(path.name.split(" nr ")[1].split()[0]) for path in files}
    assert reported == set(_active_ids(db, home)) and len(files) >= len(reported) > 0
    assert f"{len(files)} af {len(files)} rapporter er dannet" in result.stdout
    assert "Side 1 af" in pdf_text(files[0])


def test_one_citizen_to_a_file_and_a_combined_file(demo, tmp_path, pdf_text):
    db, home = demo
    citizen = _active_ids(db, home)[0]
    target = tmp_path / "én rapport.pdf"
    single = run("report", str(db), "--citizen", str(citizen), "--from", "01-06-2026",
                 "--to", "30-09-2026", "--out", str(target), home=home)
    assert single.returncode == 0, single.stderr
    assert "01-06-2026 – 30-09-2026" in pdf_text(target)
    combined = tmp_path / "samlet.pdf"
    result = run("report", str(db), "--all", "--from", "01-06-2026", "--to", "30-09-2026",
                 "--out", str(combined), "--combined", home=home)
    assert result.returncode == 0, result.stderr
    made = int(result.stdout.split(" af ")[0].split()[-1])
    assert made >= len(_active_ids(db, home))
    assert pdf_text(combined).count("Side 1 af") == made


def test_usage_errors_exit_2_with_one_line(demo, tmp_path):
    db, home = demo
    missing_period = run("report", str(db), "--all", "--out", str(tmp_path / "x"), home=home)
    assert missing_period.returncode == 2 and "--from" in missing_period.stderr
    backwards = run("report", str(db), "--all", "--from", "31-12-2026", "--to", "01-01-2026",
                    "--out", str(tmp_path / "x"), home=home)
    assert backwards.returncode == 2 and "før startdatoen" in backwards.stderr
    unknown = run("report", str(db), "--citizen", "99999", "--out", str(tmp_path / "x.pdf"),
                  home=home)
    assert unknown.returncode == 2 and "ikke adgang" in unknown.stderr
    assert not (tmp_path / "x").exists() and not (tmp_path / "x.pdf").exists()
