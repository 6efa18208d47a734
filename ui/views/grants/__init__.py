"""Grants (bevillinger) of a citizen: list and edit, from the catalogue.

Also home of the form inputs, edit-dialog base and table model that the partners and
settings areas share (they are about grant values: dates, weekly hours, prices).
"""

from __future__ import annotations

from ui.operations import Operations
from ui.views.areas import CitizenTab
from ui.views.grants.grants_tab import GrantsTab


def create_citizen_tab(ops: Operations) -> CitizenTab:
    return GrantsTab(ops)


__all__ = ["GrantsTab", "create_citizen_tab"]
