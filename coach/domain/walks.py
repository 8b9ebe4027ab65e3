"""Walk records, how their length is shown, and the weekly walking minutes they add up to.

Lengths are stored in seconds and shown in whole minutes walked, rounded down, the same way
on every screen (`duration_words`): a walk under a minute says "under a minute", never "1 min".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

MIN_COUNTED_WALK_S = 60
"""A walk counts toward the week's goal once it lasts a minute. Current guidance counts
activity of any length (WHO guidelines on physical activity, 2020, which dropped the older
10-minute bouts), so the minimum is short; our own choice of a minute leaves out a start
pressed by mistake or a sound check, which are kept in the history but not counted."""

UNDER_A_MINUTE = "under a minute"
MINUTES_FORMAT = "{minutes} min"


class WalkKind(StrEnum):
    """Where a walk was done: in the app, or imported from a watch or phone."""

    METRONOME = "metronome"
    GUIDED = "guided"
    IMPORTED = "imported"
    """Read from a watch or phone file (coach.domain.walk_files); walked away from the app."""


@dataclass(frozen=True)
class WalkRecord:
    """One walk: when it started, how long it lasted and the pace it was walked at.

    `cadence_spm` is the steady cadence, or the end cadence of a ramp whose start is
    `ramp_from_spm`. `id` is None until the store has saved it. `new_leg_symptoms`: the
    walker reported new numbness or weakness in a leg after it (a warning sign: see
    coach.domain.safety.state). `settled_next_morning`: the answer to the next morning's
    question (coach.domain.pain_monitoring), None until asked.

    An imported walk (kind IMPORTED) also keeps its `source` format ('fit', 'gpx', 'tcx'),
    the file's `source_name`, `distance_m`, the `device` and `sport` the file names; its
    `cadence_spm` is the median steps/min walked (None when the file records no cadence).
    """

    started_at: datetime
    duration_s: float
    kind: WalkKind = WalkKind.METRONOME
    cadence_spm: float | None = None
    ramp_from_spm: float | None = None
    speed_kmh: float | None = None
    plan_name: str = ""
    id: int | None = None
    new_leg_symptoms: bool = False
    settled_next_morning: bool | None = None
    source: str = ""
    source_name: str = ""
    distance_m: float | None = None
    device: str = ""
    sport: str = ""

    def __post_init__(self) -> None:
        if self.started_at.tzinfo is None:
            raise ValueError("The start of a walk must include its time zone.")
        if self.duration_s < 0:
            raise ValueError("A walk cannot last less than no time.")

    @property
    def minutes(self) -> float:
        """The walk's length in minutes."""
        return self.duration_s / 60.0


def whole_minutes(seconds: float) -> int:
    """Whole minutes in a length of time, rounded down: never more than was walked."""
    return int(max(0.0, seconds) // 60)


def minutes_to_seconds(minutes: float) -> float:
    """Seconds in a length held in minutes (the charts add walks up in minutes), to the
    millisecond: a sum of whole minutes in floats must not fall a hair short of them."""
    return round(minutes * 60.0, 3)


def duration_words(seconds: float) -> str:
    """A walk's length as every screen shows it: 'under a minute', '1 min', '25 min'."""
    minutes = whole_minutes(seconds)
    return UNDER_A_MINUTE if minutes < 1 else MINUTES_FORMAT.format(minutes=minutes)


def counts_toward_goal(walk: WalkRecord) -> bool:
    """Whether the walk is long enough to count toward the week's goal."""
    return walk.duration_s >= MIN_COUNTED_WALK_S


HISTORY_START = datetime(1970, 1, 1, tzinfo=UTC)
"""Where "the whole history" of walks starts: the weekly goal is replayed from the first walk."""


def week_start(day: date) -> date:
    """The Monday of the week that contains the day."""
    return day - timedelta(days=day.weekday())


def minutes_in_week(walks: Iterable[WalkRecord], any_day: date) -> float:
    """Minutes toward the goal in the Monday-to-Sunday week containing any_day (local dates):
    the walks that count (a minute or longer), added up in seconds."""
    monday = week_start(any_day)
    sunday = monday + timedelta(days=6)
    return sum(
        w.minutes
        for w in walks
        if monday <= w.started_at.date() <= sunday and counts_toward_goal(w)
    )
