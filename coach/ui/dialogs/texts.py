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
