"""User preferences with typed defaults and the ranges each one accepts."""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Literal

from coach.domain.cadence_range import CADENCE_MAX, CADENCE_MIN
from coach.domain.checkin import WEEKDAYS

Units = Literal["metric", "imperial"]
Theme = Literal["system", "light", "dark"]

SOUND_NAMES: tuple[str, ...] = ("woodblock", "click", "soft_tick", "beep")
"""The synthesized step sounds, by the names the audio renderer knows them."""


class PreferenceError(ValueError):
    """A preference value outside what it accepts; the message says which and why."""


@dataclass(frozen=True)
class Range:
    """Inclusive bounds for a number preference."""

    low: float
    high: float


@dataclass(frozen=True)
class Preferences:
    """Everything the user can set; the defaults suit a first walk."""

    units: Units = "metric"
    height_cm: float | None = None
    usual_walk_minutes_per_week: int = 60
    default_cadence_spm: int = 105
    left_sound: str = "woodblock"
    right_sound: str = "woodblock"
    pan_feet: bool = False
    accent_first_beat: bool = False
    volume: float = 0.7
    count_in_beats: int = 4
    output_device: str = ""
    av_offset_ms: int = 0
    cue_interval_s: int = 60
    theme: Theme = "system"
    reminder_time: str = ""
    voice_on: bool = False
    voice_name: str = "en-gb"
    speech_rate_wpm: int = 150
    voice_volume_percent: int = 80
    duck_steps: bool = False
    checkin_weekday: str = "monday"
    onboarding_done: bool = False

    def with_value(self, name: str, value: Any) -> Preferences:
        """A copy with one preference changed, after checking the value."""
        return replace(self, **{name: validate_preference(name, value)})

    def as_dict(self) -> dict[str, Any]:
        """The preferences as plain values, keyed by name."""
        return asdict(self)


RANGES: dict[str, Range] = {
    # Adult heights; step length is derived from height, so absurd values are refused.
    "height_cm": Range(100, 230),
    "usual_walk_minutes_per_week": Range(0, 2000),
    "default_cadence_spm": Range(CADENCE_MIN, CADENCE_MAX),
    "volume": Range(0.0, 1.0),
    "count_in_beats": Range(0, 8),
    # Bluetooth headphones lag by 100-300 ms; allow generous room either way.
    "av_offset_ms": Range(-500, 500),
    "cue_interval_s": Range(15, 600),
    # Words a minute espeak-ng is asked for: below 80 words drag apart, above 260 blur.
    "speech_rate_wpm": Range(80, 260),
    "voice_volume_percent": Range(0, 100),
}

CHOICES: dict[str, tuple[str, ...]] = {
    "units": ("metric", "imperial"),
    "theme": ("system", "light", "dark"),
    "left_sound": SOUND_NAMES,
    "right_sound": SOUND_NAMES,
    "checkin_weekday": WEEKDAYS,
}

_TYPES: dict[str, type] = {
    "units": str,
    "height_cm": float,
    "usual_walk_minutes_per_week": int,
    "default_cadence_spm": int,
    "left_sound": str,
    "right_sound": str,
    "pan_feet": bool,
    "accent_first_beat": bool,
    "volume": float,
    "count_in_beats": int,
    "output_device": str,
    "av_offset_ms": int,
    "cue_interval_s": int,
    "theme": str,
    "reminder_time": str,
    "voice_on": bool,
    "voice_name": str,
    "speech_rate_wpm": int,
    "voice_volume_percent": int,
    "duck_steps": bool,
    "checkin_weekday": str,
    "onboarding_done": bool,
}

# A voice name goes to espeak-ng as an argument: letters, digits, "-", "_" and "+" only.
_VOICE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]{0,39}")

PREFERENCE_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Preferences))
"""Every preference name, in declaration order."""


def validate_preference(name: str, value: Any) -> Any:
    """Return the value converted to its type, or raise PreferenceError saying why not."""
    if name not in _TYPES:
        raise PreferenceError(f"Unknown preference '{name}'.")
    if value is None and name == "height_cm":
        return None
    value = _coerce(name, value, _TYPES[name])
    if name in RANGES:
        bounds = RANGES[name]
        if not bounds.low <= value <= bounds.high:
            raise PreferenceError(
                f"{name} must be between {_fmt(bounds.low)} and {_fmt(bounds.high)}, "
                f"not {_fmt(value)}."
            )
    if name in CHOICES and value not in CHOICES[name]:
        raise PreferenceError(f"{name} must be one of {', '.join(CHOICES[name])}, not '{value}'.")
    if name == "reminder_time" and value:
        _check_clock_time(value)
    if name == "voice_name" and not _VOICE_NAME.fullmatch(value):
        raise PreferenceError(
            f"voice_name must be an espeak-ng voice such as en-gb or en-us, not '{value}'."
        )
    return value


def preferences_from_dict(values: dict[str, Any]) -> tuple[Preferences, list[str]]:
    """Build preferences from stored values; bad or unknown ones fall back to defaults.

    Returns the preferences and one message for each value that was not used.
    """
    problems: list[str] = []
    accepted: dict[str, Any] = {}
    for name, value in values.items():
        try:
            accepted[name] = validate_preference(name, value)
        except PreferenceError as error:
            problems.append(str(error))
    return Preferences(**accepted), problems


def _coerce(name: str, value: Any, kind: type) -> Any:
    if kind is bool:
        if isinstance(value, bool):
            return value
        raise PreferenceError(f"{name} must be true or false, not {value!r}.")
    if kind is int:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or value != int(value)
        ):
            raise PreferenceError(f"{name} must be a whole number, not {value!r}.")
        return int(value)
    if kind is float:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise PreferenceError(f"{name} must be a number, not {value!r}.")
        return float(value)
    if not isinstance(value, str):
        raise PreferenceError(f"{name} must be text, not {value!r}.")
    if len(value) > 200:
        raise PreferenceError(f"{name} is too long ({len(value)} characters, at most 200).")
    return value


def _check_clock_time(value: str) -> None:
    hours, sep, minutes = value.partition(":")
    if (
        sep != ":"
        or not (hours.isdigit() and minutes.isdigit())
        or len(minutes) != 2
        or not (0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59)
    ):
        raise PreferenceError(f"reminder_time must look like 08:30, not '{value}'.")


def _fmt(number: float) -> str:
    return f"{number:g}"
