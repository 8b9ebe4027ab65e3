"""Pain ratings as arrays and their daily values, 7-day rolling means and weekly means.

Days are proleptic Gregorian ordinals (`date.toordinal()`) of local dates, so weeks, year ends
and daylight-saving changes need no special cases once a rating has its local date.
docs/trends.md explains every rule in plain words.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from functools import lru_cache
from itertools import repeat

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coach.domain.pain import PainEntry

EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
"""The day ordinal of 1970-01-01, where Unix seconds start."""
SECONDS_PER_DAY = 86_400
ROLLING_WINDOW_DAYS = 7
ROLLING_MIN_DAYS = 4
"""A rolling mean needs ratings on at least this many of its 7 days, or it is left out."""


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
