from __future__ import annotations

import hashlib
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.storage.database import open_read_only, open_store, restore_backup
from coach.storage.errors import DatabaseDamagedError, ReadOnlyStoreError, StoreError
from coach.storage.pain_repo import PainRepository
from coach.storage.preferences_repo import PreferencesRepository


def fill(path: Path, clock: FakeClock, rows: int) -> None:
    """Add rows in one session; closing takes a backup holding them."""
    with open_store(path, clock=clock) as store:
        repo = PainRepository(store)
        for i in range(rows):
            repo.add(PainEntry(at=clock.now(), pain=i % 11, note=f"entry {i} " + "x" * 200))
        PreferencesRepository(store).set("theme", "dark")


def flip_table_page(path: Path, table: str) -> None:
    """Invert bytes inside the table's root b-tree page, well past the file header."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    assert root[0] > 1, "the table page must not be the page holding the file header"
    start = (root[0] - 1) * page_size
    data = bytearray(path.read_bytes())
    # The page header, its cell pointers, and a stretch in the middle of the page.
    for offset in [*range(start, start + 24), *range(start + 1500, start + 1600)]:
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(db_path: Path, clock: FakeClock) -> DatabaseDamagedError:
    fill(db_path, clock, 20)  # backup 1: 20 rows
    clock.advance(24 * 3600)
    fill(db_path, clock, 30)  # backup 2 (next day): 50 rows
    backups = sorted((db_path.parent / "backups").iterdir())
    assert len(backups) == 2
    # A third, newer "backup" that is itself damaged must not be offered.
    bad = db_path.parent / "backups" / "walking-coach-20991231-000000Z.sqlite3"
    bad.write_bytes(b"\x00" * 8192)
    flip_table_page(db_path, "pain_entries")
    clock.advance(3600)
    with pytest.raises(DatabaseDamagedError) as caught:
        open_store(db_path, clock=clock)
    return caught.value


def test_damaged_file_is_moved_aside_not_deleted(
    damaged: DatabaseDamagedError, db_path: Path
) -> None:
    assert not db_path.exists()
    assert damaged.damaged_path.exists()
    assert damaged.damaged_path.name == "walking-coach.damaged-20261124-211500.sqlite3"
    assert damaged.damaged_path.parent == db_path.parent
    message = str(damaged)
    assert str(db_path) in message
    assert str(damaged.damaged_path) in message
    assert str(damaged.backups[0]) in message
    assert "Nothing was deleted" in message


def test_only_good_backups_are_offered_newest_first(damaged: DatabaseDamagedError) -> None:
    assert len(damaged.backups) == 2
    assert damaged.backups[0].name > damaged.backups[1].name
    assert all("2099" not in p.name for p in damaged.backups)


def test_restoring_the_newest_backup(damaged: DatabaseDamagedError, db_path: Path) -> None:
    damaged_bytes = hashlib.sha256(damaged.damaged_path.read_bytes()).hexdigest()
    with restore_backup(damaged.backups[0], db_path) as store:
        assert store.path == db_path
        assert len(PainRepository(store).latest(100)) == 50
        assert PreferencesRepository(store).load()[0].theme == "dark"
        PainRepository(store).add(PainEntry(at=PainRepository(store).latest(1)[0].at, pain=1))
    assert hashlib.sha256(damaged.damaged_path.read_bytes()).hexdigest() == damaged_bytes
    with open_store(db_path) as store:
        assert len(PainRepository(store).latest(100)) == 51


def test_restore_never_overwrites_a_file_in_place(
    damaged: DatabaseDamagedError, db_path: Path, clock: FakeClock
) -> None:
    restore_backup(damaged.backups[1], db_path, clock=clock).close()
    with restore_backup(damaged.backups[0], db_path, clock=clock) as store:
        assert len(PainRepository(store).latest(100)) == 50
    aside = list(db_path.parent.glob("walking-coach.before-restore-*.sqlite3"))
    assert len(aside) == 1
    with open_read_only(aside[0]) as older:
        assert len(PainRepository(older).latest(100)) == 20


def test_a_damaged_backup_is_not_restored(damaged: DatabaseDamagedError, db_path: Path) -> None:
    bad = db_path.parent / "backups" / "walking-coach-20991231-000000Z.sqlite3"
    with pytest.raises(StoreError, match="cannot be restored"):
        restore_backup(bad, db_path)
    assert not db_path.exists()


def test_damaged_file_opens_read_only(damaged: DatabaseDamagedError) -> None:
    with open_read_only(damaged.damaged_path) as store:
        assert store.read_only
        prefs, problems = PreferencesRepository(store).load()
        assert prefs.theme == "dark" and problems == []
        with pytest.raises(ReadOnlyStoreError, match="read-only"):
            PreferencesRepository(store).set("theme", "light")
        with pytest.raises(StoreError, match=r"malformed|damaged|corrupt|not a database"):
            PainRepository(store).latest(100)


def test_not_a_database_at_all(db_path: Path, clock: FakeClock) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"These are my notes, not a database. " * 200)
    wal = Path(f"{db_path}-wal")
    wal.write_bytes(b"stray log")
    with pytest.raises(DatabaseDamagedError) as caught:
        open_store(db_path, clock=clock)
    error = caught.value
    assert error.backups == []
    assert "No good backup was found" in str(error)
    assert error.damaged_path.read_bytes().startswith(b"These are my notes")
    # The -wal travels with its database so nothing in it is lost.
    assert Path(f"{error.damaged_path}-wal").read_bytes() == b"stray log"
    assert not wal.exists()


def test_two_damaged_files_in_one_second_get_distinct_names(
    db_path: Path, clock: FakeClock
) -> None:
    db_path.parent.mkdir(parents=True)
    names = set()
    for _ in range(2):
        db_path.write_bytes(b"garbage" * 1000)
        with pytest.raises(DatabaseDamagedError) as caught:
            open_store(db_path, clock=clock)
        names.add(caught.value.damaged_path)
    assert len(names) == 2 and all(p.exists() for p in names)


def test_read_only_open_of_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no diary file"):
        open_read_only(tmp_path / "gone.sqlite3")


def test_fill_helper_spreads_over_days(clock: FakeClock) -> None:
    # Guards the fixture's assumption that its two backups fall on different days.
    start = clock.now()
    clock.advance(24 * 3600)
    assert clock.now() - start == timedelta(days=1)
