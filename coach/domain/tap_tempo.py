"""Tap to measure: the cadence from a key tapped once on each footfall.

The median interval finds the step; taps that are a bounce (double tap), a gap (missed
tap) or far from the beat are set aside; the cadence is then the least-squares slope of
tap time against step number over the kept taps. See docs/cadence.md for why a fitted slope
rather than the median interval itself gives the final number.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from coach.domain.tap_estimate import STEADY_BELOW as STEADY_BELOW
from coach.domain.tap_estimate import VERY_STEADY_BELOW as VERY_STEADY_BELOW
from coach.domain.tap_estimate import Steadiness as Steadiness
from coach.domain.tap_estimate import TapEstimate as TapEstimate
from coach.domain.tap_estimate import TapTempoError as TapTempoError
from coach.domain.tap_estimate import steadiness_of as steadiness_of
from coach.domain.units import METRIC_RANGES, Quantity, check_range

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

# A step is the time between two footfalls, so 10 steps need 11 taps.
MIN_STEPS = 10
MIN_TAPS = MIN_STEPS + 1
# A tap less than half a step after the previous one is a bounce of the same footfall.
DOUBLE_TAP_FRACTION = 0.5
# Gaps of up to three steps (two missed taps) are bridged; a longer pause starts a new run.
MAX_BRIDGED_STEPS = 3
# Taps further than 3 robust standard deviations (1.4826 x MAD) from the fitted beat are
# outliers, but never closer than 8 % of a step: with few taps the MAD can come out tiny
# by chance, and ordinary 3 % tapping jitter must not be thrown away.
OUTLIER_SIGMAS = 3.0
MAD_TO_SIGMA = 1.4826
MIN_TOLERANCE_FRACTION = 0.08
# When fewer than 2 in 3 taps fit the beat, or the kept steps vary by more than a fifth,
# there is no single cadence to report.
MIN_KEPT_FRACTION = 2 / 3
MAX_VARIATION = 0.20
# Live display: the latest few intervals; a pause this long starts a new measurement.
LIVE_WINDOW = 8
RESTART_AFTER_S = 4.0


_TOO_UNEVEN = (
    "The taps were too uneven to read a cadence. Try again, tapping once each time a foot lands."
)


def estimate_cadence(tap_times_s: Sequence[float]) -> TapEstimate:
    """The cadence in steps/min from tap times in seconds, one tap per footfall.

    Raises TapTempoError for fewer than 11 taps, times that go backwards, or taps too
    irregular to read; OutOfRangeError when the taps are outside 40-220 a minute.
    """
    times = _checked_times(tap_times_s)
    step = _typical_step(times)
    kept_times, doubles = _drop_double_taps(times, step)
    beats = _beat_numbers(kept_times, step)
    runs = np.cumsum(np.diff(beats, prepend=beats[0]) > MAX_BRIDGED_STEPS).astype(np.int64)
    interval, keep = _robust_fit(beats, kept_times, runs)
    cadence = _cadence_in_range(60.0 / interval)
    variation = _variation(beats[keep], kept_times[keep], runs[keep])
    used = int(keep.sum())
    if used < MIN_KEPT_FRACTION * len(times) or variation > MAX_VARIATION:
        raise TapTempoError(_TOO_UNEVEN)
    return TapEstimate(
        cadence_spm=cadence,
        taps=len(times),
        used_taps=used,
        rejected_taps=doubles + len(kept_times) - used,
        missed_steps=_missed_steps(beats, runs),
        variation=variation,
        steadiness=steadiness_of(variation),
    )


def live_cadence(tap_times_s: Sequence[float], window: int = LIVE_WINDOW) -> float | None:
    """A rough cadence from the latest taps, for display while tapping; None until 3 taps.

    Uses the median of the last `window` intervals since the last pause, leaving out
    bounces and gaps, so one stray tap does not make the number jump.
    """
    times = [float(t) for t in tap_times_s]
    start = max(
        (i for i in range(1, len(times)) if times[i] - times[i - 1] > RESTART_AFTER_S), default=0
    )
    recent = np.diff(np.asarray(times[start:], dtype=np.float64))[-window:]
    recent = recent[recent > 0]
    if len(recent) < 2:
        return None
    middle = float(np.median(recent))
    usual = recent[(recent >= DOUBLE_TAP_FRACTION * middle) & (recent <= 1.5 * middle)]
    if len(usual) == 0:
        return None  # two intervals that disagree wildly: no number yet
    return 60.0 / float(np.median(usual))


@dataclass(frozen=True)
class TapRecorder:
    """The taps of one measurement so far; tap() returns the recorder with one more."""

    times_s: tuple[float, ...] = ()

    def tap(self, at_s: float) -> TapRecorder:
        """Add a tap at a monotonic time; after a long pause the measurement starts again."""
        if self.times_s and at_s <= self.times_s[-1]:
            return self  # key auto-repeat or a clock that did not move: not a new footfall
        if self.times_s and at_s - self.times_s[-1] > RESTART_AFTER_S:
            return TapRecorder((at_s,))
        return TapRecorder((*self.times_s, at_s))

    @property
    def taps_needed(self) -> int:
        """How many more taps the measurement needs (0 when it is ready)."""
        return max(0, MIN_TAPS - len(self.times_s))

    @property
    def live_cadence(self) -> float | None:
        """The rough cadence to show while tapping."""
        return live_cadence(self.times_s)

    def estimate(self) -> TapEstimate:
        """The measured cadence; raises like estimate_cadence()."""
        return estimate_cadence(self.times_s)


def _checked_times(tap_times_s: Sequence[float]) -> Floats:
    if len(tap_times_s) < MIN_TAPS:
        raise TapTempoError(
            f"Tap once for each step, for at least {MIN_STEPS} steps ({MIN_TAPS} taps). "
            f"So far: {len(tap_times_s)}."
        )
    times = np.asarray(tap_times_s, dtype=np.float64)
    if not np.all(np.isfinite(times)) or np.any(np.diff(times) <= 0):
        raise TapTempoError("Tap times must be numbers that go forward in time.")
    return times


def _typical_step(times: Floats) -> float:
    intervals = np.diff(times)
    middle = float(np.median(intervals))
    # Bounces are tiny intervals; leaving them out keeps the median on the real step.
    return float(np.median(intervals[intervals >= DOUBLE_TAP_FRACTION * middle]))


def _drop_double_taps(times: Floats, step: float) -> tuple[Floats, int]:
    kept = [float(times[0])]
    for t in times[1:]:
        if t - kept[-1] >= DOUBLE_TAP_FRACTION * step:
            kept.append(float(t))
    return np.asarray(kept, dtype=np.float64), len(times) - len(kept)


def _beat_numbers(times: Floats, step: float) -> Floats:
    # Counting each interval on its own, not from the first tap, keeps an error in the
    # typical step from adding up over a long measurement.
    steps = np.maximum(1.0, np.round(np.diff(times) / step))
    return np.concatenate(([0.0], np.cumsum(steps)))


def _robust_fit(beats: Floats, times: Floats, runs: Ints) -> tuple[float, npt.NDArray[np.bool_]]:
    keep = np.ones(len(times), dtype=bool)
    slope = 0.0
    for _ in range(5):
        slope, residuals = _common_slope_fit(beats, times, runs, keep)
        # The spread is taken over all taps, not only the kept ones: MAD already ignores
        # outliers, and measuring only survivors would shrink it and reject more each round.
        finite = residuals[np.isfinite(residuals)]
        spread = float(np.median(np.abs(finite - np.median(finite))))
        tolerance = max(OUTLIER_SIGMAS * MAD_TO_SIGMA * spread, MIN_TOLERANCE_FRACTION * slope)
        new_keep = np.abs(residuals) <= tolerance
        if new_keep.sum() < 2 or np.array_equal(new_keep, keep):
            break
        keep = new_keep
    return slope, keep


def _common_slope_fit(
    beats: Floats, times: Floats, runs: Ints, keep: npt.NDArray[np.bool_]
) -> tuple[float, Floats]:
    """One slope for all runs, each run with its own offset (runs split at long pauses).

    Returns the slope in seconds per step and every tap's residual; taps in a run with
    no kept tap get an infinite residual.
    """
    beat_dev = np.zeros(len(beats))
    time_dev = np.zeros(len(times))
    fitted = np.zeros(len(times), dtype=bool)
    for run in np.unique(runs[keep]):
        in_run = runs == run
        kept_in_run = in_run & keep
        beat_dev[in_run] = beats[in_run] - beats[kept_in_run].mean()
        time_dev[in_run] = times[in_run] - times[kept_in_run].mean()
        fitted |= in_run
    denominator = float(np.sum(beat_dev[keep] ** 2))
    if denominator == 0:
        raise TapTempoError(_TOO_UNEVEN)
    slope = float(np.sum(beat_dev[keep] * time_dev[keep])) / denominator
    residuals = np.full(len(times), np.inf)
    residuals[fitted] = time_dev[fitted] - slope * beat_dev[fitted]
    return slope, residuals


def _cadence_in_range(cadence: float) -> float:
    # Checked at a millionth so float noise cannot push exactly 220 steps/min out of range,
    # then clamped so what is returned passes every later range check.
    check_range(Quantity.CADENCE, round(cadence, 6))
    bounds = METRIC_RANGES[Quantity.CADENCE]
    return min(max(cadence, bounds.low), bounds.high)


def _variation(beats: Floats, times: Floats, runs: Ints) -> float:
    single = (np.diff(beats) == 1) & (np.diff(runs) == 0)
    intervals = np.diff(times)[single]
    if len(intervals) < 2:
        return math.inf
    return float(np.std(intervals, ddof=1) / np.mean(intervals))


def _missed_steps(beats: Floats, runs: Ints) -> int:
    gaps = np.diff(beats)[np.diff(runs) == 0]
    return int(np.sum(gaps - 1))
