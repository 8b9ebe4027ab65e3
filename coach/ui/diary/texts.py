"""Every text the Pain diary screen, its dialogs and its data section show, in one place."""

from __future__ import annotations

HEADING = "Pain diary"
INTRO = (
    "A quick rating once a day, at about the same time, is enough; guided walks also ask "
    "before and after. Over the weeks it shows whether walking helps your back."
)

# --- Logging a rating -----------------------------------------------------------------------
LOG_TITLE = "How is your pain right now?"
SCALE_HINT = "Click a number or type it: 0 to 9, or 1 then 0 for 10."
CONTEXT_LABEL = "When"
TIME_LABEL = "Time"
LOCATION_LABEL = "Where"
NOTE_LABEL = "Note"
NOTE_PLACEHOLDER = "Optional, e.g. slept badly"
FLAGS_TOGGLE = "I noticed a warning sign"
CLEARED_NAME = "When a clinician last checked"
FLAGS_HINT = "Tick any that apply. These need a doctor's look, not more walking."
SAVE = "Save rating"
SAVE_HINT = "Enter saves."
LOCATION_NONE = "Not said"
CONTEXT_CHOICES = (
    ("on_waking", "On waking"),
    ("before_walk", "Before a walk"),
    ("after_walk", "After a walk"),
    ("evening", "In the evening"),
    ("other", "Other time"),
)
LOCATION_CHOICES = (
    ("lower_back_centre", "Lower back, centre"),
    ("lower_back_left", "Lower back, left"),
    ("lower_back_right", "Lower back, right"),
    ("buttock", "Buttock"),
    ("leg_left", "Left leg"),
    ("leg_right", "Right leg"),
)
NEED_RATING = "Choose a number from 0 to 10 first (click it or press its key)."
FUTURE_TIME = "{shown} is still to come. Choose a time up to now ({now})."
SAVED = "Saved: {pain}/10 at {time}."
NOT_SAVED = "Could not save the rating: {problem}"
READ_ONLY = "The diary is open read-only, so new ratings cannot be saved right now."

# --- The list of entries ---------------------------------------------------------------------
LIST_TITLE = "Your ratings"
LIST_EMPTY = "No ratings yet. Your first one will appear here."
SHOW_OLDER = "Show older ratings"
SHOWING = "Showing the latest {shown} of {total} ratings."
DAY_TODAY = "Today"
DAY_YESTERDAY = "Yesterday"
DAY_FORMAT = "{day_name} {day} {month} {year}"
TIME_FORMAT = "{at:%H:%M}"
PAIN_VALUE = "{pain}/10"
AFTER_WALK_LINK = "after your walk of {duration}"
BEFORE_WALK_LINK = "before your walk of {duration}"
WALK_LINK = "with your walk of {duration}"
RED_FLAG_NOTE = "Warning sign noted: {signs}"
EDIT = "Edit"
DELETE = "Delete"
EDIT_NAME = "Edit the rating of {pain} at {time} on {day}"
DELETE_NAME = "Delete the rating of {pain} at {time} on {day}"
CONTEXT_WORDS = {
    "on_waking": "on waking",
    "before_walk": "before a walk",
    "after_walk": "after a walk",
    "evening": "in the evening",
    "other": "",
}
LOCATION_WORDS = {
    "lower_back_centre": "lower back",
    "lower_back_left": "lower back, left",
    "lower_back_right": "lower back, right",
    "buttock": "buttock",
    "leg_left": "left leg",
    "leg_right": "right leg",
}

# --- Edit dialog and undo --------------------------------------------------------------------
EDIT_TITLE = "Edit rating"
EDIT_SAVE = "Save changes"
CANCEL = "Cancel"
UNDO = "Undo"
UNDO_NAME = "Undo the last change"
UNDO_BAR_NAME = "Last change"
DONE_EDITED = "Rating changed."
DONE_DELETED = "Rating deleted."
UNDONE_ADDED = "The new rating was taken out again."
UNDONE_EDITED = "The change was undone."
UNDONE_DELETED = "The rating is back."
UNDO_FAILED = "Could not undo: {problem}"
UNDO_HINT = " Ctrl+Z undoes."

# --- Safety ----------------------------------------------------------------------------------
SAFETY_NAME = "Advice about your diary"

# --- Your data: export and import ------------------------------------------------------------
DATA_TITLE = "Your data"
DATA_TEXT = (
    "Your diary stays on this computer. Export it to keep a copy or open it in a spreadsheet; "
    "import ratings from a CSV file or from a JSON export."
)
EXPORT_CSV = "Export to CSV…"
EXPORT_JSON = "Export to JSON…"
IMPORT = "Import a CSV or JSON file…"
CHOOSE_EXPORT_FOLDER = "Choose a folder for the CSV files"
CHOOSE_JSON_FILE = "Save the diary as JSON"
CHOOSE_IMPORT_FILE = "Choose a diary file (CSV, or a JSON export)"
IMPORT_FILTER = "Diary files (*.csv *.txt *.json);;All files (*)"
JSON_FILTER = "JSON files (*.json)"
EXPORTED = "Saved {names} in {folder}."
EXPORT_FAILED = "Could not save to {target}: {problem}"
READING = "Reading {name}…"
IMPORT_FAILED = "Could not import {name}: {problem}"
UNEXPECTED = "Something went wrong while reading it. Nothing was changed; the log has details."
IMPORTED = "{added} ratings imported from {name}. A backup of your diary was saved first."
IMPORTED_NONE = "Nothing new to import from {name}."

# --- Import preview dialog -------------------------------------------------------------------
PREVIEW_TITLE = "Import {name}"
PREVIEW_SUMMARY = (
    "{added} to add, {duplicates} already in your diary, {rejected} that cannot be read."
)
PREVIEW_ADD = "To add ({count})"
PREVIEW_DUPLICATES = "Already in your diary, skipped ({count})"
PREVIEW_REJECTED = "Cannot be read, skipped ({count})"
PREVIEW_NOTHING = "Nothing here."
PREVIEW_MORE = "… and {count} more."
PREVIEW_REJECTED_ROW = "Row {row}, column {column}: {reason}"
PREVIEW_REJECTED_ROW_ONLY = "Row {row}: {reason}"
PREVIEW_ENTRY = "{at:%a} {at.day} {at:%b} {at.year}, {at:%H:%M} · {pain}/10{note}"
PREVIEW_DUPLICATE = "Row {row}: " + PREVIEW_ENTRY
PREVIEW_APPLY = "Import {count} ratings"
PREVIEW_APPLY_ONE = "Import 1 rating"
PREVIEW_BACKUP_NOTE = "A backup of your diary is saved first. Nothing changes if any step fails."
PREVIEW_CLOSE = "Close"
DATE_ORDER_LABEL = "Dates like 05/04/2026 are"
DATE_ORDER_CHOICES = (
    (None, "worked out from the file"),
    (True, "day first (5 April)"),
    (False, "month first (May 4)"),
)
