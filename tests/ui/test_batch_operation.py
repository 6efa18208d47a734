"""The batch of progression reports as the GUI runs it: the core's ``run_batch`` through
``ops.run(..., long=True)``, the same function ``mentordesk report --all`` calls. Progress
arrives by signal on the GUI thread, and the progress dialog's Cancel stops the batch with
the reports made so far."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QWidget

from mentordesk.demo import build_demo
from mentordesk.reports.progress.assemble import Period
from mentordesk.reports.progress.batch import BatchResult, Selection, run_batch
from mentordesk.vault import current_login
from ui.workspace import load_workspace

TODAY = date(2026, 11, 23)
PERIOD = Period(date(2026, 8, 1), date(2026, 10, 31))
PASSPHRASE = "rapportkørsel i brugerfladen"


@pytest.fixture
def ops(qtbot, tmp_path, make_ops):
    database = build_demo(tmp_path / "demo.mentordesk", PASSPHRASE, citizens=30, years=1,
                          today=TODAY, operator_login=current_login())
    yield make_ops(load_workspace(database))
    database.close()


def _run(qtbot, ops, out, *, cancel_on_first_progress: bool = False):
    owner = QWidget()
    qtbot.addWidget(owner)
    progress: list[tuple[int, int, str]] = []
    results: list[BatchResult] = []
    task = ops.run(run_batch, Selection(), PERIOD, out, today=TODAY, owner=owner, long=True,
                   label="Danner rapporter…", done=results.append)

    def progressed(done: int, total: int, label: str) -> None:
        progress.append((done, total, label))
        if cancel_on_first_progress:
            task.cancel()

    task.progressed.connect(progressed)
    qtbot.waitUntil(lambda: task.is_done, timeout=120_000)
    qtbot.waitUntil(lambda: bool(results), timeout=5_000)
    return results[0], progress


def test_batch_runs_on_the_worker_with_progress(qtbot, ops, tmp_path):
    out = tmp_path / "rapporter"
    result, progress = _run(qtbot, ops, out)
    assert result.total >= 10 and not result.cancelled
    assert result.reports == len(list(out.glob("*.pdf"))) == result.total - len(result.failures)
    assert progress[0][:2] == (0, result.total) and progress[-1][:2] == (result.total,
                                                                            result.total)


def test_cancel_in_the_progress_dialog_stops_the_batch(qtbot, ops, tmp_path):
    out = tmp_path / "afbrudt"
    result, _progress = _run(qtbot, ops, out, cancel_on_first_progress=True)
    assert result.cancelled and result.reports < result.total
    assert len(list(out.glob("*.pdf"))) == result.reports
