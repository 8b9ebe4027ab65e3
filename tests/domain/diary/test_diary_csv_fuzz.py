"""Property tests: only DiaryImportError can escape the importer, and export round-trips."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.domain.diary import decoding as dec
from coach.domain.diary import export as ex
from coach.domain.diary import file_format as fmt
from coach.domain.diary import import_preview as d
from coach.domain.pain import NOTE_MAX_CHARS, PainContext, PainEntry, PainLocation

BERLIN = ZoneInfo("Europe/Berlin")
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def preview_or_error(data: bytes, **kwargs: object) -> d.ImportPreview | None:
    """Run the importer; DiaryImportError (with a message) is fine, anything else fails."""
    try:
        result = d.preview_import(data, BERLIN, **kwargs)  # type: ignore[arg-type]
    except dec.DiaryImportError as error:
        assert str(error)
        return None
    assert isinstance(result, d.ImportPreview)
    for row in result.rejected:
        assert row.row >= 1 and row.reason
    assert len(result.rejected) <= result.rejected_total
    return result


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    preview_or_error(data)


@FUZZ
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_arbitrary_text(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", errors="replace")
    preview_or_error(data)


DATE_CELLS = st.one_of(
    st.dates().map(str),
    st.datetimes().map(lambda t: t.isoformat(sep=" ")),
    st.datetimes(timezones=st.just(UTC)).map(str),
    st.builds(
        lambda a, b, y, sep: f"{a:02d}{sep}{b:02d}{sep}{y}",
        st.integers(0, 40),
        st.integers(0, 40),
        st.integers(0, 9999),
        st.sampled_from(["/", ".", "-"]),
    ),
    st.sampled_from(["", "2026-13-01", "2026-02-29", "9999-12-31T23:59:59-23:59", "0001-01-01"]),
    st.text(max_size=30),
)
PAIN_CELLS = st.one_of(
    st.integers(-5, 20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["nan", "inf", "-inf", "1e309", "4,0", "4.0", "+3", "", " 7 ", "٣", "1_0"]),
    st.text(max_size=10),
)
OTHER_CELLS = st.one_of(
    st.text(max_size=60),
    st.sampled_from([c.value for c in PainContext] + [c.value for c in PainLocation]),
    st.sampled_from(["=1+1", "'=x", "@A1", "-", "\t", "\r\n", '"', '""', "x" * 3000]),
    st.integers(-10, 10**20).map(str),
)
HEADERS = st.sampled_from([
    None, ["date", "pain"], ["date", "pain", "note"], list(fmt.PAIN_COLUMNS),
    ["Datum", "Schmerz", "Notiz"], ["pain", "date"], ["at", "pain"], ["x"],
])  # fmt: skip


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    header = draw(HEADERS)
    rows: list[list[str]] = [] if header is None else [header]
    for _ in range(draw(st.integers(0, 12))):
        row = [draw(DATE_CELLS), draw(PAIN_CELLS)]
        row += draw(st.lists(OTHER_CELLS, max_size=6))
        if draw(st.booleans()):
            row = draw(st.permutations(row))
        rows.append(row)
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=draw(st.sampled_from([",", ";", "\t", "|"]))).writerows(rows)
    text = out.getvalue()
    if draw(st.booleans()):
        text = text.replace("\r\n", draw(st.sampled_from(["\n", "\r", "\r\n"])))
    prefix = draw(st.sampled_from(["", "\ufeff"]))
    return (prefix + text).encode(draw(st.sampled_from(["utf-8", "utf-16"])), errors="replace")


@FUZZ
@given(
    csv_files(),
    st.sets(st.tuples(st.integers(), st.integers(0, 10)), max_size=5),
    st.sampled_from([None, True, False]),
    st.sampled_from([None, datetime(2026, 6, 1, tzinfo=UTC)]),
)
def test_csv_shaped_rows(
    data: bytes, keys: set[tuple[int, int]], day_first: bool | None, now: datetime | None
) -> None:
    result = preview_or_error(data, existing_keys=keys, day_first=day_first, now=now)
    if result is None:
        return
    added = {fmt.entry_key(e) for e in result.to_add}
    assert len(added) == len(result.to_add)  # no duplicates among the added rows
    assert not added & keys
    if now is not None:
        assert all(e.at <= now for e in result.to_add)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escape_round_trip_and_safety(text: str) -> None:
    escaped = ex.escape_cell(text)
    assert ex.unescape_cell(escaped) == text
    assert not escaped.startswith(fmt.FORMULA_TRIGGERS)


# Control and text-direction characters are refused in notes (coach.domain.text_rules).
NOTE_CHARS = st.characters(
    exclude_categories=("Cs", "Cc"),
    include_characters="\t\n\r",
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
ZONES = st.one_of(
    st.just(UTC),
    st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m))),
)
ENTRIES = st.builds(
    PainEntry,
    at=st.datetimes(datetime(1950, 1, 1), datetime(2090, 1, 1), timezones=ZONES),
    pain=st.integers(0, 10),
    context=st.sampled_from(list(PainContext)),
    location=st.none() | st.sampled_from(list(PainLocation)),
    note=st.text(NOTE_CHARS, max_size=80)
    | st.text(NOTE_CHARS, min_size=NOTE_MAX_CHARS - 2, max_size=NOTE_MAX_CHARS),
    walk_id=st.none() | st.integers(1, 50),
    red_flags=st.frozensets(st.from_regex(r"[a-z0-9_]{1,40}", fullmatch=True), max_size=3),
)


def comparable(entry: PainEntry) -> tuple[object, ...]:
    return (entry.at.astimezone(UTC), entry.pain, entry.context, entry.location, entry.note,
            entry.walk_id, entry.red_flags)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ENTRIES, max_size=15, unique_by=fmt.entry_key))
def test_export_then_import_gives_the_same_entries(entries: list[PainEntry]) -> None:
    data = ex.export_pain_csv(entries)
    result = d.preview_import(data, BERLIN, known_walk_ids=range(1, 51))
    assert result.rejected == () and result.duplicates == ()
    assert sorted(map(comparable, result.to_add)) == sorted(map(comparable, entries))
    again = d.preview_import(data, BERLIN, {fmt.entry_key(e) for e in entries})
    assert again.to_add == () and len(again.duplicates) == len(entries)
