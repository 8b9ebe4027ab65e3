"""The dialog that changes one saved rating."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QWidget,
)

from coach.domain.pain import PainEntry
from coach.ui.diary import texts
from coach.ui.diary.form import PainForm
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.screen_fit import fit_to_screen, scrolling_column

DIALOG_WIDTH = 680


class EditEntryDialog(QDialog):
    """The form filled with a saved rating; Save changes checks it and keeps the result."""

    def __init__(
        self, entry: PainEntry, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(texts.EDIT_TITLE)
        self.setAccessibleName(texts.EDIT_TITLE)
        self.setModal(True)
        self.original = entry
        self.result_entry: PainEntry | None = None
        self._now = now
        self.form = PainForm()
        self.form.load(entry)
        self.form.submitted.connect(self.accept)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            texts.EDIT_SAVE, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(texts.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setAccessibleName(texts.EDIT_SAVE)
        self.cancel_button.setAccessibleName(texts.CANCEL)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column, outer = scrolling_column(self, texts.EDIT_TITLE, (24, 20, 24, 20), 14)
        column.addWidget(styled_label(texts.EDIT_TITLE, "subheading"))
        column.addWidget(self.form)
        outer.addWidget(buttons)
        fit_to_screen(self, DIALOG_WIDTH, self.sizeHint().height())
        self.form.focus_scale()

    def accept(self) -> None:
        """Close only when the form holds a valid rating; otherwise say what to fix."""
        result = self.form.read(self._now(), base=self.original)
        if isinstance(result, str):
            self.form.show_message(result)
            return
        self.result_entry = result
        super().accept()
