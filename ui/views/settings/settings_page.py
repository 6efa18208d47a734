"""The Indstillinger page: the catalogues of legal bases, course types and authorities.

Everyone sees them; only an administrator gets the New / Edit / Remove buttons (the
services refuse anyone else too). Removing a row that grants use deactivates it.
Keyboard: Ctrl+N new, Enter edit, Delete remove, in the tab that has focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import Role
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
from ui.tasks import TaskContext
from ui.views.common.form_fields import confirm, plain_label
from ui.views.common.record_dialog import RecordDialog
from ui.views.common.record_table import (
    RecordTableModel,
    RowLook,
    TableColumn,
    record_table,
    selected_row,
)
from ui.views.security.security_tab import SecurityTab
from ui.views.settings.catalogue_dialogs import AuthorityDialog, LegalBasisDialog
from ui.views.settings.course_type_dialog import CourseTypeDialog
from ui.views.settings.logo_tab import LogoTab

INACTIVE_GREY = "#777777"


class CatalogueTab(QWidget):
    """One catalogue as a table, with editing buttons when the user may edit."""

    def __init__(self, columns: list[TableColumn], editable: bool,
                 open_dialog: Callable[[Any], None], remove: Callable[[Any], None],
                 look: Callable[[Any], RowLook | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_dialog = open_dialog
        self._remove = remove
        self.model = RecordTableModel(columns, look, self)
        self.table = record_table(self.model)
        self.new_button = QPushButton(self.tr("New (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit (Enter)"))
        self.remove_button = QPushButton(self.tr("Remove (Delete)"))
        self.new_button.clicked.connect(lambda: self._open_dialog(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.remove_button):
            button.setVisible(editable)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        if editable:
            self.table.activated.connect(lambda _index: self.edit_selected())
            for keys, slot in (("Ctrl+N", lambda: self._open_dialog(None)),
                               ("Delete", self.remove_selected)):
                shortcut = QShortcut(QKeySequence(keys), self, slot)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def edit_selected(self) -> None:
        item = selected_row(self.table)
        if item is not None:
            self._open_dialog(item)

    def remove_selected(self) -> None:
        item = selected_row(self.table)
        if item is not None:
            self._remove(item)


class SettingsPage(QWidget):
    loaded = Signal()

    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._workspace = ops.workspace
        self._runner = ops.runner
        self.catalogue: Catalogue | None = None
        self.dialog: RecordDialog | None = None
        self.confirm_box: QMessageBox | None = None  # the open removal question
        self.editable = ops.actor.role is Role.ADMIN
        self._build(title)
        self.reload()

    def _build(self, title: str) -> None:
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        self.read_only_label = plain_label(self.tr(
            "Only an administrator can change the catalogues. You can read them here."))
        self.read_only_label.setVisible(not self.editable)
        self.status_label = plain_label()
        self.legal_bases = CatalogueTab(self._legal_basis_columns(), self.editable,
                                        self._open_legal_basis, self._confirm_removal,
                                        _inactive_look)
        self.course_types = CatalogueTab(self._course_type_columns(), self.editable,
                                         self._open_course_type, self._confirm_removal,
                                         _course_look)
        self.authorities = CatalogueTab(self._authority_columns(), self.editable,
                                        self._open_authority, self._confirm_removal)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.legal_bases, self.tr("Legal bases"))
        self.tabs.addTab(self.course_types, self.tr("Course types"))
        self.tabs.addTab(self.authorities, self.tr("Authorities"))
        self.security = SecurityTab(self._ops)
        self.tabs.addTab(self.security, self.tr("Security"))
        self.logo: LogoTab | None = None
        if self.editable:  # only an administrator sets the team's report logo
            self.logo = LogoTab(self._workspace, self._runner)
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
            TableColumn(self.tr("Active"), lambda item: self._yes_no(item.active)),
        ]

    def _authority_columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Name"), lambda item: item.name),
            TableColumn(self.tr("Kind"), lambda item: item.kind_label),
            TableColumn(self.tr("Address"), lambda item: item.address),
            TableColumn(self.tr("E-mail"), lambda item: item.email),
        ]

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        database = self._workspace.database

        def job(_context: TaskContext) -> Catalogue:
            return load_catalogue(database)

        task = self._runner.submit(job, label=self.tr("Loading the catalogues…"), parent=self)
        task.succeeded.connect(self._show)

    def _show(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.legal_bases.model.set_rows(catalogue.legal_bases)
        self.course_types.model.set_rows(catalogue.course_types)
        self.authorities.model.set_rows(catalogue.authorities)
        self.loaded.emit()

    # -- editing ----------------------------------------------------------------------

    def _open_legal_basis(self, item: LegalBasisItem | None) -> None:
        self._open(LegalBasisDialog(self._runner, self._workspace, item, parent=self))

    def _open_course_type(self, item: CourseTypeItem | None) -> None:
        if self.catalogue is not None:
            self._open(CourseTypeDialog(self._runner, self._workspace, self.catalogue, item,
                                        parent=self))

    def _open_authority(self, item: AuthorityItem | None) -> None:
        self._open(AuthorityDialog(self._runner, self._workspace, item, parent=self))

    def _open(self, dialog: RecordDialog) -> None:
        if not self.editable:
            return
        if self.dialog is not None:
            # Kept until the next one opens, so a save still under way finds it alive.
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.saved.connect(lambda _item: self.reload())
        dialog.open()

    def _confirm_removal(self, item: Any) -> None:
        name = getattr(item, "code", "") or item.name
        question = self.tr(
            "Remove {name}? If grants use it, it is kept so they keep their meaning: legal "
            "bases and course types are deactivated instead.").format(name=name)
        self.confirm_box = confirm(self, question, lambda: self._remove(item, name))

    def _remove(self, item: Any, name: str) -> None:
        database, actor = self._workspace.database, self._workspace.actor
        remove = {LegalBasisItem: remove_legal_basis, CourseTypeItem: remove_course_type,
                  AuthorityItem: remove_authority}[type(item)]

        def job(_context: TaskContext) -> Removal:
            return remove(database, actor, item.id, item.version)

        # The refusal names the row, which is user text: shown in a plain-text label.
        task = self._runner.submit(job, label=self.tr("Removing…"), report_errors=False,
                                   parent=self)
        task.succeeded.connect(lambda removal: self._removed(name, removal))
        task.failed.connect(lambda message, _details: self.status_label.setText(message))

    def _removed(self, name: str, removal: Removal) -> None:
        if removal is Removal.DEACTIVATED:
            message = self.tr("{name} is in use and was deactivated instead of deleted.")
        else:
            message = self.tr("{name} was deleted.")
        self.status_label.setText(message.format(name=name))
        self.reload()


def _inactive_look(item: Any) -> RowLook | None:
    return None if item.active else RowLook(foreground=INACTIVE_GREY)


def _course_look(item: CourseTypeItem) -> RowLook | None:
    # The description (law reference, price notes) is long: a tooltip, not a column.
    return RowLook(foreground=None if item.active else INACTIVE_GREY,
                   tooltip=item.description)
