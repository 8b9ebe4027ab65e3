"""Verified backup copies of the database and the rule for which ones to keep."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from coach.storage.errors import BackupError
from coach.storage.paths import create_private_file, ensure_private_dir, make_sidecars_private
from coach.storage.private_files import write_private

KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 9

BACKUP_PREFIX = "walking-coach-"
_STAMP_FORMAT = "%Y%m%d-%H%M%S"
# walking-coach-20261123-201500Z[-before-v2][-2].sqlite3; the stamp is UTC so names sort in
# time order across daylight-saving changes. A label marks copies taken before a migration.
_NAME = re.compile(
    r"^walking-coach-(?P<stamp>\d{8}-\d{6})Z(?:-(?P<label>[a-z][a-z0-9-]*?))?"
    r"(?:-(?P<count>\d+))?\.sqlite3$"
)
_PARTIAL_SUFFIX = ".partial"
# SQLite's own files beside a partial copy: a kill mid-backup can leave them behind.
_PARTIAL_SIDECARS = ("-journal", "-wal", "-shm")
_STALE_PARTIAL = timedelta(hours=1)
KEPT_SUFFIX = ".kept"
"""Appended to a backup's name to name its marker: kept until the person deletes it."""


@dataclass(frozen=True)
class BackupFile:
    """A backup file and what its name says about it."""

    path: Path
    taken_at: datetime
    label: str
    count: int

    @property
    def sort_key(self) -> tuple[datetime, int]:
        """Orders backups by time, then by the counter that separates same-second copies."""
        return (self.taken_at, self.count)


def parse_backup_name(path: Path) -> BackupFile | None:
    """What a backup file name says, or None when the name is not a backup's."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    # 20261123-201500 read as ISO 8601's basic form 20261123T201500: the same datetime as
    # strptime with _STAMP_FORMAT, without loading _strptime on every start (about 3 ms).
    taken_at = datetime.fromisoformat(match["stamp"].replace("-", "T")).replace(tzinfo=UTC)
    return BackupFile(path, taken_at, match["label"] or "", int(match["count"] or 0))


def backup_files(folder: Path) -> list[BackupFile]:
    """Every backup in the folder, newest first (unchecked)."""
    if not folder.is_dir():
        return []
    found = [parse_backup_name(p) for p in folder.iterdir() if p.is_file()]
    return sorted((b for b in found if b is not None), key=lambda b: b.sort_key, reverse=True)


def newest_backup_time(folder: Path) -> datetime | None:
    """When the newest backup in the folder was taken, or None if there is none."""
    files = backup_files(folder)
    return files[0].taken_at if files else None


def take_backup(conn: sqlite3.Connection, folder: Path, now: datetime, label: str = "") -> Path:
    """Copy the database with the backup API, check the copy and return its path.

    The copy is written under a temporary name and renamed only after it passes
    `PRAGMA integrity_check`, so a crash mid-way never leaves a half backup behind.
    """
    ensure_private_dir(folder)
    final = _free_name(folder, now, label)
    partial = final.with_name(final.name + _PARTIAL_SUFFIX)
    create_private_file(partial)
    try:
        target = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.backup(target)
            # A standalone copy: no -wal file needs to travel with it.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        make_sidecars_private(partial)
        problem = integrity_problem(partial)
        if problem is not None:
            raise BackupError(f"The backup {final} did not pass its check ({problem}).")
        os.replace(partial, final)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(f"Could not write the backup {final}: {error}.") from error
    finally:
        partial.unlink(missing_ok=True)
    _sync_folder(folder)
    return final


def integrity_problem(path: Path) -> str | None:
    """None when the file passes `PRAGMA integrity_check`, else what is wrong with it."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return str(error)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as error:
        return str(error)
    finally:
        conn.close()
    messages = [str(row[0]) for row in rows]
    return None if messages == ["ok"] else "; ".join(messages[:3])


def list_good_backups(folder: Path) -> list[Path]:
    """Backups that pass `PRAGMA integrity_check`, newest first."""
    return [b.path for b in backup_files(folder) if integrity_problem(b.path) is None]


def thin_backups(folder: Path, now: datetime) -> list[Path]:
    """Delete regular backups beyond 12 daily, 10 weekly and 9 monthly; return those deleted.

    Keeps the newest backup of each of the 12 most recent days that have one, of the 10
    most recent ISO weeks and of the 9 most recent months (dates in now's time zone), and
    always the newest backup. Never thinned: copies taken before a migration or an import,
    backups marked kept (see keep_all_backups), and the newest backup holding more rows
    than the newest one, which is the diary as it is now: after a fresh start or a mass
    delete, the copy that still has the old entries survives.
    """
    _remove_stale_partials(folder, now)
    regular = [b for b in backup_files(folder) if not b.label and not is_kept(b.path)]
    tz = now.tzinfo or UTC
    keep: set[Path] = {regular[0].path} if regular else set()
    keep.update(_newest_larger(regular))
    rules: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = (
        (KEEP_DAILY, lambda t: t.date()),
        (KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda t: (t.year, t.month)),
    )
    for count, period in rules:
        keep.update(_newest_per_period(regular, tz, period, count))
    removed = [b.path for b in regular if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    _remove_orphan_markers(folder)
    return removed


def is_kept(backup: Path) -> bool:
    """True when the backup has a kept marker: thinning never deletes it."""
    return backup.with_name(backup.name + KEPT_SUFFIX).exists()


def keep_all_backups(folder: Path, now: datetime, reason: str) -> list[Path]:
    """Mark every backup in the folder kept (until the person deletes it); return the marked.

    Called before a recovery choice or a restore: the backups taken until then may hold
    entries the diary that follows no longer has.
    """
    marked: list[Path] = []
    for backup in backup_files(folder):
        marker = backup.path.with_name(backup.path.name + KEPT_SUFFIX)
        if marker.exists():
            continue
        text = (
            f"{backup.path.name} is kept until you delete it: {reason} on "
            f"{now.isoformat(timespec='seconds')}. Delete this file with the backup.\n"
        )
        write_private(marker, text.encode("utf-8"))
        marked.append(backup.path)
    return marked


def row_count(path: Path) -> int | None:
    """How many rows the backup's tables hold together, or None when it cannot be read."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        tables = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        return sum(
            int(conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]) for (name,) in tables
        )
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _newest_larger(newest_first: list[BackupFile]) -> list[Path]:
    """The newest backup holding more rows than the newest of all, if any."""
    if not newest_first:
        return []
    current = row_count(newest_first[0].path) or 0
    for backup in newest_first[1:]:
        rows = row_count(backup.path)
        if rows is not None and rows > current:
            return [backup.path]
    return []


def _newest_per_period(
    newest_first: list[BackupFile],
    tz: tzinfo,
    period: Callable[[datetime], Hashable],
    count: int,
) -> list[Path]:
    seen: set[Hashable] = set()
    kept: list[Path] = []
    for backup in newest_first:
        key = period(backup.taken_at.astimezone(tz))
        if key not in seen and len(seen) < count:
            seen.add(key)
            kept.append(backup.path)
    return kept


def _free_name(folder: Path, now: datetime, label: str) -> Path:
    if now.tzinfo is None:
        raise ValueError("A backup time must include its time zone.")
    stem = BACKUP_PREFIX + now.astimezone(UTC).strftime(_STAMP_FORMAT) + "Z"
    if label:
        stem += f"-{label}"
    candidate = folder / f"{stem}.sqlite3"
    count = 1
    while candidate.exists() or candidate.with_name(candidate.name + _PARTIAL_SUFFIX).exists():
        count += 1
        candidate = folder / f"{stem}-{count}.sqlite3"
    return candidate


def remove_leftover_partials(folder: Path, now: datetime, older_than: timedelta) -> list[Path]:
    """Delete partial copies (and their -journal/-wal/-shm) named older than older_than.

    A partial copy is only ever that old when the process writing it was killed mid-backup;
    a backup in progress takes seconds. Returns the files deleted.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        name = path.name
        for sidecar in _PARTIAL_SIDECARS:
            name = name.removesuffix(sidecar)
        if not name.endswith(_PARTIAL_SUFFIX):
            continue
        parsed = parse_backup_name(path.with_name(name.removesuffix(_PARTIAL_SUFFIX)))
        if parsed is not None and abs(now - parsed.taken_at) > older_than and path.is_file():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _remove_stale_partials(folder: Path, now: datetime) -> None:
    # Another instance may be writing a backup right now: only an hour-old one is left over.
    remove_leftover_partials(folder, now, _STALE_PARTIAL)


def _remove_orphan_markers(folder: Path) -> None:
    # The person deleted a kept backup: its marker has nothing left to keep.
    for marker in folder.glob(f"*.sqlite3{KEPT_SUFFIX}"):
        if not marker.with_name(marker.name.removesuffix(KEPT_SUFFIX)).exists():
            marker.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    # Make the rename durable: the folder entry must reach the disk, not only the file.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
