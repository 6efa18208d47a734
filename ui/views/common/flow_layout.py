"""A toolbar row that wraps onto the next line instead of widening the window.

A ``QHBoxLayout`` of buttons, filters and labels asks for the sum of their widths, and
that sum becomes the window's minimum size (on a 1366 px laptop the window then no
longer fits). ``FlowLayout`` asks only for its widest item and lays the items out left
to right, starting a new line where the next one would not fit; its height follows the
width (``heightForWidth``), so the rows below it keep the rest of the space.

``add_stretch()`` marks a break between the left and the right group of a toolbar: on a
line that fits both, the items after it are pushed to the right edge, as a stretch in a
box layout would.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right_from: int | None = None  # index of the first right-aligned item
        self.setSpacing(spacing)
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # -- building ---------------------------------------------------------------------

    def add_widgets(self, *widgets: QWidget) -> None:
        for widget in widgets:
            self.addWidget(widget)

    def add_stretch(self) -> None:
        """Items added after this go to the right end of their line."""
        self._right_from = len(self._items)

    def add_spacing(self, width: int) -> None:
        self.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Fixed,
                                 QSizePolicy.Policy.Minimum))

    # -- QLayout ----------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        if not 0 <= index < len(self._items):
            return None
        if self._right_from is not None and index < self._right_from:
            self._right_from -= 1
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Everything on one line, as a box layout would ask for."""
        visible = self._visible_items()
        width = sum(item.sizeHint().width() for item in visible)
        width += self.spacing() * max(0, len(visible) - 1)
        height = max((item.sizeHint().height() for item in visible), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """Only the widest item: the rest wraps."""
        size = QSize()
        for item in self._visible_items():
            size = size.expandedTo(item.minimumSize())
        return self._with_margins(size)

    # -- arranging --------------------------------------------------------------------

    def _visible_items(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _with_margins(self, size: QSize) -> QSize:
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible_items():
            item_width = item.sizeHint().width()
            needed = item_width if not lines[-1] else used + self.spacing() + item_width
            if lines[-1] and needed > width:
                lines.append([])
                needed = item_width
            lines[-1].append(item)
            used = needed
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = inner.y()
        right_items = set(map(id, self._items[self._right_from:])) \
            if self._right_from is not None else set()
        for line in self._lines(inner.width()):
            height = max(item.sizeHint().height() for item in line)
            if place:
                self._place_line(line, inner, y, height, right_items)
            y += height + self.spacing()
        return y - self.spacing() - rect.y() + margins.bottom() if y > inner.y() else 0

    def _place_line(self, line: list[QLayoutItem], inner: QRect, y: int, height: int,
                    right_items: set[int]) -> None:
        widths = [min(item.sizeHint().width(), inner.width()) for item in line]
        free = max(0, inner.width() - sum(widths) - self.spacing() * (len(line) - 1))
        x = inner.x()
        pushed = False
        for item, width in zip(line, widths, strict=True):
            if id(item) in right_items and not pushed:
                x += free  # the right-hand group ends at the right edge
                pushed = True
            item_height = min(height, max(item.sizeHint().height(), item.minimumSize().height()))
            top = y + (height - item_height) // 2
            item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))
            x += width + self.spacing()


def kept_together(*widgets: QWidget) -> QWidget:
    """A label and its field (or a from–to pair) as one item, so a wrap never parts them."""
    group = QWidget()
    layout = QHBoxLayout(group)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return group
