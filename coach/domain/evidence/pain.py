"""Rows of the evidence table about pain: the scale, trends, the safety rules, measuring."""

from __future__ import annotations

from coach.domain.evidence.sources import (
    DWORKIN_2008,
    FINUCANE_2020,
    NICE_NG59,
    NRS_0_10,
    OSTELO_2008,
    SILBERNAGEL_2007,
    Evidence,
)

_SAFETY = "coach.domain.safety.rules."
_TRENDS = "coach.domain.trends."

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

_CHECKIN = "coach.domain.checkin."

CHECKIN_ROWS: tuple[Evidence, ...] = (
    Evidence(_CHECKIN + "CHECKIN_MIN", 0, "The weekly check-in's lowest answer", NRS_0_10),
    Evidence(_CHECKIN + "CHECKIN_MAX", 10, "The weekly check-in's highest answer", NRS_0_10),
    Evidence(
        _CHECKIN + "MIN_ANSWERED",
        2,
        "A check-in score needs 2 of its 3 answers",
        own_choice="one answer is a single rating, not a mean; a skipped question is allowed",
    ),
    Evidence(
        _CHECKIN + "CHANGE_FRACTION",
        0.30,
        "A change in the check-in score that matters (share of the first score)",
        f"{DWORKIN_2008}; {OSTELO_2008}",
        own_choice="applied to our own three questions, which are not a validated scale",
    ),
    Evidence(
        _CHECKIN + "CHANGE_FLOOR_POINTS",
        1.0,
        "A check-in change that matters is never less than 1 point",
        own_choice="30 % of a low first score would call a fraction of one scale step a change",
    ),
)

_INSIGHTS = "coach.domain.insights."

INSIGHT_ROWS: tuple[Evidence, ...] = (
    Evidence(
        _INSIGHTS + "WALK_DAY_MINUTES",
        10.0,
        "A walking day, for the insights: 10 minutes or more walked",
        own_choice="long enough to be a walk, short enough that most walking days count",
    ),
    Evidence(
        _INSIGHTS + "MIN_DAYS_EACH",
        10,
        "An insight needs 10 days on each side",
        own_choice="fewer days give an interval so wide it says nothing",
    ),
    Evidence(
        _INSIGHTS + "INTERVAL",
        0.90,
        "Insights show a 90 % bootstrap interval",
        own_choice="90 % rather than 95 %: a person's own diary is small, and this is a guide",
    ),
)

SAFETY_ROWS: tuple[Evidence, ...] = (
    Evidence(
        "coach.domain.safety.red_flags.RED_FLAG_KEYS",
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
        "coach.domain.safety.state.FLARE_EASES_WITHIN_DAYS",
        7,
        "A flare that has not eased within 7 days needs a doctor",
        own_choice="most flare-ups ease within days; a week without easing is worth a check",
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
