"""What a citizen's record shows once a case is read: who it is (name, "Anonym" badge,
status, primary mentor) above the tabs — "Oversigt" (the case details), "Mentorer", then
the tabs other areas contribute (built when first shown, see ``lazy_tab.py``).

``CitizenRecord`` (``record.py``) builds it when it is first needed: the tabs' modules and
widgets are not needed for the citizens list the window opens with.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from mentordesk.domain.codes import CitizenStatus
from mentordesk.services.assignments import PRIMARY, AssignmentRow
from mentordesk.services.case_record import CitizenDetails
from ui.operations import Operations
from ui.views.areas import CitizenTabSpec
from ui.views.citizens.lazy_tab import LazyCitizenTab
from ui.views.citizens.mentors_tab import MentorsTab
from ui.views.citizens.overview_tab import OverviewTab
from ui.views.common.flow_layout import FlowLayout
from ui.views.common.keys import shortcut
from ui.views.common.loading_bar import LoadingBar
from ui.views.save_then_close import Savable, can_save

_BADGE_STYLE = ("background: #6a3d9a; color: white; border-radius: 4px; padding: 2px 8px; "
                "font-weight: bold;")


class RecordContent(QWidget):
    """The header and the tabs of one record (``CitizenRecord`` says which citizen)."""

    def __init__(self, ops: Operations, record_tabs: Sequence[CitizenTabSpec] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        title = FlowLayout()
        title.add_widgets(self.name_label, self.anonymous_badge)
        title.add_stretch()
        title.add_widgets(self.mentor_label, self.status_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(title)
        layout.addWidget(self.tabs, 1)

    # -- unsaved edits ----------------------------------------------------------------

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

    # -- what is shown ----------------------------------------------------------------

    def show_citizen_in_tabs(self, citizen_id: int | None) -> None:
        for tab in self.extra_tabs:
            tab.show_citizen(citizen_id)

    def clear(self) -> None:
        self.overview.clear()
        self.mentors.set_rows(None, ())

    def show_details(self, details: CitizenDetails) -> None:
        edits_open = (self.overview.citizen_id == details.id
                      and self.overview.has_unsaved_changes())
        if not edits_open:
            # With edits open the form keeps the version they were made on: their save
            # meets the newer one and is merged or offered in the conflict dialog.
            self.overview.set_details(details)
        self.show_saved(details)

    def show_saved(self, details: CitizenDetails) -> None:
        """The header and the mentors after a read or the overview's own save."""
        self.name_label.setText(details.display_name)
        self.anonymous_badge.setVisible(details.is_anonymous)
        self.status_label.setText(details.status.label)
        self._show_mentor(details.assignments)
        self.mentors.set_rows(details.id, details.assignments,
                              closed=details.status is CitizenStatus.CLOSED)

    def focus_form(self) -> None:
        """Enter on the list: into the record's first field, ready to type."""
        self.tabs.setCurrentWidget(self.overview)
        first = "alias" if self.overview.anonymous_check.isChecked() else "first_name"
        self.overview.fields[first].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _new_in_current_tab(self) -> None:
        """Ctrl+N on the tab bar: the visible tab's own "new" (Ny kontakt, Nyt mål …)."""
        wanted = QKeySequence("Ctrl+N")
        for made in self.tabs.currentWidget().findChildren(QShortcut):
            if made.key() == wanted and made.isEnabled():
                made.activated.emit()
                return

    def _show_mentor(self, rows: Sequence[AssignmentRow]) -> None:
        today = date.today()
        primary = next((row.mentor_name for row in rows
                        if row.kind == PRIMARY and row.is_current(today)), "")
        self.mentor_label.setText(
            self.tr("Primary mentor: {name}").format(name=primary) if primary
            else self.tr("No primary mentor"))
