"""ui.tasks: work off the GUI thread, results by signal, late progress dialog, errors."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from mentordesk.errors import CannotOpenDatabase
from ui.tasks import PROGRESS_DELAY_MS, TaskCancelled


def visible_message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


def visible_progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def test_job_runs_off_the_gui_thread_and_result_arrives_on_it(qtbot, runner):
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def job(_context):
        seen["worker"] = threading.current_thread().name
        return 42

    task = runner.submit(job)
    task.succeeded.connect(lambda value: seen.update(value=value,
                                                     on_gui=QThread.currentThread() is gui_thread))
    qtbot.waitUntil(lambda: "value" in seen, timeout=2_000)

    assert seen["value"] == 42
    assert seen["on_gui"] is True
    assert seen["worker"] != threading.main_thread().name
    qtbot.waitUntil(runner.is_idle)


def test_jobs_run_one_at_a_time_in_order(qtbot, runner):
    order: list[int] = []
    tasks = [runner.submit(lambda _context, n=n: order.append(n)) for n in range(5)]
    qtbot.waitUntil(lambda: all(task.is_done for task in tasks), timeout=2_000)
    assert order == [0, 1, 2, 3, 4]


def test_quick_job_shows_no_progress_dialog(qtbot, runner):
    task = runner.submit(lambda _context: None, label="Hurtig")
    with qtbot.waitSignal(task.finished, timeout=2_000):
        pass
    qtbot.wait(PROGRESS_DELAY_MS + 100)
    assert task.dialog is None
    assert not visible_progress_dialogs()


def test_slow_cancellable_job_shows_progress_and_can_be_cancelled(qtbot, runner):
    def slow(context):
        for step in range(200):
            context.raise_if_cancelled()
            context.report(step, 200)
            time.sleep(0.01)
        return "done"

    task = runner.submit(slow, label="Bygger…", cancellable=True)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=2_000)
    assert task.dialog.labelText() == "Bygger…"

    cancel_button = task.dialog.findChild(QPushButton)
    assert cancel_button.text() == "Annuller"

    with qtbot.waitSignal(task.cancelled, timeout=3_000):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert task.dialog is None
    assert not visible_progress_dialogs()


def test_core_error_is_reported_with_its_danish_text(qtbot, runner):
    def fails(_context):
        raise CannotOpenDatabase("Databasen kunne ikke åbnes: forkert adgangskode.")

    task = runner.submit(fails)
    with qtbot.waitSignal(task.failed, timeout=2_000) as failed:
        pass

    assert failed.args == ["Databasen kunne ikke åbnes: forkert adgangskode.", ""]
    assert any(box.text() == failed.args[0] for box in visible_message_boxes())


def test_unexpected_error_gets_generic_danish_message_with_details(qtbot, runner):
    def crashes(_context):
        raise ZeroDivisionError("division by zero")

    task = runner.submit(crashes, report_errors=True)
    with qtbot.waitSignal(task.failed, timeout=2_000) as failed:
        pass

    message, details = failed.args
    assert message.startswith("En uventet fejl")
    assert "ZeroDivisionError" in details
    box = next(box for box in visible_message_boxes() if box.text() == message)
    assert "ZeroDivisionError" in box.detailedText()


def test_errors_can_be_left_to_the_caller(qtbot, runner):
    task = runner.submit(lambda _context: 1 / 0, report_errors=False)
    with qtbot.waitSignal(task.failed, timeout=2_000):
        pass
    assert not visible_message_boxes()
    assert isinstance(task.error, ZeroDivisionError)


def test_cancel_exception_without_request_is_still_cancelled(qtbot, runner):
    def gives_up(_context):
        raise TaskCancelled()

    task = runner.submit(gives_up)
    with qtbot.waitSignal(task.cancelled, timeout=2_000):
        pass


@pytest.fixture(autouse=True)
def close_message_boxes():
    yield
    for box in visible_message_boxes():
        box.close()


def test_result_for_a_closed_window_is_dropped_quietly(qtbot, runner):
    """A view closed while its work runs must not receive the result (its widgets are
    gone), and no progress dialog or error box may appear for it."""
    owner = QPushButton("ejer")
    release = threading.Event()
    delivered: list[object] = []
    task = runner.submit(lambda _context: release.wait(5) and "resultat", parent=owner)
    task.succeeded.connect(delivered.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner), timeout=2_000)
    release.set()
    with qtbot.waitSignal(task.finished, timeout=3_000):
        pass
    assert delivered == []
    assert visible_progress_dialogs() == [] and visible_message_boxes() == []


def test_error_text_is_shown_literally(qtbot, runner):
    def job(_context):
        raise CannotOpenDatabase("Filen <b>x</b> & y kunne ikke åbnes.")

    task = runner.submit(job)
    with qtbot.waitSignal(task.finished, timeout=3_000):
        pass
    boxes = visible_message_boxes()
    assert boxes and boxes[-1].text() == "Filen <b>x</b> & y kunne ikke åbnes."
    assert boxes[-1].textFormat() == Qt.TextFormat.PlainText
    for box in boxes:
        box.close()
