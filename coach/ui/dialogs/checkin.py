"""The weekly check-in: three 0-10 questions about the past week, any of them left out.

Opened from Today's check-in card. Save needs at least two answers (coach.domain.checkin's
score rule); "Skip this week" saves a skip so Today stops asking until next week.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget

from coach.domain.checkin import MIN_ANSWERED, CheckinError, WeeklyCheckin
from coach.services.errors import StoreError
from coach.ui.dialogs import texts
from coach.ui.texts import READ_ONLY_REFUSAL
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.field_message import FieldMessage
from coach.ui.widgets.pain_scale import PainScale
from coach.ui.widgets.screen_fit import fit_to_screen, scrolling_column, whole_column_height

if TYPE_CHECKING:
    from coach.ui.services import AppServices

DIALOG_WIDTH = 780


class CheckinDialog(QDialog):
    """Answer or skip this week's check-in; `saved` carries the stored WeeklyCheckin."""

    saved = Signal(object)  # the WeeklyCheckin as stored

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(texts.CHECKIN_TITLE)
        self.setAccessibleName(texts.CHECKIN_TITLE)
        self.setModal(True)
        self.scales: list[PainScale] = []
        # The three scales are taller than a 600-pixel screen at 150 % text: the questions
        # scroll, the buttons stay in sight.
        column, outer = scrolling_column(self, texts.CHECKIN_TITLE, (24, 16, 24, 14), 4)
        column.addWidget(styled_label(texts.CHECKIN_INTRO))
        column.addWidget(styled_label(texts.CHECKIN_NOT_VALIDATED, "muted"))
        for (question, low, high), name in zip(
            texts.CHECKIN_QUESTIONS, texts.CHECKIN_SCALE_NAMES, strict=True
        ):
            column.addSpacing(4)
            column.addWidget(styled_label(question, "subheading"))
            scale = PainScale(anchors=(low, high), name=name)
            scale.value_changed.connect(lambda _v: self.show_message(""))
            column.addWidget(scale)
            self.scales.append(scale)
        self.message_label = FieldMessage()
        column.addWidget(self.message_label)
        column.addStretch(1)
        outer.addLayout(self._buttons())
        if not services.can_save():
            self.save_button.setEnabled(False)
            self.skip_button.setEnabled(False)
            self.show_message(READ_ONLY_REFUSAL)
        for before, after in zip(self.scales, self.scales[1:], strict=False):
            self.setTabOrder(before, after)
        self.scales[0].setFocus(Qt.FocusReason.OtherFocusReason)
        fit_to_screen(self, DIALOG_WIDTH, whole_column_height(outer, column, DIALOG_WIDTH))

    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(texts.CHECKIN_SAVE)
        self.skip_button = QPushButton(texts.CHECKIN_SKIP)
        self.later_button = QPushButton(texts.CHECKIN_LATER)
        for button in (self.save_button, self.skip_button, self.later_button):
            button.setAccessibleName(button.text())
            button.setAutoDefault(False)
        self.save_button.setDefault(True)  # Enter saves
        self.save_button.clicked.connect(self.save)
        self.skip_button.clicked.connect(self.skip)
        self.later_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.skip_button)
        row.addStretch(1)
        row.addWidget(self.later_button)
        row.addWidget(self.save_button)
        return row

    def choose(self, question: int, value: int | None) -> bool:
        """Answer one question as if clicked; a number off the 0-10 scale is refused."""
        try:
            self.scales[question].set_value(value)
        except ValueError:
            self.show_message(texts.CHECKIN_OUT_OF_RANGE.format(value=value))
            return False
        return True

    def show_message(self, text: str) -> None:
        """Show why saving did not happen (empty hides it)."""
        self.message_label.say(text)

    def answers(self) -> tuple[int | None, int | None, int | None]:
        """The three answers chosen so far, None where left out."""
        first, second, third = (scale.value() for scale in self.scales)
        return first, second, third

    def save(self) -> bool:
        """Save the answers for this week and close; otherwise say why and stay open."""
        answers = self.answers()
        if sum(a is not None for a in answers) < MIN_ANSWERED:
            self.show_message(texts.CHECKIN_NEED_TWO)
            return False
        return self._store(lambda s, now, day: s.checkins.answer(now, day, answers))

    def skip(self) -> bool:
        """Save a skip for this week and close."""
        return self._store(lambda s, now, day: s.checkins.skip(now, day))

    def _store(self, write: Callable[[AppServices, datetime, str], WeeklyCheckin]) -> bool:
        services = self._services
        if not services.can_save():
            self.show_message(READ_ONLY_REFUSAL)
            return False
        now = services.clock.now()
        day = services.preferences.current.checkin_weekday
        try:
            stored = write(services, now, day)
        except (CheckinError, StoreError) as error:
            self.show_message(texts.CHECKIN_NOT_SAVED.format(reason=error))
            return False
        self.saved.emit(stored)
        self.accept()
        return True


def open_checkin(services: AppServices, parent: QWidget | None = None) -> WeeklyCheckin | None:
    """Show the weekly check-in as a modal dialog; what was saved, or None."""
    dialog = CheckinDialog(services, parent)
    saved: list[WeeklyCheckin] = []
    dialog.saved.connect(saved.append)
    dialog.exec()
    dialog.deleteLater()
    return saved[0] if saved else None
