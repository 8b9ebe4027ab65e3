"""Worsening and red-flag rules for diary entries."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain.pain_series import DailySeries
from coach.domain.safety import rules as s
from coach.domain.safety.urgency import URGENCY_WORDS

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 6, 30)


def series(values: dict[int, float]) -> DailySeries:
    """Daily values keyed by days before TODAY (0 = today)."""
    keys = sorted(values, reverse=True)
    days = np.array([TODAY.toordinal() - k for k in keys], dtype=np.int64)
    means = np.array([values[k] for k in keys], dtype=np.float64)
    return DailySeries(days, means, np.ones(len(keys), dtype=np.int64))


def levels(previous: list[float], current: list[float]) -> DailySeries:
    """`current` on days 0.. before today, `previous` on days 7.. before today."""
    values = {k: v for k, v in enumerate(current)}
    values |= {7 + k: v for k, v in enumerate(previous)}
    return series(values)


def test_rise_of_exactly_two_points_fires_with_reason() -> None:
    worsening = s.check_worsening(levels([4.0] * 6, [6.0] * 4), TODAY)
    assert worsening is not None and worsening.applies
    assert worsening.reason() == (
        "Your pain has risen clearly. In the 7 days to Tuesday 30 June: average 6.0. "
        "The 3 weeks before: average 4.0. That is 2.0 points higher."
    )


def test_rise_of_one_point_nine_does_not_fire() -> None:
    daily = levels([4.0] * 6, [5.9] * 4)
    worsening = s.check_worsening(daily, TODAY)
    assert worsening is not None and worsening.rise == pytest.approx(1.9)
    assert not worsening.applies


def test_rule_uses_the_one_decimal_numbers_it_shows() -> None:
    # 5.96 shows as 6.0 and 4.04 as 4.0: the message would read "2.0 points", so it fires.
    worsening = s.check_worsening(levels([4.04] * 6, [5.96] * 4), TODAY)
    assert worsening == s.Worsening(current=6.0, previous=4.0, day=TODAY)
    assert worsening.applies


def test_falling_pain_never_fires() -> None:
    worsening = s.check_worsening(levels([7.0] * 10, [2.0] * 7), TODAY)
    assert worsening is not None and worsening.rise == -5.0 and not worsening.applies


@pytest.mark.parametrize(("n_previous", "n_current"), [(5, 7), (21, 3), (0, 0)])
def test_too_few_rated_days_gives_no_verdict(n_previous: int, n_current: int) -> None:
    assert s.check_worsening(levels([1.0] * n_previous, [9.0] * n_current), TODAY) is None


def test_window_edges() -> None:
    # Day 27 before today is the oldest day of the previous window; day 28 is outside it.
    values = {k: 9.0 for k in range(4)} | {k: 3.0 for k in range(22, 28)} | {28: 10.0}
    worsening = s.check_worsening(series(values), TODAY)
    assert worsening == s.Worsening(current=9.0, previous=3.0, day=TODAY)
    # Day 7 before today belongs to the previous window, not to the last 7 days.
    values = {k: 5.0 for k in range(4)} | {7: 0.0} | {k: 5.0 for k in range(8, 13)}
    assert s.check_worsening(series(values), TODAY) == s.Worsening(5.0, 4.2, TODAY)


def test_default_labels_come_from_the_onboarding_list_in_its_order() -> None:
    assert s.flag_words({"trauma", "leg_weakness", "zz_new"}) == (
        "leg weakness that is getting worse, back pain after a fall or accident and a warning sign"
    )
    assert s.sign_reason(TODAY, {"night_pain"}) == (
        "On Tuesday 30 June you noted: severe pain at night or at rest that no position eases."
    )


def day_ratings(values: dict[int, int]) -> s.DayRatings:
    """One rating a day, keyed by days before TODAY, at 09:00 in Berlin."""
    ratings = [
        (datetime.combine(TODAY, datetime.min.time(), BERLIN).replace(hour=9)
         - timedelta(days=k), pain)
        for k, pain in values.items()
    ]  # fmt: skip
    return s.DayRatings.from_ratings(ratings, BERLIN)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.integers(0, 40), st.integers(0, 10), max_size=41))
def test_pure_python_day_ratings_agree_with_the_numpy_series(values: dict[int, int]) -> None:
    ours = s.check_worsening(day_ratings(values), TODAY)
    numpy = s.check_worsening(series({k: float(v) for k, v in values.items()}), TODAY)
    assert ours == numpy


def test_first_worsening_finds_the_first_day_the_rule_fired() -> None:
    # Pain 3 for three weeks, then 7 from 10 days ago: the rule fires once 4 days are at 7.
    values = {k: 3 for k in range(10, 40)} | {k: 7 for k in range(10)}
    worsening = s.first_worsening(day_ratings(values), TODAY)
    assert worsening is not None and worsening.day == TODAY - timedelta(days=6)
    assert s.first_worsening(day_ratings({k: 4 for k in range(40)}), TODAY) is None


def test_a_nine_is_a_flare_for_three_days() -> None:
    flare = s.recent_flare(day_ratings({2: 9, 5: 8}), TODAY)
    assert flare == s.Flare(TODAY - timedelta(days=2), 9, 1.0)
    assert s.recent_flare(day_ratings({3: 9}), TODAY) is None  # shown for 3 days only


def test_a_jump_of_three_within_three_days_is_a_flare() -> None:
    assert s.recent_flare(day_ratings({0: 6, 3: 3}), TODAY) == s.Flare(TODAY, 6, 3.0)
    assert s.recent_flare(day_ratings({0: 6, 4: 3}), TODAY) is None  # four days apart
    assert s.recent_flare(day_ratings({0: 5, 1: 3}), TODAY) is None  # only 2 points


def test_words_never_diagnose() -> None:
    words = [w.title + w.action for w in URGENCY_WORDS.values()]
    texts = [s.WORSENING_REASON, s.SIGN_REASON, *words]
    joined = " ".join(texts).lower()
    for word in ("sciatica", "cauda", "hernia", "disc", "fracture", "infection", "cancer",
                 "tumour", "syndrome", "stenosis", "diagnos", "nerve"):  # fmt: skip
        assert word not in joined
