"""Every text the Trends screen shows, in one place."""

from __future__ import annotations

TITLE = "Trends"
INTRO = "How your pain and your walking have gone over the weeks."

RANGE_LABELS = {"4w": "4 weeks", "12w": "12 weeks", "6m": "6 months", "all": "All"}
RANGE_KEYS = {"4w": "1", "12w": "2", "6m": "3", "all": "4"}
RANGE_TOOLTIP = "Show {label} (key {key})"
RANGES_NAME = "Time span of the chart"

TREND_SENTENCE = "Over the {span} shown, your pain went {words}."
TREND_FLAT_SENTENCE = "Over the {span} shown, your pain stayed about the same."
TREND_SPANS = {"4w": "4 weeks", "12w": "12 weeks", "6m": "6 months", "all": "whole diary"}
CHANGE_HEADING = "Compared with your start"
GOAL_THIS_WEEK = "Walking this week: {minutes} of your {goal}-minute goal (the dotted line)."
GOAL_WEEKS_MET = " Goal reached in {met} of the {weeks} full weeks shown."
GOAL_NONE = "Walking: your weekly goal starts with your first walk."
NO_DATA = (
    "No pain ratings yet. Once you rate your pain for a few days, the chart shows how it goes."
)
CHECKIN_HEADING = "Weekly check-in"
INSIGHTS_HEADING = "What goes with better days"
CHECKIN_CHART_NAME = "Weekly check-in score, 0 to 10, one dot a week"
CHECKIN_NOT_VALIDATED = (
    "These are our own questions, not a validated questionnaire: compare the score only "
    "with your own earlier check-ins."
)
HOVER_HINT_TEXT = "Point at a day in the chart to see its numbers."
SAFETY_NAME = "Please read"
SAFETY_LINE = "{title}. {text} {reason}"
NEVER_DIAGNOSIS = (
    "These charts show what you logged. They are not a diagnosis; your doctor or "
    "physiotherapist can help you read them."
)

SAVE_PNG = "Save PNG…"
SAVE_SVG = "Save SVG…"
SAVE_REPORT = "Report for your clinician…"
SAVE_PNG_TITLE = "Save the chart as a PNG picture"
SAVE_SVG_TITLE = "Save the chart as an SVG drawing"
SAVE_REPORT_TITLE = "Save the report for your clinician"
PNG_FILTER = "PNG picture (*.png)"
SVG_FILTER = "SVG drawing (*.svg)"
PDF_FILTER = "PDF document (*.pdf)"
DEFAULT_CHART_NAME = "pain-trends-{day}"
DEFAULT_REPORT_NAME = "walking-coach-report-{first}-to-{last}.pdf"
SAVED = "Saved to {path}."
SAVE_FAILED = "Could not save: {error}"
