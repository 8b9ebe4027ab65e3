"""The treadmill calculator tab: speed, cadence and step length that always agree.

Every field is checked by the domain (coach.domain.treadmill and cadence) before anything
changes; a refusal is shown under the field that caused it, with the range in the user's
units, and the calculator keeps its previous, consistent values.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coach.domain.cadence import step_length_from_distance, step_length_on_treadmill
from coach.domain.preferences import Preferences, Units
from coach.domain.tap_tempo import TapEstimate
from coach.domain.treadmill import Field, TreadmillCalculator
from coach.domain.units import (
    OutOfRangeError,
    Quantity,
    format_quantity,
    ft_to_m,
    to_metric,
    unit_of,
)
from coach.ui.metronome import texts
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.checked_field import CheckedField, named_button

# Calibration distance bounds in feet: the metric 2-1000 m, rounded inward.
DISTANCE_FT = (7, 3280)
STEPS_BOUNDS = (4, 2000)


class CalculatorPanel(QWidget):
    """Speed, cadence and step length fields, calibration and "shorten my stride"."""

    cadence_chosen = Signal(int)  # the calculator set a new cadence for the metronome

    def __init__(
        self,
        preferences: Preferences,
        tap_estimate: Callable[[], TapEstimate | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tap_estimate = tap_estimate
        self.units: Units = preferences.units
        self.height_cm = preferences.height_cm
        self.calculator = TreadmillCalculator.for_height(
            self.height_cm, preferences.default_cadence_spm
        )
        self.speed_set = False
        self.fields = {
            Field.SPEED: CheckedField(texts.SPEED),
            Field.CADENCE: CheckedField(texts.CADENCE),
            Field.STEP_LENGTH: CheckedField(texts.STEP_LENGTH),
        }
        self.distance = CheckedField(texts.CAL_DISTANCE)
        self.steps = CheckedField(texts.CAL_STEPS)
        self.belt_speed = CheckedField(texts.CAL_BELT_SPEED)
        self.percent = CheckedField(texts.SHORTEN_PERCENT)
        self.height_note = styled_label(role="muted")
        self.calibration_result = styled_label()
        self.shorten_result = styled_label()
        self.from_height_button = named_button(texts.FROM_HEIGHT)
        self.use_distance_button = named_button(texts.CAL_USE_DISTANCE)
        self.use_taps_button = named_button(texts.CAL_USE_TAPS)
        self.shorten_button = named_button(texts.SHORTEN_BUTTON)
        self.use_shorter_button = named_button(texts.SHORTEN_USE)
        self.use_shorter_button.hide()
        self._shorter: TreadmillCalculator | None = None
        self._lay_out()
        self._connect()
        self._show_all()

    # --- layout --------------------------------------------------------------------------

    def _lay_out(self) -> None:
        columns = QHBoxLayout(self)
        columns.setContentsMargins(4, 8, 4, 8)
        columns.setSpacing(32)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(styled_label(texts.CALC_HELP, "muted"))
        left.addLayout(_grid(*self.fields.values()))
        left.addWidget(self.height_note)
        left.addLayout(_row(self.from_height_button))
        left.addWidget(styled_label(texts.SHORTEN_TITLE, "subheading"))
        left.addLayout(_grid(self.percent, button=self.shorten_button))
        left.addWidget(self.shorten_result)
        left.addLayout(_row(self.use_shorter_button))
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(styled_label(texts.CALIBRATE_TITLE, "subheading"))
        right.addLayout(_grid(self.distance, self.steps))
        right.addLayout(_row(self.use_distance_button))
        right.addWidget(styled_label(texts.CAL_TREADMILL, "muted"))
        right.addLayout(_grid(self.belt_speed))
        right.addLayout(_row(self.use_taps_button))
        right.addWidget(self.calibration_result)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

    def _connect(self) -> None:
        for field, widget in self.fields.items():
            widget.committed.connect(lambda value, field=field: self.enter(field, value))
        self.from_height_button.clicked.connect(self.use_height)
        self.use_distance_button.clicked.connect(self.calibrate_by_distance)
        self.distance.committed.connect(lambda _v: self.calibrate_by_distance())
        self.steps.committed.connect(lambda _v: self.calibrate_by_distance())
        self.use_taps_button.clicked.connect(self.calibrate_on_treadmill)
        self.belt_speed.committed.connect(lambda _v: self.calibrate_on_treadmill())
        self.shorten_button.clicked.connect(self.work_out_shorter)
        self.percent.committed.connect(lambda _v: self.work_out_shorter())
        self.use_shorter_button.clicked.connect(self.use_shorter)

    # --- actions -------------------------------------------------------------------------

    def enter(self, field: Field, value: float) -> bool:
        """A value typed in one field: recompute its follower, or refuse at the field."""
        try:
            updated = self.calculator.with_value(field, value, self.units)
        except OutOfRangeError as error:
            self.fields[field].refuse(str(error))
            return False
        if field is Field.SPEED:
            self.speed_set = True
        self._set(updated)
        return True

    def set_cadence(self, spm: int) -> None:
        """Follow the metronome's cadence (speed follows); a refusal shows at the cadence."""
        if round(self.calculator.cadence_spm) == spm:
            return
        try:
            self.calculator = self.calculator.with_cadence(spm, self.units)
        except OutOfRangeError as error:
            self.fields[Field.CADENCE].refuse(str(error))
            return
        self._show_all()

    def use_height(self) -> None:
        """Step length back to 0.414 x height (cadence stays, speed follows)."""
        self._set(TreadmillCalculator.for_height(self.height_cm, self.calculator.cadence_spm))

    def calibrate_by_distance(self) -> None:
        """Step length from a walked distance and its step count."""
        distance, steps = self.distance.value(), self.steps.value()
        try:
            metres = self._distance_in_metres(distance)
        except OutOfRangeError as error:
            self.distance.refuse(str(error))
            return
        self.distance.clear_error()
        if not (math.isfinite(steps) and steps.is_integer()):
            low, high = STEPS_BOUNDS
            self.steps.refuse(
                f"The number of steps needs to be a whole number from {low} to {high}."
            )
            return
        try:
            step_cm = step_length_from_distance(metres, int(steps))
        except OutOfRangeError as error:
            target = self.steps if error.field == "steps" else self.distance
            target.refuse(str(error))
            return
        self.steps.clear_error()
        self._calibrated(step_cm)

    def calibrate_on_treadmill(self) -> None:
        """Step length from a known belt speed and the cadence tapped at it."""
        estimate = self._tap_estimate()
        try:
            speed_kmh = to_metric(Quantity.SPEED, self.belt_speed.value(), self.units)
        except OutOfRangeError as error:
            self.belt_speed.refuse(str(error))
            return
        self.belt_speed.clear_error()
        if estimate is None:
            self.calibration_result.setText(texts.CAL_NEED_TAPS)
            return
        try:
            step_cm = step_length_on_treadmill(speed_kmh, estimate.cadence_spm)
        except OutOfRangeError as error:
            self.belt_speed.refuse(str(error))
            return
        self._calibrated(step_cm)

    def work_out_shorter(self) -> None:
        """The cadence that keeps this speed with steps N % shorter (not applied yet)."""
        percent = self.percent.value()
        try:
            shorter = self.calculator.with_shorter_stride(percent, self.units)
        except OutOfRangeError as error:
            self.percent.refuse(str(error))
            self.use_shorter_button.hide()
            return
        self.percent.clear_error()
        self._shorter = shorter
        self.shorten_result.setText(
            texts.SHORTEN_RESULT.format(
                speed=shorter.text(Field.SPEED, self.units),
                percent=percent,
                length=shorter.text(Field.STEP_LENGTH, self.units),
                spm=round(shorter.cadence_spm),
            )
        )
        self.use_shorter_button.show()

    def use_shorter(self) -> None:
        """Take the shorter stride and its cadence into the calculator and the metronome."""
        if self._shorter is not None:
            self._set(self._shorter)
            self.use_shorter_button.hide()

    def apply_preferences(self, preferences: Preferences) -> None:
        """Follow a change of units or height in Settings."""
        self.units = preferences.units
        if preferences.height_cm != self.height_cm:
            self.height_cm = preferences.height_cm
        self._show_all()

    @property
    def speed_kmh(self) -> float | None:
        """The belt speed, when the person has entered one."""
        return self.calculator.speed_kmh if self.speed_set else None

    # --- helpers -------------------------------------------------------------------------

    def _distance_in_metres(self, value: float) -> float:
        if self.units == "metric":
            return value if math.isfinite(value) else _refuse_distance(value, 2, 1000, "m")
        low, high = DISTANCE_FT
        if not (math.isfinite(value) and low <= value <= high):
            _refuse_distance(value, low, high, "ft")
        return ft_to_m(value)

    def _calibrated(self, step_cm: float) -> None:
        self._set(self.calculator.with_value(Field.STEP_LENGTH, step_cm, "metric"))
        length = format_quantity(Quantity.STEP_LENGTH, step_cm, self.units)
        self.calibration_result.setText(texts.CAL_DONE.format(length=length))

    def _set(self, calculator: TreadmillCalculator) -> None:
        before = round(self.calculator.cadence_spm)
        self.calculator = calculator
        self._show_all()
        if round(calculator.cadence_spm) != before:
            self.cadence_chosen.emit(round(calculator.cadence_spm))

    def _show_all(self) -> None:
        for field, widget in self.fields.items():
            widget.set_unit(unit_of(field.quantity, self.units))
            widget.accept(_number(self.calculator.text(field, self.units)))
        self.belt_speed.set_unit(unit_of(Quantity.SPEED, self.units))
        self.distance.label.setText(
            texts.CAL_DISTANCE if self.units == "metric" else texts.CAL_DISTANCE_FT
        )
        if self.height_cm is None:
            self.height_note.setText(texts.HEIGHT_NOTE_NONE)
        else:
            height = format_quantity(Quantity.HEIGHT, self.height_cm, self.units)
            self.height_note.setText(texts.HEIGHT_NOTE.format(height=height))


def _refuse_distance(value: float, low: float, high: float, unit: str) -> float:
    raise OutOfRangeError("distance", value, low, high, unit, "The distance walked")


def _number(text: str) -> str:
    """The number part of '4.4 km/h' or '105 steps/min'."""
    return text.split(" ", 1)[0]


def _grid(*fields: CheckedField, button: QPushButton | None = None) -> QGridLayout:
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(4)
    for row, field in enumerate(fields):
        field.add_to(grid, row * 2)
    if button is not None:
        grid.addWidget(button, 0, 3)
    grid.setColumnStretch(4, 1)
    return grid


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
