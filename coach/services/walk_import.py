"""Importing walks from watch and phone files, for the app and the command line.

Read every file and compare it with the diary (`preview_walk_files`), show that, then save
(`apply_walk_import`): a backup first, then every new walk in one transaction, reported as
a change to the walks. GUI thread (or the command's one thread) only, like the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from coach.domain.walk_files.model import WalkFile
from coach.domain.walk_files.preview import FileStatus, WalkImportPreview, preview_walks
from coach.domain.walk_files.reading import WalkFileRefused, read_walk_file
from coach.domain.walks import HISTORY_START
from coach.services.changes import Change
from coach.services.diary import Diary
from coach.storage.walk_import import WalkImportResult, save_walks

__all__ = [
    "FileStatus",
    "ImportCancelledError",
    "Progress",
    "WalkImportPreview",
    "WalkImportResult",
    "apply_walk_import",
    "preview_walk_files",
    "read_files",
]


Progress = Callable[[int, int], bool]
"""Called after each file with (files read, files in all); returning False cancels."""


class ImportCancelledError(Exception):
    """The person cancelled while the files were read; nothing was saved."""


def read_files(
    paths: Sequence[Path], now: datetime, progress: Progress | None = None
) -> list[tuple[Path, WalkFile | str]]:
    """Each file's walk, or the reason it is refused; walks without an offset get now's zone.

    Raises ImportCancelledError when progress returns False (a folder of 500 files takes a
    while); nothing has been saved by then, so cancelling leaves the diary as it was.
    """
    zone = now.tzinfo
    if zone is None:
        raise ValueError("The time of the import must include its time zone.")
    read: list[tuple[Path, WalkFile | str]] = []
    for path in paths:
        try:
            read.append((path, read_walk_file(path, zone, now)))
        except WalkFileRefused as error:
            read.append((path, error.reason))
        if progress is not None and not progress(len(read), len(paths)):
            raise ImportCancelledError(f"Cancelled after {len(read)} of {len(paths)} files.")
    return read


def preview_walk_files(
    diary: Diary, paths: Sequence[Path], now: datetime, progress: Progress | None = None
) -> WalkImportPreview:
    """What importing these files would add, skip as already saved, or refuse, and why."""
    read = read_files(paths, now, progress)
    saved = diary.walks.between(HISTORY_START, now + timedelta(days=2))
    return preview_walks(read, saved)


def apply_walk_import(diary: Diary, preview: WalkImportPreview, now: datetime) -> WalkImportResult:
    """Save the preview's new walks with their cadence: a backup first, then all or none."""
    walks = [(o.record(), o.walk.cadence if o.walk else ()) for o in preview.to_add]
    result = save_walks(diary.store, walks, now)
    if result.added:
        diary.changes.report(Change.WALKS)
    return result
