"""A calm notice strip with an optional action button, e.g. why sound is off and a retry."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBar(QFrame):
    """A line of text on the warning colour, hidden while there is nothing to say."""

    def __init__(
        self, accessible_name: str, action_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notice_bar")
        self.setAccessibleName(accessible_name)
        self.label = QLabel()
        self.label.setObjectName("notice_text")
        self.label.setWordWrap(True)
        self.label.setAccessibleName(accessible_name)
        row = QHBoxLayout(self)
        self._row = row
        row.setContentsMargins(14, 8, 10, 8)
        row.setSpacing(12)
        row.addWidget(self.label, 1)
        self.action: QPushButton | None = None
        if action_text:
            self.action = QPushButton(action_text)
            self.action.setAccessibleName(action_text)
            row.addWidget(self.action)
        self.hide()

    def add_action(self, text: str) -> QPushButton:
        """Add another button after the first (e.g. "Later" beside "Note it now")."""
        button = QPushButton(text)
        button.setAccessibleName(text)
        self._row.addWidget(button)
        return button

    def show_message(self, text: str) -> None:
        """Show the text, or hide the bar when the text is empty."""
        self.label.setText(text)
        # A screen reader reads a label by its name: the message itself, not the bar's title.
        self.label.setAccessibleName(text or self.accessibleName())
        self.label.setAccessibleDescription(text)
        self.setVisible(bool(text))
