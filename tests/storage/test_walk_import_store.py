"""Imported walks in the store: migration 7, the cadence trace, an all-or-nothing save."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coach.domain.clock import FakeClock
from coach.domain.walk_files.model import CadenceSample
from coach.domain.walks import WalkKind, WalkRecord
from coach.storage.cadence_trace import decode_trace, encode_trace
from coach.storage.database import Store, open_read_only, open_store
from coach.storage.diary_import import BACKUP_LABEL
from coach.storage.errors import ReadOnlyStoreError, StoreError
from coach.storage.migrations import LATEST_VERSION, MIGRATIONS, user_version
from coach.storage.walk_import import save_walks
from coach.storage.walks_repo import WalkRepository

T = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
TRACE = (CadenceSample(0.0, 110.0), CadenceSample(1.0, 111.5), CadenceSample(420.0, 112.0))


def imported(start: datetime = T, minutes: float = 30, name: str = "a.fit") -> WalkRecord:
    return WalkRecord(
        started_at=start, duration_s=minutes * 60, kind=WalkKind.IMPORTED, cadence_spm=111.5,
        source="fit", source_name=name, distance_m=2500.0, device="Garmin fenix5",
        sport="walking",
    )  # fmt: skip


def test_version_6_walks_gain_empty_import_columns(db_path: Path, clock: FakeClock) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path, isolation_level=None)
    for migration in MIGRATIONS[:6]:
        for statement in migration.statements:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 6")
    conn.execute(
        "INSERT INTO walks (started_at, duration_s, kind, cadence_spm)"
        " VALUES ('2026-11-20T08:00:00.000000+01:00', 1200, 'guided', 104)"
    )
    conn.close()
    with open_store(db_path, clock=clock) as store:
        assert user_version(store.connection) == LATEST_VERSION
        [walk] = WalkRepository(store).latest(5)
        assert (walk.kind, walk.cadence_spm, walk.source, walk.distance_m, walk.sport) == (
            WalkKind.GUIDED, 104.0, "", None, "",
        )  # fmt: skip
        assert WalkRepository(store).cadence_trace(walk.id or 0) == ()
    assert list((db_path.parent / "backups").glob("*before-v7*"))


def test_an_imported_walk_and_its_trace_come_back_as_saved(store: Store) -> None:
    repo = WalkRepository(store)
    saved = repo.add(imported(), TRACE)
    assert repo.latest(1) == [saved]
    assert repo.cadence_trace(saved.id or 0) == TRACE
    with pytest.raises(StoreError, match="Walk 99 is not in the diary"):
        repo.cadence_trace(99)


def test_the_trace_is_eight_bytes_a_sample_and_none_without_cadence() -> None:
    assert encode_trace(()) is None and decode_trace(None) == ()
    blob = encode_trace(TRACE)
    assert blob is not None and len(blob) == 8 * len(TRACE)
    with pytest.raises(ValueError, match="not whole samples"):
        decode_trace(blob[:-1])


def test_save_takes_a_backup_then_saves_every_walk(store: Store, clock: FakeClock) -> None:
    walks = [(imported(), TRACE), (imported(T + timedelta(days=1), name="b.gpx"), ())]
    result = save_walks(store, walks, clock.now())
    assert result.added == 2 and result.skipped == 0
    assert BACKUP_LABEL in result.backup.name and result.backup.exists()
    assert [w.source_name for w in WalkRepository(store).latest(5)] == ["b.gpx", "a.fit"]


def test_walks_already_saved_are_skipped_inside_the_transaction(
    store: Store, clock: FakeClock
) -> None:
    WalkRepository(store).add(WalkRecord(started_at=T + timedelta(seconds=30), duration_s=1790))
    again = [(imported(), TRACE), (imported(T + timedelta(seconds=10), name="same.gpx"), ())]
    result = save_walks(store, again, clock.now())
    assert (result.added, result.skipped) == (0, 2)


def test_one_walk_failing_saves_none(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_add = WalkRepository.add
    calls: list[int] = []

    def failing_add(self: WalkRepository, walk: WalkRecord, trace: object = ()) -> WalkRecord:
        calls.append(1)
        if len(calls) == 3:
            raise StoreError("disk full")
        return real_add(self, walk, trace)  # type: ignore[arg-type]

    monkeypatch.setattr(WalkRepository, "add", failing_add)
    walks = [(imported(T + timedelta(days=d), name=f"{d}.fit"), TRACE) for d in range(4)]
    with pytest.raises(StoreError, match=r"Nothing was imported: walk 3 of 4 \(2.fit"):
        save_walks(store, walks, clock.now())
    assert WalkRepository(store).latest(10) == []


def test_a_read_only_diary_refuses_the_import(db_path: Path, clock: FakeClock) -> None:
    open_store(db_path, clock=clock).close()
    with open_read_only(db_path) as store, pytest.raises(ReadOnlyStoreError):
        save_walks(store, [(imported(), TRACE)], clock.now())


def test_an_imported_walk_is_deleted_and_restored_with_its_id_and_trace(store: Store) -> None:
    repo = WalkRepository(store)
    saved = repo.add(imported(), TRACE)
    deleted = repo.delete_imported(saved.id or 0)
    assert deleted.walk == saved and deleted.trace == TRACE
    assert repo.latest(5) == []
    assert repo.restore(deleted) == saved
    assert repo.latest(5) == [saved] and repo.cadence_trace(saved.id or 0) == TRACE
    with pytest.raises(StoreError, match="already in the diary"):
        repo.restore(deleted)


def test_walks_done_in_the_app_are_not_deleted_here(store: Store) -> None:
    repo = WalkRepository(store)
    in_app = repo.add(WalkRecord(started_at=T, duration_s=600, kind=WalkKind.GUIDED))
    with pytest.raises(ValueError, match="only imported walks are deleted"):
        repo.delete_imported(in_app.id or 0)
    with pytest.raises(StoreError, match="Walk 99 is not in the diary"):
        repo.delete_imported(99)
    assert repo.latest(5) == [in_app]
