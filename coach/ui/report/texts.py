"""Every text of the clinician's report, in one place."""

from __future__ import annotations

TITLE = "Pain and walking report"
SUBTITLE = "From the Walking Coach app"
PERIOD = "Period: {first} to {last} ({weeks} weeks). Made on {made}."
SELF_REPORTED = (
    "All data in this report are self-reported by the person in the app: pain as 0-10 "
    "ratings, walks as recorded by the app. Nothing here is a diagnosis."
)
SUMMARY_HEADING = "Summary"
TREND_LINE = "Trend (Theil-Sen, over the days rated in the period): {words}."
TREND_NONE = "Trend: {words}"
CHANGE_LINE = "Change that matters (2 points or 30 %, Ostelo et al. 2008). {sentence}"
RATINGS_LINE = "{ratings} ratings on {days} of {span} days."
GOAL_LINE = "Weekly walking goal: {minutes} of {goal} minutes in the week of {monday}."
GOAL_WEEKS_MET = " Reached in {met} of {weeks} full weeks."
GOAL_NONE = "Weekly walking goal: no walks recorded yet."
SAFETY_HEADING = "Warning signs and the walking plan"
SAFETY_RUNNING = "On {made} the walking plan is not paused."
SAFETY_PAUSED = "On {made} the walking plan is paused: {title}."
SAFETY_NONE = "No warning signs were noted in this period."
SAFETY_QUIET = " No warning signs noted in this period; the walking plan is not paused."
CHART_HEADING = "Pain and walking over the period"
CHART_KEY = (
    "Grey dots: each day's average rating. Solid black line: 7-day average. Thick grey "
    "steps: week's average. Dashed line: trend. Shaded band: the average of the first two "
    "weeks of this period ± a change that matters. Short ticks along the bottom: guided "
    "walks. Lower panel: minutes walked a week (bars), the weekly walking goal (dotted "
    "steps: it grows by a tenth after a week that reached it, up to 5 walks of 30 minutes), "
    "cadence target (dashed) and walked (line with dots, right axis)."
)
TABLE_HEADING = "Week by week"
TABLE_COLUMNS = (
    "Week of",
    "Pain mean",
    "Days rated",
    "Walked (min)",
    "Goal (min)",
    "Cadence target",
    "Cadence walked",
)
CADENCE_PLAN = (
    "Cadence plan: from {baseline} toward {goal} steps/min in weekly steps, started the week "
    "of {start}.{holds}"
)
CADENCE_HOLDS = " Held weeks: {count}."
CADENCE_NONE = "No cadence plan in use."
CHECKIN_HEADING = "Weekly check-in"
CHECKIN_ABOUT = (
    "Three questions of the app's own, each 0-10 (back pain on a usual day this past week; how "
    "much it got in the way of enjoying life; of daily activities). Not a validated "
    "questionnaire and not the PEG. Score: the mean of the questions answered, none with fewer "
    "than two answers. A change that matters: 30 % of the first score and at least 1 point "
    "(Dworkin et al. 2008)."
)
CHECKIN_COLUMNS = ("Answered", "Score", "Pain", "Enjoyment", "Activity")
CHECKIN_SKIPPED = "skipped"
CHECKIN_NONE = " No weekly check-ins in this period."
NOTES_HEADING = "Notes written with the ratings"
NOTES_NONE = "No notes in this period."
NOTE_LINE = "{day}, pain {pain}{context}: {note}"
NOTE_FLAGS = "{day}, pain {pain}: warning signs noted — {signs}."
EMPTY_CELL = "\u2013"  # an en dash: no value
PAGE_FOOTER = "Walking Coach report, {first} to {last} · page {page}"
CONTEXT_WORDS = {
    "on_waking": " on waking",
    "before_walk": " before a walk",
    "after_walk": " after a walk",
    "evening": " in the evening",
    "other": "",
}
