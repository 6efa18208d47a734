"""A batch of 50+ progression reports renders without holding the write lock: a second
process saves a new citizen in the middle of the batch, and its commit completes while the
batch still has reports to render.

The batch waits (in its progress callback, between two reports of one chunk) until the
other process says it has committed. Had the batch rendered inside a write transaction,
the other process could not commit before the batch ended: it would give up with
"database is locked" and the batch would wait in vain.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from mentordesk import vault
from mentordesk.demo import build_demo
from mentordesk.kernel.context import Context
from mentordesk.reports.progress.assemble import Period
from mentordesk.reports.progress.batch import Selection, run_batch
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import Citizen

PASSPHRASE = "samtidig skrivning under rapporter"
TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 12, 0)
PERIOD = Period(date(2026, 8, 1), date(2026, 10, 31))
OPERATOR = "koordinator"
NEW_NAME = "Skrevet-under-kørslen"
START_WRITER_AT = 5  # reports done before the other process starts
COMMIT_TIMEOUT_S = 90  # far longer than the busy timeout and retries of a blocked writer

# The other process: a colleague's MentorDesk saving a new citizen.
WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from mentordesk import vault
    from mentordesk.kernel.context import Context
    from mentordesk.services.citizens import NewCitizen, create_citizen
    from mentordesk.services.team import resolve_actor

    database = vault.unlock_with_passphrase(Path(sys.argv[1]), sys.argv[2], login=sys.argv[3])
    actor = resolve_actor(database, sys.argv[3])
    create_citizen(Context(database, actor), NewCitizen(first_name="Kollega",
                                                        last_name=sys.argv[4]))
    database.close()
    print("committed", flush=True)
""")


@dataclass
class WaitForOtherWriter:
    """The batch's progress: at ``START_WRITER_AT`` it starts the other process and
    waits for its commit; it records how far the batch was when the commit came."""

    path: Path
    seen: list[tuple[float, float]] = field(default_factory=list)
    committed_at: tuple[float, float] | None = None
    writer_output: str = ""
    writer_exit: int | None = None

    def report(self, done: float, total: float = 0, message: str = "") -> None:
        self.seen.append((done, total))
        if done == START_WRITER_AT and self.writer_exit is None:
            self._run_other_writer()
            if self.writer_exit == 0:
                self.committed_at = (done, total)

    def cancelled(self) -> bool:
        return False

    def _run_other_writer(self) -> None:
        try:
            finished = subprocess.run(
                [sys.executable, "-c", WRITER, str(self.path), PASSPHRASE, OPERATOR, NEW_NAME],
                capture_output=True, text=True, timeout=COMMIT_TIMEOUT_S, env=dict(os.environ))
        except subprocess.TimeoutExpired as timeout:
            self.writer_exit, self.writer_output = -1, f"timed out: {timeout}"
            return
        self.writer_exit = finished.returncode
        self.writer_output = finished.stdout + finished.stderr


def test_another_process_commits_while_a_50_report_batch_renders(tmp_path, monkeypatch):
    monkeypatch.setenv("MENTORDESK_HOME", str(tmp_path / "home"))
    path = tmp_path / "team.mentordesk"
    build_demo(path, PASSPHRASE, citizens=80, years=1, today=TODAY,
               operator_login=OPERATOR).close()
    database = vault.unlock_with_passphrase(path, PASSPHRASE, login=OPERATOR)
    try:
        progress = WaitForOtherWriter(path)
        context = Context(database, resolve_actor(database, OPERATOR), progress)
        result = run_batch(context, Selection(), PERIOD, tmp_path / "rapporter",
                           today=TODAY, now=NOW)
        with database.read_session() as session:
            saved = session.scalars(select(Citizen.last_name)
                                    .where(Citizen.last_name == NEW_NAME)).all()
    finally:
        database.close()

    assert result.reports >= 50 and not result.failures and not result.cancelled
    assert progress.writer_exit == 0, progress.writer_output
    assert "committed" in progress.writer_output
    # The commit came while the batch had most of its reports still to render.
    assert progress.committed_at is not None
    done, total = progress.committed_at
    assert done == START_WRITER_AT and total == result.total and total - done >= 45
    assert saved == [NEW_NAME]
    assert len(list((tmp_path / "rapporter").glob("*.pdf"))) == result.reports
