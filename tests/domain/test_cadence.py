import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from coach.domain.cadence import (
    IntensityBand,
    adjust_cadence,
    cadence_from,
    cadence_presets,
    intensity_band,
    shorter_step_length,
    shorter_stride_cadence,
    speed_from,
    step_length_from,
    step_length_from_distance,
    step_length_from_height,
    step_length_on_treadmill,
)
from coach.domain.preferences import Units
from coach.domain.units import METRIC_RANGES, OutOfRangeError, Quantity, to_display

UNITS = st.sampled_from(["metric", "imperial"])
CADENCES = st.floats(40, 220)
STEP_LENGTHS = st.floats(20, 120)


def test_docs_example_speed_from_cadence_and_step() -> None:
    # docs/cadence.md: 105 steps/min with 70 cm steps is 4.41 km/h.
    assert speed_from(105, 70) == pytest.approx(4.41)
    assert cadence_from(4.41, 70) == pytest.approx(105)
    assert step_length_from(4.41, 105) == pytest.approx(70)


def test_docs_example_step_length_from_height() -> None:
    assert step_length_from_height(170) == pytest.approx(70.38)


def test_docs_example_calibration_by_distance() -> None:
    # 20 m in 30 steps: 66.7 cm a step.
    assert step_length_from_distance(20, 30) == pytest.approx(66.667, abs=1e-3)


def test_docs_example_calibration_on_treadmill() -> None:
    # 4.0 km/h at a tapped 100 steps/min: 66.7 cm a step.
    assert step_length_on_treadmill(4.0, 100) == pytest.approx(66.667, abs=1e-3)


def test_docs_example_shorter_stride() -> None:
    # 10 % shorter steps at the same speed need 100 / 0.9 = 111.1 steps/min.
    assert shorter_stride_cadence(100, 10) == pytest.approx(111.111, abs=1e-3)
    assert shorter_step_length(70, 10) == pytest.approx(63)


@pytest.mark.parametrize(
    ("cadence", "band"),
    [
        (40, IntensityBand.LIGHT),
        (99.9, IntensityBand.LIGHT),
        (100, IntensityBand.MODERATE),
        (129.9, IntensityBand.MODERATE),
        (130, IntensityBand.VIGOROUS),
        (220, IntensityBand.VIGOROUS),
    ],
)
def test_intensity_bands(cadence: float, band: IntensityBand) -> None:
    assert intensity_band(cadence) is band


@pytest.mark.parametrize("percent", [0, 0.5, 20.5, 50, math.nan])
def test_stride_change_limited_to_1_to_20_percent(percent: float) -> None:
    with pytest.raises(OutOfRangeError, match="between 1 and 20 %"):
        shorter_stride_cadence(100, percent)


def test_shorter_stride_refuses_a_cadence_above_220() -> None:
    with pytest.raises(OutOfRangeError, match="Cadence needs to be between 40 and 220"):
        shorter_stride_cadence(200, 15)


@pytest.mark.parametrize(
    ("distance", "steps", "field"),
    [(1, 2, "distance"), (20, 2, "steps"), (100, 50, "step_length"), (10, 100, "step_length")],
)
def test_calibration_by_distance_refuses_impossible_walks(
    distance: float, steps: int, field: str
) -> None:
    with pytest.raises(OutOfRangeError) as caught:
        step_length_from_distance(distance, steps)
    assert caught.value.field == field


def test_treadmill_calibration_refuses_impossible_pairs() -> None:
    with pytest.raises(OutOfRangeError, match="Step length"):
        step_length_on_treadmill(11, 60)
    with pytest.raises(OutOfRangeError, match="Speed"):
        step_length_on_treadmill(0.2, 60)


@given(CADENCES, STEP_LENGTHS, UNITS)
def test_any_two_give_the_third(cadence: float, step_cm: float, units: Units) -> None:
    speed = speed_from(cadence, step_cm)
    assume(METRIC_RANGES[Quantity.SPEED].low <= speed <= METRIC_RANGES[Quantity.SPEED].high)
    assert speed == pytest.approx(cadence * step_cm / 100 * 60 / 1000)
    again_cadence = cadence_from(speed, step_cm)
    again_step = step_length_from(speed, cadence)
    assert to_display(Quantity.CADENCE, again_cadence, units) == to_display(
        Quantity.CADENCE, cadence, units
    )
    assert to_display(Quantity.STEP_LENGTH, again_step, units) == to_display(
        Quantity.STEP_LENGTH, step_cm, units
    )
    assert to_display(Quantity.SPEED, speed_from(again_cadence, again_step), units) == (
        to_display(Quantity.SPEED, speed, units)
    )


@given(CADENCES, st.floats(1, 20))
def test_shorter_stride_keeps_the_speed(cadence: float, percent: float) -> None:
    step_cm = 70.0
    try:
        faster = shorter_stride_cadence(cadence, percent)
    except OutOfRangeError:
        assert cadence / (1 - percent / 100) > 220
        return
    assert faster > cadence
    assert speed_from(faster, step_cm * (1 - percent / 100)) == pytest.approx(
        speed_from(cadence, step_cm)
    )


@given(st.floats(100, 230))
def test_step_from_height_is_a_human_step(height: float) -> None:
    step = step_length_from_height(height)
    assert 20 <= step <= 120


@pytest.mark.parametrize(
    ("start", "change", "result"),
    [(105, 1, 106), (105, -5, 100), (104.6, 1, 106), (42, -5, 40), (218, 5, 220), (220, 1, 220)],
)
def test_adjust_cadence_stays_whole_and_in_range(start: float, change: int, result: int) -> None:
    assert adjust_cadence(start, change) == result


def test_presets() -> None:
    assert cadence_presets() == {"easy": 95, "brisk": 105}
    assert cadence_presets(108) == {"easy": 95, "brisk": 105, "target": 108}
