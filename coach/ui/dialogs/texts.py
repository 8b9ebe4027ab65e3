"""Every text of the quick pain log, the daily reminder bar and Today's pain button."""

from __future__ import annotations

# The quick pain log (coach/ui/dialogs/log_pain.py)
DIALOG_TITLE = "Note your pain"
QUESTION = "How much does your back hurt right now?"
KEYS_HINT = "Click a number, or press a number key (1 then 0 for 10). Enter saves."
CONTEXT_LABEL = "When"
CONTEXT_CHOICES: tuple[tuple[str, str], ...] = (
    ("on_waking", "On waking"),
    ("before_walk", "Before a walk"),
    ("after_walk", "After a walk"),
    ("evening", "In the evening"),
    ("other", "Other time"),
)
NOTE_LABEL = "Note"
NOTE_PLACEHOLDER = "Optional, e.g. stiff after sitting"
TIME_LINE = "Saved with today's date and the time now, {now:%H:%M}."
SAVE = "Save"
CANCEL = "Not now"
NEED_RATING = "Choose a number from 0 to 10 first. Nothing has been saved yet."
OUT_OF_RANGE = "{value} is not on the scale. Choose a number from 0 to 10."
NOT_SAVED = "This was not saved: {reason}"

# The daily reminder bar in the main window (coach/ui/controllers/reminder.py)
REMINDER_NAME = "Daily pain check"
REMINDER_TEXT = "How is your back right now?"
REMINDER_NOTE = "Note it now"
REMINDER_LATER = "Later"

# Today's button
NOTE_PAIN_BUTTON = "Note my pain"
NOTE_PAIN_HELP = "Rate your pain from 0 to 10; it takes a few seconds."

# The weekly check-in (coach/ui/dialogs/checkin.py) and Today's card for it
CHECKIN_TITLE = "Weekly check-in"
CHECKIN_INTRO = "Three questions about this past week. Leave out any you would rather not."
CHECKIN_NOT_VALIDATED = (
    "These are our own questions, not a validated questionnaire: compare the score only "
    "with your own earlier check-ins."
)
CHECKIN_QUESTIONS: tuple[tuple[str, str, str], ...] = (
    (
        "How much did your back hurt on a usual day this past week?",
        "0 = no pain",
        "10 = worst pain imaginable",
    ),
    (
        "How much did your back get in the way of enjoying your life?",
        "0 = not at all",
        "10 = completely",
    ),
    (
        "How much did your back get in the way of your daily activities?",
        "0 = not at all",
        "10 = completely",
    ),
)
"""(question, low anchor, high anchor) in coach.domain.checkin.QUESTION_KEYS order."""
CHECKIN_SCALE_NAMES = (
    "Back pain this week, 0 to 10",
    "Pain got in the way of enjoying life, 0 to 10",
    "Pain got in the way of everyday activities, 0 to 10",
)
CHECKIN_SAVE = "Save"
CHECKIN_SKIP = "Skip this week"
CHECKIN_LATER = "Not now"
CHECKIN_NEED_TWO = (
    "Answer at least two of the three questions for a score, or skip this week. "
    "Nothing has been saved yet."
)
CHECKIN_OUT_OF_RANGE = "{value} is not on the scale. Choose a number from 0 to 10."
CHECKIN_NOT_SAVED = "This was not saved: {reason}"
CHECKIN_CARD_TEXT = (
    "A short look back at your week: three questions, about a minute. Your answers show "
    "on Trends and in the report for your clinician."
)
CHECKIN_CARD_BUTTON = "Answer now"
CHECKIN_CARD_SKIP = "Skip this week"
