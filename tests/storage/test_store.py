from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.storage.backups import backup_files
from coach.storage.database import Store, open_store
from coach.storage.errors import StoreError
from coach.storage.pain_repo import PainRepository


def count(store: Store) -> int:
    return int(store.connection.execute("SELECT count(*) FROM pain_entries").fetchone()[0])


def add_row(store: Store, clock: FakeClock) -> None:
    PainRepository(store).add(PainEntry(at=clock.now(), pain=2))


def test_transaction_commits_or_rolls_back(store: Store, clock: FakeClock) -> None:
    insert = "INSERT INTO pain_entries (at, pain, context) VALUES ('2026-11-23T10:00:00Z', 1, 'x')"
    with store.transaction() as conn:
        conn.execute(insert)
    with pytest.raises(RuntimeError), store.transaction() as conn:
        conn.execute(insert)
        raise RuntimeError("the caller changed its mind")
    assert count(store) == 1
    assert not store.connection.in_transaction


def test_nested_transaction_is_a_savepoint(store: Store) -> None:
    insert = "INSERT INTO pain_entries (at, pain, context) VALUES ('2026-11-23T10:00:00Z', 1, 'x')"
    with store.transaction() as conn:
        conn.execute(insert)
        with pytest.raises(KeyError), store.transaction() as inner:
            inner.execute(insert)
            raise KeyError("inner only")
    assert count(store) == 1


def test_sqlite_errors_become_store_errors_naming_the_file(store: Store) -> None:
    with pytest.raises(StoreError, match=str(store.path)), store.transaction() as conn:
        conn.execute("INSERT INTO pain_entries (at, pain, context) VALUES ('x', 11, 'x')")
    with pytest.raises(StoreError, match="no such table"):
        store.query("SELECT * FROM nowhere")
    assert count(store) == 0


def test_first_change_is_backed_up_then_at_most_every_30_minutes(
    store: Store, clock: FakeClock
) -> None:
    folder = store.backup_folder
    assert store.maybe_backup(clock.now()) is None  # nothing changed yet
    add_row(store, clock)  # no backup existed, so the commit takes one
    assert len(backup_files(folder)) == 1
    assert not store.changed_since_backup
    clock.advance(29 * 60)
    add_row(store, clock)
    assert store.changed_since_backup
    assert store.maybe_backup(clock.now()) is None
    assert len(backup_files(folder)) == 1
    clock.advance(60)
    made = store.maybe_backup(clock.now())
    assert made is not None and made.exists()
    assert store.maybe_backup(clock.now() + timedelta(hours=2)) is None  # no change since


def test_close_backs_up_only_when_data_changed(db_path: Path, clock: FakeClock) -> None:
    with open_store(db_path, clock=clock) as store:
        pass
    assert backup_files(db_path.parent / "backups") == []
    with open_store(db_path, clock=clock) as store:
        add_row(store, clock)
        clock.advance(60)
        add_row(store, clock)  # within 30 minutes of the first backup: none taken
        assert len(backup_files(store.backup_folder)) == 1
    # The exit backup holds both rows; the earlier one of the same day was thinned away.
    [newest] = backup_files(db_path.parent / "backups")
    assert newest.taken_at == clock.now()
    copy = sqlite3.connect(newest.path)
    assert copy.execute("SELECT count(*) FROM pain_entries").fetchone()[0] == 2
    copy.close()
    store.close()  # a second close is harmless


def test_writes_outside_transaction_count_as_changes(store: Store, clock: FakeClock) -> None:
    store.connection.execute("INSERT INTO preferences VALUES ('theme', '\"dark\"')")
    assert store.changed_since_backup
    assert store.maybe_backup(clock.now()) is not None


def test_reopening_remembers_the_last_backup_time(db_path: Path, clock: FakeClock) -> None:
    with open_store(db_path, clock=clock) as store:
        add_row(store, clock)
    clock.advance(10 * 60)
    with open_store(db_path, clock=clock) as store:
        store.note_change()
        assert store.maybe_backup(clock.now()) is None  # the backup on disk is 10 min old
        clock.advance(20 * 60)
        assert store.maybe_backup(clock.now()) is not None


def test_a_failed_periodic_backup_does_not_undo_the_save(
    store: Store,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def fail(now: object) -> None:
        raise StoreError("disk full")

    monkeypatch.setattr(store, "backup_now", fail)
    add_row(store, clock)
    assert count(store) == 1
    assert store.changed_since_backup
    store.close()  # never raises: the exit backup's failure is logged, the file is complete
    assert "The backup on closing" in caplog.text and "disk full" in caplog.text
    with open_store(store.path, clock=clock) as reopened:
        assert count(reopened) == 1
