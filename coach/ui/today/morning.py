"""Today's next-morning question after a walk: has the back settled? (the pain-monitoring rule)"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from coach.domain.pain_monitoring import walk_to_ask_about
from coach.domain.walks import WalkRecord, duration_words
from coach.services.errors import StoreError
from coach.ui.services import AppServices
from coach.ui.today import texts
from coach.ui.widgets.card import Card, styled_label

ASK_DAYS_BACK = 2
"""Walks read for the question: yesterday's, with a day of margin for time zones."""


class MorningCheck(Card):
    """Asks once, the morning after a walk, whether the pain has settled; saves the answer."""

    answered = Signal(bool)  # settled?

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(texts.MORNING_TITLE, parent)
        self.services = services
        self.walk: WalkRecord | None = None
        self.question_label = styled_label()
        self.reply_label = styled_label(role="muted")
        self.yes_button = QPushButton(texts.MORNING_YES)
        self.no_button = QPushButton(texts.MORNING_NO)
        row = QHBoxLayout()
        for button, settled in ((self.yes_button, True), (self.no_button, False)):
            button.setAccessibleName(button.text())
            button.clicked.connect(lambda _c=False, s=settled: self.answer(s))
            row.addWidget(button)
        row.addStretch(1)
        self.body.addWidget(self.question_label)
        self.body.addLayout(row)
        self.body.addWidget(self.reply_label)
        self.reply_label.hide()
        self._replied = False  # the reply to an answer stays until the screen is built again
        self.hide()

    def refresh(self) -> None:
        """Look for yesterday's walk without an answer; show the question, or hide."""
        if self._replied:
            return
        now = self.services.clock.now().astimezone()
        try:
            walks = self.services.walks.between(now - timedelta(days=ASK_DAYS_BACK), now)
        except StoreError:
            walks = []
        assert now.tzinfo is not None
        self.walk = walk_to_ask_about(walks, now.tzinfo, now.date())
        if self.walk is not None:
            words = duration_words(self.walk.duration_s)
            self.question_label.setText(texts.MORNING_QUESTION.format(duration=words))
        self.setVisible(self.walk is not None and self.services.can_save())

    def answer(self, settled: bool) -> None:
        """Save the answer on the walk and say what follows from it."""
        if self.walk is None or self.walk.id is None:
            return
        self._replied = True  # before saving: the save refreshes Today, and so this check
        try:
            self.services.diary.set_settled(self.walk.id, settled)
        except StoreError as error:
            self.reply_label.setText(str(error))
            self.reply_label.show()
            return
        for widget in (self.question_label, self.yes_button, self.no_button):
            widget.hide()
        self.reply_label.setText(texts.MORNING_SETTLED if settled else texts.MORNING_NOT_SETTLED)
        self.reply_label.show()
        self.answered.emit(settled)
