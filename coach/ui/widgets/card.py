"""A rounded panel with a heading: the building block of the overview screens."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


def styled_label(text: str = "", role: str = "", wrap: bool = True) -> QLabel:
    """A label with a theme role (heading, subheading, big-number, muted) from theme.py."""
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    return label


class Card(QFrame):
    """A framed panel with a title; add content to `body` (a QVBoxLayout)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setAccessibleName(title)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 20, 24, 22)
        self.body.setSpacing(12)
        self.title_label = styled_label(title, "subheading")
        self.body.addWidget(self.title_label)
