"""A height input in cm or in feet and inches, shared by Settings and onboarding.

The height is always kept in cm (as stored); the units only change how it is shown and typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QStackedWidget, QWidget

from coach.domain.preferences import RANGES
from coach.domain.units import cm_to_feet_inches, feet_inches_to_cm
from coach.ui.settings import texts
from coach.ui.settings.fields import RangeSpinBox


def height_cm_from(feet: int, inches: int) -> float:
    """A height in feet and inches as cm, to one decimal (as stored)."""
    return round(feet_inches_to_cm(feet, inches), 1)


def _row_of(*boxes: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for box in boxes:
        layout.addWidget(box)
    layout.addStretch(1)
    return row


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
        self._stack.addWidget(_row_of(self.cm))
        self._stack.addWidget(_row_of(self.feet, self.inches))
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
