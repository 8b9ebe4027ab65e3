"""Saving imported walks: a backup first, then every new walk in one transaction.

coach.domain.walk_files.preview decides what to add; this module saves the walks it says
to add, all of them or none, as coach.storage.diary_import does for pain ratings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coach.domain.walk_files.model import CadenceSample
from coach.domain.walk_files.preview import WalkIndex
from coach.domain.walks import WalkRecord
from coach.storage.backups import take_backup
from coach.storage.database import Store
from coach.storage.diary_files import all_walks
from coach.storage.diary_import import BACKUP_LABEL
from coach.storage.errors import ReadOnlyStoreError, StoreError
from coach.storage.timestamps import require_aware
from coach.storage.walks_repo import WalkRepository


@dataclass(frozen=True)
class WalkImportResult:
    """How many walks were saved, how many turned out to be there already, the copy taken."""

    added: int
    backup: Path
    skipped: int = 0


def save_walks(
    store: Store, walks: Sequence[tuple[WalkRecord, Sequence[CadenceSample]]], now: datetime
) -> WalkImportResult:
    """Add the walks (each with its cadence trace): all of them, or none if one fails.

    Duplicates are checked again inside the transaction, so a walk saved since the preview
    was made is skipped. Raises StoreError naming the walk that could not be saved; nothing
    is added then, and the backup taken first stays.
    """
    require_aware(now, "The time of the import")
    if store.read_only:
        raise ReadOnlyStoreError(f"{store.path} is open read-only, so nothing can be imported.")
    # Before BEGIN: SQLite refuses to back up through a connection that is writing.
    backup = take_backup(store.connection, store.backup_folder, now, label=BACKUP_LABEL)
    repo = WalkRepository(store)
    with store.transaction():
        index = WalkIndex((w.started_at, w.duration_s) for w in all_walks(repo))
        added = 0
        for number, (walk, trace) in enumerate(walks, start=1):
            if index.find(walk.started_at, walk.duration_s):
                continue
            try:
                repo.add(walk, trace)
            except (StoreError, ValueError) as error:
                raise StoreError(_failure(walk, number, len(walks), error, backup)) from error
            index.add(walk.started_at, walk.duration_s)
            added += 1
    return WalkImportResult(added=added, backup=backup, skipped=len(walks) - added)


def _failure(walk: WalkRecord, number: int, total: int, error: Exception, backup: Path) -> str:
    return (
        f"Nothing was imported: walk {number} of {total} ({walk.source_name}, "
        f"{walk.started_at:%Y-%m-%d %H:%M}) could not be saved. {error} Your diary is as it "
        f"was before the import; a copy of it is at {backup}."
    )
