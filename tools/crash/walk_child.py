"""Crash-test child: `python -m tools.crash.walk_child DATABASE` saves one walk.

It saves a walk with its pain before and after through Diary.add_walk, stopping before every
SQL statement of the save: it prints "step SQL" and waits for a line on stdin before the
statement runs, so the parent (tests/services/test_walk_crash.py) can SIGKILL it between any
two steps. It prints "saved WALK_ID" once the save returned.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from coach.domain.pain import PainContext, PainEntry
from coach.domain.walks import WalkKind, WalkRecord
from coach.services.changes import ChangeFeed
from coach.services.diary import Diary
from coach.storage.database import open_store

STARTED = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
WALK = WalkRecord(STARTED, 20 * 60.0, WalkKind.GUIDED, cadence_spm=104.0)
RATINGS = (
    PainEntry(at=STARTED, pain=4, context=PainContext.BEFORE_WALK, note="before"),
    PainEntry(at=STARTED + timedelta(minutes=21), pain=3, context=PainContext.AFTER_WALK),
)


def _pause_before(statement: str) -> None:
    """Called by SQLite as each statement starts: report it, wait for the parent's go."""
    print("step", " ".join(statement.split()), flush=True)
    sys.stdin.readline()


def child_main(database: Path) -> None:
    """Open the store, then save the walk one paused statement at a time."""
    store = open_store(database)
    print("open", flush=True)
    store.connection.set_trace_callback(_pause_before)
    saved = Diary(store, ChangeFeed()).add_walk(WALK, RATINGS)
    store.connection.set_trace_callback(None)
    print("saved", saved.id, flush=True)


if __name__ == "__main__":
    child_main(Path(sys.argv[1]))
