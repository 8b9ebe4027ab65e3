"""A row of widgets that stacks into a column when the window is too narrow for it.

Screens live in scroll areas that resize their content to the window's width; a plain
QHBoxLayout would demand the sum of its children's widths and force a horizontal scroll bar.
This row asks only for its widest child and lays its children side by side when they fit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget

SIDE_BY_SIDE = QBoxLayout.Direction.LeftToRight
STACKED = QBoxLayout.Direction.TopToBottom


class ReflowRow(QWidget):
    """Children side by side when the row is wide enough for all of them, else one above another."""

    def __init__(self, spacing: int = 16, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QBoxLayout(SIDE_BY_SIDE, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        self.box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

    def add(self, widget: QWidget, stretch: int = 0, align: Qt.AlignmentFlag | None = None) -> None:
        """Append a widget; stretch shares spare width when side by side."""
        if align is None:
            self.box.addWidget(widget, stretch)
        else:
            self.box.addWidget(widget, stretch, align)
        self._follow_width(self.width())

    def add_stretch(self) -> None:
        """Spare space after the widgets so far (to the right, or below when stacked)."""
        self.box.addStretch(1)

    def stacked(self) -> bool:
        """Whether the children are one above another now."""
        return self.box.direction() == STACKED

    def side_by_side_width(self) -> int:
        """The width the children need next to each other."""
        widths = [_min_width(w) for w in self._shown()]
        return sum(widths) + self.box.spacing() * max(0, len(widths) - 1)

    def minimumSizeHint(self) -> QSize:
        """Only as wide as the widest child: the row stacks rather than scroll sideways."""
        width = max((_min_width(w) for w in self._shown()), default=0)
        return QSize(width, self.box.minimumSize().height())

    def sizeHint(self) -> QSize:
        """As wide as side by side wants (so a parent row offers that room), as tall as now."""
        shown = self._shown()
        width = sum(w.sizeHint().width() for w in shown)
        width += self.box.spacing() * max(0, len(shown) - 1)
        return QSize(width, self.box.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Choose side by side or stacked for the new width."""
        self._follow_width(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        """Choose again when a child's size changes (a longer number, a hidden widget)."""
        if event.type() == QEvent.Type.LayoutRequest:
            self._follow_width(self.width())
        return super().event(event)

    def _follow_width(self, width: int) -> None:
        wanted = SIDE_BY_SIDE if width >= self.side_by_side_width() else STACKED
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)
            self.updateGeometry()

    def _shown(self) -> list[QWidget]:
        items = (self.box.itemAt(i) for i in range(self.box.count()))
        widgets = (item.widget() for item in items if item is not None)
        return [w for w in widgets if w is not None and not w.isHidden()]


def _min_width(widget: QWidget) -> int:
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())
