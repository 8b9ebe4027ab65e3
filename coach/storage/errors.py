"""Errors of the store; each message says what went wrong and which file it concerns."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Something the store could not do; str(error) is a message a person can act on."""


class DatabaseTooNewError(StoreError):
    """The database was written by a newer version of the app; it was left untouched."""

    def __init__(self, path: Path, version: int, latest: int) -> None:
        super().__init__(
            f"Your diary at {path} was saved by a newer version of Walking Coach "
            f"(data version {version}; this version understands up to {latest}). "
            "Please update the app to open it. The file has not been changed."
        )
        self.path = path
        self.version = version
        self.latest = latest


class DatabaseDamagedError(StoreError):
    """The database failed its check and was moved aside; good backups are offered."""

    def __init__(self, path: Path, damaged_path: Path, backups: list[Path], detail: str) -> None:
        if backups:
            offer = f"The newest good backup is {backups[0]}; it can be restored."
        else:
            offer = "No good backup was found; the damaged file can still be opened read-only."
        super().__init__(
            f"Your diary at {path} is damaged ({detail}). "
            f"Nothing was deleted: the damaged file was moved to {damaged_path}. {offer}"
        )
        self.path = path
        self.damaged_path = damaged_path
        self.backups = backups
        self.detail = detail


class MigrationError(StoreError):
    """Updating the database to this version of the app failed; the update was undone."""


class BackupError(StoreError):
    """A backup could not be written or did not pass its check."""


class RecordNotFoundError(StoreError):
    """A diary entry or walk with the given id is not in the store."""


class ReadOnlyStoreError(StoreError):
    """A change was attempted on a store opened read-only."""
