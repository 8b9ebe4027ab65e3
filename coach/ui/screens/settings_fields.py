"""Building blocks of the Settings screen, shared with onboarding.

`RangeSpinBox` lets people type a number outside its range so the field can say why it is
refused (a plain QSpinBox silently swallows the keystroke); `FieldRow` puts a label, a control,
help text and an inline message together; `HeightInput` edits a height in cm or ft+in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette, QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach.domain.preferences import RANGES
from coach.domain.units import cm_to_feet_inches, feet_inches_to_cm
from coach.ui.screens import settings_texts as texts
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
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.label.setFixedWidth(190)
        self.label.setBuddy(self.editor)
        self.help = QLabel(help_text)
        self.help.setWordWrap(True)
        self.help.setProperty("role", "muted")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("field_message")
        self.message.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVED_MESSAGE_MS)
        self._timer.timeout.connect(self.clear_message)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(4)
        layout.addWidget(self.label, 0, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(control, 0, 1, Qt.AlignmentFlag.AlignLeft)
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


def tune_indicators(root: QWidget) -> None:
    """Give check boxes and radio buttons under root a clearly visible outline.

    Fusion draws the indicator's border from the Window colour, made darker, which nearly
    vanishes on a dark window; a lighter Window colour on just these buttons fixes that.
    """
    outline = QColor(colors_for(current_scheme()).muted_text)
    for button in root.findChildren(QAbstractButton):
        if isinstance(button, QCheckBox | QRadioButton):
            palette = button.palette()
            palette.setColor(QPalette.ColorRole.Window, outline)
            button.setPalette(palette)


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


def height_cm_from(feet: int, inches: int) -> float:
    """A height in feet and inches as cm, to one decimal (as stored)."""
    return round(feet_inches_to_cm(feet, inches), 1)


class HeightInput(QWidget):
    """A height in cm, shown in cm or in feet and inches; `height_entered` carries cm or None."""

    height_entered = Signal(object)  # float cm, or None for "not set"
    height_refused = Signal(str)  # why the typed height was not taken
    typing_in_range = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bounds = RANGES["height_cm"]
        self._height: float | None = None
        self._units = "metric"
        self.cm = RangeSpinBox(int(bounds.low), int(bounds.high), " cm", texts.HEIGHT_NOT_SET)
        self.cm.setAccessibleName(texts.HEIGHT[0])
        self.feet = RangeSpinBox(3, 7, " ft", texts.HEIGHT_NOT_SET)
        self.feet.setAccessibleName(texts.HEIGHT_FEET)
        self.inches = RangeSpinBox(0, 11, " in")
        self.inches.setAccessibleName(texts.HEIGHT_INCHES)
        self.inches.setMinimumWidth(110)
        self._stack = QStackedWidget()
        metric = QWidget()
        metric_row = QHBoxLayout(metric)
        metric_row.setContentsMargins(0, 0, 0, 0)
        metric_row.addWidget(self.cm)
        metric_row.addStretch(1)
        self._stack.addWidget(metric)
        imperial = QWidget()
        row = QHBoxLayout(imperial)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.feet)
        row.addWidget(self.inches)
        self._stack.addWidget(imperial)
        self._stack.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        layout.addStretch(1)
        self._connect()
        self.setFocusProxy(self.cm)

    def _connect(self) -> None:
        self.cm.valueChanged.connect(self._on_cm_changed)
        self.feet.valueChanged.connect(self._on_imperial_changed)
        self.inches.valueChanged.connect(self._on_imperial_changed)
        self.cm.out_of_range_typed.connect(lambda t: self._refuse(t, texts.HEIGHT_RANGE_METRIC))
        self.feet.out_of_range_typed.connect(lambda t: self._refuse(t, texts.HEIGHT_RANGE_IMPERIAL))
        self.inches.out_of_range_typed.connect(lambda t: self._refuse(t, texts.INCHES_RANGE))
        for box in (self.cm, self.feet, self.inches):
            box.typed_in_range.connect(self.typing_in_range)

    def height_cm(self) -> float | None:
        """The last accepted height in cm, or None when not set."""
        return self._height

    def set_units(self, units: str) -> None:
        """Show metric (cm) or imperial (ft + in) boxes; the height itself does not change."""
        self._units = units
        imperial = units == "imperial"
        self._stack.setCurrentIndex(1 if imperial else 0)
        self.setFocusProxy(self.feet if imperial else self.cm)
        self._display()

    def set_height_cm(self, height: float | None) -> None:
        """Show a height without announcing it."""
        self._height = height
        self._display()

    def commit(self) -> None:
        """Take whatever is typed now, as Enter would."""
        for box in (self.cm, self.feet, self.inches):
            box.interpretText()

    def _display(self) -> None:
        for box in (self.cm, self.feet, self.inches):
            box.blockSignals(True)
        if self._height is None:
            self.cm.setValue(self.cm.minimum())
            self.feet.setValue(self.feet.minimum())
            self.inches.setValue(0)
        else:
            self.cm.setValue(round(self._height))
            feet, inches = cm_to_feet_inches(self._height)
            self.feet.setValue(feet)
            self.inches.setValue(inches)
        for box in (self.cm, self.feet, self.inches):
            box.blockSignals(False)

    def _on_cm_changed(self, value: int) -> None:
        self._accept(None if self.cm.is_unset() else float(value))

    def _on_imperial_changed(self, _value: int) -> None:
        if self.feet.is_unset():
            self._accept(None)
            return
        cm = height_cm_from(self.feet.value(), self.inches.value())
        bounds = RANGES["height_cm"]
        if self._height is None:  # first step up from "Not set": start at the nearest valid
            cm = min(max(cm, height_cm_from(3, 4)), height_cm_from(7, 6))
            self._height = cm
            self._display()
        elif not bounds.low <= cm <= bounds.high:
            feet, inches = self.feet.value(), self.inches.value()
            self._display()  # back to the last good height: nothing half-taken
            self.height_refused.emit(f"{feet} ft {inches} in: {texts.HEIGHT_RANGE_IMPERIAL}")
            return
        self._accept(cm)

    def _accept(self, height: float | None) -> None:
        self._height = height
        self.height_entered.emit(height)

    def _refuse(self, typed: str, message: str) -> None:
        self.height_refused.emit(f"{typed} is not saved. {message}")
