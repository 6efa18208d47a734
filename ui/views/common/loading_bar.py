"""A thin busy bar across the top of a view while that view's own work is running.

The status bar's busy bar says that *something* is running; this one says *where*: the
citizens list being searched, a record tab reading its citizen, the hours page counting.
It lies over the view's top edge (outside any layout, so it never moves or resizes what
is below it), takes neither the focus nor a click, and appears only when the work takes
noticeably long, so quick loads never flicker.

A view gets one with ``LoadingBar(view, runner)``. It shows the ordinary (non-modal)
work of every widget inside the view, unless a nearer view inside it has a bar of its
own: the record tab's bar shows the tab's loads, the citizens area's bar the search.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressBar, QWidget

from ui.tasks import Task, TaskRunner

# As the status bar's busy bar: work done sooner is never announced.
SHOW_AFTER_MS = 300
HEIGHT = 4


class LoadingBar(QProgressBar):
    def __init__(self, view: QWidget, runner: TaskRunner) -> None:
        super().__init__(view)
        self.setObjectName("loadingBar")
        self.setRange(0, 0)  # indeterminate: a load reports no steps
        self.setTextVisible(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(self.tr("Loading…"))
        self.hide()
        self._view = view
        self._running: set[Task] = set()
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SHOW_AFTER_MS)
        self._delay.timeout.connect(self._appear)
        view.installEventFilter(self)
        runner.submitted.connect(self._on_submitted)

    def is_loading(self) -> bool:
        """Work of this view is running (whether or not the bar shows yet)."""
        return bool(self._running)

    def _on_submitted(self, task: Task) -> None:
        if task.modal or not self._shows_work_of(task.parent_widget):
            return
        self._running.add(task)
        # A bound slot: Qt drops the connection if this bar is gone before the task ends.
        task.finished.connect(self._on_finished)
        if not self._delay.isActive() and self.isHidden():
            self._delay.start()

    def _shows_work_of(self, owner: QWidget | None) -> bool:
        """The nearest view around ``owner`` that has a bar is this bar's view."""
        widget = owner
        while widget is not None:
            bar = widget.findChild(LoadingBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if bar is not None:
                return bar is self
            widget = widget.parentWidget()
        return False

    def _on_finished(self) -> None:
        self._running.discard(self.sender())  # type: ignore[arg-type]
        if not self._running:
            self._delay.stop()
            self.hide()

    def _appear(self) -> None:
        if self._running:
            self._fit()
            self.show()
            self.raise_()

    def _fit(self) -> None:
        self.setGeometry(0, 0, self._view.width(), HEIGHT)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if watched is self._view and event.type() == QEvent.Type.Resize:
            self._fit()
        return False
