"""The Samarbejdspartnere area: the partner register and citizens' consents."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.operations import Operations
from ui.views.areas import CitizenTab
from ui.views.partners.consents_tab import ConsentsTab
from ui.views.partners.partners_page import PartnersPage


def create_page(ops: Operations, title: str) -> QWidget:
    return PartnersPage(ops, title)


def create_citizen_tab(ops: Operations) -> CitizenTab:
    return ConsentsTab(ops)


__all__ = ["ConsentsTab", "PartnersPage", "create_citizen_tab", "create_page"]
