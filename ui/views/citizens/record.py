"""A citizen's record: who it is (name, "Anonym" badge, status, primary mentor) above tabs —
"Oversigt" (the case details), "Mentorer", then the tabs other areas contribute
(``ui.views.areas.CitizenTab``, listed by the window as ``CitizenTabSpec``s and built when
first shown, see ``lazy_tab.py``).

The record is read once per selection (``get_citizen_record``, one audited read) and
handed to the built-in tabs; every contributed tab loads its own data in ``show_citizen``,
when it is on screen.
The record reads itself again when the hub announces a change of this citizen's case,
mentors or contacts (the overview's figures): at once when on screen, else when next
shown (the read is logged). Each tab listens for its own kinds. Edits in progress in the
case form are never overwritten by such a reload.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QStackedLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import CitizenStatus
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.services.assignments import PRIMARY, AssignmentRow
from mentordesk.services.case_record import CitizenDetails, get_citizen_record
from ui.operations import Operations
from ui.views.areas import CitizenTabSpec
from ui.views.citizens.lazy_tab import LazyCitizenTab
from ui.views.citizens.mentors_tab import MentorsTab
from ui.views.citizens.overview_tab import OverviewTab
from ui.views.common.coalesce import CoalescedReload
from ui.views.common.flow_layout import FlowLayout
from ui.views.common.keys import shortcut
from ui.views.common.loading_bar import LoadingBar
from ui.views.common.reload_when_shown import ReloadWhenShown
from ui.views.save_then_close import Savable, can_save

# What the record itself shows: the case, its mentors and the overview's contact figures.
RECORD_KINDS = (Kind.CITIZEN, Kind.ASSIGNMENTS, Kind.CONTACTS)

_BADGE_STYLE = ("background: #6a3d9a; color: white; border-radius: 4px; padding: 2px 8px; "
                "font-weight: bold;")


class CitizenRecord(QFrame):
    loaded = Signal(int)  # citizen id, once the record is on screen

    def __init__(self, ops: Operations,
                 record_tabs: Sequence[CitizenTabSpec] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPane")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._ops = ops
        self._citizen_id: int | None = None
        self._reload_soon = CoalescedReload(self.reload, self)
        self._reload_when_shown = ReloadWhenShown(self, self._reload_soon)
        self.overview = OverviewTab(ops)
        self.mentors = MentorsTab(ops)
        self.extra_tabs = [LazyCitizenTab(partial(spec.create, ops)) for spec in record_tabs]
        for tab in self.extra_tabs:
            LoadingBar(tab, ops.runner)  # a tab reading its citizen says so on the tab
        self.tabs = QTabWidget()
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.mentors, self.tr("Mentors"))
        for tab, spec in zip(self.extra_tabs, record_tabs, strict=True):
            self.tabs.addTab(tab, spec.title)
        # On the tab bar, no tab has the focus: its Ctrl+N still means the visible tab's.
        shortcut("Ctrl+N", self.tabs.tabBar(), self._new_in_current_tab,
                 Qt.ShortcutContext.WidgetShortcut)
        self.overview.saved.connect(self._on_saved)
        self.overview.reload_requested.connect(self.reload)
        self.mentors.saved.connect(self._reload_soon)
        ops.hub.changed.connect(self._on_changes)
        self.placeholder = QLabel()
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        # In the record's layout before any page is added: a page added to a stack that
        # is in no widget yet would show as a window of its own.
        self._stack = QStackedLayout()
        QVBoxLayout(self).addLayout(self._stack)
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self._content())
        self.loading_bar = LoadingBar(self, ops.runner)
        self._clear()

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
        # One line for who it is, so the tabs keep the height (a laptop has little).
        self.header = title = FlowLayout()
        title.add_widgets(self.name_label, self.anonymous_badge)
        title.add_stretch()
        title.add_widgets(self.mentor_label, self.status_label)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(title)
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

    def can_save_changes(self) -> bool:
        """Every tab holding edits can save them from the close question."""
        return all(can_save(tab) for tab in self.unsaved_tabs())

    def save_changes(self) -> None:
        """"Gem" when closing the window: each tab with edits saves them its own way."""
        for tab in self.unsaved_tabs():
            if isinstance(tab, Savable):
                tab.save_changes()

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
        self._reload_when_shown.forget()  # read now, for this citizen
        for tab in self.extra_tabs:
            tab.show_citizen(citizen_id)
        if citizen_id is None:
            self._clear()
            return
        self.reload()

    def _clear(self, message: str = "") -> None:
        self.overview.clear()
        self.mentors.set_rows(None, ())
        self.placeholder.setText(message or self.tr("Select a citizen to see the case."))
        self._stack.setCurrentIndex(0)

    def reload(self) -> None:
        """Read the case again; a newer read (another citizen chosen) replaces this one."""
        if self._citizen_id is not None:
            self._ops.run(get_citizen_record, self._citizen_id, owner=self, slot="load",
                          label=self.tr("Loading the case…"), done=self._show,
                          failed=self._load_failed)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*RECORD_KINDS) and changes.concerns(self._citizen_id):
            self._reload_when_shown()

    def _show(self, details: CitizenDetails) -> None:
        if details.id != self._citizen_id:
            return  # the record was cleared while this read was under way
        edits_open = (self.overview.citizen_id == details.id
                      and self.overview.has_unsaved_changes())
        if not edits_open:
            # With edits open the form keeps the version they were made on: their save
            # meets the newer one and is merged or offered in the conflict dialog.
            self.overview.set_details(details)
        self._show_header(details)
        self.mentors.set_rows(details.id, details.assignments,
                              closed=details.status is CitizenStatus.CLOSED)
        self._stack.setCurrentIndex(1)
        self.loaded.emit(details.id)

    def _load_failed(self, message: str) -> None:
        """E.g. the case was deleted meanwhile: say so where the record was, and show no
        tab of a case that cannot be read."""
        self._citizen_id = None
        for tab in self.extra_tabs:
            tab.show_citizen(None)
        self._clear(message)

    def is_shown(self, citizen_id: int) -> bool:
        """The citizen's case has been read and is on screen (not the placeholder)."""
        return (self._citizen_id == citizen_id and self.overview.citizen_id == citizen_id
                and self._stack.currentIndex() == 1)

    def _new_in_current_tab(self) -> None:
        """Ctrl+N on the tab bar: the visible tab's own "new" (Ny kontakt, Nyt mål …)."""
        wanted = QKeySequence("Ctrl+N")
        for made in self.tabs.currentWidget().findChildren(QShortcut):
            if made.key() == wanted and made.isEnabled():
                made.activated.emit()
                return

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
