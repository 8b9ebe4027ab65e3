from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.domain.dose import (
    GOAL_WEEKLY_MINUTES,
    DoseDecision,
    WeeklyDose,
    dose_history,
    goal_history,
    hold_weeks,
    next_dose,
    starting_dose,
    suggest_plan,
    week_progress,
)
from coach.domain.pain import PainContext
from coach.domain.plans import Cadence, Phase, PhaseKind, SessionPlan
from coach.domain.walks import WalkRecord

MONDAY = date(2026, 1, 5)


def walk(day: date, minutes: float) -> WalkRecord:
    return WalkRecord(datetime(day.year, day.month, day.day, 9, tzinfo=UTC), minutes * 60)


def plan(minutes: int) -> SessionPlan:
    main = Phase(PhaseKind.MAIN, "Walk", minutes * 60, Cadence(), Cadence())
    return SessionPlan(f"walk-{minutes}", f"{minutes}", "", (main,))


@pytest.mark.parametrize(
    ("usual", "weekly", "walks", "each"),
    [
        (0, 20, 2, 10),
        (60, 60, 5, 12),
        (100, 100, 5, 20),
        (150, 150, 5, 30),
        (500, 150, 5, 30),
        (float("nan"), 20, 2, 10),
        (float("inf"), 150, 5, 30),
        (33.2, 34, 4, 10),
    ],
)
def test_starting_dose_from_usual_walking(usual: float, weekly: int, walks: int, each: int) -> None:
    dose = starting_dose(usual, MONDAY + timedelta(days=3))
    assert dose.week_start == MONDAY
    assert (dose.weekly_minutes, dose.walks_per_week, dose.minutes_per_walk) == (
        weekly,
        walks,
        each,
    )


def test_progress_is_ten_percent_when_the_week_was_done() -> None:
    step = next_dose(WeeklyDose(MONDAY, 60), walked_minutes=60, hold=False)
    assert step.decision is DoseDecision.PROGRESS
    assert step.dose == WeeklyDose(MONDAY + timedelta(days=7), 66)
    assert next_dose(WeeklyDose(MONDAY, 20), 20, False).dose.weekly_minutes == 22
    assert next_dose(WeeklyDose(MONDAY, 145), 150, False).dose.weekly_minutes == 150


def test_hold_rule_week_holds() -> None:
    step = next_dose(WeeklyDose(MONDAY, 60), walked_minutes=90, hold=True)
    assert step.decision is DoseDecision.HOLD_SYMPTOMS and step.dose.weekly_minutes == 60


def test_week_not_done_holds() -> None:
    step = next_dose(WeeklyDose(MONDAY, 60), walked_minutes=47, hold=False)
    assert step.decision is DoseDecision.HOLD_NOT_DONE and step.dose.weekly_minutes == 60
    assert next_dose(WeeklyDose(MONDAY, 60), 48, False).decision is DoseDecision.PROGRESS


def test_goal_stays_at_five_by_thirty() -> None:
    step = next_dose(WeeklyDose(MONDAY, 150), 200, False)
    assert step.decision is DoseDecision.AT_GOAL and step.dose.at_goal
    assert (step.dose.walks_per_week, step.dose.minutes_per_walk) == (5, 30)


def test_replay_from_walks_and_hold_weeks() -> None:
    walks = [walk(MONDAY, 30), walk(MONDAY + timedelta(days=2), 30)]  # week 1: 60 of 60
    walks += [walk(MONDAY + timedelta(days=7), 70)]  # week 2: 70 of 66, but held
    walks += [walk(MONDAY + timedelta(days=14), 66)]  # week 3: 66 of 66
    today = MONDAY + timedelta(days=22)
    step = dose_history(60, MONDAY, walks, {MONDAY + timedelta(days=9)}, today)[-1]
    assert step.dose.week_start == MONDAY + timedelta(days=21)
    assert step.dose.weekly_minutes == 73 and step.decision is DoseDecision.PROGRESS
    first = dose_history(60, MONDAY, walks, set(), MONDAY + timedelta(days=1))[-1]
    assert first.decision is DoseDecision.START and first.dose.weekly_minutes == 60


def test_weeks_away_do_not_raise_the_goal() -> None:
    step = dose_history(60, MONDAY, [], set(), MONDAY + timedelta(days=60))[-1]
    assert step.dose.weekly_minutes == 60 and step.decision is DoseDecision.HOLD_NOT_DONE


def test_gentle_build_reaches_the_goal_in_about_ten_weeks() -> None:
    dose, weeks = WeeklyDose(MONDAY, 60), 0
    while not dose.at_goal:
        dose = next_dose(dose, dose.weekly_minutes, False).dose
        weeks += 1
    assert 9 <= weeks <= 11


@given(st.integers(20, 150), st.floats(0, 1000), st.booleans())
def test_never_more_than_ten_percent_and_never_past_the_goal(
    minutes: int, walked: float, hold: bool
) -> None:
    step = next_dose(WeeklyDose(MONDAY, minutes), walked, hold)
    assert (
        minutes
        <= step.dose.weekly_minutes
        <= min(GOAL_WEEKLY_MINUTES, max(minutes + 1, minutes * 1.1 + 1))
    )
    assert 1 <= step.dose.walks_per_week <= 5 and 10 <= step.dose.minutes_per_walk <= 30


def test_week_progress_counts_only_this_week() -> None:
    dose = WeeklyDose(MONDAY, 60)
    walks = [
        walk(MONDAY, 20),
        walk(MONDAY + timedelta(days=6), 25),
        walk(MONDAY + timedelta(days=7), 99),
    ]
    progress = week_progress(dose, walks)
    assert (progress.minutes_done, progress.walks_done) == (45, 2)
    assert progress.share == 0.75 and progress.walks_goal == 5


def test_suggest_plan_picks_the_longest_that_fits() -> None:
    plans = [plan(10), plan(20), plan(30)]
    assert suggest_plan(WeeklyDose(MONDAY, 20), plans).id == "walk-10"  # type: ignore[union-attr]
    assert suggest_plan(WeeklyDose(MONDAY, 100), plans).id == "walk-20"  # type: ignore[union-attr]
    assert suggest_plan(WeeklyDose(MONDAY, 150), plans).id == "walk-30"  # type: ignore[union-attr]
    assert suggest_plan(WeeklyDose(MONDAY, 20), [plan(20), plan(30)]).id == "walk-20"  # type: ignore[union-attr]
    assert suggest_plan(WeeklyDose(MONDAY, 20), []) is None


def test_hold_weeks_come_from_the_leg_symptoms_field_and_the_ratings() -> None:
    monday, next_monday = date(2026, 11, 16), date(2026, 11, 23)
    walks = [
        WalkRecord(datetime(2026, 11, 17, 9, tzinfo=UTC), 600.0, id=1, new_leg_symptoms=True),
        WalkRecord(datetime(2026, 11, 24, 9, tzinfo=UTC), 600.0, id=2),
    ]
    assert hold_weeks(walks, {}) == {monday}
    # Pain 3 before and 6 after the second walk: more than the rule allows, so it holds too.
    risen = {2: {PainContext.BEFORE_WALK: 3, PainContext.AFTER_WALK: 6}}
    assert hold_weeks(walks, risen) == {monday, next_monday}
    calm = {2: {PainContext.BEFORE_WALK: 3, PainContext.AFTER_WALK: 3}}
    assert hold_weeks(walks, calm) == {monday}


def test_goal_history_starts_at_the_first_walk_and_ends_this_week() -> None:
    walks = [walk(MONDAY + timedelta(days=7), 50), walk(MONDAY + timedelta(days=1), 60)]
    today = MONDAY + timedelta(days=16)
    steps = goal_history(60, walks, {}, today)
    assert [s.dose.week_start for s in steps] == [MONDAY + timedelta(days=d) for d in (0, 7, 14)]
    assert [s.dose.weekly_minutes for s in steps] == [60, 66, 66]  # week 2: 50 of 66 holds
    assert steps[-1] == dose_history(60, MONDAY, walks, set(), today)[-1]
    assert goal_history(60, [], {}, today)[-1].decision is DoseDecision.START
