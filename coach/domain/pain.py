"""Pain diary entries: a 0-10 rating with its time, context, place and note."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

PAIN_MIN = 0
PAIN_MAX = 10
NOTE_MAX_CHARS = 2000


class PainContext(StrEnum):
    """When in the day the rating was taken."""

    ON_WAKING = "on_waking"
    BEFORE_WALK = "before_walk"
    AFTER_WALK = "after_walk"
    EVENING = "evening"
    OTHER = "other"


class PainLocation(StrEnum):
    """Where the pain is felt most."""

    LOWER_BACK_CENTRE = "lower_back_centre"
    LOWER_BACK_LEFT = "lower_back_left"
    LOWER_BACK_RIGHT = "lower_back_right"
    BUTTOCK = "buttock"
    LEG_LEFT = "leg_left"
    LEG_RIGHT = "leg_right"


class PainEntryError(ValueError):
    """A pain entry that cannot be saved; the message says which field and why."""


@dataclass(frozen=True)
class PainEntry:
    """One pain rating. `id` is None until the store has saved it.

    `red_flags` holds the keys of warning signs the person reported with this rating
    (see coach.domain.safety.rules); empty when none were reported.
    """

    at: datetime
    pain: int
    context: PainContext = PainContext.OTHER
    location: PainLocation | None = None
    note: str = ""
    walk_id: int | None = None
    id: int | None = None
    red_flags: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        check_pain_value(self.pain)
        if self.at.tzinfo is None:
            raise PainEntryError("The time of a pain entry must include its time zone.")
        if len(self.note) > NOTE_MAX_CHARS:
            raise PainEntryError(
                f"The note is {len(self.note)} characters long; at most {NOTE_MAX_CHARS} fit."
            )


def check_pain_value(value: object) -> int:
    """Return the value as a whole 0-10 rating or raise PainEntryError saying why not."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PainEntryError(f"Pain must be a number from 0 to 10, not {value!r}.")
    if isinstance(value, float) and (math.isnan(value) or value != int(value)):
        raise PainEntryError(f"Pain must be a whole number from 0 to 10, not {value!r}.")
    if not PAIN_MIN <= value <= PAIN_MAX:
        raise PainEntryError(f"Pain must be from 0 to 10, not {value:g}.")
    return int(value)


def context_for_hour(hour: int) -> PainContext:
    """The likely context of a rating taken at this hour (0-23), so most need no change.

    Early morning is on waking, the evening and night are evening, the rest is other: a
    rating around a walk is chosen by the walk itself.
    """
    if 4 <= hour < 10:
        return PainContext.ON_WAKING
    if hour >= 19 or hour < 4:
        return PainContext.EVENING
    return PainContext.OTHER
