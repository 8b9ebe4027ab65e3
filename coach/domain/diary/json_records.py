"""The app's own JSON export read back as import records, so import treats it like our CSV.

Each entry of `pain_entries` becomes one record of the CSV columns (escaped as the CSV
export escapes them), after a header record; coach.domain.diary.import_preview then reads, checks
and previews them exactly as it reads our CSV. Walks are not imported, as from CSV.
"""

from __future__ import annotations

import json
from typing import Any

from coach.domain.diary.decoding import DiaryImportError, Record
from coach.domain.diary.export import escape_cell
from coach.domain.diary.file_format import OWN_FORMAT, PAIN_COLUMNS
from coach.domain.diary.import_texts import ERR_JSON, ERR_JSON_FORMAT

_NUMBERS = frozenset({"pain", "walk_id"})


def looks_like_json(text: str) -> bool:
    """True when the text starts like a JSON object (our JSON export does)."""
    return text.lstrip("\ufeff \t\r\n").startswith("{")


def json_records(text: str) -> list[Record]:
    """A header record and one record per diary entry; DiaryImportError for a bad document."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise DiaryImportError(ERR_JSON.format(problem=_short(error))) from None
    if not isinstance(document, dict) or document.get("format") != OWN_FORMAT:
        raise DiaryImportError(ERR_JSON_FORMAT)
    entries = document.get("pain_entries")
    if not isinstance(entries, list):
        raise DiaryImportError(ERR_JSON_FORMAT)
    records = [Record(1, PAIN_COLUMNS)]
    for number, entry in enumerate(entries, start=2):
        cells = _cells(entry) if isinstance(entry, dict) else None
        records.append(Record(number, cells))  # None: read as an unreadable row
    return records


def _cells(entry: dict[str, Any]) -> tuple[str, ...] | None:
    """The entry as the CSV export writes its row, or None when a value has the wrong kind."""
    cells: list[str] = []
    for name in PAIN_COLUMNS:
        value = entry.get(name)
        if value is None:
            cells.append("")
        elif name == "red_flags":
            if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
                return None
            cells.append(escape_cell(" ".join(value)))
        elif isinstance(value, str):
            cells.append(escape_cell(value))
        elif name in _NUMBERS and isinstance(value, int | float):
            cells.append(json.dumps(value))  # true/false are refused as a pain by its check
        else:
            return None
    return tuple(cells)


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:120]
