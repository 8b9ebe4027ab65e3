"""Which sports are walks, and how a file's cadence becomes steps per minute.

The rule (docs/walk-import.md): FIT, GPX and TCX files from running and walking devices
record cadence as strides (or revolutions) per minute, one foot's cycle, so steps/min is
twice the number; a field that declares its unit as steps per minute is taken as it is. The
unit is always read from what the file declares (its field units, its extension namespace),
never guessed from how big the number is.
"""

from __future__ import annotations

import re
from enum import StrEnum

from coach.domain.walk_files.model import WalkFileError


class CadenceUnit(StrEnum):
    """What one unit of a file's cadence counts."""

    STRIDES = "strides/min"
    """One foot's cycle (FIT's 'rpm', Garmin's TrackPointExtension 'cad', TCX RunCadence)."""
    STEPS = "steps/min"
    """Every foot landing, as the app counts cadence."""


def steps_per_min(cadence: float, unit: CadenceUnit, fraction: float = 0.0) -> float:
    """Steps per minute from a recorded cadence and its fractional part, in the given unit."""
    value = cadence + fraction
    return 2.0 * value if unit is CadenceUnit.STRIDES else value


_STEP_UNITS = frozenset({"spm", "steps/min", "steps per minute", "steps/minute", "step/min"})
_STRIDE_UNITS = frozenset(
    {"rpm", "strides/min", "strides per minute", "stride/min", "cycles/min", "revolutions/min"}
)


def unit_from_label(label: str) -> CadenceUnit | None:
    """The unit a field's declared unit text names; None when it names neither."""
    text = " ".join(label.strip().lower().split())
    if text in _STEP_UNITS:
        return CadenceUnit.STEPS
    if text in _STRIDE_UNITS:
        return CadenceUnit.STRIDES
    return None


FOOT_SPORTS = frozenset({"walking", "hiking", "running"})
"""Sports imported as walks. Running is kept: many people record walks with a watch's run
profile, and its cadence is the same strides/min; the sport is saved as the file gives it."""

UNSPECIFIED = "unspecified"
"""The sport of a file that names none (most GPX files, FIT 'generic')."""

_SPORT_WORDS: dict[str, str] = {
    "walk": "walking",
    "walking": "walking",
    "hike": "hiking",
    "hiking": "hiking",
    "run": "running",
    "running": "running",
    "trail_running": "running",
    "treadmill": "running",
    "generic": UNSPECIFIED,
    "other": UNSPECIFIED,
    "": UNSPECIFIED,
    "ride": "cycling",
    "bike": "cycling",
    "biking": "cycling",
    "cycling": "cycling",
    "mountain_biking": "cycling",
    "ebikeride": "cycling",
    "virtualride": "cycling",
    "swim": "swimming",
    "swimming": "swimming",
}


def sport_name(declared: str) -> str:
    """The sport a file declares, in the app's words ('running', 'cycling', 'unspecified')."""
    text = re.sub(r"[\s-]+", "_", declared.strip().lower())
    if text.isdigit():  # Strava's old GPX files number their types: not a name we can read
        return UNSPECIFIED
    return _SPORT_WORDS.get(text, text)


def check_sport(sport: str) -> None:
    """Raise WalkFileError unless the sport is walked (or unspecified): 'a cycling activity'."""
    if sport in FOOT_SPORTS or sport == UNSPECIFIED:
        return
    words = sport.replace("_", " ")
    raise WalkFileError(
        f"this is a {words} activity; only walks, hikes and runs are imported as walks"
    )
