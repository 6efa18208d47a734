"""Run core work off the GUI thread and bring the outcome back by signal.

ARCHITECTURE.md: database work runs on ONE worker thread. One thread keeps SQLite/SQLCipher
writers from racing each other and keeps the order of operations the order of clicks.
Each submitted job becomes a :class:`Task` that lives in the GUI thread; the worker emits
the task's private signals with a *queued* connection, so every public signal
(``succeeded``, ``failed``, ``cancelled``, ``finished``) is delivered in the GUI thread,
whatever the slot is (a lambda included).

Only *modal* jobs (long, cancellable work: creating a database, building demo data, batch
reports, restore) get a progress dialog, and only when still running after ~600 ms.
Ordinary work never takes the focus: the runner counts running non-modal jobs in
``activity`` and the main window shows a thin busy bar in its status bar.
"""

from __future__ import annotations

import logging
import queue
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from mentordesk.errors import MentorDeskError
from mentordesk.kernel.progress import Cancelled

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 600
# Progress reported as a fraction is spread over this many steps.
_FRACTION_STEPS = 1000


# The core's cancel exception: an operation stopped by ``context.progress`` ends as
# "cancelled", not as a failure.
TaskCancelled = Cancelled


class TaskContext:
    """What a running job may use: report progress and notice a cancel request.

    Used from the worker thread; the GUI side only sets the cancel flag.
    """

    def __init__(self, task: Task) -> None:
        self._task = task
        self._cancel = threading.Event()

    def report(self, done: float, total: float = 0, message: str = "") -> None:
        """``report(3, 10)`` or ``report(0.3)`` (a fraction); thread-safe."""
        if not total:
            done, total = done * _FRACTION_STEPS, _FRACTION_STEPS
        self._task._progress_in_worker.emit(int(done), int(total), message)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()

    def request_cancel(self) -> None:
        self._cancel.set()


Job = Callable[[TaskContext], Any]


class Task(QObject):
    """One submitted job. Connect to its signals right after ``submit`` returns:
    the outcome is queued to the GUI thread, so it cannot arrive before that."""

    succeeded = Signal(object)
    failed = Signal(str, str)  # Danish message for the user, technical details
    cancelled = Signal()
    progressed = Signal(int, int, str)
    finished = Signal()  # always last, after one of the three outcomes

    # Emitted from the worker thread only; connected with QueuedConnection below.
    _progress_in_worker = Signal(int, int, str)
    _outcome_in_worker = Signal(str, object, str)

    def __init__(
        self, job: Job, *, label: str, cancellable: bool, modal: bool, report_errors: bool,
        parent_widget: QWidget | None,
    ) -> None:
        super().__init__()
        self.job = job
        self.label = label
        self.cancellable = cancellable
        self.modal = modal
        self.report_errors = report_errors
        self.parent_widget = parent_widget
        self.context = TaskContext(self)
        self.is_done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.error_message = ""
        self.dialog: QProgressDialog | None = None
        self._progress_in_worker.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._outcome_in_worker.connect(self._on_outcome, Qt.ConnectionType.QueuedConnection)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._show_progress_dialog)

    def cancel(self) -> None:
        """Ask the job to stop; only jobs that check the context can honour it."""
        self.context.request_cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def run_in_worker(self) -> None:
        """Called on the worker thread: run the job, emit one outcome."""
        try:
            result = self.job(self.context)
        except TaskCancelled:
            self._outcome_in_worker.emit("cancelled", None, "")
        except Exception as error:  # noqa: BLE001 - every error must reach the user
            if self.context.cancelled():
                self._outcome_in_worker.emit("cancelled", None, "")
            else:
                self._outcome_in_worker.emit("failed", error, traceback.format_exc())
        else:
            self._outcome_in_worker.emit("succeeded", result, "")

    def _start_delay(self) -> None:
        if self.modal:
            self._delay.start(PROGRESS_DELAY_MS)

    @Slot()
    def _show_progress_dialog(self) -> None:
        if self.is_done or self._owner_gone():
            return
        dialog = QProgressDialog(self.parent_widget)
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setLabelText(self.label or self.tr("Working…"))
        dialog.setRange(0, 0)  # busy indicator until the job reports progress
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if self.cancellable:
            dialog.setCancelButtonText(self.tr("Cancel"))
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        self.dialog = dialog
        dialog.show()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self.dialog is not None and not self.is_done:
            self.dialog.setRange(0, max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))
            if message:
                self.dialog.setLabelText(message)
        self.progressed.emit(done, total, message)

    def _owner_gone(self) -> bool:
        """The widget this task works for was closed meanwhile (its C++ object deleted)."""
        return self.parent_widget is not None and not shiboken6.isValid(self.parent_widget)

    @Slot(str, object, str)
    def _on_outcome(self, kind: str, payload: object, details: str) -> None:
        self.is_done = True
        self._delay.stop()
        self._close_dialog()
        if kind == "succeeded":
            # Kept even for a closed owner: what the work changed still has to be told.
            self.result = payload
        if self._owner_gone():
            # Nobody is left to show the result to; delivering it would touch deleted
            # widgets. The work itself is done (or failed) in the core either way.
            self.finished.emit()
            return
        if kind == "succeeded":
            self.succeeded.emit(payload)
        elif kind == "cancelled":
            self.cancelled.emit()
        else:
            self._report_failure(payload, details)
        self.finished.emit()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            # The dialog must not emit canceled() while closing (it would re-cancel).
            self.dialog.canceled.disconnect()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _report_failure(self, error: object, details: str) -> None:
        self.error = error if isinstance(error, BaseException) else None
        if isinstance(error, MentorDeskError):
            # The core's message is a complete Danish sentence meant for the user.
            message, details = str(error), ""
        else:
            log.error("Task %r failed:\n%s", self.label, details)
            message = self.tr(
                "An unexpected error stopped the action. Please try again, and contact "
                "support if it happens again (the details help them)."
            )
        self.error_message = message
        self.failed.emit(message, details)
        if self.report_errors:
            show_error(self.parent_widget, message, details)


def show_error(parent: QWidget | None, message: str, details: str = "") -> QMessageBox:
    """A non-blocking error box (``open`` not ``exec``: tests and the worker go on)."""
    if parent is not None and not shiboken6.isValid(parent):
        parent = None  # the window that asked is gone; the message still matters
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("MentorDesk")  # the product name is not translated
    # Messages quote what users typed: "<b>" must show as typed, never as markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # A box without a parent is owned by Python only: keep it alive until it closes.
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return box


_open_boxes: set[QMessageBox] = set()


class _Worker(QThread):
    """The single worker thread: runs tasks one at a time, in submission order."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mentordesk-worker")
        self.jobs: queue.Queue[Task | Callable[[], None] | None] = queue.Queue()

    def run(self) -> None:
        while True:
            item = self.jobs.get()
            if item is None:
                return
            if isinstance(item, Task):
                item.run_in_worker()
            else:
                item()


class TaskRunner(QObject):
    """Submits jobs to the worker thread. One per application."""

    # Non-modal jobs running now, and the label of the newest: the status bar's busy bar.
    activity = Signal(int, str)
    # Every task as it is queued: a view's own busy bar (views/common/loading_bar.py).
    submitted = Signal(object)  # Task

    def __init__(self) -> None:
        super().__init__()
        self._worker = _Worker()
        self._worker.start()
        self._pending: set[Task] = set()
        self._background: list[Task] = []

    def submit(
        self,
        job: Job,
        *,
        label: str = "",
        cancellable: bool = False,
        modal: bool | None = None,
        report_errors: bool = True,
        parent: QWidget | None = None,
    ) -> Task:
        """Queue ``job(context)``. With ``report_errors`` a failure shows an error box;
        pass False when the caller shows the message itself (e.g. inline). ``modal``
        (default: the same as ``cancellable``) decides whether a progress dialog may open."""
        task = Task(job, label=label, cancellable=cancellable,
                    modal=cancellable if modal is None else modal,
                    report_errors=report_errors, parent_widget=parent)
        # Keep a reference until done: the worker's queued signals need a live receiver.
        self._pending.add(task)
        task.finished.connect(lambda: self._finished(task))
        if not task.modal:
            self._background.append(task)
            self.activity.emit(len(self._background), label)
        task._start_delay()
        self.submitted.emit(task)
        self._worker.jobs.put(task)
        return task

    def _finished(self, task: Task) -> None:
        self._pending.discard(task)
        if task in self._background:
            self._background.remove(task)
            newest = self._background[-1].label if self._background else ""
            self.activity.emit(len(self._background), newest)

    def is_idle(self) -> bool:
        return not self._pending

    def stop(self, cleanup: Callable[[], None] | None = None) -> None:
        """Run ``cleanup`` on the worker (after queued jobs), then end the thread.

        Closing databases on the thread that used them is why cleanup runs there.
        """
        if not self._worker.isRunning():
            return
        if cleanup is not None:
            self._worker.jobs.put(_logged(cleanup))
        self._worker.jobs.put(None)
        self._worker.wait()


def _logged(cleanup: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        try:
            cleanup()
        except Exception:
            log.exception("Cleanup on the worker thread failed")

    return run
