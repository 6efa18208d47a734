"""Reading again after a change: now if the view is on screen, else when it is shown.

Reads of citizen data are logged, so a view hidden behind another tab or page must not
read each time the change hub announces something it shows: it notes that it is out of
date and reads once, the next time it is shown.

A page that has read nothing yet starts ``stale`` so that its first showing reads. ``also_if``
makes a showing read even when nothing changed (e.g. the day changed since the last read).
``on_show`` is the page's own work at each Show, done before the read (e.g. reading the
choices of a filter once): so the page needs no showEvent of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class ReloadWhenShown(QObject):
    def __init__(self, view: QWidget, reload: Callable[[], None], *, stale: bool = False,
                 also_if: Callable[[], bool] | None = None,
                 on_show: Callable[[], None] | None = None) -> None:
        super().__init__(view)
        self._view, self._reload = view, reload
        self._also_if, self._on_show = also_if, on_show
        self.stale = stale
        view.installEventFilter(self)

    def __call__(self) -> None:
        if self._view.isVisible():
            self._reload()
        else:
            self.stale = True

    def forget(self) -> None:
        """The view reads anew anyway (another citizen was chosen, or it just read)."""
        self.stale = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if watched is not self._view or event.type() != QEvent.Type.Show:
            return False
        if self._on_show is not None:
            self._on_show()
        if self.stale or (self._also_if is not None and self._also_if()):
            self.stale = False
            self._reload()
        return False
