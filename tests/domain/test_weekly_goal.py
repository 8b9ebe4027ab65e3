"""The weekly walking goal: a little above the usual week, bounded, never a step back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coach.domain.weekly_goal import STARTER_GOAL_MINUTES, TARGET_MINUTES, weekly_goal_minutes


def test_examples() -> None:
    assert weekly_goal_minutes(0) == STARTER_GOAL_MINUTES
    assert weekly_goal_minutes(60) == 70  # 66 rounded up to a whole 5 minutes
    assert weekly_goal_minutes(140) == TARGET_MINUTES
    assert weekly_goal_minutes(200) == 200


@given(st.floats(min_value=0, max_value=2000, allow_nan=False))
def test_goal_is_gentle_and_bounded(usual: float) -> None:
    goal = weekly_goal_minutes(usual)
    assert goal % 5 == 0
    assert goal >= usual  # never asks for less than the person already walks
    if usual < TARGET_MINUTES:
        assert STARTER_GOAL_MINUTES <= goal <= TARGET_MINUTES
        assert goal <= max(STARTER_GOAL_MINUTES, usual * 1.1 + 5)
