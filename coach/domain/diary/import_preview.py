"""A pure preview of a diary import (CSV, or our JSON export): what would be added, skipped
and rejected, and why.

Only DiaryImportError escapes, and only for whole-file problems; a bad row becomes a
RejectedRow with its row, column and reason. The caller (storage) adds
`ImportPreview.to_add` in one transaction. docs/trends.md lists the rules for dates.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from coach.domain.diary.cells import (
    CONTROL_CHARS,
    date_order_from,
    parse_pain,
    parse_when,
    shown_cell,
)
from coach.domain.diary.decoding import (
    DiaryImportError,
    Layout,
    Record,
    decode_text,
    is_blank,
    read_layout,
    read_records,
    sniff_delimiter,
)
from coach.domain.diary.export import unescape_cell
from coach.domain.diary.file_format import OWN_FORMAT, DiaryKey, entry_key
from coach.domain.diary.import_texts import (
    ERR_NO_COLUMNS,
    ERR_TOO_MANY_ROWS,
    NOTE_DAY_FIRST,
    NOTE_DELIMITER,
    NOTE_MONTH_FIRST,
    NOTE_WALK_LINKS,
    REASON_CHOICE,
    REASON_CONTROL,
    REASON_FLAGS,
    REASON_FUTURE,
    REASON_MISSING,
    REASON_TOO_LONG,
    REASON_UNREADABLE,
    REASON_WALK_ID,
)
from coach.domain.diary.json_records import json_records, looks_like_json
from coach.domain.pain import NOTE_MAX_CHARS, PainContext, PainEntry, PainEntryError, PainLocation

MAX_ROWS = 200_000
MAX_CELL_CHARS = 10_000
MAX_REJECTED_LISTED = 500
"""Rejected rows beyond this are counted in `rejected_total` but not listed."""
_FLAG_KEY = re.compile(r"[a-z0-9_]{1,40}", re.ASCII)


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


def _choice(value: str, logical: str, fields: dict[str, Any]) -> str | None:
    """Put the context or location into fields; return a reason when it is not a known one."""
    choices: type[PainContext] | type[PainLocation]
    choices = PainContext if logical == "context" else PainLocation
    try:
        fields[logical] = choices(value.strip())
    except ValueError:
        names = ", ".join(c.value for c in choices)
        return REASON_CHOICE.format(shown=shown_cell(value), choices=names)
    return None


@dataclass
class _RowReader:
    layout: Layout
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
                return REASON_FUTURE.format(shown=shown_cell(value))
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
        if CONTROL_CHARS.search(note):
            return REASON_CONTROL
        fields["note"] = note
        return None

    def _walk_id(self, value: str, fields: dict[str, Any]) -> str | None:
        text = value.strip()
        if not re.fullmatch(r"\d{1,15}", text, re.ASCII):
            return REASON_WALK_ID.format(shown=shown_cell(value))
        if int(text) in self.known_walk_ids:
            fields["walk_id"] = int(text)
        else:
            self.dropped_walk_links += 1
        return None

    def _flags(self, value: str, fields: dict[str, Any]) -> str | None:
        keys = value.split()
        if not all(_FLAG_KEY.fullmatch(k) for k in keys):
            return REASON_FLAGS.format(shown=shown_cell(value))
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
    if looks_like_json(text):  # our JSON export: the same rows as our CSV
        delimiter, records = ",", json_records(text)[: MAX_ROWS + 1]
    else:
        delimiter = sniff_delimiter(text)
        records = list(read_records(text, delimiter, MAX_ROWS + 1))
    if len(records) > MAX_ROWS:
        raise DiaryImportError(ERR_TOO_MANY_ROWS.format(limit=f"{MAX_ROWS:,}"))
    body = [r for r in records if r.cells is None or not is_blank(r.cells)]
    first = next((i for i, r in enumerate(body) if r.cells is not None), None)
    if first is None:
        raise DiaryImportError(ERR_NO_COLUMNS)
    layout = read_layout(body[first].cells or ())
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
    body: list[Record],
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
