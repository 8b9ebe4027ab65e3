"""Every number the app acts on, in one table: value, what it does, source or own choice.

A constant in the modules listed in `COVERED_MODULES` either has a row here or is named in
`NOT_HEALTH_NUMBERS` with the reason it is not a health number. tests/domain/test_evidence.py
enforces both and renders this table into docs/evidence.md (`python -m
coach.domain.evidence_doc` writes it).
"""

from __future__ import annotations

from coach.domain.evidence import (
    FINUCANE_2020,
    GARBER_2011,
    HEIDERSCHEIT_2011,
    NICE_NG59,
    NRS_0_10,
    OSTELO_2008,
    POCOVI_2024,
    SILBERNAGEL_2007,
    TUDOR_LOCKE_2019,
    TUDOR_LOCKE_ROWE_2012,
    Evidence,
)

_CADENCE = "coach.domain.cadence."
_PROGRESSION = "coach.domain.progression."
_DOSE = "coach.domain.dose."
_GOAL = "coach.domain.weekly_goal."
_SAFETY = "coach.domain.safety."
_TRENDS = "coach.domain.trends."
_WARM_UP = "assets/routines/warm-up.json#/exercises/"
_SMALL_STEPS = "WalkBack's walking group had more lower-limb complaints, so growth stays small"

CADENCE_ROWS: tuple[Evidence, ...] = (
    Evidence(
        _CADENCE + "STEP_LENGTH_PER_HEIGHT",
        0.414,
        "Step length from body height when no step length was measured",
        own_choice="a long-used rule of thumb (pedometer makers use 0.413 x height for women, "
        "0.415 for men); we found no primary study behind it, so it is only a starting value "
        "that the calibration walk replaces",
    ),
    Evidence(_CADENCE + "MODERATE_FROM_SPM", 100, "Moderate walking from", TUDOR_LOCKE_2019),
    Evidence(_CADENCE + "VIGOROUS_FROM_SPM", 130, "Vigorous walking from", TUDOR_LOCKE_2019),
    Evidence(
        _CADENCE + "EASY_SPM",
        95,
        "The 'easy' preset (steps/min)",
        own_choice="just below the 100 steps/min moderate threshold (Tudor-Locke 2019)",
    ),
    Evidence(
        _CADENCE + "BRISK_SPM",
        105,
        "The 'brisk' preset (steps/min)",
        TUDOR_LOCKE_ROWE_2012,
        own_choice="just above the moderate threshold and below the 115 steps/min that "
        "pedestrians average",
    ),
    Evidence(
        _CADENCE + "STRIDE_SHORTENING_PERCENT",
        (1, 20),
        "'Shorten my stride by N %' accepts N from 1 to 20",
        own_choice="'slightly shorter' is the aim; a change of more than a fifth at once is a "
        "different gait",
    ),
    Evidence(
        _PROGRESSION + "GOAL_PERCENT",
        (5, 10),
        "Cadence goal: 5-10 % above the measured baseline",
        HEIDERSCHEIT_2011,
        own_choice="borrowed from running gait retraining; no walking or back-pain study sets it",
    ),
    Evidence(
        _PROGRESSION + "DEFAULT_GOAL_PERCENT",
        7.5,
        "Default cadence goal (%)",
        own_choice="the middle of the 5-10 % range",
    ),
    Evidence(
        _PROGRESSION + "STEP_PERCENT",
        (2, 3),
        "Weekly cadence step: 2-3 % of the previous week's target",
        own_choice="small enough to get used to within a week; " + _SMALL_STEPS,
    ),
    Evidence(
        _PROGRESSION + "DEFAULT_STEP_PERCENT",
        2.5,
        "Default weekly cadence step (%)",
        own_choice="the middle of the 2-3 % range: a 7.5 % goal in three weeks",
    ),
)

DOSE_ROWS: tuple[Evidence, ...] = (
    Evidence(_DOSE + "GOAL_WALKS_PER_WEEK", 5, "Walks a week at the goal", POCOVI_2024),
    Evidence(_DOSE + "GOAL_MINUTES_PER_WALK", 30, "Minutes a walk at the goal", POCOVI_2024),
    Evidence(_GOAL + "TARGET_MINUTES", 150, "Weekly minutes at the goal (5 x 30)", POCOVI_2024),
    Evidence(
        _DOSE + "WEEKLY_GROWTH",
        0.10,
        "The weekly walking goal grows by 10 % a week",
        own_choice="a small, steady step; no study compares growth rates for walking with "
        "back pain, and " + _SMALL_STEPS,
    ),
    Evidence(
        _GOAL + "STEP_UP",
        0.10,
        "Today's goal is 10 % above the usual week",
        own_choice="the same small step as the weekly growth",
    ),
    Evidence(
        _DOSE + "MET_SHARE",
        0.8,
        "A week counts as done at 80 % of its goal",
        own_choice="a week that nearly reached its goal may grow; one bad day should not hold "
        "the plan back",
    ),
    Evidence(
        _DOSE + "NEAR_LENGTH_SHARE",
        0.8,
        "A walk counts as one of the week's walks at 80 % of their length",
        own_choice="the same allowance a week gets, so a walk cut a little short still counts",
    ),
    Evidence(
        _DOSE + "MIN_WEEKLY_MINUTES",
        20,
        "The smallest weekly walking goal in the plan (minutes)",
        own_choice="two walks of ten minutes: reachable even in a bad week",
    ),
    Evidence(
        _GOAL + "STARTER_GOAL_MINUTES",
        30,
        "The smallest weekly goal shown on Today (minutes)",
        own_choice="a few short walks, reachable even in a bad week",
    ),
    Evidence(
        _DOSE + "MIN_MINUTES_PER_WALK",
        10,
        "The shortest planned walk (minutes)",
        own_choice="long enough to settle into a rhythm with the beat, short enough for a bad day",
    ),
)

PLAN_ROWS: tuple[Evidence, ...] = (
    Evidence(
        "assets/plans/*.json#/phases/1/start_cadence",
        "target-15",
        "Guided walks warm up from 15 steps/min below the target",
        own_choice="starts near an easy pace (below the moderate threshold for most targets) "
        "and ramps up over the warm-up minutes",
    ),
    Evidence(
        "assets/plans/*.json#/phases/3/end_cadence",
        "target-15",
        "Guided walks cool down to 15 steps/min below the target",
        own_choice="the warm-up ramp in reverse",
    ),
    Evidence(
        _WARM_UP + "0/cadence",
        90,
        "The easy warm-up walk (steps/min)",
        own_choice="well below the 100 steps/min moderate threshold (Tudor-Locke 2019)",
    ),
    Evidence(
        _WARM_UP + "0/duration_seconds",
        180,
        "The easy warm-up walk (seconds)",
        own_choice="a gradual, low-intensity start before stretching, as the source article's "
        "FAQ suggests; three minutes keeps the whole warm-up near six minutes",
    ),
    Evidence(
        _WARM_UP + "*/hold_seconds",
        20,
        "Each stretch is held 20 s a side",
        GARBER_2011,
        own_choice="inside the 10-30 s range, one set, to keep the warm-up short",
    ),
    Evidence(
        _WARM_UP + "*/reps",
        6,
        "Side lunges: 6 a side",
        own_choice="a few slow, easy movements to warm the hips, not a strength exercise",
    ),
    Evidence(
        _WARM_UP + "*/seconds_per_rep",
        4,
        "Side lunges: about 4 s each",
        own_choice="slow enough to move with control and without bouncing",
    ),
)

PAIN_ROWS: tuple[Evidence, ...] = (
    Evidence("coach.domain.pain.PAIN_MIN", 0, "The pain scale's lowest rating", NRS_0_10),
    Evidence("coach.domain.pain.PAIN_MAX", 10, "The pain scale's highest rating", NRS_0_10),
    Evidence(_TRENDS + "MCID_POINTS", 2.0, "A change that matters (points)", OSTELO_2008),
    Evidence(_TRENDS + "MCID_FRACTION", 0.30, "A change that matters (share)", OSTELO_2008),
    Evidence(
        _TRENDS + "MCID_FLOOR_POINTS",
        1.0,
        "A change that matters is never less than 1 point",
        own_choice="30 % of a low baseline would call a fraction of one scale step a change",
    ),
    Evidence(
        _TRENDS + "CHANGE_WINDOW_DAYS",
        14,
        "Trends compare the first and the last two weeks",
        own_choice="two weeks even out good and bad days",
    ),
    Evidence(
        _TRENDS + "CHANGE_MIN_DAYS",
        4,
        "Each two-week window needs ratings on 4 days",
        own_choice="about two ratings a week: fewer say little about a fortnight",
    ),
    Evidence(
        _TRENDS + "TREND_MIN_DAYS",
        7,
        "A trend line needs ratings on 7 days",
        own_choice="fewer points give a line that swings with each new rating",
    ),
    Evidence(
        _TRENDS + "TREND_MIN_SPAN_DAYS",
        14,
        "A trend line needs ratings spread over 14 days",
        own_choice="two weeks, as for the change that matters",
    ),
    Evidence(
        _TRENDS + "TREND_DEAD_BAND_PER_WEEK",
        0.1,
        "Slopes under 0.1 points a week read 'about the same'",
        own_choice="at that rate 2 points (Ostelo 2008) would take 20 weeks",
    ),
    Evidence(
        "coach.domain.pain_series.ROLLING_WINDOW_DAYS",
        7,
        "The rolling average covers 7 days",
        own_choice="one week evens out weekdays and weekends",
    ),
    Evidence(
        "coach.domain.pain_series.ROLLING_MIN_DAYS",
        4,
        "The rolling average needs ratings on 4 of the 7 days",
        own_choice="more than half the week, so one day cannot make the line",
    ),
)

SAFETY_ROWS: tuple[Evidence, ...] = (
    Evidence(
        "coach.domain.red_flags.RED_FLAG_KEYS",
        (
            "bladder_bowel",
            "saddle_numbness",
            "leg_weakness",
            "fever_weight_loss",
            "trauma",
            "past_cancer",
            "night_pain",
        ),
        "The warning signs the app asks about",
        f"{FINUCANE_2020}; {NICE_NG59}",
    ),
    Evidence(
        _SAFETY + "CURRENT_DAYS",
        7,
        "Worsening: the last 7 days ...",
        own_choice="one week, the same window as the rolling average",
    ),
    Evidence(
        _SAFETY + "CURRENT_MIN_DAYS",
        4,
        "... with ratings on at least 4 of them",
        own_choice="more than half the week",
    ),
    Evidence(
        _SAFETY + "PREVIOUS_DAYS",
        21,
        "... against the 21 days before",
        own_choice="three weeks give a steadier baseline than one",
    ),
    Evidence(
        _SAFETY + "PREVIOUS_MIN_DAYS",
        6,
        "... with ratings on at least 6 of them",
        own_choice="about two ratings a week",
    ),
    Evidence(
        _SAFETY + "WORSENING_POINTS",
        2.0,
        "Worsening: the weekly average up by 2 points",
        OSTELO_2008,
        own_choice="applied to weekly averages, not to one rating",
    ),
    Evidence(
        _SAFETY + "FLARE_PAIN",
        9,
        "A flare: one rating of 9 or more",
        own_choice="the top tenth of the 0-10 scale",
    ),
    Evidence(
        _SAFETY + "FLARE_RISE",
        3.0,
        "A flare: a rise of 3 points or more ...",
        own_choice="clearly more than the 2 points that matter over weeks (Ostelo 2008)",
    ),
    Evidence(
        _SAFETY + "FLARE_WITHIN_DAYS",
        3,
        "... within 1-3 days",
        own_choice="a sudden rise, overnight or over two to three days",
    ),
    Evidence(
        _SAFETY + "FLARE_SHOWN_DAYS",
        3,
        "The flare advice shows for 3 days",
        own_choice="the day of the flare and the two days after",
    ),
    Evidence(
        "coach.domain.pain_monitoring.PAIN_LIMIT",
        5,
        "Pain up to 5/10 during or just after a walk is acceptable",
        SILBERNAGEL_2007,
    ),
)

MEASURING_ROWS: tuple[Evidence, ...] = (
    Evidence(
        "coach.domain.tap_estimate.VERY_STEADY_BELOW",
        0.05,
        "Tapped steps varying under 5 % read 'very steady'",
        own_choice="a wide band, so careful tapping by hand counts as steady",
    ),
    Evidence(
        "coach.domain.tap_estimate.STEADY_BELOW",
        0.10,
        "Tapped steps varying under 10 % read 'steady'; more is 'uneven'",
        own_choice="twice the 'very steady' limit; beyond it the cadence is not reliable",
    ),
)

EVIDENCE: tuple[Evidence, ...] = (
    CADENCE_ROWS + DOSE_ROWS + PLAN_ROWS + PAIN_ROWS + SAFETY_ROWS + MEASURING_ROWS
)
"""The whole table, in the order docs/evidence.md shows it."""

COVERED_MODULES: tuple[str, ...] = (
    "coach.domain.cadence",
    "coach.domain.progression",
    "coach.domain.dose",
    "coach.domain.weekly_goal",
    "coach.domain.pain",
    "coach.domain.pain_series",
    "coach.domain.trends",
    "coach.domain.safety",
    "coach.domain.pain_monitoring",
    "coach.domain.tap_estimate",
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
}
"""Numbers in the covered modules that are not about the body or the programme, and why."""
