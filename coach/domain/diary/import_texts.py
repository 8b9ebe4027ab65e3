"""Texts shown to users about a diary import: whole-file errors, row reasons and notes."""

ERR_EMPTY = "The file is empty."
ERR_TOO_BIG = "The file is {size} MB; diary files up to {limit} MB can be imported."
ERR_TOO_MANY_ROWS = "The file has more than {limit} rows; split it into smaller files."
ERR_ENCODING = "The file is not text we can read (UTF-8, UTF-16 or Windows-1252 expected)."
ERR_BINARY = "This does not look like a diary file: it contains binary data."
ERR_DUPLICATE_COLUMN = (
    'The column "{name}" appears more than once in the first row (columns {where}). Keep '
    "one of them and import the file again; nothing was imported."
)
ERR_NO_COLUMNS = "No columns found. A diary file needs a date and a pain column, like: date,pain"
ERR_JSON = "This JSON file cannot be read: {problem}."
ERR_JSON_FORMAT = (
    'This JSON file is not a Walking Coach export: it needs "format": "walking-coach" '
    'and a "pain_entries" list.'
)
REASON_UNREADABLE = (
    "This row could not be read (a cell is too long, the quotes are broken, or a value "
    "is not of the right kind)."
)
REASON_TOO_LONG = "This cell has {length} characters; at most {limit} fit."
REASON_MISSING = "This row has no {column} value."
REASON_DATE = "{shown} is not a date we can read. Write it like 2026-03-29 or 29/03/2026."
REASON_BAD_DAY = "{shown} is not a real date and time."
REASON_YEARS = "{shown} is outside the years 1900 to 2100."
REASON_AMBIGUOUS = (
    "{shown} could be {first} or {second}. Write dates like 2026-03-29, "
    "or choose the date order when importing."
)
REASON_MIXED = (
    "{shown} could be {first} or {second}: this file has dates in both day/month and "
    "month/day order."
)
REASON_FUTURE = "{shown} is in the future."
REASON_PAIN = "Pain must be a whole number from 0 to 10, not {shown}."
REASON_CHOICE = "{shown} is not one of: {choices}."
REASON_CONTROL = "This cell contains control or text-direction characters, which are not text."
REASON_WALK_ID = "{shown} is not a walk number."
REASON_FLAGS = "{shown} is not a list of warning-sign keys."
NOTE_DAY_FIRST = "Dates like 05/04/2026 were read as day/month/year (5 April 2026)."
NOTE_MONTH_FIRST = "Dates like 05/04/2026 were read as month/day/year (May 4, 2026)."
NOTE_HEADER_GUESSED = "The first row was read as column names: date, pain, note."
NOTE_NO_HEADER = "The file has no column names; columns were read as date, pain, note."
NOTE_DELIMITER = {";": "Columns are separated by semicolons.", "\t": "Columns are tab-separated."}
NOTE_WALK_LINKS = "{count} links to walks were left out: those walks are not in this diary."
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
