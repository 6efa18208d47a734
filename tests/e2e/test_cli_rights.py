"""export-citizen, audit-prune and audit-review as real processes with exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from mentordesk import vault
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.team import resolve_actor

PASSPHRASE = "indsigt på kommandolinjen 7"


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MENTORDESK_HOME=str(home), MENTORDESK_PASSPHRASE=PASSPHRASE,
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    return subprocess.run([sys.executable, "-m", "mentordesk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=300,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def db(tmp_path: Path, isolated_home: Path) -> tuple[Path, int]:
    path = tmp_path / "hold.mentordesk"
    assert run("init", str(path), "--team", "Indsigtsteamet", home=isolated_home).returncode == 0
    database = vault.unlock_with_passphrase(path, PASSPHRASE)
    try:
        actor = resolve_actor(database, vault.current_login())
        citizen = create_citizen(Context(database, actor), NewCitizen(
            first_name="Rikke", last_name="Indsigt", note="<b>fed</b> & =1+1")).value
    finally:
        database.close()
    return path, citizen


def test_export_citizen_writes_the_package(db, tmp_path, isolated_home):
    path, citizen = db
    out = tmp_path / "ud" / "indsigt.zip"
    result = run("export-citizen", str(path), "--citizen", str(citizen), "--out", str(out),
                 home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "Indsigtspakken er gemt" in result.stdout
    data = json.loads(zipfile.ZipFile(out).read("data/borgerdata.json"))
    assert data["tabeller"]["citizen"]["rækker"][0]["note"] == "<b>fed</b> & =1+1"


def test_export_of_unknown_citizen_fails_cleanly(db, tmp_path, isolated_home):
    path, _citizen = db
    out = tmp_path / "x.zip"
    result = run("export-citizen", str(path), "--citizen", "999", "--out", str(out),
                 home=isolated_home)
    assert result.returncode == 2 and "findes ikke" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not out.exists()


def test_audit_prune_keeps_check_passing(db, isolated_home):
    path, _citizen = db
    result = run("audit-prune", str(path), home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "0 hændelser" in result.stdout
    assert run("check", str(path), home=isolated_home).returncode == 0


def test_audit_review_writes_the_month_pdf(db, tmp_path, isolated_home, pdf_text):
    path, _citizen = db
    out = tmp_path / "logkontrol.pdf"
    month = date.today().strftime("%Y-%m")
    result = run("audit-review", str(path), "--month", month, "--out", str(out),
                 home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "Logkontrol" in pdf_text(out)
    bad = run("audit-review", str(path), "--month", "november", "--out", str(out),
              home=isolated_home)
    assert bad.returncode == 2 and "ÅÅÅÅ-MM" in bad.stderr

