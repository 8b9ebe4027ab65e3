"""Every text the Metronome & treadmill screen and its treadmill view show, in one place."""

from __future__ import annotations

TITLE = "Metronome & treadmill"
INTRO = (
    "Walk to a steady beat, at home or on a treadmill: slightly shorter, slightly quicker "
    "steps, at a pace that feels comfortable."
)

# Pace
PACE_TITLE = "Pace"
CADENCE_NAME = "Cadence in steps per minute"
STEPS_PER_MIN = "steps/min"
SLOWER_5 = "\u22125"
SLOWER_1 = "\u22121"
FASTER_1 = "+1"
FASTER_5 = "+5"
SLOWER_5_NAME = "5 steps per minute slower"
SLOWER_1_NAME = "1 step per minute slower"
FASTER_1_NAME = "1 step per minute faster"
FASTER_5_NAME = "5 steps per minute faster"
BAND_TEXT = {
    "light": "Light walking (below 100 steps/min)",
    "moderate": "Moderate walking (100 to 129 steps/min)",
    "vigorous": "Vigorous walking (130 steps/min or more)",
}
PRESETS_LABEL = "Presets:"
PRESET_NAMES = {"easy": "Easy {spm}", "brisk": "Brisk {spm}", "target": "This week's target {spm}"}

# Walk
WALK_TITLE = "Walk"
START = "Start  (Space)"
STOP = "Stop  (Space)"
TIMER_NAME = "Time walked"
END_AFTER = "End after"
END_AFTER_NONE = "No set end"
END_AFTER_SUFFIX = " min"
READY = "Press Space or Start when you are ready."
COUNT_IN = "Get ready… the steps start after the count-in."
WALKING = "Walking. Step with the beat; keep it comfortable."
WALKING_UNTIL = "Walking. A chime sounds when the {minutes} minutes are up."
SOUND_OFF = "Sound is off: follow the footprints."
SAVED = "Saved: {duration} at {spm} steps/min. It counts toward this week's minutes."
SAVED_SHORT = (
    "Saved: {duration} at {spm} steps/min. Walks of a minute or more count toward this "
    "week's minutes."
)
TOO_SHORT = "That walk was under {seconds} seconds, so it was not saved."
SAVE_FAILED = "This walk could not be saved: {error}"
FINISHED = "Time is up. Well done. "
TREADMILL_BUTTON = "Treadmill view  (F)"
KEYS = (
    "Keys: Up / Down ±1 · Page Up / Page Down or + / \u2212 ±5 · Space start or stop · "
    "T tap · F treadmill view"
)
LEFT = "Left"
RIGHT = "Right"
FOOTPRINTS_NAME = "Beat: left and right footprints"

# Tabs
TAB_TAP = "Measure my cadence"
TAB_CALCULATOR = "Treadmill calculator"
TAB_PLAN = "Cadence plan"
TABS_NAME = "Measure, calculate and plan"

# Tap to measure
TAP_HELP = (
    "Walk at your usual, comfortable pace without the metronome. Each time a foot lands, "
    "press T or the big button. After 11 taps you see your cadence."
)
TAP_BUTTON = "Tap  (T)"
TAP_BUTTON_NAME = "Tap once for each step"
TAP_NONE = "No taps yet."
TAP_COUNTING = "{taps} taps · {needed} more needed"
TAP_COUNTING_LIVE = "{taps} taps · {needed} more needed · about {spm} steps/min"
TAP_LIVE = "{taps} taps · about {spm} steps/min"
TAP_RESULT = "Your cadence: {spm} steps/min ({steadiness}, {used} of {taps} taps used)."
TAP_UNEVEN_HINT = "Try again when you can: steady taps give a number worth saving."
TAP_SAVE = "Save as my baseline"
TAP_USE = "Use as tempo"
TAP_RESET = "Start again"
TAP_SAVED = "Saved as your baseline on {at:%d %b %Y}. The cadence plan can start from it."
BASELINE_NOW = "Your baseline: {spm} steps/min, measured {at:%d %b %Y}."
BASELINE_NONE = "No baseline yet: measure your cadence with taps, then save it."

# Treadmill calculator
CALC_HELP = (
    "Speed, cadence and step length always agree. Change one and press Enter: "
    "with a new speed the cadence follows; with a new cadence or step length the speed does."
)
SPEED = "Speed"
CADENCE = "Cadence"
STEP_LENGTH = "Step length"
HEIGHT_NOTE = "Step length starts from your height ({height}). Measuring it gives a better fit."
HEIGHT_NOTE_NONE = (
    "Step length starts from an average height; set your height in Settings or measure it below."
)
FROM_HEIGHT = "Back to the step length from my height"
CALIBRATE_TITLE = "Measure my step length"
CAL_DISTANCE = "Distance walked (m)"
CAL_DISTANCE_FT = "Distance walked (ft)"
CAL_STEPS = "Steps counted"
CAL_USE_DISTANCE = "Use distance and steps"
CAL_TREADMILL = (
    "Or walk one minute at a known belt speed while tapping (Measure my cadence tab), "
    "then use the taps:"
)
CAL_BELT_SPEED = "Belt speed"
CAL_USE_TAPS = "Use belt speed and my taps"
CAL_NEED_TAPS = "Tap along with your steps first (11 taps or more), then try again."
CAL_DONE = "Step length set to {length}."
SHORTEN_TITLE = "Shorten my stride at this speed"
SHORTEN_PERCENT = "Shorter by (%)"
SHORTEN_BUTTON = "Work out the cadence"
SHORTEN_RESULT = "At {speed}, steps {percent:g} % shorter ({length}) need {spm} steps/min."
SHORTEN_USE = "Use this cadence"
NOT_A_NUMBER = "{label} needs a number, for example {example}."
SPEED_SET_NOTE = "This speed is saved with your walks."

# Plan
PLAN_HELP = (
    "A gentle plan raises your cadence a little each week, from your measured baseline "
    "toward a goal 5 to 10 % above it (a range borrowed from running coaching). You can hold "
    "any week that feels like too much."
)
PLAN_GOAL = "Goal above baseline (%)"
PLAN_CREATE = "Make my plan"
PLAN_REPLACE = "Make a new plan"
PLAN_NEEDS_BASELINE = "Measure and save your cadence first (Measure my cadence tab)."
PLAN_SUMMARY = "From {baseline} to {goal} steps/min. This week's target: {target} steps/min."
PLAN_WEEK = "Week of {monday:%d %b}"
PLAN_WEEK_TARGET = "{spm} steps/min"
PLAN_HELD = "held"
PLAN_THIS_WEEK = "this week"
PLAN_HOLD = "Hold this week"
PLAN_HOLD_DONE = "This week is held: the target stays at {spm} steps/min."
PLAN_NONE = "No plan yet."
PLAN_GOAL_REACHED = (
    "Goal reached: keep walking at about {spm} steps/min. Measure again and make a new plan "
    "when that feels easy."
)
PLAN_USE_TARGET = "Use this week's target"
PLAN_READ_FAILED = "Your saved plan could not be read: {error}"

# Treadmill view
TV_HINT = "Space start or stop · Up / Down ±1 · Page Up / Page Down ±5 · Esc to leave"
TV_TARGET = "Target {spm}"
TV_NO_TARGET = ""
TV_STOPPED = "Stopped"
TV_FINISHED = "Time is up. Well done"
TV_SOUND_OFF = "Sound is off: follow the footprints"
TV_COUNT_IN = "Get ready"
TV_WALKING = "Walking"
