"""A 0-10 pain scale of eleven big buttons, quick with the mouse and with the number keys.

Keys, while the scale has focus: 0-9 choose that number; 1 then 0 chooses 10 (so typing
"10" works as people expect; press 0 again for 0); Left/Down and Right/Up move one step;
Home is 0 and End is 10; Delete or Backspace clears. Enter is left to the owner (the form
or dialog around the scale saves on Enter). Tab leaves the scale in one step: the buttons
are for the mouse, the scale itself is the one keyboard stop.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.pain import PAIN_MAX, PAIN_MIN

BUTTON_PX = 48
"""Each button's minimum width and height: a large target for a stiff, tired hand."""
BUTTON_GAP = 6
SCALE_MARGIN = 6
FIRST_LINE = 6
"""Buttons 0-5 on the first line when the scale needs two; 6-10 go on the second."""

ACCESSIBLE_NAME = "Pain from 0 to 10"
ACCESSIBLE_HELP = "Press a number key from 0 to 9, or 1 then 0 for 10. Arrow keys move by one."
BUTTON_NAME = "Pain {value} of 10"
LOW_ANCHOR = "0 = no pain"
HIGH_ANCHOR = "10 = worst pain imaginable"
VALUE_NONE = "No rating chosen"
VALUE_CHOSEN = "Pain {value} of 10 chosen"

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


class PainScale(QFrame):
    """Eleven buttons 0-10, one chosen at most; `value()` is None until a number is chosen.

    `anchors` are the words under each end ("0 = no pain", "10 = ..."), `name` what a screen
    reader calls the scale: the weekly check-in asks other questions on the same scale.
    """

    value_changed = Signal(object)  # the new value: an int 0-10, or None when cleared

    def __init__(
        self,
        parent: QWidget | None = None,
        anchors: tuple[str, str] = (LOW_ANCHOR, HIGH_ANCHOR),
        name: str = ACCESSIBLE_NAME,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pain_scale")
        self._anchors = anchors
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(name)
        self.setAccessibleDescription(ACCESSIBLE_HELP)
        self._value: int | None = None
        self._last_digit: int | None = None
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # exclusive groups cannot be cleared back to none
        self.buttons: list[QPushButton] = [self._button(n) for n in range(PAIN_MIN, PAIN_MAX + 1)]
        self._lay_out()

    def _button(self, value: int) -> QPushButton:
        button = QPushButton(str(value))
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(BUTTON_PX, BUTTON_PX)
        button.setAccessibleName(BUTTON_NAME.format(value=value))
        button.clicked.connect(lambda _checked, v=value: self._on_button_clicked(v))
        self._group.addButton(button, value)
        return button

    def _lay_out(self) -> None:
        self._row = QGridLayout()
        self._row.setSpacing(BUTTON_GAP)
        self._two_lines: bool | None = None
        self._arrange(two_lines=False)
        anchors = QHBoxLayout()
        low, high = self._anchors
        for text, align in ((low, Qt.AlignmentFlag.AlignLeft), (high, None)):
            label = QLabel(text)
            label.setProperty("role", "muted")
            anchors.addWidget(label, 1, align or Qt.AlignmentFlag.AlignRight)
        column = QVBoxLayout(self)
        column.setContentsMargins(*(SCALE_MARGIN,) * 4)
        column.setSpacing(4)
        column.addLayout(self._row)
        column.addLayout(anchors)

    def _arrange(self, two_lines: bool) -> None:
        # One line of eleven where it fits; 0-5 above 6-10 in a narrow window or with large
        # text, so the buttons keep their size instead of pushing the screen sideways.
        if two_lines == self._two_lines:
            return
        self._two_lines = two_lines
        per_line = FIRST_LINE if two_lines else len(self.buttons)
        for button in self.buttons:
            self._row.removeWidget(button)
        for column in range(len(self.buttons)):
            self._row.setColumnStretch(column, 0)
        for index, button in enumerate(self.buttons):
            self._row.addWidget(button, index // per_line, index % per_line)
        for column in range(per_line):
            self._row.setColumnStretch(column, 1)

    def _width_for(self, per_line: int) -> int:
        edges = 2 * SCALE_MARGIN
        button = self.buttons[0].minimumWidth()  # set explicitly: what the layout keeps
        return per_line * button + (per_line - 1) * BUTTON_GAP + edges + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        """Wide enough for one line of eleven: a parent with room gives the scale that much."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._width_for(len(self.buttons))), hint.height())

    def minimumSizeHint(self) -> QSize:
        """As narrow as two lines of buttons: the scale never forces a sideways scroll bar."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._width_for(FIRST_LINE)), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """One line or two for the new width, once the parent layout has placed everything."""
        super().resizeEvent(event)
        # Moving buttons in the grid while a parent layout is still placing children can
        # crash Qt (the pace card did); after this event it has finished.
        QTimer.singleShot(0, self, self._follow_width)

    def _follow_width(self) -> None:
        self._arrange(two_lines=self.width() < self._width_for(len(self.buttons)))

    def value(self) -> int | None:
        """The chosen rating, or None when nothing is chosen."""
        return self._value

    def set_value(self, value: int | None) -> None:
        """Choose a rating (None clears); out-of-range numbers raise ValueError."""
        if value is not None and not PAIN_MIN <= value <= PAIN_MAX:
            raise ValueError(f"Pain must be from {PAIN_MIN} to {PAIN_MAX}, not {value}.")
        for number, button in enumerate(self.buttons):
            button.setChecked(number == value)
        if value != self._value:
            self._value = value
            self.setAccessibleDescription(
                f"{VALUE_CHOSEN.format(value=value) if value is not None else VALUE_NONE}. "
                f"{ACCESSIBLE_HELP}"
            )
            self.value_changed.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Number keys, arrows, Home/End and Delete choose; other keys go to the parent."""
        key = event.key()
        if key in _DIGITS:
            digit = _DIGITS[key]
            ten = digit == 0 and self._last_digit == 1 and self._value == 1
            self.set_value(10 if ten else digit)
            self._last_digit = None if ten else digit
            return
        self._last_digit = None
        step = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Down: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: 1,
        }.get(Qt.Key(key))
        if step is not None:
            moved = PAIN_MIN if self._value is None else self._value + step
            self.set_value(min(PAIN_MAX, max(PAIN_MIN, moved)))
        elif key == Qt.Key.Key_Home:
            self.set_value(PAIN_MIN)
        elif key == Qt.Key.Key_End:
            self.set_value(PAIN_MAX)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(None)
        else:
            super().keyPressEvent(event)  # Enter, Tab, Escape: for the form or dialog

    def _on_button_clicked(self, value: int) -> None:
        self._last_digit = None
        self.set_value(value)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
