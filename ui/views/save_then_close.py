""""Gem" in the close question: save what can be saved, then close only if that worked.

Every place holding unsaved edits saves through its own normal path (``save_changes()``),
so a failure is shown there as usual (a red line under the sheet, a conflict dialog, an
error box). Saving runs on the worker; once the worker has settled (a failed save may
start a further read, e.g. to offer the conflict dialog), the window closes if nothing
is left unsaved and otherwise stays open on the first place still holding edits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, QTimer

from ui.tasks import TaskRunner


@runtime_checkable
class Savable(Protocol):
    def save_changes(self) -> None:
        """Start saving the unsaved edits through the view's normal save path."""


def can_save(widget: object) -> bool:
    """Whether the close question may offer "Gem" for this place."""
    check = getattr(widget, "can_save_changes", None)
    if check is not None:
        return bool(check())
    return isinstance(widget, Savable)


class SaveThenClose(QObject):
    """One "Gem" answer: starts the saves and, when the worker is idle, decides."""

    def __init__(self, runner: TaskRunner, places: Sequence[Savable],
                 still_unsaved: Callable[[], bool], close: Callable[[], None],
                 stay: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._still_unsaved = still_unsaved
        self._close, self._stay = close, stay
        self._done = False
        runner.activity.connect(self._on_activity)
        for place in places:
            place.save_changes()
        # A save refused before it reached the worker (e.g. a field in error) starts no
        # job: decide on the next turn of the event loop then.
        QTimer.singleShot(0, self._decide_if_idle)

    def _on_activity(self, running: int, _label: str) -> None:
        if not running:
            # The outcome callbacks run before the runner counts the job as finished;
            # a job they start is pending already, so idle here means truly settled.
            QTimer.singleShot(0, self._decide_if_idle)

    def _decide_if_idle(self) -> None:
        if self._done or not self._runner.is_idle():
            return
        self._done = True
        self._runner.activity.disconnect(self._on_activity)
        if self._still_unsaved():
            self._stay()
        else:
            self._close()
        self.deleteLater()
