"""Pain trend statistics: a robust Theil-Sen trend and its words, and whether the recent
weeks differ from the start by a change that matters.

The daily values come from coach.domain.pain_series; days are local date ordinals.
docs/trends.md explains every rule in plain words, with sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coach.domain.pain_series import (
    DailySeries,
    PainSamples,
    RollingMean,
    WeeklyMeans,
    daily_series,
    rolling_mean,
    weekly_means,
)

# --- Texts shown to users (one place) -------------------------------------------------------
TREND_NOT_ENOUGH = "Not enough ratings yet to show a trend."
TREND_FLAT = "about the same"
TREND_DOWN = "down {amount} a week"
TREND_UP = "up {amount} a week"
# ---------------------------------------------------------------------------------------------

TREND_MIN_DAYS = 7
TREND_MIN_SPAN_DAYS = 14
"""A trend needs ratings on 7 days spread over at least two weeks."""
TREND_DEAD_BAND_PER_WEEK = 0.1
"""Slopes smaller than this (points a week) read "about the same": 20 weeks to reach 2 points."""
EXACT_MAX_POINTS = 400
"""Up to this many days the Theil-Sen slope is exact (79,800 pairs); above, it is sampled."""
SAMPLED_PAIRS = 100_001
"""Odd, so the median is one sampled slope; 2e-9 chance of a rank error over 1 point (DKW)."""
TREND_SEED = 20080101
"""Fixed seed: the same ratings always give the same sampled trend."""
CHANGE_WINDOW_DAYS = 14
CHANGE_MIN_DAYS = 4
MCID_POINTS = 2.0
MCID_FRACTION = 0.30
MCID_FLOOR_POINTS = 1.0
"""Ostelo et al., Spine 2008: 2 points or 30 % on the 0-10 scale; our floor of 1 point keeps
30 % of a low baseline from calling a fraction of one scale step a change that matters."""


@dataclass(frozen=True)
class Trend:
    """A Theil-Sen line through the daily values: value = anchor_value + slope * (day - anchor)."""

    slope_per_day: float
    anchor_day: int
    anchor_value: float
    exact: bool
    pairs_used: int

    @property
    def slope_per_week(self) -> float:
        """Change in points per week."""
        return self.slope_per_day * 7.0

    def value_at(self, days: ArrayLike) -> NDArray[np.float64]:
        """The line's value on the given day ordinals."""
        d = np.asarray(days, dtype=np.float64)
        return self.anchor_value + self.slope_per_day * (d - self.anchor_day)


def theil_sen(daily: DailySeries) -> Trend | None:
    """The Theil-Sen line through the daily values, or None with fewer than two days.

    Exact (median of all pairwise slopes) up to EXACT_MAX_POINTS days; above that, the median
    of SAMPLED_PAIRS pairs drawn with a fixed seed, whose rank among all pairwise slopes is
    within 1 percentage point of the median except with probability below 1e-8 (DKW bound).
    """
    n = len(daily)
    if n < 2:
        return None
    x = (daily.days - daily.days[0]).astype(np.float64)
    y = daily.means
    exact = n <= EXACT_MAX_POINTS
    i, j = _all_pairs(n) if exact else _sampled_pairs(n)
    slopes = (y[j] - y[i]) / (x[j] - x[i])
    slope = _median(slopes)
    intercept = _median(y - slope * x)
    return Trend(slope, int(daily.days[0]), intercept, exact, int(slopes.size))


@lru_cache(maxsize=8)
def _all_pairs(n: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Every pair i < j of n points (cached: the chart asks again for the same n)."""
    i, j = np.triu_indices(n, k=1)
    return _frozen(i), _frozen(j)


@lru_cache(maxsize=8)
def _sampled_pairs(n: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """SAMPLED_PAIRS random pairs i != j, uniform over all pairs, from the fixed seed."""
    rng = np.random.default_rng(TREND_SEED)
    i = rng.integers(0, n, SAMPLED_PAIRS)
    j = (i + rng.integers(1, n, SAMPLED_PAIRS)) % n  # never equal to i
    return _frozen(i), _frozen(j)


def _frozen(values: NDArray[np.intp]) -> NDArray[np.intp]:
    values.setflags(write=False)  # cached arrays are shared; nobody may change them
    return values


def _median(values: NDArray[np.float64]) -> float:
    """The median by one partition (np.median is several times slower on 100,000 values)."""
    half = values.size // 2
    part = np.partition(values, half)
    upper = float(part[half])
    return upper if values.size % 2 else (float(part[:half].max()) + upper) / 2.0


def has_enough_for_trend(daily: DailySeries) -> bool:
    """Whether the days are enough for a trend worth stating."""
    return len(daily) >= TREND_MIN_DAYS and int(daily.days[-1] - daily.days[0]) + 1 >= (
        TREND_MIN_SPAN_DAYS
    )


def describe_slope(slope_per_week: float) -> str:
    """The slope in words: "down 0.4 points a week", "up 1 point a week", "about the same"."""
    rounded = round(slope_per_week, 1)
    if abs(rounded) < TREND_DEAD_BAND_PER_WEEK:
        return TREND_FLAT
    template = TREND_DOWN if rounded < 0 else TREND_UP
    return template.format(amount=format_points(abs(rounded)))


def format_points(amount: float) -> str:
    """'1 point', '0.4 points', '2.5 points' (one decimal, none when whole)."""
    text = f"{amount:.1f}".removesuffix(".0")
    return f"{text} point" if text == "1" else f"{text} points"


def trend_sentence(daily: DailySeries) -> str:
    """The trend of the given days in words, or that there is not enough data yet."""
    trend = theil_sen(daily) if has_enough_for_trend(daily) else None
    return TREND_NOT_ENOUGH if trend is None else describe_slope(trend.slope_per_week)


class ChangeVerdict(StrEnum):
    """How the recent weeks compare with the first two weeks."""

    NOT_ENOUGH_DATA = "not_enough_data"
    NOT_YET = "not_yet"
    BETTER = "better"
    WORSE = "worse"


@dataclass(frozen=True)
class MeaningfulChange:
    """Baseline, bands of a change that matters and the recent level (coach.domain.change_story
    says them in words)."""

    verdict: ChangeVerdict
    baseline: float | None = None
    recent: float | None = None
    threshold: float | None = None
    lower_band: float | None = None
    upper_band: float | None = None
    baseline_days: tuple[date, date] | None = None
    recent_days: tuple[date, date] | None = None


def mcid_threshold(baseline: float) -> float:
    """Points of change that matter from this baseline: 2 points or 30 %, at least 1 point."""
    return max(MCID_FLOOR_POINTS, min(MCID_POINTS, MCID_FRACTION * baseline))


def meaningful_change(daily: DailySeries, as_of: date | None = None) -> MeaningfulChange:
    """Compare the last two weeks (ending as_of, default the last rated day) with the first two.

    Both are means of daily values over 14 calendar days and need CHANGE_MIN_DAYS rated days;
    the windows may not overlap. The verdict uses the one-decimal numbers the sentence shows.
    """
    if len(daily) == 0:
        return MeaningfulChange(ChangeVerdict.NOT_ENOUGH_DATA)
    start = int(daily.days[0])
    end = as_of.toordinal() if as_of is not None else int(daily.days[-1])
    base_last, recent_first = start + CHANGE_WINDOW_DAYS - 1, end - CHANGE_WINDOW_DAYS + 1
    baseline, n_base = daily.window_mean(start, base_last)
    recent, n_recent = daily.window_mean(recent_first, end)
    if recent_first <= base_last or min(n_base, n_recent) < CHANGE_MIN_DAYS:
        return MeaningfulChange(ChangeVerdict.NOT_ENOUGH_DATA)
    b, r = round(baseline, 1), round(recent, 1)
    threshold = round(mcid_threshold(b), 1)
    diff = round(r - b, 1)
    if diff <= -threshold:
        verdict = ChangeVerdict.BETTER
    elif diff >= threshold:
        verdict = ChangeVerdict.WORSE
    else:
        verdict = ChangeVerdict.NOT_YET
    return MeaningfulChange(
        verdict,
        baseline=b,
        recent=r,
        threshold=threshold,
        lower_band=max(0.0, b - threshold),
        upper_band=min(10.0, b + threshold),
        baseline_days=(date.fromordinal(start), date.fromordinal(base_last)),
        recent_days=(date.fromordinal(recent_first), date.fromordinal(end)),
    )


@dataclass(frozen=True)
class TrendStatistics:
    """Everything the trends screen and the report draw from one set of ratings."""

    daily: DailySeries
    rolling: RollingMean
    weekly: WeeklyMeans
    trend: Trend | None
    trend_words: str
    change: MeaningfulChange


def compute_statistics(samples: PainSamples, as_of: date | None = None) -> TrendStatistics:
    """All statistics for the samples; the caller slices `daily` for shorter chart ranges."""
    daily = daily_series(samples)
    trend = theil_sen(daily) if has_enough_for_trend(daily) else None
    words = TREND_NOT_ENOUGH if trend is None else describe_slope(trend.slope_per_week)
    return TrendStatistics(
        daily=daily,
        rolling=rolling_mean(daily),
        weekly=weekly_means(daily),
        trend=trend,
        trend_words=words,
        change=meaningful_change(daily, as_of),
    )
