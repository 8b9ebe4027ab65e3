"""Writing the whole diary to private export files (CSV or JSON), for the app and the CLI.

The file contents come from coach.domain.diary.export; this module only reads every entry and
walk from the repositories and writes files with mode 0600, through a temporary file and a
rename so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from coach.domain.diary.export import export_json, export_pain_csv, export_walks_csv
from coach.domain.pain import PainEntry
from coach.domain.walks import WalkRecord
from coach.storage.pain_repo import PainRepository
from coach.storage.paths import create_private_dirs
from coach.storage.private_files import write_private
from coach.storage.walks_repo import WalkRepository

__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "all_pain",
    "all_walks",
    "export_diary",
    "export_paths",
    "format_for",
    "write_private",
]

ExportFormat = Literal["csv", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json")
FILE_STEM = "walking-coach"
# Export takes everything the diary holds, whatever its year or UTC offset: import accepts
# local years 1900-2100 at offsets up to a day either side of UTC, which are UTC times
# outside those years (1900-01-01T00:30+14:00 is 1899-12-31 in UTC).
_FIRST = datetime(1, 1, 2, tzinfo=UTC)
_LAST = datetime(9999, 12, 30, tzinfo=UTC)


def all_pain(pain: PainRepository) -> list[PainEntry]:
    """Every diary entry, oldest first."""
    return pain.between(_FIRST, _LAST)


def all_walks(walks: WalkRepository) -> list[WalkRecord]:
    """Every walk, oldest first."""
    return walks.between(_FIRST, _LAST)


def format_for(target: Path, requested: ExportFormat | None) -> ExportFormat:
    """The format asked for, else the one the file name ends in, else CSV."""
    if requested is not None:
        return requested
    return "json" if target.suffix.lower() == ".json" else "csv"


def export_paths(target: Path, file_format: ExportFormat, today: date) -> list[Path]:
    """Where the export goes: named files inside a folder, or the file named (CSV: walks beside).

    A target that is an existing folder, or has no file suffix, is a folder.
    """
    stamp = today.strftime("%Y-%m-%d")
    if target.is_dir() or not target.suffix:
        if file_format == "json":
            return [target / f"{FILE_STEM}-{stamp}.json"]
        return [target / f"{FILE_STEM}-pain-{stamp}.csv", target / f"{FILE_STEM}-walks-{stamp}.csv"]
    if file_format == "json":
        return [target]
    return [target, target.with_name(f"{target.stem}-walks{target.suffix}")]


def export_diary(
    pain: PainRepository,
    walks: WalkRepository,
    target: Path,
    file_format: ExportFormat,
    today: date,
) -> list[Path]:
    """Export every entry and walk to target (a folder or a file) and return the files written.

    Raises OSError when a file cannot be written. Missing folders are created with mode 0700,
    and removed again (with anything written in them) when the export fails.
    """
    paths = export_paths(target, file_format, today)
    entries, walk_list = all_pain(pain), all_walks(walks)
    if file_format == "json":
        contents = [export_json(entries, walk_list).encode("utf-8")]
    else:
        contents = [export_pain_csv(entries), export_walks_csv(walk_list)]
    created = create_private_dirs(paths[0].parent)
    try:
        return [write_private(path, data) for path, data in zip(paths, contents, strict=False)]
    except BaseException:
        if created:  # a folder made for this export goes again, with what was written in it
            shutil.rmtree(created[0], ignore_errors=True)
        raise
