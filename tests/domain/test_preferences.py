import contextlib
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.domain.preferences import (
    PREFERENCE_NAMES,
    RANGES,
    PreferenceError,
    Preferences,
    preferences_from_dict,
    validate_preference,
)


def test_defaults_are_all_valid() -> None:
    prefs = Preferences()
    for name, value in prefs.as_dict().items():
        assert validate_preference(name, value) == value


def test_out_of_range_message_names_field_and_range() -> None:
    with pytest.raises(PreferenceError, match=r"default_cadence_spm must be between 40 and 220"):
        validate_preference("default_cadence_spm", 300)


@pytest.mark.parametrize("bad", [math.nan, "fast", True, 100.5])
def test_cadence_refuses_non_whole_numbers(bad: object) -> None:
    with pytest.raises(PreferenceError):
        validate_preference("default_cadence_spm", bad)


@pytest.mark.parametrize("bad", ["8", "24:00", "7:5", "ab:cd", "12:60"])
def test_reminder_time_format(bad: str) -> None:
    with pytest.raises(PreferenceError, match="reminder_time"):
        validate_preference("reminder_time", bad)


def test_stored_values_fall_back_to_defaults_with_a_message() -> None:
    prefs, problems = preferences_from_dict({"volume": 3.0, "theme": "dark", "mystery": 1})
    assert prefs.volume == Preferences().volume
    assert prefs.theme == "dark"
    assert len(problems) == 2


@given(st.sampled_from(sorted(RANGES)), st.floats(allow_nan=True, allow_infinity=True))
def test_ranged_values_never_escape_their_bounds(name: str, value: float) -> None:
    try:
        accepted = validate_preference(name, value)
    except PreferenceError:
        return
    assert RANGES[name].low <= accepted <= RANGES[name].high


@given(st.sampled_from(PREFERENCE_NAMES), st.from_type(object))
def test_validation_only_raises_its_own_error(name: str, value: object) -> None:
    with contextlib.suppress(PreferenceError):
        validate_preference(name, value)
