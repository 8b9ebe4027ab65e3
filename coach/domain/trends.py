"""Pain statistics behind the trend charts: daily values, rolling and weekly means, a robust
trend, and whether the recent weeks differ from the start by a change that matters.

Days are proleptic Gregorian ordinals (`date.toordinal()`) of local dates, so weeks, year ends
and daylight-saving changes need no special cases once a rating has its local date.
docs/trends.md explains every rule in plain words, with sources.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from enum import StrEnum
from functools import lru_cache
from itertools import repeat

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coach.domain.pain import PainEntry

# --- Texts shown to users (one place) -------------------------------------------------------
TREND_NOT_ENOUGH = "Not enough ratings yet to show a trend."
TREND_FLAT = "about the same"
TREND_DOWN = "down {amount} a week"
TREND_UP = "up {amount} a week"
CHANGE_NOT_ENOUGH = (
    "Not enough ratings yet to compare with your start. This needs ratings on at least "
    "4 days of your first two weeks and 4 days of the last two, four weeks or more apart."
)
CHANGE_BETTER = (
    "Your last two weeks average {recent}, down {diff} from {baseline} in your first two "
    "weeks. That is a change large enough to matter."
)
CHANGE_WORSE = (
    "Your last two weeks average {recent}, up {diff} from {baseline} in your first two "
    "weeks. That is a change large enough to matter."
)
CHANGE_NOT_YET = (
    "Your last two weeks average {recent}, against {baseline} in your first two weeks. "
    "Not yet a change large enough to matter ({threshold} points or more)."
)
# ---------------------------------------------------------------------------------------------

EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
"""The day ordinal of 1970-01-01, where Unix seconds start."""
SECONDS_PER_DAY = 86_400
ROLLING_WINDOW_DAYS = 7
ROLLING_MIN_DAYS = 4
"""A rolling mean needs ratings on at least this many of its 7 days, or it is left out."""
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
class PainSamples:
    """Ratings as arrays, in any order: local day ordinals and pain values."""

    days: NDArray[np.int64]
    pains: NDArray[np.float64]


@dataclass(frozen=True)
class DailySeries:
    """One value per local day that has ratings: the mean of that day's ratings."""

    days: NDArray[np.int64]
    means: NDArray[np.float64]
    counts: NDArray[np.int64]

    def __len__(self) -> int:
        return int(self.days.size)

    def between(self, first: date | None = None, last: date | None = None) -> DailySeries:
        """The days from first to last, both included (None: no limit)."""
        lo = 0 if first is None else int(np.searchsorted(self.days, first.toordinal()))
        hi = (
            self.days.size
            if last is None
            else int(np.searchsorted(self.days, last.toordinal(), side="right"))
        )
        return DailySeries(self.days[lo:hi], self.means[lo:hi], self.counts[lo:hi])

    def window_mean(self, first_day: int, last_day: int) -> tuple[float, int]:
        """Mean of the daily values from first_day to last_day (ordinals) and how many days."""
        lo = int(np.searchsorted(self.days, first_day))
        hi = int(np.searchsorted(self.days, last_day, side="right"))
        if hi <= lo:
            return float("nan"), 0
        return float(self.means[lo:hi].mean()), hi - lo


@dataclass(frozen=True)
class RollingMean:
    """A trailing mean for every calendar day from the first to the last day with ratings."""

    days: NDArray[np.int64]
    values: NDArray[np.float64]
    """NaN where fewer than ROLLING_MIN_DAYS of the window's days have ratings."""


@dataclass(frozen=True)
class WeeklyMeans:
    """One value per Monday-to-Sunday week with ratings: the mean of its daily values."""

    mondays: NDArray[np.int64]
    means: NDArray[np.float64]
    days_with_data: NDArray[np.int64]


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


def samples_from_entries(entries: Iterable[PainEntry], tz: tzinfo) -> PainSamples:
    """Local days and values of the entries; fastest when each `at` already uses `tz`."""
    items = list(entries)
    local = map(datetime.astimezone, map(operator.attrgetter("at"), items), repeat(tz))
    days = np.fromiter(map(datetime.toordinal, local), dtype=np.int64, count=len(items))
    pains = np.fromiter(map(operator.attrgetter("pain"), items), np.float64, len(items))
    return PainSamples(days, pains)


def samples_from_utc_seconds(seconds: ArrayLike, pains: ArrayLike, tz: tzinfo) -> PainSamples:
    """Samples from Unix seconds and values, converted to local days without a Python loop."""
    secs = np.asarray(seconds, dtype=np.int64)
    values = np.asarray(pains, dtype=np.float64)
    if secs.shape != values.shape or secs.ndim != 1:
        raise ValueError("seconds and pains must be flat arrays of the same length")
    return PainSamples(local_day_ordinals(secs, tz), values)


def local_day_ordinals(seconds: NDArray[np.int64], tz: tzinfo) -> NDArray[np.int64]:
    """The local date (as an ordinal) in tz of each Unix second."""
    if seconds.size == 0:
        return np.zeros(0, dtype=np.int64)
    first_year = _utc_year(int(seconds.min()))
    last_year = _utc_year(int(seconds.max()))
    starts: list[int] = []
    offsets: list[int] = []
    for year in range(first_year, last_year + 1):
        for start, offset in _offset_changes(tz, year):
            starts.append(start)
            offsets.append(offset)
    where = np.searchsorted(np.asarray(starts, dtype=np.int64), seconds, side="right") - 1
    local = seconds + np.asarray(offsets, dtype=np.int64)[where]
    return local // SECONDS_PER_DAY + EPOCH_ORDINAL


def _utc_year(second: int) -> int:
    return date.fromordinal(second // SECONDS_PER_DAY + EPOCH_ORDINAL).year


def _offset_at(tz: tzinfo, second: int) -> int:
    offset = datetime.fromtimestamp(second, tz).utcoffset()
    return 0 if offset is None else int(offset.total_seconds())


@lru_cache(maxsize=512)
def _offset_changes(tz: tzinfo, year: int) -> tuple[tuple[int, int], ...]:
    """(first Unix second, UTC offset) for each stretch of constant offset in a UTC year.

    Offsets are sampled at every UTC midnight and each change is found to the second by
    bisection; this assumes no zone changes its offset twice within one day.
    """
    first = (date(year, 1, 1).toordinal() - EPOCH_ORDINAL) * SECONDS_PER_DAY
    last = (date(year + 1, 1, 1).toordinal() - EPOCH_ORDINAL) * SECONDS_PER_DAY
    changes = [(first, _offset_at(tz, first))]
    for day_start in range(first + SECONDS_PER_DAY, last + 1, SECONDS_PER_DAY):
        offset = _offset_at(tz, day_start)
        if offset != changes[-1][1]:
            lo, hi = day_start - SECONDS_PER_DAY, day_start  # offset(lo) old, offset(hi) new
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (lo, mid) if _offset_at(tz, mid) == offset else (mid, hi)
            changes.append((hi, offset))
    return tuple(changes)


def daily_series(samples: PainSamples) -> DailySeries:
    """Mean of each local day's ratings, for the days that have any."""
    if samples.days.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return DailySeries(empty, np.zeros(0, dtype=np.float64), empty)
    first = int(samples.days.min())
    index = samples.days - first
    counts = np.bincount(index)
    sums = np.bincount(index, weights=samples.pains)
    present = np.flatnonzero(counts)
    return DailySeries(
        (present + first).astype(np.int64),
        sums[present] / counts[present],
        counts[present].astype(np.int64),
    )


def rolling_mean(
    daily: DailySeries, window: int = ROLLING_WINDOW_DAYS, min_days: int = ROLLING_MIN_DAYS
) -> RollingMean:
    """Trailing mean of the daily values over `window` calendar days (the day and the ones
    before it), NaN where fewer than `min_days` of them have ratings; gaps are not filled."""
    if len(daily) == 0:
        return RollingMean(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))
    first, last = int(daily.days[0]), int(daily.days[-1])
    span = last - first + 1
    sums = np.zeros(span + window, dtype=np.float64)
    have = np.zeros(span + window, dtype=np.int64)
    sums[daily.days - first + window] = daily.means
    have[daily.days - first + window] = 1
    csum, ccount = np.cumsum(sums), np.cumsum(have)
    total = csum[window:] - csum[:-window]
    count = ccount[window:] - ccount[:-window]
    with np.errstate(invalid="ignore", divide="ignore"):
        values = np.where(count >= min_days, total / np.maximum(count, 1), np.nan)
    return RollingMean(np.arange(first, last + 1, dtype=np.int64), values)


def monday_of(days: NDArray[np.int64]) -> NDArray[np.int64]:
    """The Monday of each day's week; ordinal 1 (0001-01-01) is a Monday."""
    return days - (days - 1) % 7


def weekly_means(daily: DailySeries) -> WeeklyMeans:
    """Mean of the daily values of each Monday-to-Sunday week that has ratings."""
    if len(daily) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return WeeklyMeans(empty, np.zeros(0, dtype=np.float64), empty)
    mondays = monday_of(daily.days)
    starts = np.flatnonzero(np.r_[True, mondays[1:] != mondays[:-1]])
    sums = np.add.reduceat(daily.means, starts)
    counts = np.diff(np.r_[starts, mondays.size])
    return WeeklyMeans(mondays[starts], sums / counts, counts.astype(np.int64))


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
    """Baseline, bands of a change that matters, the recent level and a sentence about them."""

    verdict: ChangeVerdict
    sentence: str
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
        return MeaningfulChange(ChangeVerdict.NOT_ENOUGH_DATA, CHANGE_NOT_ENOUGH)
    start = int(daily.days[0])
    end = as_of.toordinal() if as_of is not None else int(daily.days[-1])
    base_last, recent_first = start + CHANGE_WINDOW_DAYS - 1, end - CHANGE_WINDOW_DAYS + 1
    baseline, n_base = daily.window_mean(start, base_last)
    recent, n_recent = daily.window_mean(recent_first, end)
    if recent_first <= base_last or min(n_base, n_recent) < CHANGE_MIN_DAYS:
        return MeaningfulChange(ChangeVerdict.NOT_ENOUGH_DATA, CHANGE_NOT_ENOUGH)
    b, r = round(baseline, 1), round(recent, 1)
    threshold = round(mcid_threshold(b), 1)
    diff = round(r - b, 1)
    if diff <= -threshold:
        verdict, template = ChangeVerdict.BETTER, CHANGE_BETTER
    elif diff >= threshold:
        verdict, template = ChangeVerdict.WORSE, CHANGE_WORSE
    else:
        verdict, template = ChangeVerdict.NOT_YET, CHANGE_NOT_YET
    sentence = template.format(
        recent=f"{r:.1f}", baseline=f"{b:.1f}", diff=f"{abs(diff):.1f}", threshold=f"{threshold:g}"
    )
    return MeaningfulChange(
        verdict,
        sentence,
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
