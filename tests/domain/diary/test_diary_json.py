"""The app's JSON export imports like our CSV; anything else gets a clear message."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from coach.domain.diary.decoding import DiaryImportError
from coach.domain.diary.export import export_json
from coach.domain.diary.import_preview import preview_import
from coach.domain.pain import PainEntry

AT = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "walking-coach", "pain_entries": [', "cannot be read"),
        ('{"format": "something-else", "pain_entries": []}', "not a Walking Coach export"),
        ('{"format": "walking-coach"}', "not a Walking Coach export"),
        ('{"format": "walking-coach", "pain_entries": {}}', "not a Walking Coach export"),
        ('{"a": ' * 100_000, "cannot be read"),
    ],
)
def test_a_json_file_that_is_not_our_export_is_refused(text: str, message: str) -> None:
    with pytest.raises(DiaryImportError, match=message):
        preview_import(text.encode(), UTC)


def test_bad_entries_are_rejected_with_their_row_like_csv_rows() -> None:
    document = json.loads(export_json([PainEntry(at=AT, pain=3, note="fine")], []))
    document["pain_entries"] += [
        "not an object",
        {"at": AT.isoformat(), "pain": 11},
        {"at": AT.isoformat(), "pain": True},
        {"at": "yesterday", "pain": 2},
        {"at": AT.isoformat(), "pain": 4, "note": {"deep": ["x"]}},
        {"at": AT.isoformat(), "pain": 5, "red_flags": "leg_weakness"},
    ]
    preview = preview_import(json.dumps(document).encode(), UTC)
    assert [e.note for e in preview.to_add] == ["fine"]
    rows = {r.row: r.column for r in preview.rejected}
    assert rows == {3: "", 4: "pain", 5: "pain", 6: "at", 7: "", 8: ""}
