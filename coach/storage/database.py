"""Opening the one SQLite file safely: checks, migrations, transactions and backups."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from coach.domain.clock import Clock, SystemClock
from coach.storage.backups import (
    integrity_problem,
    keep_all_backups,
    list_good_backups,
    newest_backup_time,
    remove_leftover_partials,
    take_backup,
    thin_backups,
)
from coach.storage.errors import (
    DatabaseDamagedError,
    DatabaseTooNewError,
    DataFolderError,
    ReadOnlyStoreError,
    StoreError,
)
from coach.storage.migrations import LATEST_VERSION, migrate, user_version
from coach.storage.paths import (
    FREE_SPACE,
    create_private_file,
    database_path,
    disk_full,
    ensure_private_dir,
    folder_error,
    make_sidecars_private,
    sidecar_paths,
    writable_problem,
)
from coach.storage.recovery import has_content, missing_diary_error

__all__ = [
    "BACKUP_INTERVAL",
    "READ_ONLY_NOTE",
    "DataFolderError",
    "DatabaseDamagedError",
    "DatabaseTooNewError",
    "Store",
    "StoreError",
    "open_read_only",
    "open_read_only_instead",
    "open_store",
    "restore_backup",
]

BACKUP_INTERVAL = timedelta(minutes=30)
"""While data changes, a backup is taken at most this often (and always on close)."""

BUSY_TIMEOUT_MS = 5000
# SQLITE_CORRUPT and SQLITE_NOTADB: the file itself is bad, not merely busy or unreadable.
_DAMAGE_CODES = frozenset({11, 26})
_SQLITE_READONLY = 8

LEFTOVER_PARTIAL_AGE = timedelta(minutes=1)
"""At start, a partial backup named older than this was left by a killed process."""

_log = logging.getLogger(__name__)


class Store:
    """An open database with its transaction, change tracking and backup rules.

    Use it from one thread (the GUI thread); sqlite3 connections refuse other threads.
    """

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection,
        *,
        read_only: bool = False,
        clock: Clock | None = None,
    ) -> None:
        self.path = path
        self.connection = connection
        self.read_only = read_only
        self.backup_folder = path.parent / "backups"
        self._clock: Clock = clock or SystemClock()
        self._changed = False
        self._changes_at_backup = connection.total_changes
        self._last_backup_at = None if read_only else newest_backup_time(self.backup_folder)
        self._closed = False

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def changed_since_backup(self) -> bool:
        """True when data was written since the last backup (or since opening)."""
        return self._changed or self.connection.total_changes != self._changes_at_backup

    def note_change(self) -> None:
        """Record that data changed, so the next backup rule sees it."""
        self._changed = True

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT around the block, ROLLBACK if it raises.

        sqlite3 errors become StoreError naming the file. Nested use becomes a savepoint.
        After a commit a backup is taken if one is due (failures are logged, not raised:
        the data itself is already safely saved).
        """
        if self.read_only:
            raise ReadOnlyStoreError(
                f"{self.path} is open read-only, so nothing can be saved to it."
            )
        conn = self.connection
        nested = conn.in_transaction
        try:
            conn.execute("SAVEPOINT nested" if nested else "BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                _roll_back(conn, nested)
                raise
            conn.execute("RELEASE nested" if nested else "COMMIT")
        except sqlite3.Error as error:
            if not nested and conn.in_transaction:
                conn.execute("ROLLBACK")
            full = disk_full(error, self.path.parent)
            reason = f"disk full. {FREE_SPACE}" if full else f"{error}."
            raise StoreError(f"Could not save to {self.path}: {reason}") from error
        self.note_change()
        if not nested:
            self._backup_if_due()

    def query(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        """Run a read and return its rows; sqlite3 errors become StoreError naming the file."""
        try:
            return self.connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise StoreError(f"Could not read {self.path}: {error}.") from error

    def maybe_backup(self, now: datetime) -> Path | None:
        """Take a backup if data changed and the last one is 30 minutes old; return its path."""
        if self.read_only or not self.changed_since_backup:
            return None
        last = self._last_backup_at
        # abs(): a clock set back by hours must not stop backups until it catches up.
        if last is not None and abs(now - last) < BACKUP_INTERVAL:
            return None
        return self.backup_now(now)

    def backup_now(self, now: datetime) -> Path:
        """Take a verified backup, thin the old ones and return the new one's path."""
        path = take_backup(self.connection, self.backup_folder, now)
        thin_backups(self.backup_folder, now)
        self._changed = False
        self._changes_at_backup = self.connection.total_changes
        self._last_backup_at = now
        return path

    def close(self) -> None:
        """Back up if data changed since the last backup (unless read-only), then close.

        Never raises: every entry is already committed, so a failed exit backup (a full
        disk, a folder gone read-only) is logged rather than thrown at whoever closes.
        """
        if self._closed:
            return
        self._closed = True
        try:
            if not self.read_only and self.changed_since_backup:
                self.backup_now(self._clock.now())
        except (StoreError, OSError, sqlite3.Error):
            _log.warning("The backup on closing %s failed", self.path, exc_info=True)
        finally:
            with contextlib.suppress(sqlite3.Error):
                self.connection.close()
            if not self.read_only:
                with contextlib.suppress(OSError):
                    make_sidecars_private(self.path)

    def _backup_if_due(self) -> None:
        try:
            self.maybe_backup(self._clock.now())
        except (StoreError, OSError, sqlite3.Error):
            _log.warning("Periodic backup of %s failed", self.path, exc_info=True)


def open_store(
    path: Path | None = None, *, clock: Clock | None = None, new_diary: bool = False
) -> Store:
    """Create or open the database, check it, and bring its schema up to date.

    Raises DatabaseTooNewError (file untouched), DatabaseDamagedError (file moved aside,
    good backups listed), DiaryMissingError (no diary in place but damaged copies or
    backups remain, unless new_diary: the person chose to start a new one; nothing is
    created), DataFolderError (the folder cannot be written; its diary, if any, can be
    opened with open_read_only) or another StoreError saying what failed and where.
    """
    path = path if path is not None else database_path()
    clock = clock or SystemClock()
    _check_place(path, new_diary)
    try:
        create_private_file(path)
        _inspect(path)
        conn = _connect(path.as_posix(), uri=False)
    except _DamagedFileError as damage:
        raise _move_aside_damaged(path, clock, str(damage)) from damage
    except (OSError, sqlite3.Error) as error:
        raise _open_failed(path, error) from error
    try:
        _prepare(conn, path, clock)
    except sqlite3.Error as error:
        conn.close()
        raise _open_failed(path, error) from error
    except BaseException:
        conn.close()
        raise
    make_sidecars_private(path)
    return Store(path, conn, clock=clock)


def _check_place(path: Path, new_diary: bool) -> None:
    """Refuse before anything is created: a diary gone while copies remain, or no writing."""
    ensure_private_dir(path.parent)
    if not new_diary and (missing := missing_diary_error(path)) is not None:
        raise missing
    problem = writable_problem(path.parent)
    if problem is not None:
        readable = has_content(path) and os.access(path, os.R_OK)
        raise folder_error(path.parent, problem, path if readable else None)


def _open_failed(path: Path, error: OSError | sqlite3.Error) -> StoreError:
    if disk_full(error, path.parent):
        return StoreError(f"Could not open the diary at {path}: disk full. {FREE_SPACE}")
    return StoreError(f"Could not open the diary at {path}: {error}.")


def restore_backup(backup: Path, path: Path | None = None, *, clock: Clock | None = None) -> Store:
    """Copy a backup into place with the backup API and open it as the store.

    A file already at the destination is moved aside first, never overwritten.
    """
    path = path if path is not None else database_path()
    clock = clock or SystemClock()
    problem = integrity_problem(backup)
    if problem is not None:
        raise StoreError(f"The backup {backup} cannot be restored: it is damaged ({problem}).")
    ensure_private_dir(path.parent)
    folder_problem = writable_problem(path.parent)
    if folder_problem is not None:  # checked first: nothing is moved or marked then
        raise folder_error(path.parent, folder_problem)
    # The backups taken so far may hold entries the restored diary lacks: keep them all.
    keep_all_backups(path.parent / "backups", clock.now(), "taken before a restore")
    try:
        if _has_content(path):
            _move_aside(path, "before-restore", clock.now())
        create_private_file(path)
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"Could not restore {backup} to {path}: {error}.") from error
    make_sidecars_private(path)
    return open_store(path, clock=clock)


def open_read_only(damaged: Path, *, clock: Clock | None = None) -> Store:
    """Open a (possibly damaged) database for reading only; nothing can be saved to it."""
    if not damaged.is_file():
        raise StoreError(f"There is no diary file at {damaged}.")
    # In a folder nobody can write, SQLite cannot make the -shm a WAL file needs to be read;
    # nothing can change the file there either, so it is read as immutable.
    immutable = "&immutable=1" if writable_problem(damaged.parent) is not None else ""
    try:
        conn = _connect(f"{damaged.resolve().as_uri()}?mode=ro{immutable}", uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"Could not open {damaged} for reading: {error}.") from error
    make_sidecars_private(damaged)
    return Store(damaged, conn, read_only=True, clock=clock)


READ_ONLY_NOTE = "Your diary was opened read-only: everything can be seen, nothing new saved."


def open_read_only_instead(error: DataFolderError, *, clock: Clock | None = None) -> Store:
    """The diary in a folder that cannot be written, opened read-only; the error when none."""
    if error.diary is None:
        raise error
    return open_read_only(error.diary, clock=clock)


def _roll_back(conn: sqlite3.Connection, nested: bool) -> None:
    if nested:
        conn.execute("ROLLBACK TO nested")
        conn.execute("RELEASE nested")
    elif conn.in_transaction:
        conn.execute("ROLLBACK")


class _DamagedFileError(Exception):
    """The file failed quick_check or SQLite reported it corrupt."""


def _connect(target: str, *, uri: bool) -> sqlite3.Connection:
    # isolation_level=None: transactions are ours (BEGIN IMMEDIATE), not the module's guesses.
    conn = sqlite3.connect(target, uri=uri, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _inspect(path: Path) -> None:
    """Run quick_check and the version check on a read-only connection.

    Read-only, so a damaged or too-new file is never written to: a writable connection
    would checkpoint the -wal into it and delete the -wal when it closes.
    """
    conn = _connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _check(conn, path)
    except sqlite3.OperationalError as error:
        if error.sqlite_errorcode & 0xFF != _SQLITE_READONLY:
            raise
        # A hot rollback journal can only be replayed by a writer; check on one instead.
        conn.close()
        conn = _connect(path.as_posix(), uri=False)
        _check(conn, path)
    finally:
        conn.close()
        make_sidecars_private(path)


def _check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        version = user_version(conn)
    except sqlite3.DatabaseError as error:
        if error.sqlite_errorcode & 0xFF in _DAMAGE_CODES:
            raise _DamagedFileError(str(error)) from error
        raise
    messages = [str(row[0]) for row in rows]
    if messages != ["ok"]:
        raise _DamagedFileError("; ".join(messages[:3]))
    if version > LATEST_VERSION:
        raise DatabaseTooNewError(path, version, LATEST_VERSION)


def _prepare(conn: sqlite3.Connection, path: Path, clock: Clock) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: in WAL mode every commit is synced, so a power cut cannot undo a saved entry.
    conn.execute("PRAGMA synchronous = FULL")
    make_sidecars_private(path)
    remove_leftover_partials(path.parent / "backups", clock.now(), LEFTOVER_PARTIAL_AGE)
    migrate(conn, path.parent / "backups", clock.now(), database=path)


def _move_aside_damaged(path: Path, clock: Clock, detail: str) -> DatabaseDamagedError:
    damaged = _move_aside(path, "damaged", clock.now())
    # Whatever diary follows may start empty: the backups from before the damage stay.
    keep_all_backups(path.parent / "backups", clock.now(), "taken before the diary was damaged")
    return DatabaseDamagedError(path, damaged, list_good_backups(path.parent / "backups"), detail)


def _move_aside(path: Path, reason: str, now: datetime) -> Path:
    """Rename the file and its -wal/-shm/-journal to a free name; return the new path."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix}")
    count = 1
    while target.exists():
        count += 1
        target = path.with_name(f"{path.stem}.{reason}-{stamp}-{count}{path.suffix}")
    if path.exists():
        path.rename(target)
    # The -wal may hold the newest entries; it must travel with its database file.
    for old, new in zip(sidecar_paths(path), sidecar_paths(target), strict=True):
        if old.exists():
            old.rename(new)
    return target


def _has_content(path: Path) -> bool:
    files = [path, *sidecar_paths(path)]
    return any(f.exists() and f.stat().st_size > 0 for f in files)
