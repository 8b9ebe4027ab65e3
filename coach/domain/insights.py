"""What goes with better days, honestly: two differences in the person's own diary, each with
a 90 % bootstrap interval over days, or "not enough days yet to say".

An association in one diary, never proof: a good day may make a walk more likely as much as
a walk may make a good day. The words (coach.domain.insight_words) say so every time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

import numpy as np
from numpy.typing import NDArray

from coach.domain.pain import PainContext, PainEntry
from coach.domain.walks import WalkKind, WalkRecord

WALK_DAY_MINUTES = 10.0
"""A day counts as a walking day with at least 10 minutes walked in all."""
MIN_DAYS_EACH = 10
"""Each side of a comparison needs this many days, or nothing is said."""
INTERVAL = 0.90
"""The bootstrap interval's coverage."""
RESAMPLES = 2000
SEED = 15
"""A fixed seed: the same diary gives the same interval, so the words do not change on redraw."""


@dataclass(frozen=True)
class Difference:
    """Mean of `a` minus mean of `b` (or of paired differences), with its interval and sizes."""

    days_a: int
    days_b: int
    mean_a: float | None = None
    mean_b: float | None = None
    diff: float | None = None
    low: float | None = None
    high: float | None = None

    @property
    def enough(self) -> bool:
        """Whether both sides have MIN_DAYS_EACH days, so a number may be shown."""
        return self.diff is not None


def bootstrap_difference(a: NDArray[np.float64], b: NDArray[np.float64]) -> Difference:
    """mean(a) - mean(b) with a percentile bootstrap interval, resampling each side's days."""
    if min(a.size, b.size) < MIN_DAYS_EACH:
        return Difference(int(a.size), int(b.size))
    rng = np.random.default_rng(SEED)
    means_a = a[rng.integers(0, a.size, (RESAMPLES, a.size))].mean(axis=1)
    means_b = b[rng.integers(0, b.size, (RESAMPLES, b.size))].mean(axis=1)
    low, high = _interval(means_a - means_b)
    return Difference(
        int(a.size), int(b.size), float(a.mean()), float(b.mean()),
        float(a.mean() - b.mean()), low, high,
    )  # fmt: skip


def bootstrap_paired(before: NDArray[np.float64], after: NDArray[np.float64]) -> Difference:
    """mean(after - before) over days, with a bootstrap interval resampling the days."""
    n = int(before.size)
    if n < MIN_DAYS_EACH:
        return Difference(n, n)
    change = after - before
    rng = np.random.default_rng(SEED)
    means = change[rng.integers(0, n, (RESAMPLES, n))].mean(axis=1)
    low, high = _interval(means)
    return Difference(
        n, n, float(after.mean()), float(before.mean()), float(change.mean()), low, high
    )


def _interval(samples: NDArray[np.float64]) -> tuple[float, float]:
    tail = (1 - INTERVAL) / 2 * 100
    low, high = np.percentile(samples, [tail, 100 - tail])
    return float(low), float(high)


def morning_after_walking(
    entries: Iterable[PainEntry], walks: Iterable[WalkRecord], tz: tzinfo
) -> Difference:
    """On-waking pain after a day with 10+ walking minutes (a) against after a day without (b).

    A morning's pain is the mean of that day's on-waking ratings; each morning is one day.
    """
    minutes: dict[date, float] = defaultdict(float)
    for walk in walks:
        minutes[walk.started_at.astimezone(tz).date()] += walk.duration_s / 60
    mornings: dict[date, list[int]] = defaultdict(list)
    for entry in entries:
        if entry.context == PainContext.ON_WAKING:
            mornings[entry.at.astimezone(tz).date()].append(entry.pain)
    after_walk: list[float] = []
    after_none: list[float] = []
    for day, pains in mornings.items():
        walked = minutes.get(day - timedelta(days=1), 0.0) >= WALK_DAY_MINUTES
        (after_walk if walked else after_none).append(float(np.mean(pains)))
    return bootstrap_difference(np.array(after_walk), np.array(after_none))


def before_and_after_guided(
    entries: Iterable[PainEntry], walks: Iterable[WalkRecord], tz: tzinfo
) -> Difference:
    """Pain after a guided walk minus before it, averaged per day, over the days with both."""
    guided = {w.id: w for w in walks if w.kind == WalkKind.GUIDED and w.id is not None}
    pairs: dict[int, dict[PainContext, int]] = defaultdict(dict)
    for entry in entries:
        if entry.walk_id in guided and entry.context in (
            PainContext.BEFORE_WALK, PainContext.AFTER_WALK,
        ):  # fmt: skip
            pairs[entry.walk_id][entry.context] = entry.pain
    by_day: dict[date, list[tuple[int, int]]] = defaultdict(list)
    for walk_id, pair in pairs.items():
        if len(pair) == 2:
            day = guided[walk_id].started_at.astimezone(tz).date()
            by_day[day].append((pair[PainContext.BEFORE_WALK], pair[PainContext.AFTER_WALK]))
    before = np.array([np.mean([b for b, _ in p]) for p in by_day.values()], dtype=np.float64)
    after = np.array([np.mean([a for _, a in p]) for p in by_day.values()], dtype=np.float64)
    return bootstrap_paired(before, after)
