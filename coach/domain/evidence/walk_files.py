"""Rows of the evidence table about walks imported from watch and phone files."""

from __future__ import annotations

from coach.domain.evidence.sources import Evidence

_MODEL = "coach.domain.walk_files.model."
_PREVIEW = "coach.domain.walk_files.preview."

WALK_FILE_ROWS: tuple[Evidence, ...] = (
    Evidence(
        _MODEL + "MAX_STEPS_PER_MIN",
        300.0,
        "An imported file showing more steps/min than this is refused as misread",
        own_choice="sprinters reach about 4.5 to 5 steps a second (270-300 steps/min); more "
        "means the file was decoded in the wrong unit or is damaged",
    ),
    Evidence(
        _MODEL + "MAX_DURATION_S",
        86400.0,
        "The longest imported walk (seconds)",
        own_choice="a recording of more than a day was left running; it is not one walk",
    ),
    Evidence(
        _MODEL + "MAX_DISTANCE_M",
        200000.0,
        "The longest imported walk (metres)",
        own_choice="far beyond a day's walking, so only a broken file reaches it",
    ),
    Evidence(
        _MODEL + "PAUSE_GAP_S",
        60.0,
        "Points further apart than this are a pause, not walking time (seconds)",
        own_choice="watches record every 1-5 s while moving; a minute without a point is "
        "auto-pause or a stop, and counting it would add minutes not walked",
    ),
    Evidence(
        _PREVIEW + "SAME_START_S",
        60.0,
        "Walks starting this close (seconds) can be the same walk",
        own_choice="issue 13's duplicate rule: devices start within seconds of the button",
    ),
    Evidence(
        _PREVIEW + "SIMILAR_DURATION_SHARE",
        0.10,
        "Lengths within this share of each other are the same walk",
        own_choice="auto-pause and the stop press differ a little between two devices",
    ),
    Evidence(
        _PREVIEW + "SIMILAR_DURATION_MIN_S",
        60.0,
        "Short walks: lengths within this many seconds are the same walk",
        own_choice="a tenth of a short walk is a few seconds, less than the devices differ",
    ),
)
