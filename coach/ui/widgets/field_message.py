"""The line under a form that says why saving did not happen, hidden while there is none."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class FieldMessage(QLabel):
    """A wrapped message line, named "Message" for screen readers, hidden while empty."""

    def __init__(self, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("field_message")
        if role:
            self.setProperty("role", role)  # a theme role, as coach.ui.widgets.card.styled_label
        self.setAccessibleName("Message")
        self.setWordWrap(True)
        self.say("")

    def say(self, text: str) -> None:
        """Show text; an empty text hides the line."""
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))
