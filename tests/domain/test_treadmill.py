import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.domain.cadence import IntensityBand, speed_from
from coach.domain.preferences import Units
from coach.domain.treadmill import DEFAULT_FOLLOWS, Field, TreadmillCalculator
from coach.domain.units import (
    METRIC_RANGES,
    OutOfRangeError,
    increment_of,
    range_of,
    round_to,
)

UNITS = st.sampled_from(["metric", "imperial"])
CALCULATORS = st.builds(TreadmillCalculator, st.floats(60, 160), st.floats(40, 90))


def test_defaults_from_height_and_preferences() -> None:
    calc = TreadmillCalculator.for_height(170)
    assert calc.cadence_spm == 105
    assert calc.step_length_cm == pytest.approx(70.38)
    assert calc.text(Field.SPEED) == "4.4 km/h"
    assert calc.text(Field.SPEED, "imperial") == "2.8 mph"
    assert calc.text(Field.STEP_LENGTH, "imperial") == "27.5 in"
    assert calc.intensity is IntensityBand.MODERATE
    assert TreadmillCalculator.for_height(None).step_length_cm == pytest.approx(70.38)


def test_docs_example_editing_each_field() -> None:
    calc = TreadmillCalculator(105, 70)
    faster_belt = calc.with_speed(5.0)  # step length kept, cadence follows
    assert faster_belt.step_length_cm == 70
    assert faster_belt.display(Field.CADENCE) == 119
    quicker = calc.with_cadence(110)  # step length kept, speed follows
    assert quicker.display(Field.SPEED) == 4.6
    shorter = calc.with_step_length(65)  # cadence kept, speed follows
    assert shorter.cadence_spm == 105
    assert shorter.display(Field.SPEED) == 4.1


def test_follower_can_be_chosen() -> None:
    calc = TreadmillCalculator(105, 70)
    same_tempo = calc.with_speed(5.0, follows=Field.STEP_LENGTH)
    assert same_tempo.cadence_spm == 105
    assert same_tempo.display(Field.STEP_LENGTH) == 79
    with pytest.raises(ValueError, match="cannot follow itself"):
        calc.with_cadence(100, follows=Field.CADENCE)


def test_imperial_input() -> None:
    calc = TreadmillCalculator(105, 70).with_speed(3.0, "imperial")
    assert calc.display(Field.SPEED, "imperial") == 3.0
    assert calc.speed_kmh == pytest.approx(4.828032)
    assert calc.with_height(68, "imperial").step_length_cm == pytest.approx(0.414 * 68 * 2.54)


def test_docs_example_shorter_stride_keeps_the_speed() -> None:
    calc = TreadmillCalculator(100, 70).with_shorter_stride(10)
    assert calc.display(Field.CADENCE) == 111
    assert calc.display(Field.STEP_LENGTH) == 63
    assert calc.speed_kmh == pytest.approx(speed_from(100, 70))


def test_shorter_stride_refusals_name_the_field_in_the_users_units() -> None:
    with pytest.raises(OutOfRangeError, match=r"^The cadence this gives .* 235.3 is outside"):
        TreadmillCalculator(200, 70).with_shorter_stride(15)
    with pytest.raises(OutOfRangeError, match=r"^The step length this gives .* 8 and 47 in"):
        TreadmillCalculator(100, 22).with_shorter_stride(20, "imperial")
    with pytest.raises(OutOfRangeError, match=r"between 1 and 20 %"):
        TreadmillCalculator(100, 70).with_shorter_stride(25)


def test_follower_refusal_uses_the_users_units() -> None:
    with pytest.raises(OutOfRangeError, match=r"^The speed this gives .* 0.4 and 7.4 mph"):
        TreadmillCalculator(200, 100).with_cadence(215, "imperial")
    with pytest.raises(OutOfRangeError, match=r"^The speed this gives .* 0.4 and 7.4 mph"):
        TreadmillCalculator(215, 90).with_height(90, "imperial")


def test_typed_value_out_of_range_names_its_range() -> None:
    with pytest.raises(OutOfRangeError, match=r"Speed needs to be between 0.4 and 7.4 mph"):
        TreadmillCalculator(105, 70).with_speed(8, "imperial")


def test_follower_out_of_range_is_refused_with_its_range() -> None:
    calc = TreadmillCalculator(105, 70)
    with pytest.raises(OutOfRangeError) as caught:
        calc.with_speed(1.0)  # 23.8 steps/min
    assert caught.value.field == "cadence"
    assert str(caught.value) == (
        "The cadence this gives needs to be between 40 and 220 steps/min; 23.8 is outside that."
    )
    assert calc == TreadmillCalculator(105, 70)


def test_state_is_immutable_and_checked() -> None:
    calc = TreadmillCalculator(105, 70)
    with pytest.raises(dataclasses.FrozenInstanceError):
        calc.cadence_spm = 90  # type: ignore[misc]
    with pytest.raises(OutOfRangeError):
        TreadmillCalculator(30, 70)


def _typed(data: st.DataObject, field: Field, units: Units) -> float:
    bounds, step = range_of(field.quantity, units), increment_of(field.quantity, units)
    count = data.draw(st.integers(round(bounds.low / step), round(bounds.high / step)))
    return round_to(count * step, step)


@given(CALCULATORS, st.sampled_from(list(Field)), UNITS, st.data())
def test_any_edit_keeps_the_three_fields_consistent(
    calc: TreadmillCalculator, field: Field, units: Units, data: st.DataObject
) -> None:
    follower = data.draw(st.sampled_from([f for f in Field if f is not field]))
    kept = next(f for f in Field if f not in (field, follower))
    typed = _typed(data, field, units)
    try:
        edited = calc.with_value(field, typed, units, follower)
    except OutOfRangeError as error:
        assert error.field == follower.value
        return
    # The typed value shows back unchanged, the third field keeps its exact value, and
    # the follower is whatever makes speed = cadence x step length true again.
    assert edited.display(field, units) == typed
    assert edited.metric(kept) == pytest.approx(calc.metric(kept), rel=1e-12)
    assert edited.speed_kmh == speed_from(edited.cadence_spm, edited.step_length_cm)
    bounds = METRIC_RANGES[follower.quantity]
    assert bounds.low <= edited.metric(follower) <= bounds.high


@given(CALCULATORS, st.sampled_from(list(Field)), UNITS, st.data())
def test_editing_back_restores_the_display(
    calc: TreadmillCalculator, field: Field, units: Units, data: st.DataObject
) -> None:
    typed = _typed(data, field, units)
    try:
        there = calc.with_value(field, typed, units)
        back = there.with_value(field, calc.metric(field))
    except OutOfRangeError:
        return
    follower = DEFAULT_FOLLOWS[field]
    for shown_in in ("metric", "imperial"):
        assert back.display(follower, shown_in) == calc.display(follower, shown_in)
