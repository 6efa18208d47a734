"""A citizen's record: a line asking to choose a citizen, or, once one is read, who it is
above the tabs (``record_content.RecordContent``: "Oversigt", "Mentorer", then the tabs
other areas contribute).

The record is read once per selection (``get_citizen_record``, one audited read) and
handed to the built-in tabs; every contributed tab loads its own data in ``show_citizen``,
when it is on screen.
The record reads itself again when the hub announces a change of this citizen's case,
mentors or contacts (the overview's figures): at once when on screen, else when next
shown (the read is logged). Each tab listens for its own kinds. Edits in progress in the
case form are never overwritten by such a reload.

The tabs are built when first needed, or, after the window opens, as soon as the worker
has imported their modules (``build_soon``): the window opens with the citizens list,
and the tabs' modules and widgets would only delay it.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QStackedLayout, QTabWidget, QVBoxLayout, QWidget

from mentordesk.kernel.changes import Changes, Kind
from ui.operations import Operations
from ui.views.areas import CitizenTabSpec
from ui.views.common.coalesce import CoalescedReload
from ui.views.common.loading_bar import LoadingBar
from ui.views.common.reload_when_shown import ReloadWhenShown

if TYPE_CHECKING:
    from mentordesk.services.case_record import CitizenDetails
    from ui.views.citizens.mentors_tab import MentorsTab
    from ui.views.citizens.overview_tab import OverviewTab
    from ui.views.citizens.record_content import RecordContent

# What the record itself shows: the case, its mentors and the overview's contact figures.
RECORD_KINDS = (Kind.CITIZEN, Kind.ASSIGNMENTS, Kind.CONTACTS)
CONTENT_MODULE = "ui.views.citizens.record_content"


class CitizenRecord(QFrame):
    loaded = Signal(int)  # citizen id, once the record is on screen

    def __init__(self, ops: Operations,
                 record_tabs: Sequence[CitizenTabSpec] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPane")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._ops = ops
        self._record_tabs = tuple(record_tabs)
        self._citizen_id: int | None = None
        self._content: RecordContent | None = None
        self._reload_soon = CoalescedReload(self.reload, self)
        self._reload_when_shown = ReloadWhenShown(self, self._reload_soon)
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
        self.loading_bar = LoadingBar(self, ops.runner)
        self._clear()

    # -- the tabs, built when first needed --------------------------------------------

    def build_soon(self) -> None:
        """Import the tabs' modules on the worker, then build them here: the first citizen
        chosen opens without waiting for either (``content`` builds at once if asked
        before)."""
        task = self._ops.runner.submit(
            lambda _context: importlib.import_module(CONTENT_MODULE), report_errors=False)
        task.succeeded.connect(lambda _module: self.content)

    @property
    def content(self) -> RecordContent:
        if self._content is None:
            from ui.views.citizens.record_content import RecordContent

            content = RecordContent(self._ops, self._record_tabs)
            content.overview.saved.connect(self._on_saved)
            content.overview.reload_requested.connect(self.reload)
            content.mentors.saved.connect(self._reload_soon)
            self._stack.addWidget(content)
            self._content = content
        return self._content

    @property
    def overview(self) -> OverviewTab:
        return self.content.overview

    @property
    def mentors(self) -> MentorsTab:
        return self.content.mentors

    @property
    def extra_tabs(self) -> list[QWidget]:
        return list(self.content.extra_tabs)

    @property
    def tabs(self) -> QTabWidget:
        return self.content.tabs

    @property
    def name_label(self) -> QLabel:
        return self.content.name_label

    @property
    def anonymous_badge(self) -> QLabel:
        return self.content.anonymous_badge

    @property
    def status_label(self) -> QLabel:
        return self.content.status_label

    @property
    def mentor_label(self) -> QLabel:
        return self.content.mentor_label

    # -- which citizen ----------------------------------------------------------------

    @property
    def citizen_id(self) -> int | None:
        return self._citizen_id

    def has_unsaved_changes(self) -> bool:
        """Edits not saved in the case form or in any tab (e.g. the economy sheet)."""
        return self._content is not None and bool(self._content.unsaved_tabs())

    def unsaved_tabs(self) -> list[QWidget]:
        """The tabs holding unsaved edits, in tab order."""
        return self._content.unsaved_tabs() if self._content is not None else []

    def can_save_changes(self) -> bool:
        """Every tab holding edits can save them from the close question."""
        return self._content is None or self._content.can_save_changes()

    def save_changes(self) -> None:
        """"Gem" when closing the window: each tab with edits saves them its own way."""
        if self._content is not None:
            self._content.save_changes()

    def unsaved_summary(self) -> str:
        """E.g. "Bodil Bæk (Oversigt, Økonomi)": where closing the app would lose edits."""
        return self._content.unsaved_summary() if self._content is not None else ""

    def show_unsaved(self) -> None:
        """Bring the first tab with unsaved edits forward (the user chose to stay)."""
        if self._content is not None:
            self._content.show_unsaved()

    def show_citizen(self, citizen_id: int | None) -> None:
        self._citizen_id = citizen_id
        self._reload_when_shown.forget()  # read now, for this citizen
        if citizen_id is not None or self._content is not None:
            self.content.show_citizen_in_tabs(citizen_id)
        if citizen_id is None:
            self._clear()
            return
        self.reload()

    def _clear(self, message: str = "") -> None:
        if self._content is not None:
            self._content.clear()
        self.placeholder.setText(message or self.tr("Select a citizen to see the case."))
        self._stack.setCurrentWidget(self.placeholder)

    def reload(self) -> None:
        """Read the case again; a newer read (another citizen chosen) replaces this one."""
        from mentordesk.services.case_record import get_citizen_record

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
        self.content.show_details(details)
        self._stack.setCurrentWidget(self.content)
        self.loaded.emit(details.id)

    def _load_failed(self, message: str) -> None:
        """E.g. the case was deleted meanwhile: say so where the record was, and show no
        tab of a case that cannot be read."""
        self._citizen_id = None
        if self._content is not None:
            self._content.show_citizen_in_tabs(None)
        self._clear(message)

    def is_shown(self, citizen_id: int) -> bool:
        """The citizen's case has been read and is on screen (not the placeholder)."""
        return (self._citizen_id == citizen_id and self._content is not None
                and self._content.overview.citizen_id == citizen_id
                and self._stack.currentWidget() is self._content)

    def focus_form(self) -> None:
        """Enter on the list: into the record's first field, ready to type."""
        self.content.focus_form()

    # -- after changes ----------------------------------------------------------------

    def _on_saved(self, details: CitizenDetails) -> None:
        self.content.show_saved(details)
