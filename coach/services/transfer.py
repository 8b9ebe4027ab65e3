"""The whole diary to export files, and a previewed import into it, for the app and the CLI.

The files are written by coach.storage.diary_files and the import saved by
coach.storage.diary_import (a backup first, then every new rating in one transaction); this
module is the one way screens and commands reach them, and reports what an import changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from coach.domain.diary.file_format import DiaryKey
from coach.domain.diary.import_preview import ImportPreview
from coach.services.changes import Change
from coach.services.diary import Diary
from coach.storage import diary_files, diary_import
from coach.storage.diary_files import EXPORT_FORMATS, ExportFormat, format_for
from coach.storage.diary_import import ImportResult

__all__ = [
    "EXPORT_FORMATS",
    "DiaryContents",
    "ExportFormat",
    "ImportResult",
    "apply_import",
    "diary_contents",
    "export_diary",
    "format_for",
]


def export_diary(diary: Diary, target: Path, file_format: ExportFormat, today: date) -> list[Path]:
    """Write every rating and walk to target (a folder or a file); the files written.

    Raises OSError when a file cannot be written, StoreError when the diary cannot be read.
    """
    return diary_files.export_diary(diary.pain, diary.walks, target, file_format, today)


@dataclass(frozen=True)
class DiaryContents:
    """What an import preview compares a file with: the ratings and walks already saved."""

    keys: frozenset[DiaryKey]
    walk_ids: frozenset[int]


def diary_contents(diary: Diary) -> DiaryContents:
    """The keys of every saved rating and the ids of every walk."""
    walks = diary_files.all_walks(diary.walks)
    return DiaryContents(diary.pain.keys(), frozenset(w.id for w in walks if w.id is not None))


def apply_import(diary: Diary, preview: ImportPreview, now: datetime) -> ImportResult:
    """Save the preview's new ratings: a backup first, then all of them or none."""
    result = diary_import.apply_import(diary.store, preview, now)
    if result.added:
        diary.changes.report(Change.PAIN)
    return result
