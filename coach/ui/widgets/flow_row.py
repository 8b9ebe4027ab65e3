"""A row of buttons that wraps onto more lines, like words, when the window is narrow.

A QHBoxLayout of buttons demands the sum of their widths, so a narrow window either scrolls
sideways or squeezes the buttons until their words are cut off (issue 12, §3). This row asks
only for its widest button and places the rest line by line. It is a widget that places its
children itself rather than a QLayout subclass: a layout written in Python shares its items
with C++, and who deletes them is easy to get wrong.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_WATCHED = (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.LayoutRequest)


class FlowRow(QWidget):
    """Widgets left to right, wrapping to a new line when the next one does not fit."""

    def __init__(self, spacing: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spacing = spacing
        self._widgets: list[QWidget] = []
        self._right: list[QWidget] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def add(self, widget: QWidget, right: bool = False) -> None:
        """Append a widget; `right` puts it at the right end of the last line (e.g. Stop)."""
        hidden = widget.isHidden() and widget.testAttribute(
            Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        )  # hidden on purpose: it stays hidden
        widget.setParent(self)
        widget.installEventFilter(self)
        self._widgets.append(widget)
        if right:
            self._right.append(widget)
        widget.setVisible(not hidden)
        self._changed()

    def remove(self, widget: QWidget) -> None:
        """Take a widget out of the row (the caller hides or deletes it)."""
        if widget in self._widgets:
            widget.removeEventFilter(self)
            self._widgets.remove(widget)
            if widget in self._right:
                self._right.remove(widget)
            self._changed()

    def hasHeightForWidth(self) -> bool:
        """Its height depends on its width: fewer lines when wider."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the lines need at this width."""
        return self._place(width, apply=False)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(w.sizeHint().width() for w in shown) + self.spacing * max(0, len(shown) - 1)
        return QSize(width, max((w.sizeHint().height() for w in shown), default=0))

    def minimumSizeHint(self) -> QSize:
        """As wide as the widest widget: the rest wraps."""
        widest = max((w.sizeHint().width() for w in self._shown()), default=0)
        return QSize(widest, self.heightForWidth(widest))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Place the widgets for the new width."""
        super().resizeEvent(event)
        self._place(event.size().width(), apply=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A widget shown, hidden or resized (new words): place them all again."""
        if event.type() in _WATCHED:
            self._changed()
        return False

    def _changed(self) -> None:
        self.updateGeometry()
        self._place(self.width(), apply=True)

    def _shown(self) -> list[QWidget]:
        return [w for w in self._widgets if not w.isHidden()]

    def _place(self, width: int, apply: bool) -> int:
        lines: list[list[QWidget]] = [[]]
        x = 0
        for widget in self._shown():
            wide = widget.sizeHint().width()
            if lines[-1] and x + wide > width:
                lines.append([])
                x = 0
            lines[-1].append(widget)
            x += wide + self.spacing
        y = 0
        for line in lines:
            height = max((w.sizeHint().height() for w in line), default=0)
            if apply:
                self._place_line(line, width, y, height)
            y += height + self.spacing
        return max(0, y - self.spacing)

    def _place_line(self, line: list[QWidget], width: int, y: int, height: int) -> None:
        x = 0
        for widget in (w for w in line if w not in self._right):
            hint = widget.sizeHint().width()
            widget.setGeometry(QRect(QPoint(x, y), QSize(min(hint, width), height)))
            x += hint + self.spacing
        x = width
        for widget in reversed([w for w in line if w in self._right]):
            hint = widget.sizeHint().width()
            x -= hint
            widget.setGeometry(QRect(QPoint(max(0, x), y), QSize(hint, height)))
            x -= self.spacing
