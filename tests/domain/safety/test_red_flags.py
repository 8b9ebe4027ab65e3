import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.domain.safety.red_flags import (
    RED_FLAG_KEYS,
    RED_FLAGS,
    red_flag,
    red_flag_advice,
)


def test_list_covers_the_seven_red_flags_from_the_brief() -> None:
    assert RED_FLAG_KEYS == (
        "bladder_bowel",
        "saddle_numbness",
        "leg_weakness",
        "fever_weight_loss",
        "trauma",
        "past_cancer",
        "night_pain",
    )
    assert len({flag.label for flag in RED_FLAGS}) == len(RED_FLAGS)
    assert all(flag.label and flag.short for flag in RED_FLAGS)


def test_nothing_ticked_means_no_doctor_page() -> None:
    advice = red_flag_advice([])
    assert not advice.see_doctor
    assert advice.flags == ()
    assert advice.summary() == ""


def test_one_flag_asks_for_a_doctor_and_names_it() -> None:
    advice = red_flag_advice(["trauma"])
    assert advice.see_doctor
    assert advice.flags == (red_flag("trauma"),)
    assert advice.summary() == "back pain after a fall or accident"


def test_flags_come_back_in_list_order_once_each() -> None:
    advice = red_flag_advice(["trauma", "bladder_bowel", "trauma", "leg_weakness"])
    assert [flag.key for flag in advice.flags] == ["bladder_bowel", "leg_weakness", "trauma"]
    assert advice.summary() == (
        "new bladder or bowel problems, leg weakness that is getting worse "
        "and back pain after a fall or accident"
    )


def test_unknown_key_is_refused_not_dropped() -> None:
    with pytest.raises(ValueError, match="Unknown red flag"):
        red_flag_advice(["bladder_bowel", "headache"])
    with pytest.raises(KeyError):
        red_flag("headache")


@given(st.sets(st.sampled_from(RED_FLAG_KEYS)))
def test_doctor_page_exactly_when_something_is_ticked(ticked: set[str]) -> None:
    advice = red_flag_advice(ticked)
    assert advice.see_doctor == bool(ticked)
    assert {flag.key for flag in advice.flags} == ticked
    for flag in advice.flags:
        assert flag.short in advice.summary()
