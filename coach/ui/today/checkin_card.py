"""Today's weekly check-in card: shown from the check-in day until answered or skipped."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from coach.domain.checkin import WeeklyCheckin
from coach.services.errors import StoreError
from coach.ui.dialogs import open_weekly_checkin
from coach.ui.dialogs import texts as dialog_texts
from coach.ui.services import AppServices
from coach.ui.widgets.card import Card, styled_label


class CheckinCard(Card):
    """A calm invitation to this week's check-in, with Answer now and Skip this week."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(dialog_texts.CHECKIN_TITLE, parent)
        self.services = services
        self.opener: Callable[[AppServices, QWidget], WeeklyCheckin | None] = open_weekly_checkin
        """Opens the check-in dialog; tests replace it."""
        self.text_label = styled_label(dialog_texts.CHECKIN_CARD_TEXT)
        self.error_label = styled_label(role="muted")
        self.error_label.hide()
        self.answer_button = QPushButton(dialog_texts.CHECKIN_CARD_BUTTON)
        self.skip_button = QPushButton(dialog_texts.CHECKIN_CARD_SKIP)
        row = QHBoxLayout()
        for button in (self.answer_button, self.skip_button):
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(dialog_texts.CHECKIN_CARD_TEXT)
            row.addWidget(button)
        row.addStretch(1)
        self.answer_button.clicked.connect(self._on_answer_clicked)
        self.skip_button.clicked.connect(self._on_skip_clicked)
        self.body.addWidget(self.text_label)
        self.body.addLayout(row)
        self.body.addWidget(self.error_label)
        self.hide()

    def refresh(self) -> None:
        """Show the card while this check-in week has no answers and no skip."""
        now = self.services.clock.now()
        weekday = self.services.preferences.current.checkin_weekday
        try:
            due = self.services.checkins.is_due(now, weekday)
        except StoreError:
            due = False
        self.setVisible(due and self.services.can_save())

    def _on_answer_clicked(self) -> None:
        self.opener(self.services, self)  # a save refreshes Today (refresh_on CHECKINS)

    def _on_skip_clicked(self) -> None:
        now = self.services.clock.now()
        try:
            self.services.checkins.skip(now, self.services.preferences.current.checkin_weekday)
        except StoreError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
