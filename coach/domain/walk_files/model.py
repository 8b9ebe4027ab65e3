"""What a walk file holds once read: one walk with its cadence trace, or why it was refused.

Parsers build a `WalkFile` through `build_walk`, which checks what every format must satisfy
(times in order, values a person on foot can reach), so each parser checks the same way.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

MAX_STEPS_PER_MIN = 300.0
"""Above this no sample is a person's steps: sprinters reach about 4.5 to 5 steps a second
(270 to 300 steps/min); a file showing more was decoded in the wrong unit or is damaged."""

MAX_DURATION_S = 24 * 3600.0
"""Our own choice: a walk of more than a day is a recording left running, not a walk."""

MAX_DISTANCE_M = 200_000.0
"""Our own choice: 200 km on foot in one recording is far beyond a day's walk."""

EARLIEST_START = datetime(1990, 1, 1, tzinfo=UTC)
"""No GPS watch or FIT file is older (FIT dates from 2005): an earlier time is a broken clock."""


class WalkFileError(ValueError):
    """The file cannot be imported; str(error) is the reason in plain words, without the path."""


@dataclass(frozen=True)
class CadenceSample:
    """The steps per minute (both feet) at offset_s seconds after the walk's start."""

    offset_s: float
    steps_per_min: float


@dataclass(frozen=True)
class WalkFile:
    """One walk read from a file: when, how long, how far, what sport, what device, cadence.

    `duration_s` is the time moving (the device's timer, or the time between points without
    the pauses); `cadence` is empty when the file records none, and `notes` say so.
    """

    file_format: str
    start: datetime
    duration_s: float
    distance_m: float | None
    sport: str
    device: str
    cadence: tuple[CadenceSample, ...]
    notes: tuple[str, ...] = ()

    @property
    def steps_per_min_median(self) -> float | None:
        """The median steps/min over the cadence samples; None without cadence."""
        if not self.cadence:
            return None
        return float(statistics.median(s.steps_per_min for s in self.cadence))


@dataclass(frozen=True)
class Point:
    """One recorded moment: its time (aware), the distance so far and the steps/min if any."""

    at: datetime
    distance_m: float | None = None
    steps_per_min: float | None = None


PAUSE_GAP_S = 60.0
"""Our own choice: points further apart than a minute mean the recording paused (auto-pause,
a stop at the lights): that gap is not walking time, and shows as a gap in the trace."""


def moving_seconds(points: Sequence[Point]) -> float:
    """Time between consecutive points, leaving out gaps longer than PAUSE_GAP_S."""
    total = 0.0
    for before, after in itertools.pairwise(points):
        gap = (after.at - before.at).total_seconds()
        if gap <= PAUSE_GAP_S:
            total += gap
    return total


def check_order(points: Sequence[Point]) -> None:
    """Raise WalkFileError at the first point whose time is before the one ahead of it."""
    for number, (before, after) in enumerate(itertools.pairwise(points), start=2):
        if after.at < before.at:
            raise WalkFileError(
                f"its times go backwards at point {number} ({_clock(after.at)} after "
                f"{_clock(before.at)}), so it cannot be read as one walk"
            )


def build_walk(
    file_format: str,
    points: Sequence[Point],
    *,
    sport: str,
    device: str,
    duration_s: float | None = None,
    distance_m: float | None = None,
    start: datetime | None = None,
    notes: Sequence[str] = (),
    now: datetime | None = None,
) -> WalkFile:
    """Check the points and totals and make the WalkFile; raises WalkFileError saying why not.

    Totals the file declares (its timer time, its distance) are used when given; otherwise
    they come from the points. now, when given, refuses walks that start after it.
    """
    if not points and (start is None or duration_s is None):
        raise WalkFileError("it holds no time-stamped points, so there is no walk to import")
    check_order(points)
    first = start or points[0].at
    duration = duration_s if duration_s is not None else moving_seconds(points)
    distance = distance_m if distance_m is not None else _last_distance(points)
    _check_totals(first, duration, distance, now)
    cadence = _trace(first, points)
    more = list(notes)
    if not cadence and not any("cadence" in n for n in more):
        more.append("it records no cadence: its minutes and distance are imported without it")
    return WalkFile(file_format, first, duration, distance, sport, device, cadence, tuple(more))


def _check_totals(
    start: datetime, duration: float, distance: float | None, now: datetime | None
) -> None:
    if start.tzinfo is None:
        raise WalkFileError("its times have no time zone")
    if start < EARLIEST_START:
        raise WalkFileError(f"it starts on {start:%Y-%m-%d}, before any watch recorded walks")
    if now is not None and start > now + timedelta(days=1):
        raise WalkFileError(f"it starts on {start:%Y-%m-%d}, which is still to come")
    if not math.isfinite(duration) or not 0 <= duration <= MAX_DURATION_S:
        raise WalkFileError(
            f"it lasts {duration / 3600:.1f} hours; a walk of 0 to 24 hours is imported"
        )
    if distance is not None and not (math.isfinite(distance) and 0 <= distance <= MAX_DISTANCE_M):
        raise WalkFileError(
            f"its distance is {distance / 1000:.1f} km; walks of 0 to 200 km are imported"
        )


def _trace(start: datetime, points: Sequence[Point]) -> tuple[CadenceSample, ...]:
    samples = []
    for point in points:
        spm = point.steps_per_min
        if spm is None or spm <= 0:  # 0: standing still, shown as a gap like a pause
            continue
        if not math.isfinite(spm) or spm > MAX_STEPS_PER_MIN:
            raise WalkFileError(
                f"it records {spm:g} steps/min at {_clock(point.at)}, more than anyone "
                f"walks or runs ({MAX_STEPS_PER_MIN:.0f}), so it was not read correctly"
            )
        samples.append(CadenceSample((point.at - start).total_seconds(), spm))
    return tuple(samples)


def _last_distance(points: Sequence[Point]) -> float | None:
    distances = [p.distance_m for p in points if p.distance_m is not None]
    return distances[-1] - distances[0] if distances else None


def _clock(at: datetime) -> str:
    return at.strftime("%H:%M:%S")
