"""Rows of the evidence table about walking: cadence, the weekly dose, plans and stretches."""

from __future__ import annotations

from coach.domain.evidence.sources import (
    GARBER_2011,
    HEIDERSCHEIT_2011,
    POCOVI_2024,
    TUDOR_LOCKE_2019,
    TUDOR_LOCKE_ROWE_2012,
    WHO_2020,
    Evidence,
)

_CADENCE = "coach.domain.cadence."
_PROGRESSION = "coach.domain.progression."
_DOSE = "coach.domain.dose."
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
        "coach.domain.treadmill.DEFAULT_HEIGHT_CM",
        170.0,
        "The height used for the step length when none is set (cm)",
        own_choice="a middling adult height; the app asks for the real one and a calibration "
        "walk replaces the estimate",
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
    Evidence(
        _DOSE + "WEEKLY_GROWTH",
        0.10,
        "The weekly walking goal grows by 10 % a week",
        own_choice="a small, steady step; no study compares growth rates for walking with "
        "back pain, and " + _SMALL_STEPS,
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
        "coach.domain.walks.MIN_COUNTED_WALK_S",
        60,
        "A walk counts toward the week once it lasts a minute",
        WHO_2020,
        own_choice="a minute leaves out a start pressed by mistake or a sound check",
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
