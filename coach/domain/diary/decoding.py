"""Reading a diary file's bytes into rows: decoding, delimiter sniffing and column layout.

Only DiaryImportError escapes, and only for whole-file problems.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from coach.domain.diary.file_format import OWN_FORMAT, PAIN_COLUMNS, SIMPLE_FORMAT
from coach.domain.diary.import_texts import (
    ERR_BINARY,
    ERR_DUPLICATE_COLUMN,
    ERR_EMPTY,
    ERR_ENCODING,
    ERR_NO_COLUMNS,
    ERR_TOO_BIG,
    NOTE_HEADER_GUESSED,
    NOTE_NO_HEADER,
)
from coach.domain.file_reading import FileRefusedError, read_regular_file

MAX_FILE_BYTES = 10 * 1024 * 1024
SNIFF_RECORDS = 20
DATE_HEADERS = frozenset({"date", "day", "datetime", "date/time", "date time", "time", "when"})
PAIN_HEADERS = frozenset({"pain", "pain level", "pain (0-10)", "score", "level", "rating"})
NOTE_HEADERS = frozenset({"note", "notes", "comment", "comments", "description"})
ISO_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
    re.ASCII,
)
"""An ISO 8601 date, optionally with a time and a UTC offset."""
NUMERIC_DATE = re.compile(
    r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?", re.ASCII
)
"""A date like 29/03/2026, 03-29-2026 or 29.03.2026, optionally with a time."""
PAIN_NUMBER = re.compile(r"\+?\d{1,3}(?:[.,]\d{1,6})?", re.ASCII)
"""A pain value as written: "4", "+4", "4.0" or "4,0"."""


class DiaryImportError(Exception):
    """The whole file cannot be imported; the message says why, in plain words."""


def read_diary_file(path: Path) -> bytes:
    """The file's bytes, if it is a regular file within the limit; DiaryImportError otherwise.

    A link, a FIFO or a device (/dev/zero) is refused before reading, and a file too big
    is refused with its true size, so nothing ever hangs or fills the memory.
    """
    try:
        return read_regular_file(path, MAX_FILE_BYTES)
    except FileRefusedError as error:
        if error.size is not None:
            raise DiaryImportError(f"{path}: {_too_big(error.size)}") from None
        raise DiaryImportError(f"{path} {error}") from None
    except ValueError:  # a path with a NUL byte in it
        raise DiaryImportError(f"{path!r} is not a valid file name.") from None


def _too_big(size: int) -> str:
    return ERR_TOO_BIG.format(size=f"{size / 1024**2:.1f}", limit=MAX_FILE_BYTES // 1024**2)


def decode_text(data: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252."""
    if len(data) > MAX_FILE_BYTES:
        raise DiaryImportError(_too_big(len(data)))
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
class Record:
    """One CSV record: its row number and cells."""

    row: int
    cells: tuple[str, ...] | None  # None: the csv module could not read it


def read_records(text: str, delimiter: str, limit: int) -> Iterator[Record]:
    """The first `limit` records of the text; a record the csv module cannot read has no cells."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    row = 0
    while row < limit:
        row += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield Record(row, None)
            continue
        yield Record(row, tuple(cells))


def is_blank(cells: tuple[str, ...]) -> bool:
    """Whether every cell is empty or white space."""
    return all(not c.strip() for c in cells)


def _name(cell: str) -> str:
    return " ".join(cell.strip().strip('"').lower().split())


def is_header(cells: tuple[str, ...]) -> bool:
    """Whether the cells name a date and a pain column (ours: "at" and "pain")."""
    names = {_name(c) for c in cells}
    return ("at" in names and "pain" in names) or bool(
        names & DATE_HEADERS and names & PAIN_HEADERS
    )


def looks_like_data(cells: tuple[str, ...]) -> bool:
    """Whether the first two cells read as a date and a pain value."""
    if len(cells) < 2:
        return False
    first, second = cells[0].strip(), cells[1].strip()
    return bool(
        (ISO_DATE.fullmatch(first) or NUMERIC_DATE.fullmatch(first))
        and PAIN_NUMBER.fullmatch(second)
    )


def sniff_delimiter(text: str) -> str:
    """The delimiter (comma, semicolon or tab) that makes the first rows read as a diary."""
    best, best_score = ",", -1
    for delimiter in (",", ";", "\t"):
        score = 0
        for record in read_records(text, delimiter, SNIFF_RECORDS):
            cells = record.cells
            if cells is None or is_blank(cells):
                continue
            if is_header(cells) or looks_like_data(cells):
                score += 1000
            elif len(cells) >= 2:
                score += 1
        if score > best_score:
            best, best_score = delimiter, score
    return best


@dataclass(frozen=True)
class Layout:
    """Which columns hold what, and whether the first record is a header."""

    file_format: str
    columns: dict[str, int]  # logical name -> position
    names: dict[str, str]  # logical name -> the name shown in messages
    has_header: bool
    note: str | None


def _refuse_repeats(cells: tuple[str, ...], names: list[str], known: frozenset[str]) -> None:
    """Refuse a header naming a column we read twice: which one to use would be a guess.

    Only the same name counts ("pain,pain"); "date,time" are different columns.
    """
    for name in dict.fromkeys(n for n in names if n in known):
        found = [i for i, n in enumerate(names) if n == name]
        if len(found) > 1:
            where = " and ".join(str(i + 1) for i in found)
            shown = cells[found[0]].strip()[:40]
            raise DiaryImportError(ERR_DUPLICATE_COLUMN.format(name=shown, where=where))


def read_layout(cells: tuple[str, ...]) -> Layout:
    """The layout given by the first non-blank record (a header, or data read by position)."""
    names = [_name(c) for c in cells]
    shown = {n: c.strip()[:40] for n, c in zip(names, cells, strict=True)}
    if "at" in names and "pain" in names:
        _refuse_repeats(cells, names, frozenset(PAIN_COLUMNS))
        columns = {n: names.index(n) for n in PAIN_COLUMNS if n in names}
        return Layout(OWN_FORMAT, columns, {n: n for n in columns}, True, None)
    if is_header(cells):
        picks = {"date": DATE_HEADERS, "pain": PAIN_HEADERS, "note": NOTE_HEADERS}
        _refuse_repeats(cells, names, DATE_HEADERS | PAIN_HEADERS | NOTE_HEADERS)
        columns = {}
        for logical, accepted in picks.items():
            found = [i for i, n in enumerate(names) if n in accepted]
            if found:
                columns[logical] = found[0]
        display = {k: shown[names[i]] or k for k, i in columns.items()}
        return Layout(SIMPLE_FORMAT, columns, display, True, None)
    if len(cells) < 2:
        raise DiaryImportError(ERR_NO_COLUMNS)
    positional = {"date": 0, "pain": 1, "note": 2}
    plain = {k: k for k in positional}
    if not looks_like_data(cells) and not any(ch.isdigit() for ch in "".join(cells[:2])):
        return Layout(SIMPLE_FORMAT, positional, plain, True, NOTE_HEADER_GUESSED)
    return Layout(SIMPLE_FORMAT, positional, plain, False, NOTE_NO_HEADER)
