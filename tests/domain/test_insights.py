"""The insights: hand-computed differences, 'not enough days', a planted effect found and a
shuffled diary showing none beyond the interval at about the stated rate."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain.insight_words import guided_words, morning_words
from coach.domain.insights import (
    MIN_DAYS_EACH,
    Difference,
    before_and_after_guided,
    bootstrap_difference,
    bootstrap_paired,
    morning_after_walking,
)
from coach.domain.pain import PainContext, PainEntry
from coach.domain.walks import WalkKind, WalkRecord

START = datetime(2026, 1, 5, 7, 30, tzinfo=UTC)


def _diary(walked: list[bool], morning: list[int]) -> tuple[list[PainEntry], list[WalkRecord]]:
    """Day i: a 20-minute walk if walked[i]; the morning of day i+1 rated morning[i]."""
    walks = [
        WalkRecord(START + timedelta(days=i, hours=10), 1200.0) for i, w in enumerate(walked) if w
    ]
    entries = [
        PainEntry(START + timedelta(days=i + 1), pain, PainContext.ON_WAKING)
        for i, pain in enumerate(morning)
    ]
    return entries, walks


def test_the_difference_is_the_mean_of_each_side() -> None:
    a = np.array([2.0] * 10 + [4.0] * 10)
    b = np.array([5.0] * 12)
    found = bootstrap_difference(a, b)
    assert found.diff == pytest.approx(-2.0)
    assert found.mean_a == pytest.approx(3.0) and found.mean_b == pytest.approx(5.0)
    assert found.low is not None and found.high is not None
    assert found.low < -2.0 < found.high < 0  # b has no spread: the interval is a's
    assert bootstrap_difference(a, b) == found  # a fixed seed: the same words every redraw


def test_fewer_than_ten_days_on_a_side_gives_no_number() -> None:
    found = bootstrap_difference(np.ones(MIN_DAYS_EACH - 1), np.ones(30))
    assert found == Difference(MIN_DAYS_EACH - 1, 30)
    assert not found.enough
    words = morning_words(found)
    assert "not enough days yet to say" in words and "so far there are 9 and 30" in words


def test_paired_differences_are_averaged_over_days() -> None:
    before = np.array([5.0] * 10 + [6.0] * 2)
    after = before - 1.0
    found = bootstrap_paired(before, after)
    assert found.diff == pytest.approx(-1.0) and found.low == found.high == pytest.approx(-1.0)


def test_mornings_after_a_walking_day_against_days_without() -> None:
    walked = [i % 2 == 0 for i in range(40)]
    morning = [3 if w else 5 for w in walked]
    entries, walks = _diary(walked, morning)
    found = morning_after_walking(entries, walks, UTC)
    assert (found.days_a, found.days_b) == (20, 20)
    assert found.diff == pytest.approx(-2.0)
    words = morning_words(found)
    assert (
        "averaged 3.0, against 5.0 after days without (20 and 20 days), 2.0 points lower" in words
    )
    assert "(90 % interval \u22122.0 to \u22122.0)" in words


def test_a_short_walk_does_not_make_a_walking_day() -> None:
    entries, _ = _diary([False] * 12, [4] * 12)
    short = [WalkRecord(START + timedelta(days=i, hours=10), 300.0) for i in range(12)]
    found = morning_after_walking(entries, short, UTC)
    assert (found.days_a, found.days_b) == (0, 12)


def test_a_planted_effect_is_found() -> None:
    rng = np.random.default_rng(1)
    walked = list(rng.random(120) < 0.5)
    morning = [int(np.clip(round(rng.normal(3 if w else 4.5, 1.2)), 0, 10)) for w in walked]
    found = morning_after_walking(*_diary(walked, morning), UTC)
    assert found.high is not None and found.high < 0  # the whole interval below zero


def test_shuffled_diaries_show_no_effect_beyond_the_interval_at_about_the_stated_rate() -> None:
    rng = np.random.default_rng(7)
    misses = 0
    trials = 200
    for _ in range(trials):
        a = rng.normal(4.0, 1.5, 30)
        b = rng.normal(4.0, 1.5, 30)
        found = bootstrap_difference(a, b)
        assert found.low is not None and found.high is not None
        misses += not found.low <= 0 <= found.high
    assert misses / trials < 0.2  # 10 % expected; a percentile bootstrap runs a little narrow


def test_pain_before_and_after_guided_walks() -> None:
    entries: list[PainEntry] = []
    walks: list[WalkRecord] = []
    for i in range(12):
        at = START + timedelta(days=i, hours=9)
        walks.append(WalkRecord(at, 1200.0, WalkKind.GUIDED, id=i + 1))
        entries.append(PainEntry(at, 5, PainContext.BEFORE_WALK, walk_id=i + 1))
        entries.append(
            PainEntry(at + timedelta(minutes=25), 4, PainContext.AFTER_WALK, walk_id=i + 1)
        )
    entries.append(PainEntry(START, 9, PainContext.BEFORE_WALK, walk_id=99))  # no such walk
    found = before_and_after_guided(entries, walks, UTC)
    assert found.days_a == 12 and found.diff == pytest.approx(-1.0)
    assert (
        "after them averaged 4.0, against 5.0 before (12 days), 1.0 points lower"
        in guided_words(found)
    )
    few = before_and_after_guided(entries[:6], walks, UTC)
    assert "not enough days yet to say" in guided_words(few)


_days = st.lists(st.integers(0, 10), min_size=MIN_DAYS_EACH, max_size=40)


@given(a=_days, b=_days, shift=st.integers(-3, 3))
@settings(max_examples=40, deadline=None)
def test_a_shift_of_one_side_moves_the_difference_and_its_interval_by_as_much(
    a: list[int], b: list[int], shift: int
) -> None:
    base = bootstrap_difference(np.array(a, dtype=float), np.array(b, dtype=float))
    moved = bootstrap_difference(np.array(a, dtype=float) + shift, np.array(b, dtype=float))
    assert base.diff is not None and moved.diff is not None
    assert moved.diff == pytest.approx(base.diff + shift)
    assert moved.low == pytest.approx(base.low + shift)  # type: ignore[operator]
    assert moved.high == pytest.approx(base.high + shift)  # type: ignore[operator]


@given(a=st.lists(st.integers(0, 10), max_size=MIN_DAYS_EACH - 1), b=_days)
@settings(max_examples=30, deadline=None)
def test_a_side_under_ten_days_never_gives_a_number(a: list[int], b: list[int]) -> None:
    found = bootstrap_difference(np.array(a, dtype=float), np.array(b, dtype=float))
    assert found.diff is None and found.low is None and found.high is None
    assert "not enough days yet to say" in morning_words(found)
