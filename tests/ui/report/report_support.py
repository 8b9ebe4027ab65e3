"""A diary with some months of ratings and walks for the report tests."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from coach.domain.clock import SystemClock
from coach.domain.pain import PainEntry
from coach.domain.walks import WalkKind, WalkRecord
from coach.storage.database import open_store
from coach.storage.pain_repo import PainRepository
from coach.storage.walks_repo import WalkRepository


def fill_store(path: Path, days: int) -> None:
    """A rating a day with a note and a walk every other day, up to now."""
    now = SystemClock().now()
    with open_store(path, new_diary=True) as store, store.transaction():
        pain, walks = PainRepository(store), WalkRepository(store)
        for days_ago in range(days):
            at = now - timedelta(days=days_ago, minutes=5)
            pain.add(PainEntry(at=at, pain=days_ago % 8, note=f"day {days_ago}"))
            if days_ago % 2 == 0:
                walks.add(WalkRecord(started_at=at, duration_s=900, kind=WalkKind.METRONOME))
