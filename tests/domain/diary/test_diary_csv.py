"""Diary export and the import preview: formats, dates, escaping, duplicates, rejections."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from coach.domain.diary import cells
from coach.domain.diary import decoding as dec
from coach.domain.diary import export as ex
from coach.domain.diary import file_format as fmt
from coach.domain.diary import import_preview as d
from coach.domain.diary import import_texts as msg
from coach.domain.pain import PainContext, PainEntry, PainLocation
from coach.domain.walks import WalkKind, WalkRecord

BERLIN = ZoneInfo("Europe/Berlin")


def preview(text: str, **kwargs: object) -> d.ImportPreview:
    return d.preview_import(text.encode("utf-8"), BERLIN, **kwargs)  # type: ignore[arg-type]


def cells_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


ENTRIES = [
    PainEntry(
        at=datetime(2026, 3, 29, 8, 15, tzinfo=BERLIN),
        pain=6,
        context=PainContext.ON_WAKING,
        location=PainLocation.LOWER_BACK_LEFT,
        note='=HYPERLINK("http://x")',
        walk_id=3,
        red_flags=frozenset({"trauma", "leg_weakness"}),
    ),
    PainEntry(
        at=datetime(2026, 3, 30, 21, 0, 0, 123456, tzinfo=UTC), pain=0, note="-2 after, stiff"
    ),
    PainEntry(
        at=datetime(2026, 3, 28, 7, 0, tzinfo=timezone(timedelta(hours=-5))),
        pain=10,
        note='line one\nline two, "quoted"; semi\ttab',
        context=PainContext.AFTER_WALK,
    ),
    PainEntry(at=datetime(2026, 3, 31, 7, 0, tzinfo=BERLIN), pain=3, note="'already quoted"),
]


# --- Export ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("=1+1", "'=1+1"),
        ("+49 123", "'+49 123"),
        ("-2 after", "'-2 after"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("'quoted", "''quoted"),
        ("fine = ok", "fine = ok"),
        ("", ""),
    ],
)
def test_escape_cell(text: str, escaped: str) -> None:
    assert ex.escape_cell(text) == escaped
    assert ex.unescape_cell(escaped) == text


def test_pain_csv_export_layout_and_escaping() -> None:
    data = ex.export_pain_csv(ENTRIES)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM so spreadsheets read UTF-8
    rows = cells_of(data)
    assert rows[0] == list(fmt.PAIN_COLUMNS)
    assert [r[0] for r in rows[1:]] == [
        "2026-03-28T07:00:00-05:00",
        "2026-03-29T08:15:00+02:00",
        "2026-03-30T21:00:00.123456+00:00",
        "2026-03-31T07:00:00+02:00",
    ]
    assert rows[2] == [
        "2026-03-29T08:15:00+02:00", "6", "on_waking", "lower_back_left",
        "'=HYPERLINK(\"http://x\")", "3", "leg_weakness trauma",
    ]  # fmt: skip
    assert rows[3][4] == "'-2 after, stiff"
    assert rows[4][4] == "''already quoted"
    for row in rows:
        for cell in row:
            assert not cell.startswith(fmt.FORMULA_TRIGGERS)


def test_walks_csv_and_json_export() -> None:
    walk = WalkRecord(
        started_at=datetime(2026, 3, 29, 10, tzinfo=BERLIN), duration_s=1800.0,
        kind=WalkKind.GUIDED, cadence_spm=112.0, speed_kmh=float("nan"), plan_name="=evil", id=3,
    )  # fmt: skip
    rows = cells_of(ex.export_walks_csv([walk]))
    assert rows == [
        list(fmt.WALK_COLUMNS),
        ["3", "2026-03-29T10:00:00+02:00", "1800.0", "guided", "112.0", "", "", "'=evil",
         "", "", "", "", ""],
    ]  # fmt: skip
    document = json.loads(ex.export_json(ENTRIES, [walk]))
    assert document["format"] == "walking-coach" and document["version"] == 1
    assert document["walks"][0]["speed_kmh"] is None  # NaN is not valid JSON
    assert document["walks"][0]["plan_name"] == "=evil"  # JSON is not a spreadsheet
    first = document["pain_entries"][1]
    assert first == {
        "at": "2026-03-29T08:15:00+02:00", "pain": 6, "context": "on_waking",
        "location": "lower_back_left", "note": "=HYPERLINK(\"http://x\")", "walk_id": 3,
        "red_flags": ["leg_weakness", "trauma"], "id": None,
    }  # fmt: skip


def comparable(entry: PainEntry) -> tuple[object, ...]:
    return (entry.at.astimezone(UTC), entry.pain, entry.context, entry.location, entry.note,
            entry.walk_id, entry.red_flags)  # fmt: skip


def test_round_trip_gives_the_same_entries() -> None:
    result = d.preview_import(ex.export_pain_csv(ENTRIES), BERLIN, known_walk_ids={3})
    assert result.file_format == fmt.OWN_FORMAT
    assert result.rejected == () and result.duplicates == ()
    assert sorted(map(comparable, result.to_add)) == sorted(map(comparable, ENTRIES))
    assert result.to_add[1].at.utcoffset() == timedelta(hours=2)


def test_reimport_is_all_duplicates() -> None:
    keys = {fmt.entry_key(e) for e in ENTRIES}
    result = d.preview_import(ex.export_pain_csv(ENTRIES), BERLIN, keys)
    assert result.to_add == ()
    assert [dup.row for dup in result.duplicates] == [2, 3, 4, 5]


def test_unknown_walk_links_are_left_out_and_said_so() -> None:
    result = d.preview_import(ex.export_pain_csv(ENTRIES), BERLIN)
    assert all(e.walk_id is None for e in result.to_add)
    assert "1 links to walks were left out: those walks are not in this diary." in result.notes


# --- Import: simple format and its dates --------------------------------------------------------


def test_simple_format_with_header_and_notes() -> None:
    result = preview("date,pain,note\n2026-03-01,4,slept badly\n2026-03-02 07:30,3,\n")
    assert result.file_format == fmt.SIMPLE_FORMAT
    assert [(e.at, e.pain, e.note) for e in result.to_add] == [
        (datetime(2026, 3, 1, 12, 0, tzinfo=BERLIN), 4, "slept badly"),
        (datetime(2026, 3, 2, 7, 30, tzinfo=BERLIN), 3, ""),
    ]
    assert result.notes == ()


def test_simple_format_keeps_quote_characters() -> None:
    # Other apps do not escape; only our own format's leading quote is ours to remove.
    result = preview("date,pain,note\n2026-03-01,4,'=x\n")
    assert result.to_add[0].note == "'=x"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2026-03-29", datetime(2026, 3, 29, 12, tzinfo=BERLIN)),
        ("2026-03-29 08:15", datetime(2026, 3, 29, 8, 15, tzinfo=BERLIN)),
        ("2026-03-29T08:15:30", datetime(2026, 3, 29, 8, 15, 30, tzinfo=BERLIN)),
        ("2026-03-29T06:15Z", datetime(2026, 3, 29, 6, 15, tzinfo=UTC)),
        ("2026-03-29T08:15:00+02:00", datetime(2026, 3, 29, 6, 15, tzinfo=UTC)),
        ("29.03.2026", datetime(2026, 3, 29, 12, tzinfo=BERLIN)),
        ("05.04.2026 07:05", datetime(2026, 4, 5, 7, 5, tzinfo=BERLIN)),
        ("29/03/2026", datetime(2026, 3, 29, 12, tzinfo=BERLIN)),
        ("03/29/2026 21:10", datetime(2026, 3, 29, 21, 10, tzinfo=BERLIN)),
        ("04/04/2026", datetime(2026, 4, 4, 12, tzinfo=BERLIN)),
    ],
)
def test_date_formats(cell: str, expected: datetime) -> None:
    assert cells.parse_when(cell, BERLIN) == expected


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("31/02/2026", '"31/02/2026" is not a real date and time.'),
        ("2026-02-30", '"2026-02-30" is not a real date and time.'),
        ("29/03/2026 25:00", '"29/03/2026 25:00" is not a real date and time.'),
        ("1850-01-01", '"1850-01-01" is outside the years 1900 to 2100.'),
        ("yesterday", msg.REASON_DATE.format(shown='"yesterday"')),
        ("05/04/2026", '"05/04/2026" could be 5 April 2026 or 4 May 2026. Write dates like '
         "2026-03-29, or choose the date order when importing."),
    ],
)  # fmt: skip
def test_date_rejections(cell: str, reason: str) -> None:
    assert cells.parse_when(cell, BERLIN) == reason


def test_day_first_inferred_per_file() -> None:
    result = preview("date,pain\n05/04/2026,3\n13/04/2026,2\n")
    assert [e.at.date().isoformat() for e in result.to_add] == ["2026-04-05", "2026-04-13"]
    assert msg.NOTE_DAY_FIRST in result.notes


def test_month_first_inferred_per_file() -> None:
    result = preview("date,pain\n05/04/2026,3\n04/13/2026,2\n")
    assert [e.at.date().isoformat() for e in result.to_add] == ["2026-05-04", "2026-04-13"]
    assert msg.NOTE_MONTH_FIRST in result.notes


def test_ambiguous_file_rejects_ambiguous_rows_unless_told() -> None:
    text = "date,pain\n05/04/2026,3\n06/06/2026,2\n2026-06-07,1\n"
    result = preview(text)
    assert [e.pain for e in result.to_add] == [2, 1]
    assert result.rejected == (
        d.RejectedRow(2, "date", msg.REASON_AMBIGUOUS.format(
            shown='"05/04/2026"', first="5 April 2026", second="4 May 2026")),
    )  # fmt: skip
    told = preview(text, day_first=False)
    assert told.to_add[0].at.date().isoformat() == "2026-05-04" and told.rejected == ()


def test_mixed_orders_reject_the_ambiguous_rows() -> None:
    result = preview("date,pain\n13/04/2026,3\n04/14/2026,2\n05/04/2026,1\n")
    assert [e.pain for e in result.to_add] == [3, 2]
    assert result.rejected[0].row == 4
    assert "both day/month and month/day order" in result.rejected[0].reason


def test_future_rows_rejected_when_now_given() -> None:
    now = datetime(2026, 3, 29, 12, 0, tzinfo=BERLIN)
    result = preview("date,pain\n2026-03-29 11:59,3\n2026-03-29 12:01,4\n", now=now)
    assert [e.pain for e in result.to_add] == [3]
    assert result.rejected == (d.RejectedRow(3, "date", '"2026-03-29 12:01" is in the future.'),)


@pytest.mark.parametrize(
    ("cell", "value"),
    [("4", 4), (" 4 ", 4), ("4.0", 4), ("+4", 4), ("10", 10), ("0", 0), ("7.000", 7)],
)
def test_pain_values(cell: str, value: int) -> None:
    assert cells.parse_pain(cell) == value


@pytest.mark.parametrize(
    "cell", ["4.5", "nan", "NaN", "inf", "-inf", "-1", "11", "1e1", "", "٤", "four", "1_0"]
)
def test_pain_rejections(cell: str) -> None:
    assert (
        cells.parse_pain(cell)
        == f"Pain must be a whole number from 0 to 10, not {cells.shown_cell(cell)}."
    )


def test_semicolon_file_with_decimal_commas_and_bom() -> None:
    data = "\ufeffDatum;Schmerz;Notiz\n29.03.2026;4,0;gut, danke\n30.03.2026;nan;x\n".encode()
    result = d.preview_import(data, BERLIN)
    assert [(e.pain, e.note) for e in result.to_add] == [(4, "gut, danke")]
    assert result.rejected[0].row == 3 and result.rejected[0].column == "pain"
    assert msg.NOTE_HEADER_GUESSED in result.notes and msg.NOTE_DELIMITER[";"] in result.notes


def test_tab_file_without_header() -> None:
    result = preview("2026-01-01\t5\tok\n2026-01-02\t11\n")
    assert [e.pain for e in result.to_add] == [5]
    assert result.rejected == (
        d.RejectedRow(2, "pain", 'Pain must be a whole number from 0 to 10, not "11".'),
    )
    assert msg.NOTE_NO_HEADER in result.notes and msg.NOTE_DELIMITER["\t"] in result.notes


def test_header_names_are_used_in_messages_and_columns_found_by_name() -> None:
    result = preview("Notes,Score,Date\nfine,3,2026-01-01\nbad,x,2026-01-02\n")
    assert result.to_add[0].note == "fine" and result.to_add[0].pain == 3
    assert result.rejected == (
        d.RejectedRow(3, "Score", 'Pain must be a whole number from 0 to 10, not "x".'),
    )


def test_utf16_and_windows_1252_files() -> None:
    text = "date,pain,note\n2026-01-01,3,café\n"
    for data in (b"\xff\xfe" + text.encode("utf-16-le"), text.encode("cp1252")):
        assert d.preview_import(data, BERLIN).to_add[0].note == "café"


def test_duplicates_within_file_and_against_diary() -> None:
    existing = {fmt.entry_key(PainEntry(at=datetime(2026, 1, 1, 12, tzinfo=BERLIN), pain=3))}
    result = preview(
        "date,pain\n2026-01-01,3\n2026-01-02,4\n2026-01-02 12:00,4\n", existing_keys=existing
    )
    assert [e.pain for e in result.to_add] == [4]
    assert [dup.row for dup in result.duplicates] == [2, 4]


def test_rows_with_problems_are_reported_with_row_and_column() -> None:
    text = "date,pain,note\n,3,\n2026-01-01,,\n2026-01-02\n\n2026-01-03,2," + "x" * 2001 + "\n"
    result = preview(text)
    assert result.to_add == ()
    assert [(r.row, r.column) for r in result.rejected] == [
        (2, "date"),
        (3, "pain"),
        (4, "pain"),
        (6, "note"),
    ]
    assert result.rejected[2].reason == "This row has no pain value."
    assert result.rejected[3].reason == "This cell has 2001 characters; at most 2000 fit."


def test_huge_field_rejects_its_row_only() -> None:
    text = "date,pain,note\n2026-01-01,3," + "y" * 300_000 + "\n2026-01-02,4,ok\n"
    result = preview(text)
    assert [e.pain for e in result.to_add] == [4]
    assert result.rejected[0].row == 2


def test_control_characters_in_note_are_rejected() -> None:
    result = preview("date,pain,note\n2026-01-01,3,a\x07b\n")
    assert result.rejected == (d.RejectedRow(2, "note", msg.REASON_CONTROL),)


def test_own_format_bad_values() -> None:
    text = (
        "at,pain,context,location,note,walk_id,red_flags\n"
        "2026-01-01T08:00:00+01:00,3,sometimes,,,,\n"
        "2026-01-01T09:00:00+01:00,3,other,knee,,,\n"
        "2026-01-01T10:00:00+01:00,3,other,,,x1,\n"
        "2026-01-01T11:00:00+01:00,3,other,,,,Bad-Key\n"
        "2026-01-01T12:00:00+01:00,3,,,,,\n"
    )
    result = preview(text)
    assert [(r.row, r.column) for r in result.rejected] == [
        (2, "context"), (3, "location"), (4, "walk_id"), (5, "red_flags"),
    ]  # fmt: skip
    assert result.rejected[0].reason.startswith('"sometimes" is not one of: on_waking, ')
    assert result.to_add[0].context is PainContext.OTHER


def test_many_rejections_are_counted_but_listed_up_to_a_limit() -> None:
    text = "date,pain\n" + "".join(
        f"2026-01-01,{11 + k}\n" for k in range(d.MAX_REJECTED_LISTED + 5)
    )
    result = preview(text)
    assert len(result.rejected) == d.MAX_REJECTED_LISTED
    assert result.rejected_total == d.MAX_REJECTED_LISTED + 5


# --- Import: whole-file problems -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", msg.ERR_EMPTY),
        (b"\xef\xbb\xbf", msg.ERR_EMPTY),
        (b" \r\n\n\t", msg.ERR_EMPTY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", msg.ERR_BINARY),
        (b"just one column\nand another line\n", msg.ERR_NO_COLUMNS),
        (b"\x81\x8d\x8f\x90\x9d\xff\xfe", msg.ERR_ENCODING),
    ],
)
def test_whole_file_problems(data: bytes, message: str) -> None:
    with pytest.raises(dec.DiaryImportError) as error:
        d.preview_import(data, BERLIN)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("date,pain,pain,note", 'The column "pain" appears more than once in the first row '
         "(columns 2 and 3)"),
        ("Date;Note;pain;NOTE", 'The column "Note" appears more than once in the first row '
         "(columns 2 and 4)"),
        ("at,pain,note,at", 'The column "at" appears more than once in the first row '
         "(columns 1 and 4)"),
    ],
)  # fmt: skip
def test_a_column_named_twice_is_refused_by_name(header: str, message: str) -> None:
    with pytest.raises(dec.DiaryImportError) as error:
        row = "2026-03-29,4,5,x".replace(",", ";" if ";" in header else ",")
        d.preview_import(f"{header}\n{row}\n".encode(), BERLIN)
    assert str(error.value).startswith(message)
    assert "nothing was imported" in str(error.value)


def test_date_and_time_columns_are_not_the_same_column() -> None:
    assert len(preview("date,time,pain\n2026-03-29,08:00,4\n").to_add) == 1


def test_file_too_big() -> None:
    with pytest.raises(dec.DiaryImportError, match="diary files up to 10 MB"):
        d.preview_import(b"a" * (dec.MAX_FILE_BYTES + 1), BERLIN)


def test_header_only_gives_an_empty_preview() -> None:
    result = preview("date,pain\n")
    assert result.to_add == () and result.rejected == () and result.duplicates == ()


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="time zone"):
        preview("date,pain\n2026-01-01,3\n", now=datetime(2026, 1, 2))
