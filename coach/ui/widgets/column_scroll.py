"""A frameless area that scrolls a column up and down, never sideways."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def column_scroll(content: QWidget, name: str) -> QScrollArea:
    """Wrap content so a small screen scrolls it vertically instead of squeezing or clipping it."""
    scroll = QScrollArea()
    scroll.setAccessibleName(name)  # a screen reader names the region it is in
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    return scroll
