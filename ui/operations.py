"""Run the core's operations for the GUI: one runner per opened database, one change hub.

A view never builds a job from the database and the actor. It calls::

    self._ops.run(update_grant, grant_id, version, changes, original,
                  owner=self, done=self._saved)

The operation runs on the worker with this workspace's ``Context``. A newer call from the
same owner (and ``slot``) replaces an older one still in flight: the older one finishes
its work but its result is dropped, so a view needs no generation counter. Ordinary work
shows no dialog (the main window's status bar shows a thin busy bar); only ``long=True``
jobs (batch reports, imports, backups) open a cancellable progress dialog.

When an operation returns ``Result(value, changes)``, ``done`` gets the value and the
``Changes`` are published on the app-wide :class:`ChangeHub`; views subscribe to the
kinds they show. A superseded call's changes are still published: the write happened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Result
from mentordesk.kernel.context import Context
from mentordesk.server.connect import run_reconnecting
from ui.change_hub import ChangeHub as ChangeHub
from ui.tasks import Task, TaskContext, TaskRunner, show_error
from ui.workspace import Workspace

Done = Callable[[Any], object]  # what it returns is ignored
Failed = Callable[[str], None]


class Operations(QObject):
    """The front end's seam to the core for one opened workspace."""

    def __init__(self, workspace: Workspace, runner: TaskRunner, hub: ChangeHub) -> None:
        super().__init__()
        self.workspace = workspace
        self.runner = runner
        self.hub = hub
        self.context = Context(workspace.database, workspace.actor)
        self._latest: dict[tuple[int, str], Task] = {}

    @property
    def actor(self) -> Actor:
        return self.workspace.actor

    def run(self, operation: Callable[..., Any], *args: Any, owner: QWidget,
            done: Done | None = None, failed: Failed | None = None, slot: str = "",
            label: str = "", long: bool = False, report_errors: bool | None = None,
            **kwargs: Any) -> Task:
        """Run ``operation(context, *args, **kwargs)`` on the worker for ``owner``.

        ``failed`` receives the Danish message; without it the error is shown in a box
        (``report_errors`` decides otherwise). Only the newest call of an owner and slot
        reports its outcome, failures included. ``long`` jobs get a modal, cancellable
        progress dialog; the operation sees the progress and cancel request as
        ``context.progress``. A closed ``owner`` gets neither ``done`` nor ``failed``;
        what the operation changed is published anyway.
        """
        context = self.context

        def job(task_context: TaskContext) -> Any:
            # On a team server a read cut off by the network runs once more; a write is
            # never re-run (the user is told it is not saved and keeps the typed text).
            return run_reconnecting(operation, context.with_progress(task_context), *args,
                                    **kwargs)

        show_errors = failed is None if report_errors is None else report_errors
        # The box is shown here, not by the task: a superseded call's error is not shown.
        task = self.runner.submit(job, label=label, cancellable=long, modal=long,
                                  report_errors=False, parent=owner)
        key = (id(owner), slot)
        self._latest[key] = task  # an older call still running is now superseded
        # The task emits these only while its owner is alive (see Task._on_outcome).
        task.succeeded.connect(lambda result: self._succeeded(key, task, result, done))
        task.failed.connect(lambda message, details: self._failed(
            key, task, message, details, failed, show_errors))
        task.finished.connect(lambda: self._finished(key, task, owner))
        return task

    def forget(self, owner: QWidget, slot: str = "") -> None:
        """Drop the outcome of ``owner``'s call in ``slot`` still running (the view moved
        on without starting a newer one); what it changes is still announced."""
        self._latest.pop((id(owner), slot), None)

    def _is_latest(self, key: tuple[int, str], task: Task) -> bool:
        return self._latest.get(key) is task

    def _succeeded(self, key: tuple[int, str], task: Task, result: Any,
                   done: Done | None) -> None:
        if done is not None and self._is_latest(key, task):
            done(result.value if isinstance(result, Result) else result)

    def _failed(self, key: tuple[int, str], task: Task, message: str, details: str,
                failed: Failed | None, show_errors: bool) -> None:
        if not self._is_latest(key, task):
            return
        if show_errors:
            show_error(task.parent_widget, message, details)
        if failed is not None:
            failed(message)

    def _finished(self, key: tuple[int, str], task: Task, owner: QWidget) -> None:
        """After ``done``: announce what changed, also for a superseded call or a closed
        owner, since the write happened either way."""
        if self._is_latest(key, task):
            del self._latest[key]
        if isinstance(task.result, Result):
            self.hub.publish(task.result.changes, owner if shiboken6.isValid(owner) else None)
