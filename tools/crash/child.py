"""Crash-test child: `python -m tools.crash.child DATABASE` writes diary rows forever.

It prints "open" once the store is open, then "id pain note_length" for each entry, only
after its commit returned, so every printed row must survive a SIGKILL. Kept apart from
the parent (tools.crash.harness) so it starts with as few imports as possible.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from coach.domain.pain import NOTE_MAX_CHARS, PainContext, PainEntry
from coach.storage.database import open_store
from coach.storage.pain_repo import PainRepository


def child_main(database: Path) -> None:
    """Write diary rows until killed, reporting each one after its commit returned."""
    rng = random.Random()
    store = open_store(database)
    print("open", flush=True)
    repo = PainRepository(store)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    while True:
        # Notes up to the limit make rows of very different sizes, so pages split and overflow.
        note = "x" * rng.choice((0, 10, 300, NOTE_MAX_CHARS))
        entry = PainEntry(
            at=start + timedelta(minutes=rng.randrange(500_000)),
            pain=rng.randrange(11),
            context=rng.choice(list(PainContext)),
            note=note,
        )
        saved = repo.add(entry)
        print(saved.id, saved.pain, len(saved.note), flush=True)


if __name__ == "__main__":
    child_main(Path(sys.argv[1]))
