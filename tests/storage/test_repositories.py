from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from coach.domain.pain import PainContext, PainEntry, PainLocation
from coach.domain.walks import WalkKind, WalkRecord
from coach.storage.database import Store
from coach.storage.errors import RecordNotFoundError, StoreError
from coach.storage.pain_repo import PainRepository
from coach.storage.walks_repo import WalkRepository

BERLIN = ZoneInfo("Europe/Berlin")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
KATHMANDU = timezone(timedelta(hours=5, minutes=45))


def test_pain_entry_round_trip_keeps_every_field_and_its_offset(store: Store) -> None:
    repo = PainRepository(store)
    walk = WalkRepository(store).add(
        WalkRecord(started_at=datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN), duration_s=900)
    )
    entry = PainEntry(
        # 03:30 on the night Berlin moves to summer time (+02:00).
        at=datetime(2026, 3, 29, 3, 30, 15, 123456, tzinfo=BERLIN),
        pain=7,
        context=PainContext.AFTER_WALK,
        location=PainLocation.LEG_LEFT,
        note="Sharp when climbing stairs; ünïcode ✓",
        walk_id=walk.id,
        red_flags=frozenset({"leg_weakness", "fever"}),
    )
    saved = repo.add(entry)
    assert saved.id is not None
    [loaded] = repo.latest(5)
    assert loaded == saved
    assert loaded.at.utcoffset() == timedelta(hours=2)
    assert loaded.at.replace(tzinfo=None) == datetime(2026, 3, 29, 3, 30, 15, 123456)
    stored = store.query("SELECT at FROM pain_entries")[0]["at"]
    assert stored == "2026-03-29T03:30:15.123456+02:00"


def test_entries_in_different_zones_sort_by_the_real_moment(store: Store) -> None:
    repo = PainRepository(store)
    # Text order would be Kathmandu < LA < Berlin; the real order is the reverse.
    moment = datetime(2026, 6, 1, 12, tzinfo=UTC)
    berlin = repo.add(PainEntry(at=(moment - timedelta(hours=2)).astimezone(BERLIN), pain=1))
    la = repo.add(PainEntry(at=(moment - timedelta(hours=1)).astimezone(LOS_ANGELES), pain=2))
    kathmandu = repo.add(PainEntry(at=moment.astimezone(KATHMANDU), pain=3))
    assert [e.id for e in repo.latest(3)] == [kathmandu.id, la.id, berlin.id]
    assert [e.id for e in repo.latest(1)] == [kathmandu.id]
    window = repo.between(moment - timedelta(hours=1), moment)
    assert [e.id for e in window] == [la.id]  # start included, end excluded
    everything = repo.between(moment - timedelta(days=1), moment + timedelta(days=1))
    assert [e.id for e in everything] == [berlin.id, la.id, kathmandu.id]


def test_update_and_undo_of_delete(store: Store) -> None:
    repo = PainRepository(store)
    first = repo.add(PainEntry(at=datetime(2026, 5, 1, 8, tzinfo=BERLIN), pain=5, note="a"))
    second = repo.add(PainEntry(at=datetime(2026, 5, 1, 20, tzinfo=BERLIN), pain=3))
    edited = repo.update(replace(first, pain=4, note="better after coffee"))
    assert repo.latest(5)[1] == edited
    removed = repo.delete(second.id or 0)
    assert removed == second
    assert repo.latest(5) == [edited]
    assert repo.restore(removed) == second
    assert repo.latest(5) == [second, edited]
    with pytest.raises(StoreError, match="already in the diary"):
        repo.restore(removed)


def test_missing_entries_are_reported(store: Store) -> None:
    repo = PainRepository(store)
    ghost = PainEntry(at=datetime(2026, 5, 1, tzinfo=UTC), pain=1, id=99)
    with pytest.raises(RecordNotFoundError, match=f"Entry 99 .*{store.path}"):
        repo.update(ghost)
    with pytest.raises(RecordNotFoundError, match="Entry 99"):
        repo.delete(99)
    with pytest.raises(ValueError, match="not been saved"):
        repo.update(replace(ghost, id=None))
    with pytest.raises(ValueError, match="already saved"):
        repo.add(ghost)


def test_an_entry_cannot_point_at_a_missing_walk(store: Store) -> None:
    with pytest.raises(StoreError, match="FOREIGN KEY"):
        PainRepository(store).add(PainEntry(at=datetime(2026, 5, 1, tzinfo=UTC), pain=1, walk_id=7))
    assert PainRepository(store).latest(5) == []


def test_deleting_a_walk_keeps_its_pain_entries(store: Store) -> None:
    walk = WalkRepository(store).add(WalkRecord(datetime(2026, 5, 1, tzinfo=UTC), 600.0))
    entry = PainRepository(store).add(
        PainEntry(at=datetime(2026, 5, 1, 1, tzinfo=UTC), pain=2, walk_id=walk.id)
    )
    with store.transaction() as conn:
        conn.execute("DELETE FROM walks WHERE id = ?", (walk.id,))
    assert PainRepository(store).latest(1) == [replace(entry, walk_id=None)]


def test_a_row_edited_outside_the_app_is_reported_not_guessed(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO pain_entries (id, at, pain, context) VALUES (5, '2026-05-01T08:00', 3,"
            " 'other')"
        )
    with pytest.raises(StoreError, match=f"Diary entry 5 in {store.path}.*time zone"):
        PainRepository(store).latest(5)


def test_walk_round_trip(store: Store) -> None:
    repo = WalkRepository(store)
    walk = WalkRecord(
        started_at=datetime(2026, 11, 1, 1, 30, tzinfo=LOS_ANGELES),
        duration_s=1834.5,
        kind=WalkKind.GUIDED,
        cadence_spm=112.0,
        ramp_from_spm=100.0,
        speed_kmh=4.2,
        plan_name="Gentle start",
        new_leg_symptoms=True,
    )
    plain = repo.add(WalkRecord(datetime(2026, 10, 1, tzinfo=UTC), 60.0))
    saved = repo.add(walk)
    assert saved == replace(walk, id=saved.id)
    [loaded] = repo.latest(1)
    # 01:30 on 1 November happens twice in Los Angeles; Python never calls such a time equal
    # to one in another zone (PEP 495), so compare the instant and the offset instead.
    assert replace(loaded, started_at=walk.started_at) == saved
    assert loaded.started_at.timestamp() == walk.started_at.timestamp()
    assert loaded.started_at.utcoffset() == timedelta(hours=-7)
    assert loaded.new_leg_symptoms and not repo.latest(2)[1].new_leg_symptoms
    assert not plain.new_leg_symptoms
    assert [w.id for w in repo.between(walk.started_at, walk.started_at + timedelta(1))] == [2]
    assert (
        repo.between(walk.started_at + timedelta(seconds=1), walk.started_at + timedelta(1)) == []
    )


def test_minutes_in_week_counts_local_dates(store: Store) -> None:
    repo = WalkRepository(store)
    # Week of Monday 2026-11-16 .. Sunday 2026-11-22, as the walker's own clock saw it.
    repo.add(WalkRecord(datetime(2026, 11, 16, 0, 10, tzinfo=BERLIN), 20 * 60))  # Sun in UTC
    repo.add(WalkRecord(datetime(2026, 11, 22, 23, 50, tzinfo=LOS_ANGELES), 30 * 60))  # Mon UTC
    repo.add(WalkRecord(datetime(2026, 11, 19, 12, tzinfo=KATHMANDU), 15 * 60))
    repo.add(WalkRecord(datetime(2026, 11, 15, 23, 59, tzinfo=BERLIN), 60 * 60))  # week before
    repo.add(WalkRecord(datetime(2026, 11, 23, 0, 0, tzinfo=BERLIN), 45 * 60))  # week after
    assert repo.minutes_in_week(date(2026, 11, 18)) == pytest.approx(65.0)
    assert repo.minutes_in_week(date(2026, 11, 15)) == pytest.approx(60.0)
    assert repo.minutes_in_week(date(2026, 11, 29)) == pytest.approx(45.0)
    assert repo.minutes_in_week(date(2026, 12, 7)) == 0.0


def test_naive_times_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="time zone"):
        PainRepository(store).between(datetime(2026, 1, 1), datetime(2026, 2, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match="time zone"):
        WalkRepository(store).between(datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1))
