"""Diary export as CSV and JSON (pure: bytes and text out, nothing written).

Cells a spreadsheet would run as a formula get a leading single quote; our importer
(coach.domain.diary.import_preview) takes it off again.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from coach.domain.diary.file_format import FORMULA_TRIGGERS, OWN_FORMAT, PAIN_COLUMNS, WALK_COLUMNS
from coach.domain.pain import PainEntry
from coach.domain.walks import WalkRecord


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
