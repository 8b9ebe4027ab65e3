"""Where the app keeps its files, and creating them so only the user can read them."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

from coach import APP_NAME, APP_ORGANIZATION

DATA_DIR_ENV = "COACH_DATA_DIR"
"""Environment variable that moves the whole data folder (for tests, or to keep it elsewhere)."""

DATABASE_NAME = "walking-coach.sqlite3"
"""File name of the one database inside the data folder."""

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600

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


def database_path() -> Path:
    """The database file in the data folder (the file itself may not exist yet)."""
    return data_dir() / DATABASE_NAME


def ensure_private_dir(path: Path) -> Path:
    """Create the folder (and missing parents) and make it readable by the user only."""
    path.mkdir(parents=True, exist_ok=True)
    # mkdir's mode is filtered by the umask and ignored for existing folders: set it outright.
    os.chmod(path, PRIVATE_DIR_MODE)
    return path


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
