"""The Kontakter area: the contact log (journal) per citizen and per mentor."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.operations import Operations
from ui.views.contacts.citizen_tab import ContactsTab
from ui.views.contacts.page import ContactsPage


def create_page(ops: Operations, title: str) -> QWidget:
    return ContactsPage(ops, title)


def create_citizen_tab(ops: Operations) -> ContactsTab:
    return ContactsTab(ops)
