"""What an import of walk files would do: add, skip as already there, or refuse, per file.

Pure: the caller reads the files (coach.domain.walk_files.reading) and passes the walks
already saved; saving the preview is coach.services.walk_import's job.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from coach.domain.walk_files.model import WalkFile
from coach.domain.walks import WalkKind, WalkRecord

SAME_START_S = 60.0
"""Two walks starting within a minute of each other are the same walk (the issue's rule):
watches and phones start their clocks within seconds of the button press."""

SIMILAR_DURATION_SHARE = 0.10
SIMILAR_DURATION_MIN_S = 60.0
"""Our own choice: lengths within a tenth of each other, or within a minute for short walks,
are the same walk counted by two devices (auto-pause and the stop press differ a little)."""


class FileStatus(StrEnum):
    """What the import does with one file."""

    ADDED = "added"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True)
class FileOutcome:
    """One file of the import: its walk (unless rejected), its status and the reason."""

    path: Path
    status: FileStatus
    walk: WalkFile | None = None
    reason: str = ""

    def record(self) -> WalkRecord:
        """The walk as the diary saves it; only for a file with a walk."""
        if self.walk is None:
            raise ValueError(f"{self.path} has no walk to save.")
        return to_walk_record(self.walk, self.path.name)


@dataclass(frozen=True)
class WalkImportPreview:
    """Every file of an import in the order given, with what will happen to it."""

    outcomes: tuple[FileOutcome, ...]

    @property
    def to_add(self) -> tuple[FileOutcome, ...]:
        """The files whose walks will be added."""
        return tuple(o for o in self.outcomes if o.status is FileStatus.ADDED)

    def count(self, status: FileStatus) -> int:
        """How many files have this status."""
        return sum(1 for o in self.outcomes if o.status is status)


def same_walk(start_a: datetime, length_a: float, start_b: datetime, length_b: float) -> bool:
    """Whether two walks are one: starts within a minute, lengths similar."""
    close = abs((start_a - start_b).total_seconds()) <= SAME_START_S
    return close and _similar(length_a, length_b)


class WalkIndex:
    """Walks by start time, to find one that is the same walk as a new one quickly."""

    def __init__(self, walks: Iterable[tuple[datetime, float]] = ()) -> None:
        self._walks = sorted(((s.timestamp(), d) for s, d in walks), key=lambda w: w[0])
        self._starts = [w[0] for w in self._walks]

    def find(self, start: datetime, length_s: float) -> bool:
        """Whether a walk already here is the same walk."""
        at = start.timestamp()
        low = bisect.bisect_left(self._starts, at - SAME_START_S)
        high = bisect.bisect_right(self._starts, at + SAME_START_S)
        return any(_similar(self._walks[i][1], length_s) for i in range(low, high))

    def add(self, start: datetime, length_s: float) -> None:
        """Remember one more walk."""
        at = start.timestamp()
        i = bisect.bisect_right(self._starts, at)
        self._starts.insert(i, at)
        self._walks.insert(i, (at, length_s))


def _similar(a: float, b: float) -> bool:
    return abs(a - b) <= max(SIMILAR_DURATION_MIN_S, SIMILAR_DURATION_SHARE * max(a, b))


def preview_walks(
    read: Sequence[tuple[Path, WalkFile | str]], saved: Iterable[WalkRecord]
) -> WalkImportPreview:
    """Each file read (its walk, or the reason it was refused) against the walks saved.

    A walk is a duplicate of a saved walk of any kind (a treadmill walk with the app's
    metronome and the watch on the wrist is one walk), and of a walk earlier in the same
    import (the same walk exported by the watch and by Strava).
    """
    index = WalkIndex((w.started_at, w.duration_s) for w in saved)
    outcomes = []
    for path, result in read:
        if isinstance(result, str):
            outcomes.append(FileOutcome(path, FileStatus.REJECTED, reason=result))
        elif index.find(result.start, result.duration_s):
            reason = "a walk starting within a minute of it, about as long, is already there"
            outcomes.append(FileOutcome(path, FileStatus.DUPLICATE, result, reason))
        else:
            index.add(result.start, result.duration_s)
            outcomes.append(FileOutcome(path, FileStatus.ADDED, result))
    return WalkImportPreview(tuple(outcomes))


def to_walk_record(walk: WalkFile, name: str) -> WalkRecord:
    """The WalkRecord of an imported walk; its cadence the median steps/min walked."""
    return WalkRecord(
        started_at=walk.start,
        duration_s=walk.duration_s,
        kind=WalkKind.IMPORTED,
        cadence_spm=walk.steps_per_min_median,
        source=walk.file_format,
        source_name=name[:200],
        distance_m=walk.distance_m,
        device=walk.device,
        sport=walk.sport,
    )
