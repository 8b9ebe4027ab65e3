"""Writing the whole diary to private export files (CSV or JSON), for the app and the CLI.

The file contents come from coach.domain.diary_export; this module only reads every entry and
walk from the repositories and writes files with mode 0600, through a temporary file and a
rename so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO, Literal

from coach.domain.diary_export import export_json, export_pain_csv, export_walks_csv
from coach.domain.pain import PainEntry
from coach.domain.walks import WalkRecord
from coach.storage.pain_repo import PainRepository
from coach.storage.paths import PRIVATE_FILE_MODE, create_private_dirs
from coach.storage.walks_repo import WalkRepository

ExportFormat = Literal["csv", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json")
FILE_STEM = "walking-coach"
# Export takes everything the diary holds, whatever its year or UTC offset: import accepts
# local years 1900-2100 at offsets up to a day either side of UTC, which are UTC times
# outside those years (1900-01-01T00:30+14:00 is 1899-12-31 in UTC).
_FIRST = datetime(1, 1, 2, tzinfo=UTC)
_LAST = datetime(9999, 12, 30, tzinfo=UTC)
PARTIAL_SUFFIX = ".partial"
"""Ends the name of a file being written; it is renamed into place once complete."""
_PARTIAL_ATTEMPTS = 20


def all_pain(pain: PainRepository) -> list[PainEntry]:
    """Every diary entry, oldest first."""
    return pain.between(_FIRST, _LAST)


def all_walks(walks: WalkRepository) -> list[WalkRecord]:
    """Every walk, oldest first."""
    return walks.between(_FIRST, _LAST)


def write_private(path: Path, data: bytes) -> Path:
    """Write the bytes to path with mode 0600, replacing the file only once all is written.

    The temporary file is new (O_EXCL, O_NOFOLLOW) and randomly named in the target's own
    folder, so a file or link planted under a predictable name is never followed or
    overwritten. Raises OSError (nothing is left behind) when the file cannot be written.
    """
    with writing_private(path) as out:
        out.write(data)
    return path


@contextlib.contextmanager
def writing_private(path: Path) -> Iterator[BinaryIO]:
    """A private temporary file beside path to write (or stream) into, as write_private.

    When the block ends without an error the file is flushed to disk and renamed onto
    path; otherwise it is deleted and path is left as it was. For writers that need a
    file object (audio encoders); everything that has its bytes uses write_private.
    """
    fd, partial = _create_partial(path)
    try:
        with os.fdopen(fd, "w+b") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _create_partial(path: Path) -> tuple[int, Path]:
    """A new private file beside path, open for writing, and its name."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _attempt in range(_PARTIAL_ATTEMPTS):
        partial = path.with_name(f".{path.name}.{secrets.token_hex(6)}{PARTIAL_SUFFIX}")
        try:
            fd = os.open(partial, flags, PRIVATE_FILE_MODE)
        except FileExistsError:
            continue
        os.fchmod(fd, PRIVATE_FILE_MODE)  # the umask may have narrowed it; never widened
        return fd, partial
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def _sync_folder(folder: Path) -> None:
    # The rename reaches the disk only with the folder entry; some file systems refuse this.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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
