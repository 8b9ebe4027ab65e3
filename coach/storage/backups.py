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
_STALE_PARTIAL = timedelta(hours=1)


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
    taken_at = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
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
    always the newest backup. Copies taken before a migration are never thinned.
    """
    regular = [b for b in backup_files(folder) if not b.label]
    tz = now.tzinfo or UTC
    keep: set[Path] = {regular[0].path} if regular else set()
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
    _remove_stale_partials(folder, now)
    return removed


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


def _remove_stale_partials(folder: Path, now: datetime) -> None:
    # A partial copy older than an hour belongs to a process that was killed mid-backup.
    for path in folder.glob(f"*{_PARTIAL_SUFFIX}"):
        parsed = parse_backup_name(path.with_name(path.name.removesuffix(_PARTIAL_SUFFIX)))
        if parsed is not None and now - parsed.taken_at > _STALE_PARTIAL:
            path.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    # Make the rename durable: the folder entry must reach the disk, not only the file.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
