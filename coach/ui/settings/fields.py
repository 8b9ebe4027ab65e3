"""Building blocks of the Settings screen, shared with onboarding.

`RangeSpinBox` lets people type a number outside its range so the field can say why it is
refused (a plain QSpinBox silently swallows the keystroke); `FieldRow` puts a label, a control,
help text and an inline message together.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coach.ui.settings import texts
from coach.ui.theme import colors_for, current_scheme

SAVED_MESSAGE_MS = 3000
"""How long "Saved." stays beside a field; long enough to notice, short enough not to clutter."""


class RangeSpinBox(QSpinBox):
    """A spin box over [low, high] that accepts typed numbers outside it as unfinished text.

    With `unset_text`, one extra step below `low` shows that text and means "not set".
    Keyboard tracking is off, so a value is only committed on Enter, focus out or arrow keys.
    """

    out_of_range_typed = Signal(str)  # the number typed, as text
    typed_in_range = Signal()

    def __init__(
        self,
        low: int,
        high: int,
        suffix: str = "",
        unset_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.low, self.high = low, high
        self.setRange(low - 1 if unset_text else low, high)
        if unset_text:
            self.setSpecialValueText(unset_text)
        self.setSuffix(suffix)
        self.setKeyboardTracking(False)
        self.setCorrectionMode(QSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setMinimumWidth(160)
        self.lineEdit().textEdited.connect(self._on_text_edited)

    def typed_number(self, text: str | None = None) -> int | None:
        """The whole number in the text (the current text by default), or None."""
        raw = self.text() if text is None else text
        raw = raw.removesuffix(self.suffix()).strip()
        try:
            return int(raw)
        except ValueError:
            return None

    def is_unset(self) -> bool:
        """Whether the box shows its "not set" value."""
        return bool(self.specialValueText()) and self.value() == self.minimum()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """Like QSpinBox, but an out-of-range number is unfinished instead of refused."""
        number = self.typed_number(text)
        if number is not None and not self.low <= number <= self.high:
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def _on_text_edited(self, text: str) -> None:
        number = self.typed_number(text)
        if number is not None and not self.low <= number <= self.high:
            self.out_of_range_typed.emit(str(number))
        else:
            self.typed_in_range.emit()


def _wrapped(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class FieldRow(QWidget):
    """One setting: label, control, help text, and a message line for "Saved." or a refusal."""

    def __init__(
        self,
        label: str,
        help_text: str,
        control: QWidget,
        editor: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.control = control
        """The widget placed in the row."""
        self.editor = editor or control
        """The widget that takes focus and holds the value (may sit inside `control`)."""
        self.label = _wrapped(label)
        self.label.setFixedWidth(190)
        self.label.setBuddy(self.editor)
        self.help = _wrapped(help_text, "muted")
        self.message = _wrapped("")
        self.message.setObjectName("field_message")
        self.message.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVED_MESSAGE_MS)
        self._timer.timeout.connect(self.clear_message)
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(4)
        layout.addWidget(self.label, 0, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.control, 0, 1, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.help, 1, 1)
        layout.addWidget(self.message, 2, 1)
        layout.setColumnStretch(1, 1)

    def show_saved(self) -> None:
        """Show a brief "Saved." that clears itself."""
        self._show(texts.SAVED, "saved")
        self._timer.start()

    def show_error(self, text: str) -> None:
        """Show why a value was refused; it stays until the next change."""
        self._timer.stop()
        self._show(text, "error")

    def show_note(self, text: str) -> None:
        """Show a lasting note, such as why a control is disabled."""
        self._timer.stop()
        self._show(text, "note")

    def clear_message(self) -> None:
        """Hide the message line."""
        self.message.clear()
        self.message.hide()

    def message_kind(self) -> str:
        """'saved', 'error', 'note', or '' when no message shows."""
        return str(self.message.property("kind") or "") if self.message.text() else ""

    def restyle(self) -> None:
        """Recolour the message for the current theme."""
        if self.message_kind():
            self.message.setStyleSheet(message_style(self.message_kind()))

    def _show(self, text: str, kind: str) -> None:
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        self.message.setStyleSheet(message_style(kind))
        self.message.show()


def message_style(kind: str) -> str:
    """Style for an inline message in the current scheme: refusals and notes stand out."""
    colors = colors_for(current_scheme())
    if kind in ("error", "note"):
        return (
            f"background: {colors.warning_bg}; color: {colors.warning_text};"
            "padding: 4px 8px; border-radius: 6px;"
        )
    return f"color: {colors.accent}; font-weight: 600;"


def section_card(title: str, rows: list[QWidget]) -> QFrame:
    """A titled card holding field rows."""
    card = QFrame()
    card.setProperty("card", True)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(20, 14, 20, 14)
    heading = QLabel(title)
    heading.setProperty("role", "subheading")
    layout.addWidget(heading)
    for row in rows:
        layout.addWidget(row)
    return card
