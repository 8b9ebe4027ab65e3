"""Walk records and the weekly walking minutes they add up to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum


class WalkKind(StrEnum):
    """Where a walk was done in the app."""

    METRONOME = "metronome"
    GUIDED = "guided"


@dataclass(frozen=True)
class WalkRecord:
    """One walk: when it started, how long it lasted and the pace it was walked at.

    `cadence_spm` is the steady cadence, or the end cadence of a ramp whose start is
    `ramp_from_spm`. `id` is None until the store has saved it. `new_leg_symptoms`: the
    walker reported new leg symptoms after it (a reason to hold the next week).
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

    def __post_init__(self) -> None:
        if self.started_at.tzinfo is None:
            raise ValueError("The start of a walk must include its time zone.")
        if self.duration_s < 0:
            raise ValueError("A walk cannot last less than no time.")

    @property
    def minutes(self) -> float:
        """The walk's length in minutes."""
        return self.duration_s / 60.0


def week_start(day: date) -> date:
    """The Monday of the week that contains the day."""
    return day - timedelta(days=day.weekday())


def minutes_in_week(walks: Iterable[WalkRecord], any_day: date) -> float:
    """Walking minutes in the Monday-to-Sunday week that contains any_day (local dates)."""
    monday = week_start(any_day)
    sunday = monday + timedelta(days=6)
    return sum(w.minutes for w in walks if monday <= w.started_at.date() <= sunday)
