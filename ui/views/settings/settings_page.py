"""The Indstillinger page: the catalogues of legal bases, course types and authorities.

Everyone sees them; only an administrator gets the New / Edit / Remove buttons (the
services refuse anyone else too). Removing a row that grants use deactivates it.
Keyboard: Ctrl+N new, Enter edit, Delete remove, in the tab that has focus.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from mentordesk.domain.codes import Role
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.services.catalogue_admin import (
    AuthorityItem,
    Catalogue,
    CourseTypeItem,
    LegalBasisItem,
    Removal,
    load_catalogue,
    remove_authority,
    remove_course_type,
    remove_legal_basis,
)
from ui.operations import Operations
from ui.views.common.coalesce import CoalescedReload
from ui.views.common.form_fields import plain_label
from ui.views.common.record_dialog import RecordDialog
from ui.views.common.record_list import RecordListPanel, Request
from ui.views.common.record_table import RowLook, TableColumn
from ui.views.common.visibility import hidden_unless
from ui.views.security.security_tab import SecurityTab
from ui.views.settings.catalogue_dialogs import AuthorityDialog, LegalBasisDialog
from ui.views.settings.course_type_dialog import CourseTypeDialog
from ui.views.settings.logo_tab import LogoTab

INACTIVE_GREY = "#777777"
REMOVALS = {LegalBasisItem: remove_legal_basis, CourseTypeItem: remove_course_type,
            AuthorityItem: remove_authority}


def catalogue(context: Context) -> Catalogue:
    return load_catalogue(context.database)


class CatalogueTab(RecordListPanel):
    """One catalogue as a table, with editing buttons when the user may edit.

    The page reads the three catalogues at once, so loading is the page's; removal
    outcomes are reported in the page's status line."""

    def __init__(self, page: SettingsPage, columns: list[TableColumn],
                 look: Any = None) -> None:
        super().__init__(page.ops, columns, look=look, editable=page.editable,
                         new_text=self.tr("New (Ctrl+N)"), edit_text=self.tr("Edit (Enter)"),
                         remove_text=self.tr("Remove (Delete)"))
        self._page = page
        self.schedule_reload = page.reload_soon  # one read for all three catalogues

    def reload(self) -> None:
        self._page.reload()

    def make_dialog(self, item: Any | None) -> RecordDialog | None:
        return self._page.dialog_for(self, item)

    def remove_request(self, item: Any) -> Request:
        return (REMOVALS[type(item)], item.id, item.version)

    def remove_question(self, item: Any) -> str:
        return self.tr(
            "Remove {name}? If grants use it, it is kept so they keep their meaning: legal "
            "bases and course types are deactivated instead.").format(name=_name(item))

    def removed(self, item: Any, removal: Removal) -> None:
        if removal is Removal.DEACTIVATED:
            message = self.tr("{name} is in use and was deactivated instead of deleted.")
        else:
            message = self.tr("{name} was deleted.")
        self._page.status_label.setText(message.format(name=_name(item)))

    def remove_failed(self, message: str) -> None:
        # The refusal names the row, which is user text: shown in a plain-text label.
        self._page.status_label.setText(message)


class SettingsPage(QWidget):
    loaded = Signal()

    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.catalogue: Catalogue | None = None
        self.dialog: RecordDialog | None = None  # the catalogue dialog opened last
        self.editable = ops.actor.role is Role.ADMIN
        self.reload_soon = CoalescedReload(self.reload, self)
        self._build(title)
        ops.hub.changed.connect(self._on_changes)
        self.reload()

    def _build(self, title: str) -> None:
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        self.read_only_label = plain_label(self.tr(
            "Only an administrator can change the catalogues. You can read them here."))
        hidden_unless(not self.editable, self.read_only_label)
        self.status_label = plain_label()
        self.legal_bases = CatalogueTab(self, self._legal_basis_columns(), _inactive_look)
        self.course_types = CatalogueTab(self, self._course_type_columns(), _course_look)
        self.authorities = CatalogueTab(self, self._authority_columns())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.legal_bases, self.tr("Legal bases"))
        self.tabs.addTab(self.course_types, self.tr("Course types"))
        self.tabs.addTab(self.authorities, self.tr("Authorities"))
        self.security = SecurityTab(self.ops)
        self.tabs.addTab(self.security, self.tr("Security"))
        self.logo: LogoTab | None = None
        if self.editable:  # only an administrator sets the team's report logo
            self.logo = LogoTab(self.ops)
            self.tabs.addTab(self.logo, self.tr("Report logo"))
        layout = QVBoxLayout(self)
        layout.addWidget(title_label)
        layout.addWidget(self.read_only_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)

    def _yes_no(self, value: bool) -> str:
        return self.tr("Yes") if value else self.tr("No")

    def _legal_basis_columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Code"), lambda item: item.code),
            TableColumn(self.tr("Name"), lambda item: item.name),
            TableColumn(self.tr("Anonymity allowed"),
                        lambda item: self._yes_no(item.allows_anonymous)),
            TableColumn(self.tr("Assessment"),
                        lambda item: self._yes_no(item.requires_assessment)),
            TableColumn(self.tr("Active"), lambda item: self._yes_no(item.active)),
        ]

    def _course_type_columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Name"), lambda item: item.name),
            TableColumn(self.tr("Legal basis"), lambda item: item.legal_basis_code),
            TableColumn(self.tr("Period"), lambda item: item.period_label),
            TableColumn(self.tr("Weekly hours"), lambda item: item.hours_label),
            TableColumn(self.tr("Price"), lambda item: item.price_label),
            TableColumn(self.tr("VAT"), lambda item: item.vat_label),
            TableColumn(self.tr("Active"), lambda item: self._yes_no(item.active)),
        ]

    def _authority_columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Name"), lambda item: item.name),
            TableColumn(self.tr("Kind"), lambda item: item.kind_label),
            TableColumn(self.tr("Address"), lambda item: item.address),
            TableColumn(self.tr("E-mail"), lambda item: item.email),
            TableColumn(self.tr("EAN"), lambda item: item.ean),
            TableColumn(self.tr("Billed besides face-to-face"),
                        lambda item: item.agreement_label),
        ]

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        self.ops.run(catalogue, owner=self, slot="load", label=self.tr("Loading the catalogues…"),
                     done=self._show)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.CATALOGUE):
            self.reload_soon()

    def _show(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.legal_bases.set_rows(catalogue.legal_bases)
        self.course_types.set_rows(catalogue.course_types)
        self.authorities.set_rows(catalogue.authorities)
        self.loaded.emit()

    # -- editing ----------------------------------------------------------------------

    def dialog_for(self, tab: CatalogueTab, item: Any | None) -> RecordDialog | None:
        if not self.editable:
            return None
        if tab is self.legal_bases:
            self.dialog = LegalBasisDialog(self.ops, item, parent=self)
        elif tab is self.authorities:
            self.dialog = AuthorityDialog(self.ops, item, parent=self)
        elif self.catalogue is not None:
            self.dialog = CourseTypeDialog(self.ops, self.catalogue, item, parent=self)
        else:
            return None
        return self.dialog


def _name(item: Any) -> str:
    return getattr(item, "code", "") or item.name


def _inactive_look(item: Any) -> RowLook | None:
    return None if item.active else RowLook(foreground=INACTIVE_GREY)


def _course_look(item: CourseTypeItem) -> RowLook | None:
    # The description (law reference, price notes) is long: a tooltip, not a column.
    return RowLook(foreground=None if item.active else INACTIVE_GREY,
                   tooltip=item.description)
