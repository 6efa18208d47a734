"""Sort any table the Danish way: ... x, y, z, æ, ø, å.

Qt's default string comparison puts Å before Æ; ``QCollator`` with the Danish locale
gets it right (ARCHITECTURE.md). Text to sort comes from ``SORT_ROLE`` when the source
model provides it, else from the displayed text.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

# Role under which source models may give the text to sort by (if not the display text).
SORT_ROLE = Qt.ItemDataRole.UserRole

AnyIndex = QModelIndex | QPersistentModelIndex


def danish_collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    # "Borger 2" before "Borger 10", as a person reads it.
    collator.setNumericMode(True)
    return collator


class DanishSortProxyModel(QSortFilterProxyModel):
    """Collator-based ``lessThan``, and complete data before an unnatural sort.

    The source may be lazy (``fetchMore``). Its rows already arrive in the
    ``natural_order`` (the service sorts by name), so sorting that way on the loaded
    prefix is exact. Any other order would be wrong on a prefix, so the proxy then asks
    the source for all its rows first (``fetch_all``).
    """

    def __init__(self, parent: QObject | None = None,
                 natural_order: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder),
                 ) -> None:
        super().__init__(parent)
        self._collator = danish_collator()
        self._natural_order = natural_order
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        super().setSourceModel(source)
        # A new search result resets the source to its first chunk: complete it again
        # when the current sort is not the order the rows arrive in.
        source.modelReset.connect(self._complete_for_sort)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._complete_source_unless_natural(column, order)
        super().sort(column, order)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        left_value = left.data(self.sortRole())
        right_value = right.data(self.sortRole())
        if left_value is None:
            left_value = left.data(Qt.ItemDataRole.DisplayRole)
        if right_value is None:
            right_value = right.data(Qt.ItemDataRole.DisplayRole)
        if isinstance(left_value, str) and isinstance(right_value, str):
            return self._collator.compare(left_value, right_value) < 0
        return super().lessThan(left, right)

    def _complete_for_sort(self) -> None:
        self._complete_source_unless_natural(self.sortColumn(), self.sortOrder())

    def _complete_source_unless_natural(self, column: int, order: Qt.SortOrder) -> None:
        if column < 0 or (column, order) == self._natural_order:
            return
        fetch_all = getattr(self.sourceModel(), "fetch_all", None)
        if fetch_all is not None:
            fetch_all()
