"""The quick pain log: a 0-10 scale, when in the day, an optional note; saved with the time now.

Opened from the daily reminder bar and from Today. Built for seconds, not minutes: focus
starts on the scale, a number key chooses, Enter saves. The full diary form (time, place,
warning signs) lives on the Pain diary screen.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from coach.domain.pain import NOTE_MAX_CHARS, PainContext, PainEntry, PainEntryError
from coach.domain.pain import context_for_hour as default_context
from coach.domain.text_rules import without_unsafe
from coach.services.errors import StoreError
from coach.ui.dialogs import texts
from coach.ui.texts import READ_ONLY_REFUSAL
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.field_message import FieldMessage
from coach.ui.widgets.pain_scale import PainScale
from coach.ui.widgets.screen_fit import fit_to_screen, scrolling_column

if TYPE_CHECKING:
    from coach.ui.services import AppServices

DIALOG_WIDTH = 720


class LogPainDialog(QDialog):
    """Rate pain now; `saved` carries the stored PainEntry (with its id) before closing."""

    saved = Signal(object)  # the PainEntry as stored

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(texts.DIALOG_TITLE)
        self.setAccessibleName(texts.DIALOG_TITLE)
        self.setModal(True)
        self.question = styled_label(texts.QUESTION, "subheading")
        self.scale = PainScale()
        self.scale.value_changed.connect(lambda _value: self.show_message(""))
        self.context_box = QComboBox()
        for value, label in texts.CONTEXT_CHOICES:
            self.context_box.addItem(label, value)
        self.context_box.setAccessibleName(texts.CONTEXT_LABEL)
        now = services.clock.now()
        self.set_context(default_context(now.hour))
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(NOTE_MAX_CHARS)
        self.note_edit.setPlaceholderText(texts.NOTE_PLACEHOLDER)
        self.note_edit.setAccessibleName(texts.NOTE_LABEL)
        self.message_label = FieldMessage()
        self.save_button = QPushButton(texts.SAVE)
        self.cancel_button = QPushButton(texts.CANCEL)
        self._lay_out(now)
        self.show_message("")
        if not services.can_save():
            self.save_button.setEnabled(False)
            self.show_message(READ_ONLY_REFUSAL)
        self.scale.setFocus(Qt.FocusReason.OtherFocusReason)

    def _lay_out(self, now: datetime) -> None:
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.addRow(texts.CONTEXT_LABEL, self.context_box)
        form.addRow(texts.NOTE_LABEL, self.note_edit)
        for button in (self.save_button, self.cancel_button):
            button.setAccessibleName(button.text())
        self.save_button.setDefault(True)  # Enter anywhere saves
        self.save_button.setAutoDefault(True)
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        column, outer = scrolling_column(self, texts.DIALOG_TITLE, (28, 24, 28, 20), 12)
        column.addWidget(self.question)
        column.addWidget(self.scale)
        column.addWidget(styled_label(texts.KEYS_HINT, "muted"))
        column.addLayout(form)
        column.addWidget(styled_label(texts.TIME_LINE.format(now=now), "muted"))
        column.addWidget(self.message_label)
        column.addStretch(1)
        outer.addLayout(buttons)
        self.setTabOrder(self.scale, self.context_box)
        self.setTabOrder(self.context_box, self.note_edit)
        fit_to_screen(self, DIALOG_WIDTH, self.sizeHint().height())

    def set_context(self, context: PainContext) -> None:
        """Choose the 'when' entry shown in the list."""
        self.context_box.setCurrentIndex(max(0, self.context_box.findData(context.value)))

    def choose(self, value: int) -> bool:
        """Choose a rating as if clicked; a number off the 0-10 scale is refused with a message."""
        try:
            self.scale.set_value(value)
        except ValueError:
            self.show_message(texts.OUT_OF_RANGE.format(value=value))
            return False
        return True

    def show_message(self, text: str) -> None:
        """Show why saving did not happen (empty hides it)."""
        self.message_label.say(text)

    def save(self) -> bool:
        """Save the rating with the time now and close; otherwise say why and stay open."""
        if not self._services.can_save():
            self.show_message(READ_ONLY_REFUSAL)
            return False
        pain = self.scale.value()
        if pain is None:
            self.show_message(texts.NEED_RATING)
            self.scale.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        try:
            entry = PainEntry(
                at=self._services.clock.now(),
                pain=pain,
                context=PainContext(self.context_box.currentData()),
                note=without_unsafe(self.note_edit.text(), multiline=True).strip(),
            )
            stored = self._services.diary.add_pain(entry)
        except (PainEntryError, StoreError) as error:
            self.show_message(texts.NOT_SAVED.format(reason=error))
            return False
        self.saved.emit(stored)
        self.accept()
        return True


def open_log_pain(services: AppServices, parent: QWidget | None = None) -> PainEntry | None:
    """Show the quick pain log as a modal dialog; the saved entry, or None if not saved."""
    dialog = LogPainDialog(services, parent)
    entries: list[PainEntry] = []
    dialog.saved.connect(entries.append)
    dialog.exec()
    dialog.deleteLater()
    return entries[0] if entries else None
