"""A citizen's record: who it is (name, "Anonym" badge, status, primary mentor) above tabs —
"Oversigt" (the case details), "Mentorer", then the tabs other areas contribute
(``ui.views.areas.CitizenTab``, created by the factories the window passes in).

The record is read once per selection (``get_citizen_record``, one audited read) and
handed to the built-in tabs; every contributed tab loads its own data in ``show_citizen``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QStackedLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import CitizenStatus
from mentordesk.kernel.context import Context
from mentordesk.services.assignments import PRIMARY, AssignmentRow
from mentordesk.services.case_record import CitizenDetails, get_citizen_record
from ui.operations import Operations
from ui.tasks import TaskContext
from ui.views.areas import CitizenTab
from ui.views.citizens.mentors_tab import MentorsTab
from ui.views.citizens.overview_tab import OverviewTab

CitizenTabFactory = Callable[[Operations], CitizenTab]

_BADGE_STYLE = ("background: #6a3d9a; color: white; border-radius: 4px; padding: 2px 8px; "
                "font-weight: bold;")


class CitizenRecord(QFrame):
    loaded = Signal(int)  # citizen id, once the record is on screen
    changed = Signal(int)  # citizen id, after anything in the record was saved

    def __init__(self, ops: Operations,
                 tab_factories: Sequence[CitizenTabFactory] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPane")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        workspace, runner = ops.workspace, ops.runner
        self._workspace = workspace
        self._runner = runner
        self._generation = 0
        self._citizen_id: int | None = None
        self.overview = OverviewTab(workspace, runner)
        self.mentors = MentorsTab(workspace, runner)
        self.extra_tabs = [factory(ops) for factory in tab_factories]
        self.tabs = QTabWidget()
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.mentors, self.tr("Mentors"))
        for tab in self.extra_tabs:
            self.tabs.addTab(tab, tab.tab_title())
        self.overview.saved.connect(self._on_saved)
        self.overview.reload_requested.connect(self.reload)
        self.mentors.changed.connect(self._on_mentors_changed)
        self.placeholder = QLabel(self.tr("Select a citizen to see the case."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self._content())
        QVBoxLayout(self).addLayout(self._stack)

    def _content(self) -> QWidget:
        self.name_label = QLabel()
        self.name_label.setObjectName("pageTitle")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        self.anonymous_badge = QLabel(self.tr("Anonymous (§99)"))
        self.anonymous_badge.setStyleSheet(_BADGE_STYLE)
        self.anonymous_badge.setToolTip(self.tr(
            "Registered under §99 with an alias only, without a CPR number."))
        self.status_label = QLabel()
        self.mentor_label = QLabel()
        self.mentor_label.setTextFormat(Qt.TextFormat.PlainText)
        title = QHBoxLayout()
        title.addWidget(self.name_label)
        title.addWidget(self.anonymous_badge)
        title.addStretch(1)
        title.addWidget(self.status_label)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(title)
        layout.addWidget(self.mentor_label)
        layout.addWidget(self.tabs, 1)
        return content

    # -- which citizen ----------------------------------------------------------------

    @property
    def citizen_id(self) -> int | None:
        return self._citizen_id

    def has_unsaved_changes(self) -> bool:
        """Edits not saved in the case form or in any tab (e.g. the economy sheet)."""
        return self.overview.has_unsaved_changes() or any(
            tab.has_unsaved_changes() for tab in self.extra_tabs)

    def unsaved_tabs(self) -> list[QWidget]:
        """The tabs holding unsaved edits, in tab order."""
        tabs: list[QWidget] = [self.overview] if self.overview.has_unsaved_changes() else []
        return tabs + [tab for tab in self.extra_tabs if tab.has_unsaved_changes()]

    def unsaved_summary(self) -> str:
        """E.g. "Bodil Bæk (Oversigt, Økonomi)": where closing the app would lose edits."""
        titles = [self.tabs.tabText(self.tabs.indexOf(tab)) for tab in self.unsaved_tabs()]
        return f"{self.name_label.text()} ({', '.join(titles)})" if titles else ""

    def show_unsaved(self) -> None:
        """Bring the first tab with unsaved edits forward (the user chose to stay)."""
        tabs = self.unsaved_tabs()
        if tabs:
            self.tabs.setCurrentWidget(tabs[0])

    def show_citizen(self, citizen_id: int | None) -> None:
        self._citizen_id = citizen_id
        self._generation += 1
        for tab in self.extra_tabs:
            tab.show_citizen(citizen_id)
        if citizen_id is None:
            self.overview.clear()
            self.mentors.set_rows(None, ())
            self._stack.setCurrentIndex(0)
            return
        self._load(citizen_id, self._generation)

    def reload(self) -> None:
        if self._citizen_id is not None:
            self._generation += 1
            self._load(self._citizen_id, self._generation)

    def _load(self, citizen_id: int, generation: int) -> None:
        database, actor = self._workspace.database, self._workspace.actor

        def job(_context: TaskContext) -> CitizenDetails:
            return get_citizen_record(Context(database, actor), citizen_id)

        task = self._runner.submit(job, label=self.tr("Loading the case…"), parent=self)
        task.succeeded.connect(lambda details: self._show(generation, details))

    def _show(self, generation: int, details: CitizenDetails) -> None:
        if generation != self._generation:
            return  # the user chose another citizen meanwhile
        self.overview.set_details(details)
        self._show_header(details)
        self.mentors.set_rows(details.id, details.assignments,
                              closed=details.status is CitizenStatus.CLOSED)
        self._stack.setCurrentIndex(1)
        self.loaded.emit(details.id)

    def focus_form(self) -> None:
        """Enter on the list: into the record's first field, ready to type."""
        self.tabs.setCurrentWidget(self.overview)
        first = "alias" if self.overview.anonymous_check.isChecked() else "first_name"
        self.overview.fields[first].setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- after changes ----------------------------------------------------------------

    def _on_saved(self, details: CitizenDetails) -> None:
        self._show_header(details)
        self.mentors.set_rows(details.id, details.assignments,
                              closed=details.status is CitizenStatus.CLOSED)
        self.changed.emit(details.id)

    def _on_mentors_changed(self, rows: list[AssignmentRow]) -> None:
        self._show_mentor(rows)
        if self._citizen_id is not None:
            self.changed.emit(self._citizen_id)

    def _show_header(self, details: CitizenDetails) -> None:
        self.name_label.setText(details.display_name)
        self.anonymous_badge.setVisible(details.is_anonymous)
        self.status_label.setText(details.status.label)
        self._show_mentor(details.assignments)

    def _show_mentor(self, rows: Sequence[AssignmentRow]) -> None:
        today = date.today()
        primary = next((row.mentor_name for row in rows
                        if row.kind == PRIMARY and row.is_current(today)), "")
        self.mentor_label.setText(
            self.tr("Primary mentor: {name}").format(name=primary) if primary
            else self.tr("No primary mentor"))
