"""Restoring a backup as the diary and taking one on request: the app and the CLI share this.

Restoring keeps whatever diary file is in place (moved aside, never overwritten) and marks
the damaged copies the restore answers as kept, so neither the app nor a command asks again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coach.domain.clock import Clock, SystemClock
from coach.storage.backups import backup_files, integrity_problem, take_backup
from coach.storage.database import Store, open_store, restore_backup
from coach.storage.errors import StoreError
from coach.storage.paths import database_path
from coach.storage.recovery import find_recovery_offer, mark_kept

KEPT_FOR_RESTORE = "the person restored a backup instead"
"""Written in the marker beside each damaged copy that a restore answered."""
MANUAL_LABEL = "manual"
"""Label of a backup taken on request; labelled copies are never thinned away."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when it was taken, and what is wrong with it (None when it is good)."""

    path: Path
    taken_at: datetime
    problem: str | None


def list_backups(database: Path | None = None) -> list[BackupInfo]:
    """Every backup of the diary, newest first, each checked with PRAGMA integrity_check."""
    folder = (database or database_path()).parent / "backups"
    return [BackupInfo(b.path, b.taken_at, integrity_problem(b.path)) for b in backup_files(folder)]


def find_backup(name: str, database: Path | None = None) -> Path:
    """The backup a person named: a path, or a file name in the backups folder."""
    given = Path(name).expanduser()
    folder = (database or database_path()).parent / "backups"
    for candidate in (given, folder / given.name):
        if candidate.is_file():
            return candidate
    raise StoreError(f"There is no backup {name}; `walkcoach restore --list` shows them all.")


def newest_good_backup(database: Path | None = None) -> Path:
    """The newest backup that passes its check; StoreError when there is none."""
    good = [b.path for b in list_backups(database) if b.problem is None]
    if not good:
        raise StoreError("No good backup was found, so nothing can be restored.")
    return good[0]


def restore_and_resolve(
    backup: Path, database: Path | None = None, *, clock: Clock | None = None
) -> Store:
    """Restore the backup as the diary (the file in place kept aside) and open it.

    Damaged copies waiting for an answer are marked kept, so no one asks about them again.
    Raises StoreError when the backup is damaged or cannot be copied; nothing changes then.
    """
    path = database or database_path()
    clock = clock or SystemClock()
    offer = find_recovery_offer(path)
    store = restore_backup(backup, path, clock=clock)
    if offer is not None and offer.damaged:
        mark_kept(offer, clock.now(), KEPT_FOR_RESTORE)
    return store


def backup_on_request(database: Path | None = None, *, clock: Clock | None = None) -> Path:
    """Open the diary, take a verified backup that is never thinned, and return its path."""
    clock = clock or SystemClock()
    with open_store(database, clock=clock) as store:
        return take_backup(store.connection, store.backup_folder, clock.now(), MANUAL_LABEL)
