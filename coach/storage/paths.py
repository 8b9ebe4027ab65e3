"""Where the app keeps its files, and creating them so only the user can read them."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

import platformdirs

from coach import APP_NAME, APP_ORGANIZATION
from coach.storage.errors import DataFolderError

DATA_DIR_ENV = "COACH_DATA_DIR"
"""Environment variable that moves the whole data folder (for tests, or to keep it elsewhere)."""

DATABASE_NAME = "walking-coach.sqlite3"
"""File name of the one database inside the data folder."""

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600

_FOREIGN = "belongs to another user"
_USE_YOUR_OWN = f"Set {DATA_DIR_ENV} to a folder of your own, or fix the folder's owner."
_USE_WRITABLE = f"Set {DATA_DIR_ENV} to a folder on a writable disk, or make this one writable."

FREE_SPACE = "Free some space on that disk, then try again."
_SQLITE_IOERR = 10
_SQLITE_FULL = 13
# Below this much free space, SQLite's "disk I/O error" means the disk is full.
_NEARLY_FULL_BYTES = 256 * 1024

# Files SQLite creates next to a database; they hold diary data too.
SIDECAR_SUFFIXES: tuple[str, ...] = ("-wal", "-shm", "-journal")


def data_dir() -> Path:
    """The private folder holding the database and its backups, created if missing."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return ensure_private_dir(Path(override).expanduser())
    return ensure_private_dir(Path(platformdirs.user_data_dir(APP_NAME, APP_ORGANIZATION)))


def log_dir() -> Path:
    """The private folder for log files, created if missing."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return ensure_private_dir(Path(override).expanduser() / "logs")
    return ensure_private_dir(Path(platformdirs.user_log_dir(APP_NAME, APP_ORGANIZATION)))


def backup_dir() -> Path:
    """The private folder of database backups inside the data folder."""
    return ensure_private_dir(data_dir() / "backups")


def speech_cache_dir() -> Path:
    """The private folder of rendered spoken phrases inside the data folder (a cache)."""
    return ensure_private_dir(data_dir() / "speech-cache")


def database_path() -> Path:
    """The database file in the data folder (the file itself may not exist yet)."""
    return data_dir() / DATABASE_NAME


def ensure_private_dir(path: Path) -> Path:
    """Create the folder (and missing parents) 0700, or narrow an existing one to the user.

    Permission bits are only ever taken away, so a folder the person made read-only (0500)
    stays read-only. Raises DataFolderError (one line: which folder, why, what to do) when
    the folder cannot be made or belongs to another user.
    """
    try:
        if not create_private_dirs(path):
            _narrow_to_owner(path)
    except OSError as error:
        raise folder_error(_nearest_existing(path), error) from None
    return path


def _nearest_existing(path: Path) -> Path:
    """The folder itself, or the closest parent that exists: the one that refused a mkdir."""
    for folder in (path, *path.parents):
        with contextlib.suppress(OSError):
            if folder.is_dir():
                return folder
    return path


def _narrow_to_owner(path: Path) -> None:
    info = path.stat()
    if info.st_uid != _my_uid():
        raise PermissionError(errno.EPERM, _FOREIGN, str(path))
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        os.chmod(path, mode & PRIVATE_DIR_MODE)


def writable_problem(folder: Path) -> OSError | None:
    """Why files cannot be created in the folder (read-only disk, no permission), or None."""
    if os.access(folder, os.W_OK | os.X_OK):
        return None
    try:
        read_only_disk = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError as error:
        return error
    if read_only_disk:
        return OSError(errno.EROFS, os.strerror(errno.EROFS), str(folder))
    return PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))


def folder_error(folder: Path, error: OSError, diary: Path | None = None) -> DataFolderError:
    """The one-line DataFolderError for an OSError met while making or writing to a folder."""
    code = error.errno
    denied = code in (errno.EACCES, errno.EPERM)
    if error.strerror == _FOREIGN or (denied and _foreign(folder)):
        reason, remedy = f"it belongs to another user ({_owner(folder)})", _USE_YOUR_OWN
    elif code == errno.EROFS:
        reason, remedy = "it is on a read-only disk", _USE_WRITABLE
    elif code == errno.ENOSPC:
        reason, remedy = "disk full", FREE_SPACE
    elif denied and _owned_read_only(folder):
        reason = "you made it read-only"
        remedy = f"To save again, make it writable (chmod u+w '{folder}')."
    elif denied:
        reason, remedy = "permission denied", _USE_YOUR_OWN
    else:
        reason, remedy = (error.strerror or str(error)).lower(), _USE_WRITABLE
    return DataFolderError(folder, reason, remedy, diary)


def disk_full(error: BaseException, folder: Path) -> bool:
    """True when the error came from a full disk (SQLite often says only "disk I/O error")."""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code == _SQLITE_FULL:
        return True
    return code == _SQLITE_IOERR and _nearly_full(folder)


def _nearly_full(folder: Path) -> bool:
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # gone, or Windows
        return False
    return info.f_bavail * info.f_frsize < _NEARLY_FULL_BYTES


def _foreign(folder: Path) -> bool:
    try:
        return folder.stat().st_uid != _my_uid()
    except OSError:
        return False


def _owned_read_only(folder: Path) -> bool:
    """True for an existing folder of the user's own without write permission for them."""
    try:
        info = folder.stat()
    except OSError:
        return False
    return info.st_uid == _my_uid() and not info.st_mode & stat.S_IWUSR


def _owner(folder: Path) -> str:
    try:
        uid = folder.stat().st_uid
    except OSError:
        return "unknown"
    try:
        import pwd  # POSIX only

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"user id {uid}"


def _my_uid() -> int:
    # Windows has no user ids; there st_uid is always 0, as is this.
    return os.geteuid() if hasattr(os, "geteuid") else 0


def create_private_dirs(path: Path) -> list[Path]:
    """Create the folder and its missing parents with mode 0700; return those made, outermost first.

    Folders that already exist are left exactly as they are (an export into ~/Documents
    must not change the mode of ~/Documents).
    """
    missing: list[Path] = []
    for folder in (path, *path.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    made: list[Path] = []
    try:
        for folder in reversed(missing):
            folder.mkdir(mode=PRIVATE_DIR_MODE)
            made.append(folder)
            os.chmod(folder, PRIVATE_DIR_MODE)  # mkdir's mode is filtered by the umask
    except BaseException:
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return made


def create_private_file(path: Path) -> None:
    """Create the file empty with mode 0600 if missing; an existing file keeps its content.

    SQLite gives the -wal, -shm and -journal files the mode of the database file, so
    creating it ourselves first keeps all of them private whatever the umask is.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE)
    try:
        os.fchmod(fd, PRIVATE_FILE_MODE)
    finally:
        os.close(fd)


def make_private(path: Path) -> None:
    """Set an existing file to mode 0600; a missing file is left alone."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, PRIVATE_FILE_MODE)


def sidecar_paths(database: Path) -> list[Path]:
    """The -wal, -shm and -journal paths that belong to a database file."""
    return [database.with_name(database.name + suffix) for suffix in SIDECAR_SUFFIXES]


def make_sidecars_private(database: Path) -> None:
    """Set whichever of the database's -wal, -shm and -journal files exist to mode 0600."""
    for sidecar in sidecar_paths(database):
        make_private(sidecar)
