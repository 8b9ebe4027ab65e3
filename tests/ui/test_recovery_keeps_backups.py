"""Every choice in the app's recovery dialogs leaves the backups from before it in place."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.storage.backups import backup_files, is_kept
from coach.storage.database import Store, open_store, restore_backup
from coach.storage.errors import DatabaseDamagedError
from coach.storage.pain_repo import PainRepository
from coach.storage.paths import DATABASE_NAME
from coach.storage.recovery import RecoveryOffer
from coach.ui.store_recovery import RecoveryChoice, open_store_interactively

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


@pytest.fixture
def db_path(private_data_dir: Path) -> Path:
    return private_data_dir / DATABASE_NAME


def first(
    choice: RecoveryChoice,
) -> Callable[[DatabaseDamagedError, QWidget | None], RecoveryChoice]:
    """A chooser for the first dialog that always makes this choice."""

    def choose(_error: DatabaseDamagedError, _parent: QWidget | None) -> RecoveryChoice:
        return choice

    return choose


def again(choice: RecoveryChoice) -> Callable[[RecoveryOffer, QWidget | None], RecoveryChoice]:
    """A chooser for the dialog on a later start that always makes this choice."""

    def choose(_offer: RecoveryOffer, _parent: QWidget | None) -> RecoveryChoice:
        return choice

    return choose


@pytest.mark.parametrize("look_first", [RecoveryChoice.QUIT, RecoveryChoice.OPEN_READ_ONLY])
def test_start_a_new_empty_diary_keeps_the_old_backup(
    db_path: Path, look_first: RecoveryChoice
) -> None:
    clock = FakeClock(START)
    old = diary_with_backup(db_path, clock)
    damage(db_path)
    looked = open_store_interactively(db_path, choose=first(look_first), clock=clock)
    if looked is not None:
        looked.close()
    clock.advance(60)
    store = open_store_interactively(
        db_path, choose_again=again(RecoveryChoice.START_NEW), clock=clock
    )
    assert store is not None
    with store:
        use_for_a_year(store, clock)
    assert old.exists() and is_kept(old) and pain_rows(old) == 400


@pytest.mark.parametrize("when", ["on damage", "on a later start"])
def test_restore_keeps_every_backup_taken_before_it(db_path: Path, when: str) -> None:
    clock = FakeClock(START)
    old = diary_with_backup(db_path, clock)
    damage(db_path)
    if when == "on damage":
        store = open_store_interactively(
            db_path, choose=first(RecoveryChoice.RESTORE_BACKUP), clock=clock
        )
    else:
        open_store_interactively(db_path, choose=first(RecoveryChoice.QUIT), clock=clock)
        store = open_store_interactively(
            db_path, choose_again=again(RecoveryChoice.RESTORE_BACKUP), clock=clock
        )
    assert store is not None
    with store:
        use_for_a_year(store, clock)
    before = [b.path for b in backup_files(db_path.parent / "backups") if b.taken_at <= START]
    assert old in before and all(is_kept(path) for path in before)
    assert pain_rows(old) == 400


def test_restoring_an_older_backup_keeps_the_newer_ones(db_path: Path) -> None:
    clock = FakeClock(START)
    small = diary_with_backup(db_path, clock, entries=5)
    clock.advance(DAY)
    with open_store(db_path, clock=clock) as store:
        PainRepository(store).add(PainEntry(at=clock.now(), pain=2, note="later"))
        later = store.backup_now(clock.now())
    clock.advance(DAY)
    with restore_backup(small, db_path, clock=clock) as store:
        use_for_a_year(store, clock)
    assert small.exists() and later.exists()
    assert is_kept(small) and is_kept(later)


def test_a_command_after_damage_never_thins_the_old_backup(db_path: Path, tmp_path: Path) -> None:
    clock = FakeClock(datetime.now(UTC) - timedelta(days=1))
    old = diary_with_backup(db_path, clock)
    damage(db_path)
    with pytest.raises(DatabaseDamagedError):
        open_store(db_path, clock=clock)
    csv = tmp_path / "one.csv"
    csv.write_text("date,pain\n2026-03-03,4\n", encoding="utf-8")
    env = {**os.environ, "COACH_DATA_DIR": str(db_path.parent)}
    for _run in range(3):  # each run may start a diary, save and back up (or refuse)
        subprocess.run(
            [sys.executable, "-m", "coach", "import", "--yes", str(csv)],
            env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    assert old.exists() and is_kept(old) and pain_rows(old) == 400


def test_the_restore_command_keeps_every_backup_taken_before_it(db_path: Path) -> None:
    clock = FakeClock(datetime.now(UTC) - timedelta(days=1))
    old = diary_with_backup(db_path, clock)
    damage(db_path)
    env = {**os.environ, "COACH_DATA_DIR": str(db_path.parent)}
    done = subprocess.run(
        [sys.executable, "-m", "coach", "restore", "--yes"],
        env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert old.exists() and is_kept(old) and pain_rows(old) == 400
