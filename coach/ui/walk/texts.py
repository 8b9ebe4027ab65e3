"""Every text the Walk screen shows, in one place: short, calm and concrete."""

from __future__ import annotations

TAB_WALK = "Walk"
TAB_HISTORY = "History"
TAB_PLANS = "My plans"
TAB_CUES = "Cue cards"
TABS_NAME = "Walk, history, your plans and cue cards"
PLAYER_NAME = "Guided walk player"

CHOOSE_TITLE = "Choose today's walk"
CHOOSE_SUGGESTED = (
    "This week's goal: {walks} walks of about {per_walk} minutes ({goal} minutes). "
    "Suggested: {plan}."
)
CHOOSE_PAUSED = "No walk is suggested while your walking plan is paused."
CHOOSE_CADENCE_PLAN = "Main walk at {spm} steps/min, this week's target from your plan."
CHOOSE_CADENCE_DEFAULT = "Main walk at {spm} steps/min, your usual pace from Settings."
PLAN_ROW = "{name} — {minutes} min walking"
PLAN_SUGGESTED_MARK = "  (suggested)"
PLAN_YOURS_MARK = "  (yours)"
PLAN_PROBLEMS = "Some of your plan files could not be read, so they are not listed:\n{problems}"
START_BUTTON = "Next: how is your pain?"
NO_PLANS = "No walking plans were found. Make one under My plans."

BEFORE_TITLE = "Before you start: how is your back right now?"
BEFORE_HELP = "Choose a number from 0 (no pain) to 10. You can skip this."
NOTE_PLACEHOLDER = "A note, if you like (optional)"
BEGIN_BUTTON = "Start the walk"
SKIP_BUTTON = "Skip and start"
BACK_BUTTON = "Back"

PHASE_NAMES = {
    "stretches": "Stretches",
    "warm_up": "Warm-up",
    "main": "Main walk",
    "cool_down": "Cool-down",
}
NEXT_UP = "Next: {name}"
NEXT_LAST = "Last part of the walk"
PHASE_LEFT = "left in this part"
SESSION_LEFT = "{time} left in all"
CADENCE_TARGET = "{spm} steps/min"
CADENCE_NONE = "No steps now"
PAUSED = "Paused. Press Space to carry on."
KEYS_HELP = "Space pause · N next part · M add a minute · P pin card · F treadmill view · Esc stop"
TREADMILL_BUTTON = "Treadmill view"
TV_TITLE = "Guided walk"
TV_HEADING = "{phase} · {left} left"
TV_PAUSED = "Paused"
TV_NEXT = "Next: {name}"
TV_LAST = "Last part"
TV_NO_STEPS = "\u2013"  # an en dash: no steps in a stretch
TV_HINT = "Space pause or carry on · Esc back to the player"
PAUSE_BUTTON = "Pause"
RESUME_BUTTON = "Carry on"
SKIP_PHASE_BUTTON = "Next part"
ADD_MINUTE_BUTTON = "+1 minute"
STOP_BUTTON = "Stop"
PIN_BUTTON = "Pin this card"
UNPIN_BUTTON = "Unpin"
CUE_OFF_BUTTON = "Hide this card"
STOP_CONFIRM_TITLE = "Stop the walk?"
STOP_CONFIRM_TEXT = "What you have walked so far is kept. Stop now?"
NO_CUES = "All cue cards are hidden. Turn them on again in the Cue cards tab."

AFTER_TITLE = "Well done. How is your back now?"
AFTER_HELP = "Choose a number from 0 to 10. You can skip this."
LEG_SYMPTOMS = "New numbness or weakness in a leg since the walk began"
SAVE_BUTTON = "Save"
SKIP_SAVE_BUTTON = "Skip and save the walk"

END_TITLE = "Your walk is saved"
END_TITLE_STOPPED = "Your walk is saved (stopped early)"
END_MINUTES = "{duration} walked"
END_CADENCE = "Main walk at {spm} steps/min"
END_PAIN = "Pain before {before}, after {after}"
END_PAIN_UNRATED = "not rated"
END_RULE = (
    "Pain may go up a little during or after a walk. Up to 5 out of 10 is fine if it has "
    "settled by the next morning; the app will ask you then."
)
END_HOLD_PAIN = "Your pain after this walk was {after}/10: above 5 and higher than before."
END_HOLD_ADVICE = "So make your next walk a little easier."
END_HOLD_LEGS = "You noticed new numbness or weakness in a leg."
END_NEXT = "Next time: {plan}."
END_NEXT_SHORTER = "Next time: {plan}, shorter than this walk."
END_NEXT_SAME = "Next time: {plan} again, the shortest walk, and stop early if your pain rises."
END_NOT_SAVED = "This walk could not be saved: {reason}"
DONE_BUTTON = "Done"

HISTORY_EMPTY = "No guided walks yet. Your walks will be listed here."
HISTORY_HEADERS = ("Date", "Plan", "Walked", "Steps/\nmin", "Pain\nbefore", "Pain\nafter")
"""Two-line headers over the number columns keep the table inside a narrow window."""
HISTORY_DATE = "{at:%a} {at.day} {at:%b %Y}, {at:%H:%M}"
NO_VALUE = "\u2013"  # an en dash: no rating

EDITOR_TITLE = "Make your own plan"
EDITOR_HELP = (
    "Set the minutes and steps per minute of each part. Cadence is steps/min, or "
    "'target', 'target-10', 'target+5' to follow your plan's target."
)
EDITOR_NAME = "Name"
EDITOR_STRETCHES = "Start with the warm-up stretches"
EDITOR_SAVE = "Save plan"
EDITOR_SAVED = "Saved '{name}'. It is in the list on the Walk tab."
EDITOR_BAD_MINUTES = "{part}: minutes must be a number from 1 to 180, not '{value}'."
EDITOR_BAD_NAME = "Give the plan a name first."
EDITOR_BAD_CADENCE = "{part}: {reason}"
EDITOR_FIELD_MINUTES = "{part} minutes"
EDITOR_FIELD_FROM = "{part} cadence from"
EDITOR_FIELD_TO = "to"

LIBRARY_HELP = "All cue cards. Hidden cards are not shown during walks."
LIBRARY_SHOW = "Show during walks"
KIND_NAMES = {"posture": "Posture", "stride": "Stride"}
