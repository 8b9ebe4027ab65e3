"""The diary file format shared by export and import: format names, columns, duplicate keys."""

from __future__ import annotations

import math

from coach.domain.pain import PainEntry

OWN_FORMAT = "walking-coach"
SIMPLE_FORMAT = "date,pain"
PAIN_COLUMNS = ("at", "pain", "context", "location", "note", "walk_id", "red_flags")
WALK_COLUMNS = (
    "id", "started_at", "duration_s", "kind", "cadence_spm", "ramp_from_spm", "speed_kmh",
    "plan_name", "distance_m", "sport", "device", "source", "source_name",
)  # fmt: skip
"""The last five are empty for walks done in the app; an imported walk's (docs/walk-import.md)."""
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""OWASP's list of first characters that make a spreadsheet treat a cell as a formula."""

DiaryKey = tuple[int, int]
"""(minutes since 1970 UTC, pain): two ratings with the same key are the same rating."""


def entry_key(entry: PainEntry) -> DiaryKey:
    """The duplicate-detection key of an entry: its UTC minute and its pain."""
    return (math.floor(entry.at.timestamp() / 60), entry.pain)
