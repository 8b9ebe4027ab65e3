"""Export then import, then export and import again, loses and duplicates nothing (CSV and JSON)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain.diary.cells import CONTROL_CHARS
from coach.domain.diary.export import export_json, export_pain_csv
from coach.domain.diary.file_format import entry_key
from coach.domain.diary.import_preview import preview_import
from coach.domain.pain import NOTE_MAX_CHARS, PainContext, PainEntry, PainLocation

NOW = datetime(2026, 11, 23, 20, 15, tzinfo=UTC)

offsets = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.builds(
    lambda local, zone: local.replace(tzinfo=zone),
    st.datetimes(datetime(1900, 1, 1), datetime(2100, 12, 31, 23, 59, 59)),
    offsets,
).filter(lambda at: at <= NOW)
notes = st.text(max_size=60).filter(lambda note: not CONTROL_CHARS.search(note))
entries = st.builds(
    PainEntry,
    at=moments,
    pain=st.integers(0, 10),
    context=st.sampled_from(PainContext),
    location=st.none() | st.sampled_from(PainLocation),
    note=notes | st.just("=SUM(A1)") | st.just("'quoted") | st.just("x" * NOTE_MAX_CHARS),
    red_flags=st.frozensets(st.from_regex(r"[a-z0-9_]{1,12}", fullmatch=True), max_size=3),
)
diaries = st.lists(entries, max_size=25, unique_by=entry_key)


def kept(entry: PainEntry) -> tuple[object, ...]:
    """What a round trip must keep (ids and walk links belong to one diary)."""
    return (entry.at, entry.at.utcoffset(), entry.pain, entry.context, entry.location,
            entry.note, entry.red_flags)  # fmt: skip


def imported(data: bytes) -> list[PainEntry]:
    preview = preview_import(data, UTC, now=NOW)
    assert preview.rejected == () and preview.duplicates == ()
    return list(preview.to_add)


@settings(max_examples=80, deadline=None)
@given(diaries)
def test_csv_round_trip_keeps_every_entry_once(diary: list[PainEntry]) -> None:
    once = imported(export_pain_csv(diary))
    twice = imported(export_pain_csv(once))
    assert sorted(map(kept, once)) == sorted(map(kept, diary))
    assert sorted(map(kept, twice)) == sorted(map(kept, diary))


@settings(max_examples=80, deadline=None)
@given(diaries)
def test_json_round_trip_keeps_every_entry_once(diary: list[PainEntry]) -> None:
    once = imported(export_json(diary, []).encode("utf-8"))
    twice = imported(export_json(once, []).encode("utf-8"))
    assert sorted(map(kept, once)) == sorted(map(kept, diary))
    assert sorted(map(kept, twice)) == sorted(map(kept, diary))


@settings(max_examples=30, deadline=None)
@given(diaries)
def test_csv_and_json_exports_import_to_the_same_entries(diary: list[PainEntry]) -> None:
    from_csv = imported(export_pain_csv(diary))
    from_json = imported(export_json(diary, []).encode("utf-8"))
    assert sorted(map(kept, from_csv)) == sorted(map(kept, from_json))


@given(diaries.filter(bool))
def test_importing_an_export_into_its_own_diary_adds_nothing(diary: list[PainEntry]) -> None:
    existing = {entry_key(e) for e in diary}
    for data in (export_pain_csv(diary), export_json(diary, []).encode("utf-8")):
        preview = preview_import(data, UTC, existing, now=NOW)
        assert preview.to_add == () and len(preview.duplicates) == len(diary)
