"""The daily "How is your back right now?" bar, with "Note it now" and "Later"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from coach.ui.controllers.reminder import ReminderController
from coach.ui.dialogs import texts
from coach.ui.widgets.notice_bar import NoticeBar


class PainPromptBar(NoticeBar):
    """Shows when the reminder controller says so; either button ends the prompt for today."""

    note_requested = Signal()  # "Note it now" was pressed: open the quick pain log

    def __init__(self, controller: ReminderController, parent: QWidget | None = None) -> None:
        super().__init__(texts.REMINDER_NAME, texts.REMINDER_NOTE, parent)
        self._controller = controller
        assert self.action is not None
        self.note_button = self.action
        self.later_button = self.add_action(texts.REMINDER_LATER)
        controller.prompt_due.connect(self._on_controller_prompt_due)
        self.note_button.clicked.connect(self._on_note_clicked)
        self.later_button.clicked.connect(self._on_later_clicked)

    def _on_controller_prompt_due(self) -> None:
        self.show_message(texts.REMINDER_TEXT)

    def _on_note_clicked(self) -> None:
        self._controller.dismiss()
        self.show_message("")
        self.note_requested.emit()

    def _on_later_clicked(self) -> None:
        self._controller.dismiss()
        self.show_message("")
