import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.domain.preferences import RANGES, Units
from coach.domain.units import (
    METRIC_RANGES,
    OutOfRangeError,
    Quantity,
    check_range,
    cm_to_feet_inches,
    cm_to_in,
    feet_inches_to_cm,
    format_quantity,
    ft_to_m,
    in_to_cm,
    increment_of,
    kmh_to_mph,
    m_to_ft,
    mph_to_kmh,
    range_of,
    round_to,
    to_display,
    to_metric,
)

UNITS = st.sampled_from(["metric", "imperial"])


def test_exact_conversion_factors() -> None:
    assert mph_to_kmh(1) == 1.609344
    assert in_to_cm(1) == 2.54
    assert ft_to_m(10) == pytest.approx(3.048)
    assert m_to_ft(0.3048) == pytest.approx(1)
    assert kmh_to_mph(1.609344) == 1


def test_cadence_and_height_reuse_the_preference_ranges() -> None:
    assert METRIC_RANGES[Quantity.CADENCE] is RANGES["default_cadence_spm"]
    assert METRIC_RANGES[Quantity.HEIGHT] is RANGES["height_cm"]


@pytest.mark.parametrize(
    ("quantity", "units", "low", "high"),
    [
        (Quantity.CADENCE, "metric", 40, 220),
        (Quantity.CADENCE, "imperial", 40, 220),
        (Quantity.SPEED, "metric", 0.5, 12),
        (Quantity.SPEED, "imperial", 0.4, 7.4),
        (Quantity.STEP_LENGTH, "metric", 20, 120),
        (Quantity.STEP_LENGTH, "imperial", 8, 47),
        (Quantity.HEIGHT, "metric", 100, 230),
        (Quantity.HEIGHT, "imperial", 40, 90),
    ],
)
def test_ranges_in_each_unit(quantity: Quantity, units: Units, low: float, high: float) -> None:
    bounds = range_of(quantity, units)
    assert (bounds.low, bounds.high) == (low, high)


def test_refusal_names_field_value_and_range_in_the_typed_unit() -> None:
    with pytest.raises(OutOfRangeError) as caught:
        to_metric(Quantity.SPEED, 9, "imperial")
    error = caught.value
    assert (error.field, error.value, error.low, error.high, error.unit) == (
        "speed",
        9,
        0.4,
        7.4,
        "mph",
    )
    assert str(error) == "Speed needs to be between 0.4 and 7.4 mph; 9 is outside that."
    assert isinstance(error, ValueError)


def test_height_in_inches_is_refused_in_feet_and_inches() -> None:
    with pytest.raises(OutOfRangeError) as caught:
        to_metric(Quantity.HEIGHT, 94, "imperial")
    assert str(caught.value) == (
        "Height needs to be between 3 ft 4 in and 7 ft 6 in; 7 ft 10 in is outside that."
    )
    assert (caught.value.low, caught.value.high, caught.value.unit) == (40, 90, "in")


def test_a_missing_number_is_refused_with_the_range() -> None:
    with pytest.raises(OutOfRangeError, match=r"^Speed needs to be a number between 0.5 and 12"):
        check_range(Quantity.SPEED, math.nan)


@pytest.mark.parametrize("bad", [39.9, 220.5, math.nan, math.inf, -math.inf])
def test_cadence_outside_40_to_220_is_refused(bad: float) -> None:
    with pytest.raises(OutOfRangeError, match="between 40 and 220 steps/min"):
        check_range(Quantity.CADENCE, bad)


def test_round_to_is_half_up_and_ignores_float_noise() -> None:
    assert round_to(2.25, 0.1) == 2.3
    assert round_to(5.2499999999999, 0.1) == 5.3
    assert round_to(27.25, 0.5) == 27.5
    assert round_to(27.2, 0.5) == 27.0
    assert round_to(104.5, 1) == 105


def test_display_texts() -> None:
    assert format_quantity(Quantity.SPEED, 4.0) == "4.0 km/h"
    assert format_quantity(Quantity.SPEED, 4.0, "imperial") == "2.5 mph"
    assert format_quantity(Quantity.STEP_LENGTH, 70.4) == "70 cm"
    assert format_quantity(Quantity.STEP_LENGTH, 70.4, "imperial") == "27.5 in"
    assert format_quantity(Quantity.HEIGHT, 172, "imperial") == "5 ft 8 in"
    assert format_quantity(Quantity.CADENCE, 104.6, "imperial") == "105 steps/min"


def test_feet_and_inches() -> None:
    assert cm_to_feet_inches(182.88) == (6, 0)
    assert cm_to_feet_inches(181.61) == (6, 0)  # 71.5 in rounds up and carries a foot
    assert feet_inches_to_cm(5, 8) == pytest.approx(172.72)


@given(st.sampled_from(list(Quantity)), UNITS, st.data())
def test_typed_display_values_round_trip_exactly(
    quantity: Quantity, units: Units, data: st.DataObject
) -> None:
    """A value typed at display precision is stored in metric and shown back unchanged."""
    bounds, step = range_of(quantity, units), increment_of(quantity, units)
    count = data.draw(st.integers(round(bounds.low / step), round(bounds.high / step)))
    typed = round_to(count * step, step)
    stored = to_metric(quantity, typed, units)
    assert to_display(quantity, stored, units) == typed
    # Whatever is accepted in one unit is inside the metric range, so it can be stored.
    check_range(quantity, stored)


@given(st.sampled_from(list(Quantity)), UNITS, st.floats(0, 1))
def test_stored_values_survive_a_unit_round_trip_at_display_precision(
    quantity: Quantity, units: Units, fraction: float
) -> None:
    bounds = METRIC_RANGES[quantity]
    metric = bounds.low + fraction * (bounds.high - bounds.low)
    there = {Quantity.SPEED: kmh_to_mph, Quantity.CADENCE: float}.get(quantity, cm_to_in)
    back = {Quantity.SPEED: mph_to_kmh, Quantity.CADENCE: float}.get(quantity, in_to_cm)
    again = back(there(metric))
    for system in ("metric", "imperial"):
        assert to_display(quantity, again, system) == to_display(quantity, metric, system)


@given(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(list(Quantity)), UNITS)
def test_check_range_never_lets_a_value_escape(
    value: float, quantity: Quantity, units: Units
) -> None:
    bounds = range_of(quantity, units)
    try:
        checked = check_range(quantity, value, units)
    except OutOfRangeError as error:
        assert error.low == bounds.low and error.high == bounds.high
    else:
        assert bounds.low <= checked <= bounds.high
