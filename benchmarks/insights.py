"""How long the two insights take over 10 years of diary: `python benchmarks/insights.py`.

Builds the diary in memory (a rating on waking every day, a guided walk with its ratings
before and after on five days a week, two more ratings on the others) and times
morning_after_walking and before_and_after_guided together; median of 7 runs.
"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime, timedelta

from coach.domain.insights import before_and_after_guided, morning_after_walking
from coach.domain.pain import PainContext, PainEntry
from coach.domain.walks import WalkKind, WalkRecord

DAYS = 3650
RUNS = 7


def diary() -> tuple[list[PainEntry], list[WalkRecord]]:
    """Ten years of ratings and guided walks."""
    start = datetime(2016, 1, 1, 7, tzinfo=UTC)
    entries: list[PainEntry] = []
    walks: list[WalkRecord] = []
    for d in range(DAYS):
        day = start + timedelta(days=d)
        entries.append(PainEntry(day, d % 7, PainContext.ON_WAKING))
        if d % 7 < 5:
            walks.append(WalkRecord(day + timedelta(hours=10), 1500.0, WalkKind.GUIDED, id=d + 1))
            before = PainEntry(day + timedelta(hours=10), 4, PainContext.BEFORE_WALK, walk_id=d + 1)
            after = PainEntry(day + timedelta(hours=11), 3, PainContext.AFTER_WALK, walk_id=d + 1)
            entries += [before, after]
        else:
            entries.append(PainEntry(day + timedelta(hours=12), 4, PainContext.OTHER))
            entries.append(PainEntry(day + timedelta(hours=20), 4, PainContext.EVENING))
    return entries, walks


def main() -> None:
    """Print the median and the RESULT line."""
    entries, walks = diary()
    runs = []
    for _ in range(RUNS):
        started = time.perf_counter()
        morning_after_walking(entries, walks, UTC)
        before_and_after_guided(entries, walks, UTC)
        runs.append((time.perf_counter() - started) * 1000)
    print(f"{len(entries):,} ratings, {len(walks):,} walks")
    print(f"RESULT insights_ms={statistics.median(runs):.1f} min_ms={min(runs):.1f}")


if __name__ == "__main__":
    main()
