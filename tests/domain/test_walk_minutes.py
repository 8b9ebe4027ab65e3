"""Honest minutes: one rounding for every screen, and which walks count toward the goal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain.dose import NEAR_LENGTH_SHARE, WeeklyDose, week_progress
from coach.domain.walks import (
    MIN_COUNTED_WALK_S,
    WalkRecord,
    duration_words,
    minutes_in_week,
    whole_minutes,
)

MONDAY = date(2026, 11, 23)
seconds = st.floats(0, 6 * 3600, allow_nan=False)


def walk(duration_s: float, day: int = 0) -> WalkRecord:
    start = datetime(2026, 11, 23, 9, tzinfo=UTC) + timedelta(days=day)
    return WalkRecord(started_at=start, duration_s=duration_s)


def test_the_cases_people_saw() -> None:
    assert duration_words(16) == "under a minute"
    assert duration_words(59.9) == "under a minute"
    assert duration_words(60) == "1 min"
    assert duration_words(78) == "1 min"
    assert duration_words(119.9) == "1 min"
    assert duration_words(25 * 60 + 59) == "25 min"


@given(seconds)
def test_shown_minutes_never_exceed_what_was_walked(duration: float) -> None:
    minutes = whole_minutes(duration)
    assert minutes * 60 <= duration < (minutes + 1) * 60
    words = duration_words(duration)
    assert (words == "under a minute") == (duration < 60)
    if duration >= 60:
        assert words == f"{minutes} min"


@given(seconds, seconds)
def test_longer_walks_never_show_fewer_minutes(a: float, b: float) -> None:
    short, long = sorted((a, b))
    assert whole_minutes(short) <= whole_minutes(long)


@settings(max_examples=200)
@given(st.lists(st.tuples(seconds, st.integers(-3, 9)), max_size=12))
def test_the_week_counts_exactly_its_walks_of_a_minute_or_more(
    walks: list[tuple[float, int]],
) -> None:
    records = [walk(d, day) for d, day in walks]
    expected = sum(d for d, day in walks if 0 <= day <= 6 and d >= MIN_COUNTED_WALK_S) / 60
    assert abs(minutes_in_week(records, MONDAY) - expected) < 1e-9


@settings(max_examples=200)
@given(st.lists(seconds, max_size=10), st.integers(20, 150))
def test_walks_of_about_n_minutes_count_only_walks_near_that_length(
    durations: list[float], weekly: int
) -> None:
    dose = WeeklyDose(MONDAY, weekly)
    progress = week_progress(dose, [walk(d, i % 7) for i, d in enumerate(durations)])
    near = NEAR_LENGTH_SHARE * dose.minutes_per_walk * 60
    assert progress.walks_done == sum(1 for d in durations if d >= near)
    assert progress.walks_done <= len(durations)


def test_walks_under_a_minute_never_count_as_walks_of_ten_minutes() -> None:
    progress = week_progress(WeeklyDose(MONDAY, 20), [walk(16), walk(50), walk(9 * 60)])
    assert progress.walks_done == 1 and progress.minutes_done == 9.0
