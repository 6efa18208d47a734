"""ui.operations: one runner for every view — newest call wins, results unwrapped,
changes announced on the hub, errors in Danish, no modal dialog for ordinary work."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget

from mentordesk.errors import CannotOpenDatabase
from mentordesk.kernel.changes import Changes, Kind, Result
from mentordesk.kernel.progress import raise_if_cancelled
from ui.operations import Operations

TIMEOUT = 5_000
PLAN_OF_3 = Changes.of(Kind.PLAN, citizen=3)


def visible(kind: type) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


@pytest.fixture(autouse=True)
def close_boxes():
    yield
    for box in visible(QMessageBox):
        box.close()


@pytest.fixture
def ops(runner, hub) -> Operations:
    # The runner never looks into the workspace: operations here are plain functions.
    workspace = SimpleNamespace(database=object(), actor=SimpleNamespace(user_id=1))
    return Operations(workspace, runner, hub)  # type: ignore[arg-type]


@pytest.fixture
def owner(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def announced(hub) -> list[tuple[Changes, object]]:
    seen: list[tuple[Changes, object]] = []
    hub.changed.connect(lambda changes: seen.append((changes, hub.origin)))
    return seen


def blocked(release: threading.Event, value: object):
    def operation(_context):
        release.wait(TIMEOUT / 1000)
        return value
    return operation


def test_the_operation_gets_the_workspace_context_and_its_arguments(qtbot, ops, owner):
    got: list[object] = []
    task = ops.run(lambda context, a, b=0: (context.database, context.actor, a, b), 1, b=2,
                   owner=owner, done=got.append)
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    assert got == [(ops.context.database, ops.context.actor, 1, 2)]


def test_a_newer_call_from_the_same_owner_and_slot_replaces_a_running_one(qtbot, ops, owner):
    release = threading.Event()
    got: list[object] = []
    older = ops.run(blocked(release, "older"), owner=owner, slot="load", done=got.append)
    newer = ops.run(lambda _context: "newer", owner=owner, slot="load", done=got.append)
    release.set()
    with qtbot.waitSignals([older.finished, newer.finished], timeout=TIMEOUT):
        pass
    assert got == ["newer"]


def test_an_older_result_already_back_from_the_worker_is_still_dropped(qtbot, ops, owner):
    """The worker finished the older call before the newer was made, but its outcome had
    not reached the GUI yet: only the newest answer is shown."""
    finished_in_worker = threading.Event()
    got: list[object] = []

    def older_operation(_context):
        finished_in_worker.set()
        return "older"

    older = ops.run(older_operation, owner=owner, done=got.append)
    assert finished_in_worker.wait(TIMEOUT / 1000)
    time.sleep(0.05)  # the outcome is queued to the GUI thread, not yet delivered
    newer = ops.run(lambda _context: "newer", owner=owner, done=got.append)
    with qtbot.waitSignals([older.finished, newer.finished], timeout=TIMEOUT):
        pass
    assert got == ["newer"]


def test_different_slots_and_owners_do_not_replace_each_other(qtbot, ops, owner):
    other = QWidget()
    qtbot.addWidget(other)
    got: list[object] = []
    tasks = [ops.run(lambda _context: "list", owner=owner, slot="list", done=got.append),
             ops.run(lambda _context: "detail", owner=owner, slot="detail", done=got.append),
             ops.run(lambda _context: "other", owner=other, slot="list", done=got.append)]
    with qtbot.waitSignals([task.finished for task in tasks], timeout=TIMEOUT):
        pass
    assert got == ["list", "detail", "other"]


def test_a_result_is_unwrapped_and_its_changes_announced_once(qtbot, ops, owner, announced):
    got: list[object] = []
    task = ops.run(lambda _context: Result("gemt", PLAN_OF_3), owner=owner, done=got.append)
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    assert got == ["gemt"]
    assert announced == [(PLAN_OF_3, owner)]
    assert ops.hub.origin is None  # only set while the change is being announced


def test_done_comes_before_the_announcement(qtbot, ops, owner, hub):
    order: list[str] = []
    hub.changed.connect(lambda _changes: order.append("hub"))
    task = ops.run(lambda _context: Result(1, PLAN_OF_3), owner=owner,
                   done=lambda _value: order.append("done"))
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    assert order == ["done", "hub"]


def test_a_superseded_write_still_announces_its_changes(qtbot, ops, owner, announced):
    release = threading.Event()
    got: list[object] = []
    older = ops.run(blocked(release, Result("older", PLAN_OF_3)), owner=owner,
                    done=got.append)
    newer = ops.run(lambda _context: Result("newer", Changes.of(Kind.GRANTS, citizen=3)),
                    owner=owner, done=got.append)
    release.set()
    with qtbot.waitSignals([older.finished, newer.finished], timeout=TIMEOUT):
        pass
    assert got == ["newer"]
    assert [changes for changes, _origin in announced] == [
        PLAN_OF_3, Changes.of(Kind.GRANTS, citizen=3)]


def test_nothing_changed_announces_nothing(qtbot, ops, owner, announced):
    task = ops.run(lambda _context: Result("læst"), owner=owner)
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    assert announced == []


def test_a_failure_gives_failed_the_danish_message_and_shows_no_box(qtbot, ops, owner):
    def refuses(_context):
        raise CannotOpenDatabase("Databasen kunne ikke åbnes: forkert adgangskode.")

    messages: list[str] = []
    done: list[object] = []
    task = ops.run(refuses, owner=owner, done=done.append, failed=messages.append)
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    assert messages == ["Databasen kunne ikke åbnes: forkert adgangskode."]
    assert done == []
    assert visible(QMessageBox) == []


def test_without_failed_the_error_is_shown_in_a_box(qtbot, ops, owner):
    def crashes(_context):
        raise ZeroDivisionError("division by zero")

    task = ops.run(crashes, owner=owner)
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    [box] = visible(QMessageBox)
    assert box.text().startswith("En uventet fejl")


def test_a_superseded_failure_is_not_reported_to_failed(qtbot, ops, owner):
    release = threading.Event()

    def fails_late(_context):
        release.wait(TIMEOUT / 1000)
        raise CannotOpenDatabase("Den gamle søgning fejlede.")

    messages: list[str] = []
    older = ops.run(fails_late, owner=owner, failed=messages.append)
    newer = ops.run(lambda _context: "ny", owner=owner, failed=messages.append)
    release.set()
    with qtbot.waitSignals([older.finished, newer.finished], timeout=TIMEOUT):
        pass
    assert messages == []


def test_a_closed_owner_gets_nothing_but_its_changes_are_announced(qtbot, ops, announced):
    owner = QPushButton("ejer")
    release = threading.Event()
    got: list[object] = []
    task = ops.run(blocked(release, Result("gemt", PLAN_OF_3)), owner=owner,
                   done=got.append, failed=got.append)
    failing = ops.run(lambda _context: 1 / 0, owner=owner, slot="other", failed=got.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner), timeout=TIMEOUT)
    release.set()
    with qtbot.waitSignals([task.finished, failing.finished], timeout=TIMEOUT):
        pass
    assert got == []
    assert visible(QMessageBox) == [] and visible(QProgressDialog) == []
    assert announced == [(PLAN_OF_3, None)]


def test_slow_ordinary_work_never_opens_a_dialog_only_the_busy_bar(qtbot, ops, owner,
                                                                    runner):
    busy: list[int] = []
    runner.activity.connect(lambda running, _label: busy.append(running))
    release = threading.Event()
    task = ops.run(blocked(release, "svar"), owner=owner, label="Henter…")
    qtbot.wait(1_200)  # well past the progress dialog's delay
    assert visible(QProgressDialog) == [] and task.dialog is None
    release.set()
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    assert busy == [1, 0]
    assert visible(QProgressDialog) == []


def test_long_work_shows_a_progress_dialog_and_can_be_cancelled(qtbot, ops, owner):
    owner.show()
    got: list[object] = []

    def batch(context):
        for step in range(500):
            raise_if_cancelled(context.progress)
            context.progress.report(step, 500, "Laver rapport")
            time.sleep(0.01)
        return "alle"

    task = ops.run(batch, owner=owner, long=True, label="Laver rapporter…",
                   done=got.append, failed=got.append)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(),
                    timeout=TIMEOUT)
    dialog = task.dialog
    qtbot.waitUntil(lambda: dialog.maximum() == 500, timeout=TIMEOUT)
    assert dialog.labelText() == "Laver rapport"
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button.text() == "Annuller"
    with qtbot.waitSignal(task.cancelled, timeout=TIMEOUT):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert got == []
    assert visible(QProgressDialog) == []


def test_forget_drops_a_running_call_but_not_its_changes(qtbot, ops, owner, announced):
    release = threading.Event()
    got: list[object] = []
    task = ops.run(blocked(release, Result("gammel", PLAN_OF_3)), owner=owner, slot="load",
                   done=got.append)
    ops.forget(owner, "load")
    release.set()
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    assert got == []
    assert announced == [(PLAN_OF_3, owner)]


def test_a_superseded_failure_shows_no_box(qtbot, ops, owner):
    release = threading.Event()

    def fails_late(_context):
        release.wait(TIMEOUT / 1000)
        raise CannotOpenDatabase("Den gamle søgning fejlede.")

    older = ops.run(fails_late, owner=owner)
    newer = ops.run(lambda _context: "ny", owner=owner)
    release.set()
    with qtbot.waitSignals([older.finished, newer.finished], timeout=TIMEOUT):
        pass
    assert visible(QMessageBox) == []
