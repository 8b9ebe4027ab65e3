"""Words on the trends chart: legends, axis titles and the hover read-out (one place)."""

from __future__ import annotations

LEGEND_DAILY = "Day's rating"
LEGEND_ROLLING = "7-day average"
LEGEND_WEEKLY = "Week's average"
LEGEND_TREND = "Trend"
LEGEND_BAND = "Your start ± a change that matters"
LEGEND_SESSION = "Guided walk"
LEGEND_MINUTES = "Minutes walked a week"
LEGEND_GOAL = "Weekly walking goal"
LEGEND_TARGET = "Cadence target"
LEGEND_WALKED = "Cadence walked"

AXIS_PAIN = "Pain (0-10)"
AXIS_MINUTES = "Minutes a week"
AXIS_CADENCE = "Steps/min"

HOVER_DAY = "{day}:"
HOVER_PAIN_ONE = "pain {pain}"
HOVER_PAIN_MANY = "pain {pain} (average of {count} ratings)"
HOVER_NO_PAIN = "no rating"
HOVER_ROLLING = "7-day average {value}"
HOVER_WALKED = "walked {duration}"
HOVER_WEEK = "that week {duration} walked"
HOVER_WEEK_GOAL = "that week {duration} walked of a {goal}-minute goal"
HOVER_SEPARATOR = " · "
