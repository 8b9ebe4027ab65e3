"""The treadmill calculator: speed, cadence and step length that always agree.

The state holds cadence and step length; speed is computed from them, so the three can never
disagree. Editing one field recomputes one other ("follows") and keeps the third. Values are
typed and shown in the user's units; the state itself is metric.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from coach.domain.cadence import (
    IntensityBand,
    cadence_from,
    check_stride_change,
    intensity_band,
    speed_from,
    step_length_from,
    step_length_from_height,
)
from coach.domain.preferences import Preferences, Units
from coach.domain.units import (
    LABELS,
    METRIC_RANGES,
    OutOfRangeError,
    Quantity,
    check_range,
    format_quantity,
    from_metric,
    increment_of,
    range_of,
    round_to,
    to_display,
    to_metric,
    unit_of,
)

# A person of average adult height when none is set: its step length is 0.414 x 170 cm.
DEFAULT_HEIGHT_CM = 170.0


class Field(StrEnum):
    """A field of the treadmill calculator."""

    SPEED = "speed"
    CADENCE = "cadence"
    STEP_LENGTH = "step_length"

    @property
    def quantity(self) -> Quantity:
        """The quantity this field holds, for ranges and units."""
        return Quantity(self.value)


DEFAULT_FOLLOWS: dict[Field, Field] = {
    # A new belt speed keeps the person's stride: they step faster or slower.
    Field.SPEED: Field.CADENCE,
    # A new tempo keeps the stride too, so the belt has to change.
    Field.CADENCE: Field.SPEED,
    # A new stride keeps the tempo the metronome plays, so the belt has to change.
    Field.STEP_LENGTH: Field.SPEED,
}
"""Which field is recomputed when a field is edited and the caller does not say."""


@dataclass(frozen=True)
class TreadmillCalculator:
    """Cadence (steps/min) and step length (cm); speed follows from them."""

    cadence_spm: float
    step_length_cm: float

    def __post_init__(self) -> None:
        check_range(Quantity.CADENCE, self.cadence_spm)
        check_range(Quantity.STEP_LENGTH, self.step_length_cm)

    @classmethod
    def for_height(
        cls, height_cm: float | None, cadence_spm: float = Preferences.default_cadence_spm
    ) -> TreadmillCalculator:
        """A calculator with the step length that usually goes with a body height."""
        height = DEFAULT_HEIGHT_CM if height_cm is None else height_cm
        return cls(cadence_spm, step_length_from_height(height))

    @property
    def speed_kmh(self) -> float:
        """The belt speed in km/h that matches cadence and step length."""
        return speed_from(self.cadence_spm, self.step_length_cm)

    @property
    def intensity(self) -> IntensityBand:
        """The walking intensity band of the cadence."""
        return intensity_band(self.cadence_spm)

    def metric(self, field: Field) -> float:
        """A field's value in km/h, steps/min or cm, unrounded."""
        if field is Field.SPEED:
            return self.speed_kmh
        return self.cadence_spm if field is Field.CADENCE else self.step_length_cm

    def display(self, field: Field, units: Units = "metric") -> float:
        """A field's value in the given units, rounded to display precision."""
        return to_display(field.quantity, self.metric(field), units)

    def text(self, field: Field, units: Units = "metric") -> str:
        """A field's value with its unit, e.g. '4.4 km/h', '105 steps/min' or '27.5 in'."""
        return format_quantity(field.quantity, self.metric(field), units)

    def with_value(
        self, field: Field, value: float, units: Units = "metric", follows: Field | None = None
    ) -> TreadmillCalculator:
        """A copy with one field set to a typed value and the follower recomputed.

        The third field keeps its value. Raises OutOfRangeError, naming the field and the
        range in the given units, if the value or the value that would follow is outside
        its human range; the calculator itself never changes.
        """
        return self._with_metric(field, to_metric(field.quantity, value, units), units, follows)

    def with_speed(
        self, value: float, units: Units = "metric", follows: Field = Field.CADENCE
    ) -> TreadmillCalculator:
        """A copy at a new speed; by default the step length stays and cadence follows."""
        return self.with_value(Field.SPEED, value, units, follows)

    def with_cadence(
        self, value: float, units: Units = "metric", follows: Field = Field.SPEED
    ) -> TreadmillCalculator:
        """A copy at a new cadence; by default the step length stays and speed follows.

        `units` only sets the units of a refusal message about the follower.
        """
        return self.with_value(Field.CADENCE, value, units, follows)

    def with_step_length(
        self, value: float, units: Units = "metric", follows: Field = Field.SPEED
    ) -> TreadmillCalculator:
        """A copy with a new step length; by default the cadence stays and speed follows."""
        return self.with_value(Field.STEP_LENGTH, value, units, follows)

    def with_height(self, height: float, units: Units = "metric") -> TreadmillCalculator:
        """A copy with the step length that goes with a height; cadence stays, speed follows."""
        step_cm = step_length_from_height(to_metric(Quantity.HEIGHT, height, units))
        return self._with_metric(Field.STEP_LENGTH, step_cm, units, Field.SPEED)

    def with_shorter_stride(self, percent: float, units: Units = "metric") -> TreadmillCalculator:
        """A copy with steps percent % shorter (1-20) at the same speed: cadence rises."""
        factor = 1 - check_stride_change(percent) / 100
        cadence, step_cm = self.cadence_spm / factor, self.step_length_cm * factor
        _check_follower(Field.CADENCE, cadence, units)
        _check_follower(Field.STEP_LENGTH, step_cm, units)
        return TreadmillCalculator(cadence, step_cm)

    def _with_metric(
        self, field: Field, metric_value: float, units: Units, follows: Field | None
    ) -> TreadmillCalculator:
        follower = DEFAULT_FOLLOWS[field] if follows is None else follows
        if follower is field:
            raise ValueError(f"{field.value} cannot follow itself.")
        values = {field: metric_value, follower: 0.0}
        kept = next(f for f in Field if f not in values)
        values[kept] = self.metric(kept)
        values[follower] = _solve(follower, values)
        _check_follower(follower, values[follower], units)
        return TreadmillCalculator(values[Field.CADENCE], values[Field.STEP_LENGTH])


def _solve(follower: Field, values: dict[Field, float]) -> float:
    if follower is Field.SPEED:
        return speed_from(values[Field.CADENCE], values[Field.STEP_LENGTH])
    if follower is Field.CADENCE:
        return cadence_from(values[Field.SPEED], values[Field.STEP_LENGTH])
    return step_length_from(values[Field.SPEED], values[Field.CADENCE])


def _check_follower(follower: Field, metric_value: float, units: Units) -> None:
    quantity = follower.quantity
    metric_bounds = METRIC_RANGES[quantity]
    if metric_bounds.low <= metric_value <= metric_bounds.high:
        return
    bounds = range_of(quantity, units)
    # One decimal more than the display, so 39.8 steps/min is not shown as a refused "40".
    shown = round_to(from_metric(quantity, metric_value, units), increment_of(quantity) / 10)
    label = f"The {LABELS[quantity].lower()} this gives"
    raise OutOfRangeError(
        quantity.value, shown, bounds.low, bounds.high, unit_of(quantity, units), label
    )
