"""Every number the app acts on, in one table: value, what it does, source or own choice.

The rows live in walking.py, walk_files.py and pain.py. A constant in the modules listed in
`COVERED_MODULES` either has a row or is named in
`NOT_HEALTH_NUMBERS` with the reason it is not a health number.
tests/domain/evidence/test_evidence.py enforces both and renders this table into
docs/evidence.md (`python -m coach.domain.evidence.doc` writes it).
"""

from __future__ import annotations

from coach.domain.evidence.pain import (
    CHECKIN_ROWS,
    INSIGHT_ROWS,
    MEASURING_ROWS,
    PAIN_ROWS,
    SAFETY_ROWS,
)
from coach.domain.evidence.sources import Evidence
from coach.domain.evidence.walk_files import WALK_FILE_ROWS
from coach.domain.evidence.walking import CADENCE_ROWS, DOSE_ROWS, PLAN_ROWS

_CADENCE = "coach.domain.cadence."
_PROGRESSION = "coach.domain.progression."
_DOSE = "coach.domain.dose."
_TRENDS = "coach.domain.trends."

EVIDENCE: tuple[Evidence, ...] = (
    CADENCE_ROWS
    + DOSE_ROWS
    + PLAN_ROWS
    + WALK_FILE_ROWS
    + PAIN_ROWS
    + CHECKIN_ROWS
    + INSIGHT_ROWS
    + SAFETY_ROWS
    + MEASURING_ROWS
)
"""The whole table, in the order docs/evidence.md shows it."""

COVERED_MODULES: tuple[str, ...] = (
    "coach.domain.cadence",
    "coach.domain.progression",
    "coach.domain.dose",
    "coach.domain.pain",
    "coach.domain.pain_series",
    "coach.domain.trends",
    "coach.domain.safety.rules",
    "coach.domain.pain_monitoring",
    "coach.domain.tap_estimate",
    "coach.domain.walks",
    "coach.domain.safety.state",
    "coach.domain.treadmill",
    "coach.domain.session",
    "coach.domain.routines",
    "coach.domain.walk_files.model",
    "coach.domain.walk_files.preview",
    "coach.domain.checkin",
    "coach.domain.insights",
)
"""Modules whose every numeric constant needs a row (or a NOT_HEALTH_NUMBERS reason)."""

NOT_HEALTH_NUMBERS: dict[str, str] = {
    _CADENCE + "CALIBRATION_DISTANCE_M": "input check: a sensible calibration walk",
    _CADENCE + "CALIBRATION_STEPS": "input check: a sensible step count",
    _CADENCE + "SMALL_CHANGE_SPM": "how far the -/+ key moves the beat",
    _CADENCE + "LARGE_CHANGE_SPM": "how far Shift -/+ moves the beat",
    _PROGRESSION + "PLAN_FORMAT_VERSION": "file format number",
    _DOSE + "GOAL_WEEKLY_MINUTES": "computed: GOAL_WALKS_PER_WEEK x GOAL_MINUTES_PER_WALK",
    "coach.domain.pain.NOTE_MAX_CHARS": "length of a note",
    "coach.domain.pain_series.EPOCH_ORDINAL": "date arithmetic",
    "coach.domain.pain_series.SECONDS_PER_DAY": "date arithmetic",
    _TRENDS + "EXACT_MAX_POINTS": "when the trend maths switches to sampling",
    _TRENDS + "SAMPLED_PAIRS": "how many pairs the sampled trend uses",
    _TRENDS + "TREND_SEED": "random seed, so the same ratings give the same line",
    "coach.domain.session.LAST_MINUTE_S": "when the player says 'last minute'",
    "coach.domain.session.ADD_TIME_S": "what the 'add a minute' button adds",
    "coach.domain.routines.COUNTDOWN_FROM": "ticks in the last seconds of each step",
    "coach.domain.insights.RESAMPLES": "how many bootstrap samples the interval uses",
    "coach.domain.insights.SEED": "random seed, so the same diary gives the same interval",
}
"""Numbers in the covered modules that are not about the body or the programme, and why."""
