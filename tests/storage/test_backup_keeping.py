"""Thinning never deletes the backup that still holds the old entries (issue 23, case 1)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.storage.backups import (
    KEPT_SUFFIX,
    backup_files,
    is_kept,
    remove_leftover_partials,
    row_count,
    take_backup,
    thin_backups,
)
from coach.storage.database import Store, open_store
from coach.storage.pain_repo import PainRepository

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DAY = 24 * 3600.0


def diary_with_backup(path: Path, clock: FakeClock, entries: int = 400) -> Path:
    """A diary of `entries` ratings, backed up; returns the backup."""
    with open_store(path, clock=clock) as store:
        repo = PainRepository(store)
        with store.transaction():
            for n in range(entries):
                repo.add(PainEntry(at=START - timedelta(hours=n), pain=n % 11, note=f"old {n}"))
        backup = store.backup_now(clock.now())
    return backup


def pain_rows(backup: Path) -> int:
    """The ratings a backup holds, read without writing to it."""
    conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM pain_entries").fetchone()[0])
    finally:
        conn.close()


def damage(path: Path) -> None:
    with path.open("r+b") as file:
        file.write(b"this is not a database at all!!")


def use_for_a_year(store: Store, clock: FakeClock) -> None:
    """A new rating every 20 days for 400 days (longer than 12 days, 10 weeks and 9 months
    together), each followed by the backup and thinning a change brings."""
    repo = PainRepository(store)
    for _step in range(20):
        clock.advance(20 * DAY)
        repo.add(PainEntry(at=clock.now(), pain=3, note="new diary"))
        store.backup_now(clock.now())


def test_the_newest_larger_backup_survives_a_mass_delete(db_path: Path) -> None:
    clock = FakeClock(START)
    big = diary_with_backup(db_path, clock)
    with open_store(db_path, clock=clock) as store:
        with store.transaction() as conn:
            conn.execute("DELETE FROM pain_entries")
        use_for_a_year(store, clock)
    assert big.exists() and not is_kept(big)
    regular = [b.path for b in backup_files(db_path.parent / "backups")]
    assert len(regular) <= 12 + 10 + 9 + 1  # the rest was thinned as usual


def test_only_the_newest_larger_backup_is_kept_beyond_the_rules(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (n INTEGER)")
    day = START  # a Monday: 40 days of a growing diary, then everything deleted, 40 more days
    for n in range(80):
        if n >= 40:  # from day 40 on the diary holds one row
            conn.execute("DELETE FROM t")
        conn.execute("INSERT INTO t VALUES (?)", (n,))
        take_backup(conn, folder, day)
        thin_backups(folder, day)
        day += timedelta(days=1)
    conn.close()
    sizes = {b.taken_at.date(): row_count(b.path) for b in backup_files(folder)}
    assert sizes[(START + timedelta(days=39)).date()] == 40  # the newest larger one
    assert (START + timedelta(days=38)).date() not in sizes  # same week and month: thinned
    assert max(size or 0 for size in sizes.values()) == 40


def test_a_kept_marker_whose_backup_was_deleted_goes(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    marker = folder / f"walking-coach-20260101-000000Z.sqlite3{KEPT_SUFFIX}"
    marker.write_text("kept", encoding="utf-8")
    thin_backups(folder, START)
    assert not marker.exists()


def test_leftover_partial_files_go_at_the_next_start(db_path: Path) -> None:
    clock = FakeClock(START)
    diary_with_backup(db_path, clock, entries=1)
    folder = db_path.parent / "backups"
    stem = "walking-coach-20260302-085900Z.sqlite3.partial"
    leftovers = [folder / f"{stem}{end}" for end in ("", "-journal", "-wal", "-shm")]
    for leftover in leftovers:
        leftover.write_bytes(b"half a copy")
    clock.advance(90)
    fresh = folder / f"walking-coach-{clock.now():%Y%m%d-%H%M%S}Z.sqlite3.partial-journal"
    fresh.write_bytes(b"another window is writing this one right now")
    open_store(db_path, clock=clock).close()
    assert not any(leftover.exists() for leftover in leftovers)
    assert fresh.exists()
    assert remove_leftover_partials(
        folder, clock.now() + timedelta(minutes=2), timedelta(minutes=1)
    )
