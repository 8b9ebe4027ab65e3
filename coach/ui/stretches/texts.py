"""Every text the Stretches screen shows: short, calm and concrete."""

from __future__ import annotations

from coach.domain.routines import Side, StepKind

TITLE = "Stretches"
INTRO = (
    "A gentle warm-up before you walk. Follow along by ear: a chime starts each part, "
    "three ticks end it, and a rising chime means the routine is done."
)

STEP_TITLES: dict[StepKind, str] = {
    StepKind.PREPARE: "Get into position",
    StepKind.HOLD: "Hold",
    StepKind.REPS: "Slow repetitions",
    StepKind.WALK: "Walk to the beat",
    StepKind.SWITCH_SIDES: "Switch sides",
    StepKind.REST: "Rest",
}
SIDE_NAMES: dict[Side, str] = {Side.LEFT: "left side", Side.RIGHT: "right side"}
REPS_LINE = "{reps} times, about {seconds} s each"
WALK_LINE = "{spm} steps a minute"
REST_LINE = "Breathe out and let your shoulders drop."
SWITCH_LINE = "Change to your {side}, taking your time."
EXERCISE_OF = "Exercise {n} of {total}"
SET_OF = "set {n} of {total}"
TOTAL_LEFT = "Routine time left: {time}"
NEXT = "Next: {name}"
NEXT_LAST = "Next: done. Well done for warming up."
FINISHED_TITLE = "Warm-up done"
FINISHED_TEXT = "Well done. Take a moment, then start your walk when you are ready."
PAUSED = "Paused. Press Space to carry on."
STOP_IF_HEADING = "Stop if"

PLAYER_NAME = "Routine player. Space pauses, N skips, B goes back."
BACK = "Back (B)"
BACK_TIP = "Start this exercise again, or go to the one before (B or Left arrow)"
PAUSE = "Pause (Space)"
RESUME = "Carry on (Space)"
SKIP = "Skip (N)"
SKIP_TIP = "Go on to the next exercise (N or Right arrow)"
STOP = "Stop"
STOP_TIP = "Stop the routine and go back to the list"

# -- the routine list -------------------------------------------------------------------
LIST_TITLE = "Your routines"
BUILT_IN = "{name}  (comes with the app)"
ROUTINE_ROW = "{name}  ·  {minutes}"
START = "Start"
START_TIP = "Play the chosen routine (Enter)"
EDIT = "Edit"
EDIT_DEFAULT_TIP = "Routines that come with the app stay as they are: this edits a copy"
DUPLICATE = "Duplicate"
NEW = "New routine"
DELETE = "Delete"
IMPORT = "Import file…"
EXPORT = "Export file…"
UNDO = "Undo"
DELETED = "Deleted “{name}”."
IMPORTED = "Added “{name}” from the file."
EXPORTED = "Saved a copy to {path}."
SAVED = "Saved “{name}”."
IMPORT_FAILED = "This file cannot be used, so nothing was added:"
SOME_FILES_BAD = "Some of your routine files cannot be used and are left out:"
CANNOT_DELETE_DEFAULT = "Routines that come with the app cannot be deleted."
FILE_FILTER = "Routine files (*.json)"
IMPORT_CAPTION = "Import a routine file"
EXPORT_CAPTION = "Export the routine to a file"
WRITE_FAILED = "Could not write the file: {reason}"

# -- the editor -------------------------------------------------------------------------
EDITOR_TITLE = "Edit routine"
NAME = "Name"
DESCRIPTION = "Description"
EXERCISES = "Exercises (Ctrl+Up / Ctrl+Down to move)"
MOVE_UP = "Move up"
MOVE_DOWN = "Move down"
ADD_EXERCISE = "Add"
REMOVE_EXERCISE = "Remove"
SIDES = "Sides"
SIDES_NONE = "Once"
SIDES_BOTH = "Left, then right"
HOLD_OR_REPS = "Each side"
HOLD = "Hold for"
REPS = "Repeat"
HOLD_SECONDS = "Hold (seconds)"
REPS_COUNT = "Repetitions"
SETS = "Sets"
PREP = "Get into position (seconds)"
REST = "Rest after (seconds)"
WALK_SECONDS = "Walk (seconds)"
CADENCE = "Steps a minute"
SAVE = "Save"
PREVIEW = "Preview"
CANCEL = "Back to the list"
COPY_NOTE = "This is your own copy; the routine that comes with the app stays as it was."
NEEDS_NAME = "Give the routine a name."
NEEDS_EXERCISE = "A routine needs at least one exercise."
NEW_NAME = "My warm-up"
NEW_DESCRIPTION = "My own warm-up."
