"""Writing the whole diary to private export files (CSV or JSON), for the app and the CLI.

The file contents come from coach.domain.diary_export; this module only reads every entry and
walk from the repositories and writes files with mode 0600, through a temporary file and a
rename so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from coach.domain.diary_export import export_json, export_pain_csv, export_walks_csv
from coach.domain.pain import PainEntry
from coach.domain.walks import WalkRecord
from coach.storage.pain_repo import PainRepository
from coach.storage.paths import PRIVATE_FILE_MODE
from coach.storage.walks_repo import WalkRepository

ExportFormat = Literal["csv", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json")
FILE_STEM = "walking-coach"
_FIRST = datetime(1900, 1, 1, tzinfo=UTC)
_LAST = datetime(2101, 1, 1, tzinfo=UTC)


def all_pain(pain: PainRepository) -> list[PainEntry]:
    """Every diary entry, oldest first."""
    return pain.between(_FIRST, _LAST)


def all_walks(walks: WalkRepository) -> list[WalkRecord]:
    """Every walk, oldest first."""
    return walks.between(_FIRST, _LAST)


def write_private(path: Path, data: bytes) -> Path:
    """Write the bytes to path with mode 0600, replacing the file only once all is written."""
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    try:
        os.fchmod(fd, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


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

    Raises OSError when a file cannot be written; a folder that does not exist is created.
    """
    paths = export_paths(target, file_format, today)
    paths[0].parent.mkdir(parents=True, exist_ok=True)
    entries, walk_list = all_pain(pain), all_walks(walks)
    if file_format == "json":
        return [write_private(paths[0], export_json(entries, walk_list).encode("utf-8"))]
    write_private(paths[0], export_pain_csv(entries))
    write_private(paths[1], export_walks_csv(walk_list))
    return paths
