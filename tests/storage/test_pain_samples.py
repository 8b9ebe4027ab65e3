from __future__ import annotations

import calendar
import random
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from coach.domain.diary.file_format import entry_key
from coach.domain.diary.import_preview import preview_import
from coach.domain.pain import PainEntry
from coach.domain.pain_series import samples_from_utc_seconds
from coach.storage.database import Store
from coach.storage.errors import StoreError
from coach.storage.migrations import PAIN_UTC_SECONDS
from coach.storage.pain_repo import PainRepository

BERLIN = ZoneInfo("Europe/Berlin")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
KATHMANDU = timezone(timedelta(hours=5, minutes=45))
NEWFOUNDLAND = timezone(timedelta(hours=-3, minutes=-30))
KIRIBATI = timezone(timedelta(hours=14))
# Local mean time, as zoneinfo gives for old dates: an offset with seconds, which SQLite
# cannot read, so these rows take the exact Python path.
OLD_BERLIN = timezone(timedelta(minutes=53, seconds=28))


def unix_seconds(moment: datetime) -> int:
    """Whole seconds since 1970 UTC, rounded down, worked out independently of the store."""
    return calendar.timegm(moment.utctimetuple())


def expected(entries: list[PainEntry]) -> tuple[list[int], list[int]]:
    pairs = sorted((unix_seconds(e.at), e.pain) for e in entries)
    return [s for s, _ in pairs], [p for _, p in pairs]


def add_all(store: Store, moments: list[datetime]) -> list[PainEntry]:
    repo = PainRepository(store)
    return [repo.add(PainEntry(at=m, pain=i % 11)) for i, m in enumerate(moments)]


EDGE_MOMENTS = [
    # Just before midnight UTC with a fraction SQLite would round up to the next second.
    datetime(2026, 3, 28, 23, 59, 59, 999_999, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 59, 59, 999_600, tzinfo=BERLIN),  # last second of winter time
    datetime(2026, 3, 29, 3, 0, tzinfo=BERLIN),  # first second of summer time
    datetime(2026, 11, 1, 1, 30, tzinfo=LOS_ANGELES),  # the first 01:30 of the fall back
    datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=LOS_ANGELES),  # the second, an hour later
    datetime(2026, 6, 1, 5, 44, 59, 999_999, tzinfo=KATHMANDU),
    datetime(2026, 6, 1, 20, 30, 0, 1, tzinfo=NEWFOUNDLAND),
    datetime(2026, 1, 1, 0, 0, tzinfo=KIRIBATI),  # 2025-12-31 10:00 UTC
    datetime(1969, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),  # -1, not 0
    datetime(1900, 1, 1, 0, 30, 0, 500_000, tzinfo=timezone(timedelta(hours=1))),
    datetime(2100, 12, 31, 23, 59, 59, tzinfo=NEWFOUNDLAND),
]


def test_an_empty_diary_gives_empty_arrays(store: Store) -> None:
    repo = PainRepository(store)
    seconds, pains = repo.utc_seconds_and_pains()
    assert seconds.dtype == np.int64 and pains.dtype == np.int64
    assert seconds.shape == pains.shape == (0,)
    assert repo.count() == 0
    assert repo.keys() == frozenset()


def test_seconds_are_the_utc_instant_whatever_the_offset(store: Store) -> None:
    entries = add_all(store, EDGE_MOMENTS)
    seconds, pains = PainRepository(store).utc_seconds_and_pains()
    want_seconds, want_pains = expected(entries)
    assert seconds.tolist() == want_seconds
    assert pains.tolist() == want_pains
    # The two 01:30s in Los Angeles are an hour apart, not the same moment.
    la = sorted(unix_seconds(e.at) for e in entries if e.at.tzinfo is LOS_ANGELES)
    assert la[1] - la[0] == 3600
    assert unix_seconds(EDGE_MOMENTS[8]) == -1
    assert -1 in seconds.tolist()


def test_many_random_moments_and_offsets(store: Store) -> None:
    rng = random.Random(20261123)
    moments = []
    for _ in range(1500):
        utc = datetime(1900, 1, 2, tzinfo=UTC) + timedelta(
            seconds=rng.randrange(200 * 365 * 86400), microseconds=rng.randrange(1_000_000)
        )
        offset = timezone(timedelta(minutes=15 * rng.randrange(-48, 57)))
        moments.append(utc.astimezone(offset))
    entries = add_all(store, moments)
    seconds, pains = PainRepository(store).utc_seconds_and_pains()
    assert (seconds.tolist(), pains.tolist()) == expected(entries)
    assert np.all(np.diff(seconds) >= 0)


def test_offsets_sqlite_cannot_read_take_the_exact_slow_path(store: Store) -> None:
    entries = add_all(store, [*EDGE_MOMENTS, datetime(1893, 3, 31, 23, 30, tzinfo=OLD_BERLIN)])
    stored = store.query("SELECT at FROM pain_entries ORDER BY id DESC LIMIT 1")[0]["at"]
    assert stored.endswith("+00:53:28")
    seconds, pains = PainRepository(store).utc_seconds_and_pains()
    assert (seconds.tolist(), pains.tolist()) == expected(entries)


def test_a_time_edited_outside_the_app_is_reported(store: Store) -> None:
    add_all(store, EDGE_MOMENTS[:2])
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO pain_entries (id, at, pain, context) VALUES (9, 'soon', 3, 'other')"
        )
    with pytest.raises(StoreError, match=f"Diary entry 9 in {store.path}"):
        PainRepository(store).utc_seconds_and_pains()


def test_the_seconds_come_from_the_index(store: Store) -> None:
    plan = store.query(
        f"EXPLAIN QUERY PLAN SELECT {PAIN_UTC_SECONDS}, pain FROM pain_entries"
        f" ORDER BY {PAIN_UTC_SECONDS}"
    )
    assert "pain_entries_utc_seconds" in " ".join(str(row[3]) for row in plan)


def test_local_days_from_the_seconds_match_the_entries(store: Store) -> None:
    entries = add_all(store, EDGE_MOMENTS[:8])
    seconds, pains = PainRepository(store).utc_seconds_and_pains()
    samples = samples_from_utc_seconds(seconds, pains, BERLIN)
    want = sorted(
        (e.at.astimezone(BERLIN).date().toordinal(), float(e.pain))
        for e in sorted(entries, key=lambda e: (unix_seconds(e.at), e.pain))
    )
    got = sorted(zip(samples.days.tolist(), samples.pains.tolist(), strict=True))
    assert got == want


def test_count_and_keys_follow_the_diary(store: Store) -> None:
    repo = PainRepository(store)
    entries = add_all(store, EDGE_MOMENTS)
    assert repo.count() == len(EDGE_MOMENTS)
    assert repo.keys() == frozenset(entry_key(e) for e in entries)
    repo.delete(entries[0].id or 0)
    assert repo.count() == len(EDGE_MOMENTS) - 1
    keys = repo.keys()
    assert len(keys) == len(EDGE_MOMENTS) - 1
    assert entry_key(entries[0]) not in keys


def test_keys_let_a_preview_skip_what_is_already_in_the_diary(store: Store) -> None:
    repo = PainRepository(store)
    repo.add(PainEntry(at=datetime(2026, 3, 29, 8, 0, 30, tzinfo=BERLIN), pain=4))
    data = b"date,pain\n2026-03-29 08:00,4\n2026-03-29 08:00,5\n2026-03-30,2\n"
    preview = preview_import(data, BERLIN, repo.keys(), now=datetime(2026, 4, 1, tzinfo=UTC))
    assert [d.row for d in preview.duplicates] == [2]
    assert [(e.at.date(), e.pain) for e in preview.to_add] == [
        (date(2026, 3, 29), 5),
        (date(2026, 3, 30), 2),
    ]
