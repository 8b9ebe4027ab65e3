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


class DataFolderError(StoreError):
    """A folder the app keeps data in cannot be created or written; one line says what to do.

    diary is the database file inside it when one exists and can still be read, so the
    caller can open it read-only instead.
    """

    def __init__(self, folder: Path, reason: str, remedy: str, diary: Path | None = None) -> None:
        super().__init__(f"Walking Coach cannot write to {folder}: {reason}. {remedy}")
        self.folder = folder
        self.reason = reason
        self.diary = diary


class DiaryMissingError(StoreError):
    """No diary is in place, but damaged copies or backups of one remain; nothing was created."""

    def __init__(self, path: Path, damaged: list[Path], backups: list[Path]) -> None:
        state = "empty" if path.exists() else "missing"
        parts = [f"Your diary at {path} is {state}, so nothing was opened or created."]
        if damaged:
            parts.append(f"The damaged copy is {damaged[0]}.")
        if backups:
            parts.append(
                f"The newest good backup is {backups[0]}: restore it with `walkcoach restore`, "
                "or start Walking Coach and choose to restore it."
            )
        else:
            parts.append(
                "No good backup was found: start Walking Coach to look at the damaged copy "
                "read-only or to start a new diary."
            )
        super().__init__(" ".join(parts))
        self.path = path
        self.damaged = damaged
        self.backups = backups
