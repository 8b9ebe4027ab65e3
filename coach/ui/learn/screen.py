"""Learn: short, calm guidance about back pain and walking, one card per topic."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from coach.ui.learn import texts
from coach.ui.services import AppServices
from coach.ui.widgets.card import Card, styled_label

CONTENT_MAX_WIDTH = 860
"""About 90 characters a line at the body size: easy to read, even on a wide screen."""


class TopicCard(Card):
    """One topic: its title and a few short paragraphs."""

    def __init__(self, title: str, paragraphs: tuple[str, ...]) -> None:
        super().__init__(title)
        self.paragraph_labels = [styled_label(text) for text in paragraphs]
        for label, text in zip(self.paragraph_labels, paragraphs, strict=True):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(text)  # selectable text takes focus: read it out as it is
            self.body.addWidget(label)
        self.setAccessibleDescription(" ".join(paragraphs))


class LearnScreen(QScrollArea):
    """Every topic of the learn texts in reading order, in one calm scrolling column."""

    def __init__(self, services: AppServices | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.heading = styled_label(texts.TITLE, "heading")
        self.intro = styled_label(texts.INTRO, "muted")
        self.cards = [TopicCard(title, paragraphs) for title, paragraphs in texts.TOPICS]
        self._lay_out()

    def _lay_out(self) -> None:
        column = QVBoxLayout()
        column.setContentsMargins(36, 28, 36, 28)
        column.setSpacing(16)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        column.addSpacing(4)
        for card in self.cards:
            column.addWidget(card)
        column.addStretch(1)
        content = QWidget()
        content.setMaximumWidth(CONTENT_MAX_WIDTH)
        content.setLayout(column)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(content, 1)
        row.addStretch(0)
        self.setWidget(holder)

    def refresh(self) -> None:
        """Start at the top each time the screen is opened."""
        self.verticalScrollBar().setValue(0)
