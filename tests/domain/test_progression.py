from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.domain.progression import (
    PlanError,
    ProgressionPlan,
    goal_week,
    hold_week,
    make_plan,
    plan_from_dict,
    plan_weeks,
    release_hold,
    this_week_target,
)
from coach.domain.units import OutOfRangeError

MONDAY = date(2026, 1, 5)
PLANS = st.builds(
    make_plan,
    baseline_spm=st.floats(40, 220),
    start=st.dates(date(2020, 1, 1), date(2035, 1, 1)),
    goal_percent=st.floats(5, 10),
    step_percent=st.floats(2, 3),
)


def test_docs_example_plan() -> None:
    # docs/cadence.md: baseline 100, default goal +7.5 % = 108, steps of 2.5 %.
    plan = make_plan(100.4, date(2026, 1, 7))
    assert (plan.baseline_spm, plan.goal_spm, plan.start) == (100, 108, MONDAY)
    assert [w.target_spm for w in plan_weeks(plan)] == [103, 106, 108]
    assert this_week_target(plan, date(2026, 1, 4)) == 100  # before the plan starts
    assert this_week_target(plan, date(2026, 1, 11)) == 103
    assert this_week_target(plan, date(2026, 6, 1)) == 108


def test_docs_example_hold() -> None:
    plan = hold_week(make_plan(100, MONDAY), date(2026, 1, 14))
    assert plan.holds == (date(2026, 1, 12),)
    assert [(w.target_spm, w.held) for w in plan_weeks(plan)] == [
        (103, False),
        (103, True),
        (106, False),
        (108, False),
    ]
    assert hold_week(plan, date(2026, 1, 12)) is plan
    assert hold_week(plan, date(2026, 2, 2)) is plan  # after the goal: nothing to hold
    assert release_hold(plan, date(2026, 1, 18)) == make_plan(100, MONDAY)


def test_goal_is_kept_within_220() -> None:
    plan = make_plan(210, MONDAY, goal_percent=10)
    assert plan.goal_spm == 220
    assert make_plan(220, MONDAY).schedule == (220,)
    assert goal_week(make_plan(220, MONDAY)) == MONDAY


@pytest.mark.parametrize("goal", [4.9, 10.5])
def test_goal_percent_limited_to_5_to_10(goal: float) -> None:
    with pytest.raises(OutOfRangeError, match="The goal needs to be between 5 and 10 %"):
        make_plan(100, MONDAY, goal_percent=goal)


def test_baseline_outside_human_range_is_refused() -> None:
    with pytest.raises(OutOfRangeError, match="between 40 and 220 steps/min"):
        make_plan(30, MONDAY)


def test_cannot_hold_a_week_before_the_start() -> None:
    with pytest.raises(PlanError, match="before the plan starts"):
        hold_week(make_plan(100, MONDAY), MONDAY - timedelta(days=1))


def test_invalid_plans_are_refused() -> None:
    with pytest.raises(PlanError, match="Monday"):
        ProgressionPlan(100, 105, date(2026, 1, 6))
    with pytest.raises(OutOfRangeError, match="The goal"):
        ProgressionPlan(100, 115, MONDAY)
    with pytest.raises(PlanError, match="Held weeks"):
        ProgressionPlan(100, 105, MONDAY, holds=(MONDAY + timedelta(7), MONDAY))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"version": 2}, "Unknown cadence plan format"),
        ({"goal_spm": None}, "could not be read"),
        ({"goal_spm": 108.5}, "could not be read"),
        ({"start": "5 Jan"}, "could not be read"),
        ({"holds": ["2026-01-13"]}, "Held weeks"),
        ({"baseline_spm": 500}, "between 40 and 220"),
    ],
)
def test_bad_stored_plans_are_refused(change: dict[str, object], message: str) -> None:
    stored = {**make_plan(100, MONDAY).to_dict(), **change}
    with pytest.raises(PlanError, match=message):
        plan_from_dict(stored)


def test_stored_plan_missing_a_field() -> None:
    stored = make_plan(100, MONDAY).to_dict()
    del stored["start"]
    with pytest.raises(PlanError, match="has no start"):
        plan_from_dict(stored)


@given(PLANS)
def test_schedule_is_monotone_small_steps_and_reaches_the_goal(plan: ProgressionPlan) -> None:
    schedule = plan.schedule
    assert schedule[0] == plan.baseline_spm
    assert schedule[-1] == plan.goal_spm <= 220
    assert plan.goal_spm <= plan.baseline_spm * 1.10 + 0.5
    for before, after in pairwise(schedule):
        assert before < after <= plan.goal_spm
        assert after - before <= before * 0.03 + 1e-9
    weekly = [w.target_spm for w in plan_weeks(plan)]
    assert weekly == sorted(weekly)
    assert weekly[-1] == plan.goal_spm
    assert all(target <= plan.goal_spm for target in weekly)


@given(PLANS, st.lists(st.integers(0, 8), max_size=6))
def test_each_hold_delays_the_goal_by_exactly_one_week(
    plan: ProgressionPlan, offsets: list[int]
) -> None:
    for offset in offsets:
        goal = goal_week(plan)
        week = plan.start + timedelta(weeks=offset)
        held = hold_week(plan, week + timedelta(days=offset % 7))
        if week in plan.holds or week > goal:
            assert held == plan
        elif week <= goal and plan.goal_spm > plan.baseline_spm:
            assert goal_week(held) == goal + timedelta(weeks=1)
            index = held.week_index(week)
            assert held.target_for_week(index) == held.target_for_week(index - 1)
            if all(d < week for d in plan.holds):
                # Every later week gets what the week before it had.
                for later in range(index + 1, index + 10):
                    assert held.target_for_week(later) == plan.target_for_week(later - 1)
        else:  # a plan already at its goal has nothing to hold
            assert goal_week(held) == goal
        plan = held
    weekly = [w.target_spm for w in plan_weeks(plan)]
    assert weekly == sorted(weekly)
    assert max(weekly) == plan.goal_spm


@given(PLANS, st.lists(st.integers(0, 8), max_size=4))
def test_plans_round_trip_through_plain_dicts(plan: ProgressionPlan, offsets: list[int]) -> None:
    for offset in offsets:
        plan = hold_week(plan, plan.start + timedelta(weeks=offset))
    stored = plan.to_dict()
    assert all(isinstance(v, int | float | str | list) for v in stored.values())
    assert plan_from_dict(stored) == plan
