"""Saving a diary import: a backup first, then every new entry in one transaction.

coach.domain.diary.import_preview.preview_import reads the file and decides what to add; this module
only saves `ImportPreview.to_add`, all of it or none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coach.domain.diary.file_format import entry_key
from coach.domain.diary.import_preview import ImportPreview
from coach.domain.pain import PainEntry
from coach.storage.backups import take_backup
from coach.storage.database import Store
from coach.storage.errors import ReadOnlyStoreError, StoreError
from coach.storage.pain_repo import PainRepository
from coach.storage.timestamps import require_aware

BACKUP_LABEL = "before-import"
"""Label of the copy taken before an import; labelled copies are never thinned away."""


@dataclass(frozen=True)
class ImportResult:
    """What an import saved, how many rows were already in the diary, and the copy taken first."""

    added: int
    backup: Path
    skipped: int = 0


def apply_import(store: Store, preview: ImportPreview, now: datetime) -> ImportResult:
    """Add the preview's new entries to the diary: all of them, or none if one fails.

    Duplicates are checked again inside the transaction: entries whose entry_key is already
    in the diary (saved since the preview was made) or repeated in the preview are skipped.
    Raises StoreError naming the entry that could not be saved; nothing is added then, and
    the backup taken first stays.
    """
    require_aware(now, "The time of the import")
    if store.read_only:
        raise ReadOnlyStoreError(f"{store.path} is open read-only, so nothing can be imported.")
    # Before BEGIN: SQLite refuses to back up through a connection that is writing.
    backup = take_backup(store.connection, store.backup_folder, now, label=BACKUP_LABEL)
    repo = PainRepository(store)
    with store.transaction():
        present = set(repo.keys())
        added = 0
        for number, entry in enumerate(preview.to_add, start=1):
            key = entry_key(entry)
            if key in present:
                continue
            try:
                repo.add(entry)
            except (StoreError, ValueError) as error:
                raise StoreError(
                    _failure(entry, number, len(preview.to_add), error, backup)
                ) from error
            present.add(key)
            added += 1
    return ImportResult(added=added, backup=backup, skipped=len(preview.to_add) - added)


def _failure(entry: PainEntry, number: int, total: int, error: Exception, backup: Path) -> str:
    when = entry.at.strftime("%Y-%m-%d %H:%M")
    return (
        f"Nothing was imported: entry {number} of {total} ({when}, pain {entry.pain}) "
        f"could not be saved. {error} Your diary is as it was before the import; "
        f"a copy of it is at {backup}."
    )
