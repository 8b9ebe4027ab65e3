"""Diary export (CSV and JSON) and a pure import preview of diary CSV files.

Export: cells a spreadsheet would run as a formula get a leading single quote; our importer
takes it off again. Import: only DiaryImportError escapes, and only for whole-file problems;
a bad row becomes a RejectedRow with its row, column and reason. The caller (storage) adds
`ImportPreview.to_add` in one transaction. docs/trends.md lists the rules for dates.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, time, tzinfo
from typing import Any

from coach.domain.pain import (
    NOTE_MAX_CHARS,
    PainContext,
    PainEntry,
    PainEntryError,
    PainLocation,
    check_pain_value,
)
from coach.domain.walks import WalkRecord

# --- Texts shown to users (one place) -------------------------------------------------------
ERR_EMPTY = "The file is empty."
ERR_TOO_BIG = "The file is {size} MB; diary files up to {limit} MB can be imported."
ERR_TOO_MANY_ROWS = "The file has more than {limit} rows; split it into smaller files."
ERR_ENCODING = "The file is not text we can read (UTF-8, UTF-16 or Windows-1252 expected)."
ERR_BINARY = "This does not look like a diary file: it contains binary data."
ERR_NO_COLUMNS = "No columns found. A diary file needs a date and a pain column, like: date,pain"
REASON_UNREADABLE = "This row could not be read (a cell is too long or the quotes are broken)."
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
REASON_CONTROL = "This cell contains characters that are not text."
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
# ---------------------------------------------------------------------------------------------

OWN_FORMAT = "walking-coach"
SIMPLE_FORMAT = "date,pain"
PAIN_COLUMNS = ("at", "pain", "context", "location", "note", "walk_id", "red_flags")
WALK_COLUMNS = (
    "id", "started_at", "duration_s", "kind", "cadence_spm", "ramp_from_spm", "speed_kmh",
    "plan_name",
)  # fmt: skip
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""OWASP's list of first characters that make a spreadsheet treat a cell as a formula."""
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 200_000
MAX_CELL_CHARS = 10_000
MAX_REJECTED_LISTED = 500
"""Rejected rows beyond this are counted in `rejected_total` but not listed."""
DATE_ONLY_TIME = time(12, 0)
"""Rows with a date and no time are placed at noon local time."""
SNIFF_RECORDS = 20
DATE_HEADERS = frozenset({"date", "day", "datetime", "date/time", "date time", "time", "when"})
PAIN_HEADERS = frozenset({"pain", "pain level", "pain (0-10)", "score", "level", "rating"})
NOTE_HEADERS = frozenset({"note", "notes", "comment", "comments", "description"})

DiaryKey = tuple[int, int]
"""(minutes since 1970 UTC, pain): two ratings with the same key are the same rating."""

_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
    re.ASCII,
)
_NUMERIC = re.compile(
    r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?", re.ASCII
)
_PAIN = re.compile(r"\+?\d{1,3}(?:[.,]\d{1,6})?", re.ASCII)
_FLAG_KEY = re.compile(r"[a-z0-9_]{1,40}", re.ASCII)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DiaryImportError(Exception):
    """The whole file cannot be imported; the message says why, in plain words."""


@dataclass(frozen=True)
class RejectedRow:
    """A row that will not be imported: its row number (the header is row 1), column, reason."""

    row: int
    column: str
    reason: str


@dataclass(frozen=True)
class DuplicateRow:
    """A row skipped because the diary (or an earlier row) already has that rating."""

    row: int
    entry: PainEntry


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do; nothing is saved until the caller adds `to_add`."""

    file_format: str
    to_add: tuple[PainEntry, ...]
    duplicates: tuple[DuplicateRow, ...]
    rejected: tuple[RejectedRow, ...]
    rejected_total: int
    notes: tuple[str, ...]


def entry_key(entry: PainEntry) -> DiaryKey:
    """The duplicate-detection key of an entry: its UTC minute and its pain."""
    return (math.floor(entry.at.timestamp() / 60), entry.pain)


# --- Export ------------------------------------------------------------------------------------


def escape_cell(text: str) -> str:
    """The text, with a leading quote when a spreadsheet would run it or it starts with one."""
    return "'" + text if text.startswith((*FORMULA_TRIGGERS, "'")) else text


def unescape_cell(text: str) -> str:
    """Undo escape_cell (for our own format only)."""
    return text[1:] if text.startswith("'") else text


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([escape_cell(cell) for cell in row] for row in rows)
    # A BOM so spreadsheets read the file as UTF-8.
    return out.getvalue().encode("utf-8-sig")


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return value.isoformat() if isinstance(value, datetime) else str(value)


def export_pain_csv(entries: Iterable[PainEntry]) -> bytes:
    """All entries in our CSV format (UTF-8 with BOM), oldest first."""
    rows = (
        [
            _text(e.at),
            str(e.pain),
            e.context.value,
            _text(e.location and e.location.value),
            e.note,
            _text(e.walk_id),
            " ".join(sorted(e.red_flags)),
        ]
        for e in sorted(entries, key=lambda e: e.at)
    )
    return _csv_bytes(PAIN_COLUMNS, rows)


def export_walks_csv(walks: Iterable[WalkRecord]) -> bytes:
    """All walks as CSV (UTF-8 with BOM), oldest first; `id` matches the diary's walk_id."""
    rows = (
        [_text(getattr(w, name)) for name in WALK_COLUMNS]
        for w in sorted(walks, key=lambda w: w.started_at)
    )
    return _csv_bytes(WALK_COLUMNS, rows)


def _json_value(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, frozenset):
        return sorted(value)
    return value.isoformat() if isinstance(value, datetime) else value


def export_json(entries: Iterable[PainEntry], walks: Iterable[WalkRecord]) -> str:
    """All entries and walks as one JSON document (format "walking-coach", version 1)."""
    pain_fields = (*PAIN_COLUMNS, "id")
    document: dict[str, Any] = {
        "format": OWN_FORMAT,
        "version": 1,
        "pain_entries": [
            {name: _json_value(getattr(e, name)) for name in pain_fields}
            for e in sorted(entries, key=lambda e: e.at)
        ],
        "walks": [
            {name: _json_value(getattr(w, name)) for name in WALK_COLUMNS}
            for w in sorted(walks, key=lambda w: w.started_at)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)


# --- Import: decoding and splitting ----------------------------------------------------------


def decode_text(data: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252."""
    if len(data) > MAX_FILE_BYTES:
        size = f"{len(data) / 1024 / 1024:.0f}"
        raise DiaryImportError(ERR_TOO_BIG.format(size=size, limit=MAX_FILE_BYTES // 1024**2))
    attempts = ["utf-16", "utf-8", "cp1252"] if data[:2] in (b"\xff\xfe", b"\xfe\xff") else []
    attempts += ["utf-8-sig", "cp1252"]
    for encoding in attempts:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        text = text.removeprefix("\ufeff")
        if "\x00" in text:
            raise DiaryImportError(ERR_BINARY)
        if not text.strip():
            raise DiaryImportError(ERR_EMPTY)
        return text
    raise DiaryImportError(ERR_ENCODING)


@dataclass(frozen=True)
class _Record:
    row: int
    cells: tuple[str, ...] | None  # None: the csv module could not read it


def _records(text: str, delimiter: str, limit: int) -> Iterator[_Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    row = 0
    while row < limit:
        row += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield _Record(row, None)
            continue
        yield _Record(row, tuple(cells))


def _blank(cells: tuple[str, ...]) -> bool:
    return all(not c.strip() for c in cells)


def _name(cell: str) -> str:
    return " ".join(cell.strip().strip('"').lower().split())


def _is_header(cells: tuple[str, ...]) -> bool:
    names = {_name(c) for c in cells}
    return ("at" in names and "pain" in names) or bool(
        names & DATE_HEADERS and names & PAIN_HEADERS
    )


def _looks_like_data(cells: tuple[str, ...]) -> bool:
    if len(cells) < 2:
        return False
    first, second = cells[0].strip(), cells[1].strip()
    return bool((_ISO.fullmatch(first) or _NUMERIC.fullmatch(first)) and _PAIN.fullmatch(second))


def sniff_delimiter(text: str) -> str:
    """The delimiter (comma, semicolon or tab) that makes the first rows read as a diary."""
    best, best_score = ",", -1
    for delimiter in (",", ";", "\t"):
        score = 0
        for record in _records(text, delimiter, SNIFF_RECORDS):
            cells = record.cells
            if cells is None or _blank(cells):
                continue
            if _is_header(cells) or _looks_like_data(cells):
                score += 1000
            elif len(cells) >= 2:
                score += 1
        if score > best_score:
            best, best_score = delimiter, score
    return best


# --- Import: layout, dates, rows -------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    file_format: str
    columns: dict[str, int]  # logical name -> position
    names: dict[str, str]  # logical name -> the name shown in messages
    has_header: bool
    note: str | None


def _layout(cells: tuple[str, ...]) -> _Layout:
    names = [_name(c) for c in cells]
    shown = {n: c.strip()[:40] for n, c in zip(names, cells, strict=True)}
    if "at" in names and "pain" in names:
        columns = {n: names.index(n) for n in PAIN_COLUMNS if n in names}
        return _Layout(OWN_FORMAT, columns, {n: n for n in columns}, True, None)
    if _is_header(cells):
        picks = {"date": DATE_HEADERS, "pain": PAIN_HEADERS, "note": NOTE_HEADERS}
        columns = {}
        for logical, accepted in picks.items():
            found = [i for i, n in enumerate(names) if n in accepted]
            if found:
                columns[logical] = found[0]
        display = {k: shown[names[i]] or k for k, i in columns.items()}
        return _Layout(SIMPLE_FORMAT, columns, display, True, None)
    if len(cells) < 2:
        raise DiaryImportError(ERR_NO_COLUMNS)
    positional = {"date": 0, "pain": 1, "note": 2}
    plain = {k: k for k in positional}
    if not _looks_like_data(cells) and not any(ch.isdigit() for ch in "".join(cells[:2])):
        return _Layout(SIMPLE_FORMAT, positional, plain, True, NOTE_HEADER_GUESSED)
    return _Layout(SIMPLE_FORMAT, positional, plain, False, NOTE_NO_HEADER)


def _shown(cell: str) -> str:
    text = _CONTROL.sub("?", cell.strip())
    return f'"{text[:30]}…"' if len(text) > 30 else f'"{text}"'


def _numeric_parts(cell: str) -> tuple[int, int] | None:
    match = _NUMERIC.fullmatch(cell.strip())
    if match is None or match.group(2) == ".":
        return None
    return int(match.group(1)), int(match.group(3))


def date_order_from(cells: Iterable[str]) -> tuple[bool | None, bool]:
    """(day_first, mixed) inferred from numeric dates such as 13/04/2026 in one file."""
    parts = [p for p in map(_numeric_parts, cells) if p is not None]
    day_first = any(a > 12 >= b for a, b in parts)
    month_first = any(b > 12 >= a for a, b in parts)
    if day_first and month_first:
        return None, True
    return (True if day_first else False if month_first else None), False


def _readable_day(day: int, month: int, year: int) -> str:
    return f"{day} {MONTHS[month - 1]} {year}" if 1 <= month <= 12 else f"{day}/{month}/{year}"


def _parse_numeric(
    match: re.Match[str], day_first: bool | None, mixed: bool, shown: str
) -> tuple[int, int, int] | str:
    a, sep, b, year = int(match[1]), match[2], int(match[3]), int(match[4])
    if sep == "." or a > 12:
        return a, b, year
    if b > 12 or a == b:
        return b, a, year
    if day_first is not None:
        return (a, b, year) if day_first else (b, a, year)
    template = REASON_MIXED if mixed else REASON_AMBIGUOUS
    first, second = _readable_day(a, b, year), _readable_day(b, a, year)
    return template.format(shown=shown, first=first, second=second)


def parse_when(
    cell: str, tz: tzinfo, day_first: bool | None = None, mixed: bool = False
) -> datetime | str:
    """The cell as an aware datetime (naive times are local in tz), or the reason it is not."""
    text, shown = cell.strip(), _shown(cell)
    try:
        if _ISO.fullmatch(text):
            when = datetime.fromisoformat(text.replace("Z", "+00:00"))
            if len(text) == 10:
                when = datetime.combine(when.date(), DATE_ONLY_TIME)
        elif match := _NUMERIC.fullmatch(text):
            parsed = _parse_numeric(match, day_first, mixed, shown)
            if isinstance(parsed, str):
                return parsed
            day, month, year = parsed
            hour, minute, second = (int(match[k] or 0) for k in (5, 6, 7))
            clock = time(hour, minute, second) if match[5] else DATE_ONLY_TIME
            when = datetime(year, month, day).replace(
                hour=clock.hour, minute=clock.minute, second=clock.second
            )
        else:
            return REASON_DATE.format(shown=shown)
    except (ValueError, OverflowError):
        return REASON_BAD_DAY.format(shown=shown)
    if not 1900 <= when.year <= 2100:
        return REASON_YEARS.format(shown=shown)
    return when.replace(tzinfo=tz) if when.tzinfo is None else when


def parse_pain(cell: str) -> int | str:
    """The cell as a whole 0-10 rating ("4", "4.0", "4,0"), or the reason it is not."""
    text = cell.strip()
    if _PAIN.fullmatch(text):
        try:
            return check_pain_value(float(text.replace(",", ".")))
        except PainEntryError:
            pass
    return REASON_PAIN.format(shown=_shown(cell))


def _choice(value: str, logical: str, fields: dict[str, Any]) -> str | None:
    """Put the context or location into fields; return a reason when it is not a known one."""
    choices: type[PainContext] | type[PainLocation]
    choices = PainContext if logical == "context" else PainLocation
    try:
        fields[logical] = choices(value.strip())
    except ValueError:
        names = ", ".join(c.value for c in choices)
        return REASON_CHOICE.format(shown=_shown(value), choices=names)
    return None


@dataclass
class _RowReader:
    layout: _Layout
    tz: tzinfo
    now: datetime | None
    day_first: bool | None
    mixed: bool
    known_walk_ids: Collection[int]
    dropped_walk_links: int = 0

    def read(self, row: int, cells: tuple[str, ...]) -> PainEntry | RejectedRow:
        """One data row as an entry, or the first problem found in it."""
        own = self.layout.file_format == OWN_FORMAT
        values: dict[str, str] = {}
        for logical, index in self.layout.columns.items():
            cell = cells[index] if index < len(cells) else ""
            if len(cell) > MAX_CELL_CHARS:
                reason = REASON_TOO_LONG.format(length=len(cell), limit=MAX_CELL_CHARS)
                return self._reject(row, logical, reason)
            values[logical] = unescape_cell(cell) if own else cell
        fields: dict[str, Any] = {}
        for logical, value in values.items():
            problem = self._field(logical, value, fields)
            if problem is not None:
                return self._reject(row, logical, problem)
        for required in ("at", "pain"):
            if required not in fields:
                column = "date" if required == "at" and not own else required
                return self._reject(row, column, REASON_MISSING.format(column=column))
        try:
            return PainEntry(**fields)
        except (PainEntryError, ValueError, TypeError) as error:
            return self._reject(row, "", str(error))

    def _reject(self, row: int, logical: str, reason: str) -> RejectedRow:
        return RejectedRow(row, self.layout.names.get(logical, logical), reason)

    def _field(self, logical: str, value: str, fields: dict[str, Any]) -> str | None:
        """Put the parsed value into fields; return a reason when it cannot be parsed."""
        parsed: Any
        if logical in ("at", "date"):
            if not value.strip():
                return REASON_MISSING.format(column=self.layout.names.get(logical, logical))
            parsed = parse_when(value, self.tz, self.day_first, self.mixed)
            if isinstance(parsed, datetime) and self.now is not None and parsed > self.now:
                return REASON_FUTURE.format(shown=_shown(value))
            logical = "at"
        elif logical == "pain":
            if not value.strip():
                return REASON_MISSING.format(column=self.layout.names.get(logical, logical))
            parsed = parse_pain(value)
        elif logical == "note":
            return self._note(value, fields)
        elif not value.strip():
            return None
        elif logical in ("context", "location"):
            return _choice(value, logical, fields)
        elif logical == "walk_id":
            return self._walk_id(value, fields)
        else:
            return self._flags(value, fields)
        if isinstance(parsed, str):
            return parsed
        fields[logical] = parsed
        return None

    def _note(self, value: str, fields: dict[str, Any]) -> str | None:
        note = value if self.layout.file_format == OWN_FORMAT else value.strip()
        if len(note) > NOTE_MAX_CHARS:
            return REASON_TOO_LONG.format(length=len(note), limit=NOTE_MAX_CHARS)
        if _CONTROL.search(note):
            return REASON_CONTROL
        fields["note"] = note
        return None

    def _walk_id(self, value: str, fields: dict[str, Any]) -> str | None:
        text = value.strip()
        if not re.fullmatch(r"\d{1,15}", text, re.ASCII):
            return REASON_WALK_ID.format(shown=_shown(value))
        if int(text) in self.known_walk_ids:
            fields["walk_id"] = int(text)
        else:
            self.dropped_walk_links += 1
        return None

    def _flags(self, value: str, fields: dict[str, Any]) -> str | None:
        keys = value.split()
        if not all(_FLAG_KEY.fullmatch(k) for k in keys):
            return REASON_FLAGS.format(shown=_shown(value))
        fields["red_flags"] = frozenset(keys)
        return None


def preview_import(
    data: bytes,
    tz: tzinfo,
    existing_keys: Collection[DiaryKey] = frozenset(),
    *,
    now: datetime | None = None,
    day_first: bool | None = None,
    known_walk_ids: Collection[int] = frozenset(),
) -> ImportPreview:
    """What importing this diary CSV would add, skip as duplicate and reject, and why.

    `existing_keys` are `entry_key`s of the diary's entries; `now` (aware) rejects future
    rows; `day_first` settles dates like 05/04/2026 when the file cannot (None: infer).
    A naive `now` is a programming error (ValueError), not a problem of the file.
    """
    if now is not None and now.utcoffset() is None:
        raise ValueError("now must include its time zone")
    text = decode_text(data)
    delimiter = sniff_delimiter(text)
    records = list(_records(text, delimiter, MAX_ROWS + 1))
    if len(records) > MAX_ROWS:
        raise DiaryImportError(ERR_TOO_MANY_ROWS.format(limit=f"{MAX_ROWS:,}"))
    body = [r for r in records if r.cells is None or not _blank(r.cells)]
    first = next((i for i, r in enumerate(body) if r.cells is not None), None)
    if first is None:
        raise DiaryImportError(ERR_NO_COLUMNS)
    layout = _layout(body[first].cells or ())
    if layout.has_header:
        del body[first]
    date_column = layout.columns.get("date", layout.columns.get("at", 0))
    inferred, mixed = date_order_from(
        r.cells[date_column] for r in body if r.cells is not None and date_column < len(r.cells)
    )
    reader = _RowReader(
        layout, tz, now, day_first if day_first is not None else inferred, mixed, known_walk_ids
    )
    return _collect(body, reader, existing_keys, delimiter, inferred if day_first is None else None)


def _collect(
    body: list[_Record],
    reader: _RowReader,
    existing_keys: Collection[DiaryKey],
    delimiter: str,
    inferred: bool | None,
) -> ImportPreview:
    to_add: list[PainEntry] = []
    duplicates: list[DuplicateRow] = []
    rejected: list[RejectedRow] = []
    total_rejected = 0
    seen: set[DiaryKey] = set()
    for record in body:
        if record.cells is None:
            result: PainEntry | RejectedRow = RejectedRow(record.row, "", REASON_UNREADABLE)
        else:
            result = reader.read(record.row, record.cells)
        if isinstance(result, RejectedRow):
            total_rejected += 1
            if len(rejected) < MAX_REJECTED_LISTED:
                rejected.append(result)
            continue
        key = entry_key(result)
        if key in seen or key in existing_keys:
            duplicates.append(DuplicateRow(record.row, result))
        else:
            seen.add(key)
            to_add.append(result)
    notes = [reader.layout.note, NOTE_DELIMITER.get(delimiter)]
    notes.append({True: NOTE_DAY_FIRST, False: NOTE_MONTH_FIRST, None: None}[inferred])
    if reader.dropped_walk_links:
        notes.append(NOTE_WALK_LINKS.format(count=reader.dropped_walk_links))
    return ImportPreview(
        reader.layout.file_format,
        tuple(to_add),
        tuple(duplicates),
        tuple(rejected),
        total_rejected,
        tuple(n for n in notes if n),
    )
