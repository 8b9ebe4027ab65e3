"""Windows and dialogs no larger than the screen they open on (issue 12, §3).

A dialog asks for a comfortable size; on a small screen, or with large text (which on Linux
shrinks the screen in logical pixels), it gets the screen's free area instead and its
contents scroll vertically rather than running off the bottom edge.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from coach.ui.widgets.column_scroll import column_scroll

FRAME_ALLOWANCE = QSize(16, 48)
"""Room kept for a window's frame and title bar before it is shown and its frame is known."""


def free_area(widget: QWidget) -> QRect:
    """The free part (without panels and docks) of the screen the widget is on or opens on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def size_for_screen(window: QWidget, width: int, height: int) -> QSize:
    """width x height, or less where the screen's free area (less the frame) is smaller."""
    area = free_area(window).size()
    frame = window.frameGeometry().size() - window.geometry().size()
    frame = frame.expandedTo(FRAME_ALLOWANCE)
    room = QSize(max(1, area.width() - frame.width()), max(1, area.height() - frame.height()))
    return QSize(min(width, room.width()), min(height, room.height()))


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to width x height, or to the screen's free area where that is smaller.

    The maximum size becomes the free area too, so the layout never grows the window past
    the screen's edges; the window's own frame is left out of the count.
    """
    window.setMaximumSize(size_for_screen(window, 1 << 20, 1 << 20))
    window.resize(size_for_screen(window, width, height))


def scrolling_column(
    dialog: QDialog, name: str, margins: tuple[int, int, int, int], spacing: int
) -> tuple[QVBoxLayout, QVBoxLayout]:
    """Lay a dialog out as a column that scrolls vertically above its buttons.

    Returns (content, outer): put the dialog's contents in `content` and its row of buttons
    in `outer`, so the buttons stay in sight while a small screen scrolls the rest.
    """
    page = QWidget()
    content = QVBoxLayout(page)
    content.setContentsMargins(0, 0, 0, 0)
    content.setSpacing(spacing)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(*margins)
    outer.setSpacing(spacing)
    outer.addWidget(column_scroll(page, name), 1)
    return content, outer


def whole_column_height(outer: QVBoxLayout, content: QVBoxLayout, width: int) -> int:
    """The height that shows a scrolling_column's content (in outer) whole at width.

    Wrapped labels are measured at that width; a size hint would measure them at a narrower
    one, and the scroll area's own hint is only a few lines tall.
    """
    margins = outer.contentsMargins()
    first = outer.itemAt(0)
    scroll = first.widget() if first is not None else None
    assert scroll is not None, "a scrolling_column layout starts with its scroll area"
    around = outer.sizeHint().height() - scroll.sizeHint().height()
    return around + content.totalHeightForWidth(width - margins.left() - margins.right())
