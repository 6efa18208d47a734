"""``init`` and ``demo`` build the new file under a temporary name and rename it at the
end: killed half-way, they leave nothing at the real name that passes ``check`` or blocks
a retry, and the retry clears the dead build away."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_cli import run

from mentordesk.services import new_team


def _builds(folder: Path, name: str) -> list[Path]:
    return sorted(entry for entry in folder.iterdir()
                  if entry.name.startswith(f".{name}.") and entry.name.endswith(".ny"))


def test_a_demo_killed_half_way_leaves_no_database_and_the_retry_works(tmp_path,
                                                                       isolated_home):
    db = tmp_path / "demo.mentordesk"
    env = dict(os.environ, MENTORDESK_HOME=str(isolated_home),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    demo = subprocess.Popen([sys.executable, "-m", "mentordesk", "demo", str(db),
                             "--citizens", "120", "--years", "3"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    # Kill it once the build has written real data (the write-ahead log is growing).
    while not any(side.stat().st_size > 200_000 for build in _builds(tmp_path, db.name)
                  for side in (build, build.with_name(build.name + "-wal")) if side.exists()):
        assert demo.poll() is None, "the demo finished before it could be killed"
        assert time.monotonic() < deadline, "the demo wrote no temporary build"
        time.sleep(0.05)
    demo.send_signal(signal.SIGKILL)
    demo.wait(timeout=30)

    assert not db.exists()
    assert _builds(tmp_path, db.name), "the killed build should still be lying there"
    checked = run("check", str(db), home=isolated_home)
    assert checked.returncode == 3 and "findes ikke" in checked.stderr

    retry = run("demo", str(db), "--citizens", "3", "--years", "1", home=isolated_home)
    assert retry.returncode == 0, retry.stderr
    assert run("check", str(db), home=isolated_home).returncode == 0
    assert _builds(tmp_path, db.name) == []  # the dead build was removed
    assert sorted(entry.name for entry in tmp_path.iterdir()
                  if entry.name.startswith((".demo", "demo"))) == ["demo.mentordesk",
                                                                   "demo.mentordesk.keys"]


def test_init_failing_before_the_end_leaves_nothing(tmp_path, monkeypatch):
    def fail(*_args, **_kwargs):
        raise RuntimeError("strømmen gik")

    monkeypatch.setattr(new_team, "register_first_admin", fail)
    db = tmp_path / "team.mentordesk"
    with pytest.raises(RuntimeError, match="strømmen gik"):
        new_team.create_database(db, "en god lang adgangskode 2026", team_name="Teamet")
    assert list(tmp_path.iterdir()) == []
