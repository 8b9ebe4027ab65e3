"""What to offer on start when the diary is missing but damaged copies of it remain.

When a damaged diary is moved aside and the person opens it read-only (or quits), the next
start finds no database at the usual path. Creating a fresh empty one silently would hide
the damaged copy and the backups, so the start asks again until the person chooses. Choosing
is recorded with a small marker file beside each damaged copy (`<copy>.kept`); nothing is
ever renamed or deleted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coach.storage.backups import backup_files, keep_all_backups, list_good_backups
from coach.storage.errors import DiaryMissingError
from coach.storage.paths import sidecar_paths
from coach.storage.private_files import write_private

KEPT_SUFFIX = ".kept"
"""Appended to a damaged copy's file name to name its marker: it was seen and kept."""

# walking-coach.damaged-20261123-201500[-2].sqlite3, as database._move_aside names them.
_DAMAGED = re.compile(r"^(?P<stem>.+)\.damaged-(?P<stamp>\d{8}-\d{6})(?:-(?P<count>\d+))?$")


@dataclass(frozen=True)
class RecoveryOffer:
    """The choice to put to the person: damaged copies (newest first) and good backups."""

    database: Path
    damaged: tuple[Path, ...]
    backups: tuple[Path, ...]

    @property
    def newest_damaged(self) -> Path:
        """The most recent damaged copy: the one to open read-only."""
        return self.damaged[0]


def should_offer(
    database_has_content: bool, unresolved_damaged: Sequence[Path], backups_remain: bool = False
) -> bool:
    """Ask only without a diary in place, when a damaged copy is unresolved or backups remain."""
    return not database_has_content and (bool(unresolved_damaged) or backups_remain)


def damaged_copies(database: Path) -> list[Path]:
    """The damaged copies moved aside beside the database, newest first."""
    found: list[tuple[tuple[str, int], Path]] = []
    if not database.parent.is_dir():
        return []
    for path in database.parent.glob(f"{database.stem}.damaged-*{database.suffix}"):
        match = _DAMAGED.match(path.name.removesuffix(database.suffix))
        if match is not None and match["stem"] == database.stem and path.is_file():
            found.append(((match["stamp"], int(match["count"] or 1)), path))
    return [path for _key, path in sorted(found, key=lambda item: item[0], reverse=True)]


def kept_marker(damaged: Path) -> Path:
    """The marker file that records a damaged copy as seen and kept."""
    return damaged.with_name(damaged.name + KEPT_SUFFIX)


def unresolved_copies(database: Path) -> list[Path]:
    """Damaged copies without a kept marker, newest first."""
    return [path for path in damaged_copies(database) if not kept_marker(path).exists()]


def has_content(database: Path) -> bool:
    """True when the database file (or its -wal) exists and is not empty."""
    files = [database, *sidecar_paths(database)]
    return any(f.is_file() and f.stat().st_size > 0 for f in files)


def find_recovery_offer(database: Path) -> RecoveryOffer | None:
    """The offer to make before opening the store, or None when it can simply be opened.

    An offer is made when no diary is in place (missing, or an empty file) while damaged
    copies were never resolved or backups remain: a new empty diary is never made silently.
    """
    if has_content(database):
        return None  # a normal start never gets as far as checking the backups
    folder = database.parent / "backups"
    unresolved = unresolved_copies(database)
    if not should_offer(False, unresolved, bool(backup_files(folder))):
        return None
    return RecoveryOffer(database, tuple(unresolved), tuple(list_good_backups(folder)))


def missing_diary_error(database: Path) -> DiaryMissingError | None:
    """The refusal to open when no diary is in place but damaged copies or backups remain."""
    offer = find_recovery_offer(database)
    if offer is None:
        return None
    return DiaryMissingError(database, list(offer.damaged), list(offer.backups))


def mark_kept(offer: RecoveryOffer, now: datetime, reason: str) -> list[Path]:
    """Record the person's choice beside each damaged copy so the start stops asking.

    Every backup is marked kept too: the diary that follows the choice never thins them.
    """
    keep_all_backups(offer.database.parent / "backups", now, f"kept when {reason}")
    markers: list[Path] = []
    for damaged in offer.damaged:
        marker = kept_marker(damaged)
        text = (
            f"{damaged.name} was kept on {now.isoformat(timespec='seconds')}: {reason}. "
            "Nothing was deleted.\n"
        )
        write_private(marker, text.encode("utf-8"))
        markers.append(marker)
    return markers
