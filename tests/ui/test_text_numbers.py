"""Every number a person reads in the app's texts is in the evidence table, or says why not.

Loads every user-visible text (each texts module's constants, and the shipped routine, plan
and cue files), finds each number with a unit (%, steps/min, minutes, points, days, weeks,
seconds, walks, x), and fails unless that exact phrase is either mapped to its row in
coach/domain/evidence/table.py (and the numbers agree with the row's value) or listed in
UNTABLED with the reason it needs no source.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections.abc import Iterator
from typing import Any

import pytest

import coach.ui
from coach.domain.evidence.sources import values_at
from coach.domain.evidence.table import EVIDENCE
from coach.domain.plan_files.loading import ASSETS_DIR

# Every texts module under coach.ui (coach.ui.texts, coach.ui.walk.texts, ...).
FEATURE_TEXT_MODULES = tuple(
    m.name
    for m in pkgutil.walk_packages(coach.ui.__path__, "coach.ui.")
    if m.name.endswith(".texts")
)
TEXT_MODULES = (
    "coach.domain.diary.import_texts",
    "coach.domain.speech_texts",
    "coach.domain.checkin_story",
    "coach.domain.insight_words",
    *FEATURE_TEXT_MODULES,
)
WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty-one": 21, "twenty": 20,
    "thirty": 30,
}  # fmt: skip
NUMBER = r"(?<![-\w])(?:\d+(?:\.\d+)?|(?:" + "|".join(WORDS) + r")\b)"
UNIT = r"%|steps/min|steps a minute|minutes?|min\b|points?|days?|weeks?|seconds?|s\b|x\b|walks?"
PHRASE = re.compile(
    rf"(?P<low>{NUMBER})(?:\s*(?:\u2013|to|or)\s*(?P<high>{NUMBER}))?(?:\s*|-)(?P<unit>{UNIT})",
    re.IGNORECASE,
)

TABLED: dict[str, str] = {
    "100 steps/min": "coach.domain.cadence.MODERATE_FROM_SPM",
    "130 steps/min": "coach.domain.cadence.VIGOROUS_FROM_SPM",
    "5 to 10 %": "coach.domain.progression.GOAL_PERCENT",
    "2 points": "coach.domain.trends.MCID_POINTS",
    "30 %": "coach.domain.trends.MCID_FRACTION",
    "two weeks": "coach.domain.trends.CHANGE_WINDOW_DAYS",
    "7-day": "coach.domain.pain_series.ROLLING_WINDOW_DAYS",
    "5 walks": "coach.domain.dose.GOAL_WALKS_PER_WEEK",
    "30 minutes": "coach.domain.dose.GOAL_MINUTES_PER_WALK",
    "1 point": "coach.domain.checkin.CHANGE_FLOOR_POINTS",
    "10 minutes": "coach.domain.insights.WALK_DAY_MINUTES",
    "10 days": "coach.domain.insights.MIN_DAYS_EACH",
    "90 %": "coach.domain.insights.INTERVAL",
}
"""A phrase people read -> the row whose number it states."""

UNTABLED: dict[str, str] = {
    "100 to 129 steps/min": "the moderate band: from the 100 threshold to one below 130",
    "15 to 600 seconds": "the cue-interval setting's allowed range, not a health number",
    "1 %": "volume steps of the settings slider",
    "10 %": "volume steps of the settings slider",
    "30 min": "a quick choice for the user's own usual walking, not advice",
    "0 to 2000 minutes": "the usual-walking setting's allowed range",
    "5 to 10 minutes": "Today's suggestion for a first walk: a short, easy start (our own words)",
    "12 weeks": "a chart range the user picks",
    "4 weeks": "a chart range the user picks",
    "1 minute": "the 'add a minute' button",
    "one minute": "the treadmill calibration walks for one minute to count steps",
    "five minutes": "a plan's own phase length, checked by the plan files' tests",
    "twelve minutes": "a plan's own phase length, checked by the plan files' tests",
    "twenty-one minutes": "a plan's own phase length, checked by the plan files' tests",
    "0 to 100 %": "the voice-volume setting's allowed range",
    "ten steps a minute": "the spoken sample in Settings: any cadence would do, 110 is typical",
    "Five minutes": "the voice's time-left reminder (coach/domain/spoken_script.py), our choice",
    "One minute": "the voice says the last minute, as the last-minute chime marks it",
    "10-minute": "a plan's name and length, checked by the plan files' tests",
    "20-minute": "a plan's name and length, checked by the plan files' tests",
    "30-minute": "a plan's name and length, checked by the plan files' tests",
}
"""A phrase people read that needs no source, and why."""


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)


def user_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person can read: texts modules and shipped files."""
    for name in TEXT_MODULES:
        module = importlib.import_module(name)
        for key, value in vars(module).items():
            if key.isupper():
                yield from ((f"{name}.{key}", text) for text in _strings(value))
    for path in sorted(ASSETS_DIR.rglob("*.json")):
        origin = str(path.relative_to(ASSETS_DIR))
        yield from ((origin, text) for text in _strings(json.loads(path.read_text())))


def phrases() -> list[tuple[str, str]]:
    """(where, phrase) for every number-with-a-unit in the user texts."""
    return [(where, m.group(0)) for where, text in user_texts() for m in PHRASE.finditer(text)]


def _numbers(phrase: str) -> tuple[float, ...]:
    match = PHRASE.fullmatch(phrase)
    assert match is not None
    parts = [match.group("low"), match.group("high")]
    return tuple(float(WORDS.get(p.lower(), p)) for p in parts if p is not None)


def _in_row_units(phrase: str, value: object) -> tuple[float, ...]:
    """The phrase's numbers in the units of the row's value (weeks as days, % as a share)."""
    numbers = _numbers(phrase)
    if "week" in phrase and isinstance(value, int):
        return tuple(n * 7 for n in numbers)
    if phrase.endswith("%") and isinstance(value, float) and value < 1:
        return tuple(n / 100 for n in numbers)
    return numbers


def test_the_texts_are_found_and_hold_numbers() -> None:
    found = phrases()
    assert len(found) > 15
    assert any(where.startswith("routines/") for where, _ in user_texts())


@pytest.mark.parametrize(("where", "phrase"), phrases(), ids=lambda v: str(v))
def test_every_number_in_a_text_is_sourced_or_explained(where: str, phrase: str) -> None:
    if phrase in UNTABLED:
        assert UNTABLED[phrase].strip()
        return
    assert phrase in TABLED, (
        f"{where} says {phrase!r}: add its row to coach/domain/evidence/table.py and map it in "
        "TABLED, or give the reason it needs none in UNTABLED"
    )
    [row_value] = values_at(TABLED[phrase])
    expected = (
        tuple(float(v) for v in row_value) if isinstance(row_value, tuple) else (float(row_value),)
    )
    assert _in_row_units(phrase, row_value) == pytest.approx(expected), (where, phrase, row_value)


def test_every_mapping_names_a_row_and_is_still_used() -> None:
    rows = {row.where for row in EVIDENCE}
    used = {phrase for _, phrase in phrases()}
    for phrase, where in TABLED.items():
        assert where in rows, f"{where} has no row in the evidence table"
        assert phrase in used, f"{phrase!r} no longer appears in any text: drop it from TABLED"
    for phrase in UNTABLED:
        assert phrase in used, f"{phrase!r} no longer appears in any text: drop it from UNTABLED"
