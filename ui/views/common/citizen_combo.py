"""Choose a citizen in a form by typing: name, alias or initials.

A plain drop-down of 250 names covers the screen and is read line by line. This combo
box is editable: typing shows only the citizens whose name, alias or initials contain
what was typed ("gg" finds Gitte Gram, as the calendar's "GG · Hjemmebesøg" names her),
and Enter or a click chooses one. The list is still there with the arrow or Alt+Down.
``currentData()`` is the citizen's id (None: no citizen), as with any combo box.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
VISIBLE_ITEMS = 12  # the drop-down never covers the screen


def initials(name: str) -> str:
    """"Gitte Gram" → "GG"; as the calendar shortens a citizen."""
    return "".join(word[0] for word in name.split() if word[0].isalpha()).upper()


def search_text(name: str, alias: str = "") -> str:
    return " ".join(part for part in (name, alias, initials(name)) if part)


class _NameCompleter(QCompleter):
    """Matches on name, alias and initials, but writes only the name into the field."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class CitizenCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(VISIBLE_ITEMS)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        completer = _NameCompleter(self)
        completer.setModel(self.model())
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(VISIBLE_ITEMS)
        self.setCompleter(completer)  # the combo box chooses the row the popup's click names
        self.name_completer = completer
        self.name_edit = self.lineEdit()
        assert self.name_edit is not None  # editable: the combo box made one
        self.name_edit.setPlaceholderText(self.tr("Type a name, alias or initials…"))
        self.name_edit.installEventFilter(self)

    def set_citizens(self, citizens: Sequence[tuple[int, str]], *, none_text: str = "",
                     aliases: Mapping[int, str] | None = None) -> None:
        """The citizens to choose from (id, name); ``none_text`` adds "no citizen" first."""
        aliases = aliases or {}
        self.blockSignals(True)
        self.clear()
        if none_text:
            self.addItem(none_text, None)
            self.setItemData(0, "", SEARCH_ROLE)
        for citizen_id, name in citizens:
            self.addItem(name, citizen_id)
            self.setItemData(self.count() - 1, search_text(name, aliases.get(citizen_id, "")),
                             SEARCH_ROLE)
        self.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Leaving the field with half a name typed: show the chosen citizen again, so
        # what is seen is what will be saved.
        popup = self.name_completer.popup()
        if watched is self.name_edit and event.type() == QEvent.Type.FocusOut \
                and not (popup is not None and popup.isVisible()):
            self.setEditText(self.itemText(self.currentIndex()))
        return super().eventFilter(watched, event)
