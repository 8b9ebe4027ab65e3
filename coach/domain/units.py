"""Units, display precision and the human ranges for cadence, speed, step length and height.

Everything is stored in metric (km/h, cm, steps/min). Values typed by the user are checked
in the unit they were typed in, so a refusal always states the range in that unit.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import StrEnum

from coach.domain.preferences import RANGES, Range, Units

# Both factors are exact by definition (international yard and pound agreement, 1959).
KM_PER_MILE = 1.609344
CM_PER_INCH = 2.54
INCHES_PER_FOOT = 12
M_PER_FOOT = 0.3048


class Quantity(StrEnum):
    """A quantity the cadence screen shows and accepts."""

    CADENCE = "cadence"
    SPEED = "speed"
    STEP_LENGTH = "step_length"
    HEIGHT = "height"


LABELS: dict[Quantity, str] = {
    Quantity.CADENCE: "Cadence",
    Quantity.SPEED: "Speed",
    Quantity.STEP_LENGTH: "Step length",
    Quantity.HEIGHT: "Height",
}
"""How each quantity is named in messages."""

METRIC_RANGES: dict[Quantity, Range] = {
    # The same bounds as the preferences, so a cadence or height is accepted everywhere alike.
    Quantity.CADENCE: RANGES["default_cadence_spm"],
    Quantity.HEIGHT: RANGES["height_cm"],
    # Treadmills start at about 0.5 km/h; 12 km/h is past any walking pace (race walkers
    # aside), so anything faster is a typing slip or a run.
    Quantity.SPEED: Range(0.5, 12.0),
    # Step length is about 0.414 x height (PRODUCT.md), so 41-95 cm across 100-230 cm of
    # height. 20 cm leaves room for short, guarded steps during a flare-up (half the shortest
    # typical step); 120 cm covers long brisk steps of the tallest walkers (0.52 x 230 cm).
    Quantity.STEP_LENGTH: Range(20.0, 120.0),
}
"""Accepted values of each quantity, in its metric unit."""

_METRIC_UNIT = {
    Quantity.CADENCE: "steps/min",
    Quantity.SPEED: "km/h",
    Quantity.STEP_LENGTH: "cm",
    Quantity.HEIGHT: "cm",
}
_IMPERIAL_UNIT = {
    Quantity.CADENCE: "steps/min",
    Quantity.SPEED: "mph",
    Quantity.STEP_LENGTH: "in",
    Quantity.HEIGHT: "in",
}
# Display steps: speed to 0.1, step length to 1 cm or 0.5 in, height to 1 cm or 1 in.
_METRIC_INCREMENT = {
    Quantity.CADENCE: 1.0,
    Quantity.SPEED: 0.1,
    Quantity.STEP_LENGTH: 1.0,
    Quantity.HEIGHT: 1.0,
}
_IMPERIAL_INCREMENT = {**_METRIC_INCREMENT, Quantity.STEP_LENGTH: 0.5}


class OutOfRangeError(ValueError):
    """A value outside the human range of its quantity; the message gives the range."""

    def __init__(
        self, field: str, value: float, low: float, high: float, unit: str, label: str = ""
    ) -> None:
        self.field = field
        self.value = value
        self.low = low
        self.high = high
        self.unit = unit
        label = label or {q.value: text for q, text in LABELS.items()}.get(field, field)
        if not math.isfinite(value):
            message = f"{label} needs to be a number between {_fmt(low)} and {_fmt(high)} {unit}."
        elif field == Quantity.HEIGHT and unit == "in":  # heights in inches read as ft + in
            message = (
                f"{label} needs to be between {_feet(low)} and {_feet(high)}; "
                f"{_feet(value)} is outside that."
            )
        else:
            message = (
                f"{label} needs to be between {_fmt(low)} and {_fmt(high)} {unit}; "
                f"{_fmt(value)} is outside that."
            )
        super().__init__(message)


def kmh_to_mph(kmh: float) -> float:
    """Kilometres per hour in miles per hour."""
    return kmh / KM_PER_MILE


def mph_to_kmh(mph: float) -> float:
    """Miles per hour in kilometres per hour."""
    return mph * KM_PER_MILE


def cm_to_in(cm: float) -> float:
    """Centimetres in inches."""
    return cm / CM_PER_INCH


def in_to_cm(inches: float) -> float:
    """Inches in centimetres."""
    return inches * CM_PER_INCH


def m_to_ft(metres: float) -> float:
    """Metres in feet."""
    return metres / M_PER_FOOT


def ft_to_m(feet: float) -> float:
    """Feet in metres."""
    return feet * M_PER_FOOT


def cm_to_feet_inches(cm: float) -> tuple[int, int]:
    """A height in whole feet and whole inches, rounded to the nearest inch."""
    total = int(round_to(cm_to_in(cm), 1.0))
    return divmod(total, INCHES_PER_FOOT)


def feet_inches_to_cm(feet: float, inches: float) -> float:
    """A height given in feet and inches, in centimetres."""
    return in_to_cm(feet * INCHES_PER_FOOT + inches)


def round_to(value: float, increment: float) -> float:
    """Round half away from zero to a multiple of increment (0.1, 0.5, 1 ...).

    A nudge of 1e-9 steps absorbs float noise, so 5.25 after a unit round trip
    (5.2499999999999) still shows as 5.3, as it did before.
    """
    per_unit = round(1.0 / increment)
    scaled = abs(value) * per_unit
    return math.copysign(math.floor(scaled + 0.5 + 1e-9), value) / per_unit


def unit_of(quantity: Quantity, units: Units = "metric") -> str:
    """The unit a quantity is shown and typed in."""
    return (_METRIC_UNIT if units == "metric" else _IMPERIAL_UNIT)[quantity]


def increment_of(quantity: Quantity, units: Units = "metric") -> float:
    """The display precision of a quantity in the given units."""
    return (_METRIC_INCREMENT if units == "metric" else _IMPERIAL_INCREMENT)[quantity]


def _converter(quantity: Quantity, units: Units) -> Callable[[float], float]:
    if units == "metric" or quantity is Quantity.CADENCE:
        return float
    return kmh_to_mph if quantity is Quantity.SPEED else cm_to_in


def _from_imperial(quantity: Quantity) -> Callable[[float], float]:
    if quantity is Quantity.CADENCE:
        return float
    return mph_to_kmh if quantity is Quantity.SPEED else in_to_cm


def range_of(quantity: Quantity, units: Units = "metric") -> Range:
    """The accepted range in the given units.

    Imperial bounds are the metric ones converted and rounded inward to display precision
    (0.4-7.4 mph, 8-47 in of step length, 40-90 in of height): whatever is accepted in
    inches or mph is then inside the metric range too, so a stored value is always valid.
    """
    bounds = METRIC_RANGES[quantity]
    if units == "metric":
        return bounds
    convert, per_unit = _converter(quantity, units), round(1 / increment_of(quantity, units))
    low = math.ceil(convert(bounds.low) * per_unit - 1e-9) / per_unit
    high = math.floor(convert(bounds.high) * per_unit + 1e-9) / per_unit
    return Range(low, high)


def check_range(quantity: Quantity, value: float, units: Units = "metric") -> float:
    """Return value as a float if it lies in the human range, else raise OutOfRangeError."""
    bounds = range_of(quantity, units)
    if not (math.isfinite(value) and bounds.low <= value <= bounds.high):
        raise OutOfRangeError(
            quantity.value, value, bounds.low, bounds.high, unit_of(quantity, units)
        )
    return float(value)


def to_metric(quantity: Quantity, value: float, units: Units = "metric") -> float:
    """A typed value checked in its own units, then converted to the metric unit."""
    checked = check_range(quantity, value, units)
    return checked if units == "metric" else _from_imperial(quantity)(checked)


def from_metric(quantity: Quantity, metric_value: float, units: Units = "metric") -> float:
    """A stored metric value converted to the given units, unrounded."""
    return _converter(quantity, units)(metric_value)


def to_display(quantity: Quantity, metric_value: float, units: Units = "metric") -> float:
    """A stored metric value converted to the given units and rounded for display."""
    return round_to(from_metric(quantity, metric_value, units), increment_of(quantity, units))


def format_quantity(quantity: Quantity, metric_value: float, units: Units = "metric") -> str:
    """A stored metric value as display text, e.g. '4.4 km/h', '27.5 in' or '5 ft 8 in'."""
    if quantity is Quantity.HEIGHT and units == "imperial":
        feet, inches = cm_to_feet_inches(metric_value)
        return f"{feet} ft {inches} in"
    shown = to_display(quantity, metric_value, units)
    text = f"{shown:.1f}" if quantity is Quantity.SPEED else _fmt(shown)
    return f"{text} {unit_of(quantity, units)}"


def _fmt(number: float) -> str:
    return f"{number:g}"


def _feet(inches: float) -> str:
    feet, rest = divmod(round_to(inches, 1.0), INCHES_PER_FOOT)
    return f"{feet:g} ft {rest:g} in"
