"""Time reading a 3-hour walk recorded once a second, as FIT and as GPX (issue 13).

Each file holds 10,800 points with cadence; the FIT file is written with fit-tool by the
tests' builder (about 20 s, once), the GPX file as text. Each parse is timed REPEATS times.
Run: .venv/bin/python benchmarks/walk_files.py
Prints each timing, the machine's load, and a RESULT line (target: at most 0.5 s each).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import UTC
from pathlib import Path

# The builders live with the tests, which write the same kind of files.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from walk_file_builders import FitWalk, fit_bytes, gpx_text

from coach.domain.walk_files.reading import parse_walk

TARGET_S = 0.5
REPEATS = 7
POINTS = 3 * 3600


def timed(data: bytes, suffix: str) -> list[float]:
    """Seconds for each of REPEATS parses of data."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        walk = parse_walk(data, suffix, UTC)
        times.append(time.perf_counter() - start)
        assert len(walk.cadence) == POINTS
    return times


def main() -> int:
    """Build both files, time them, print the figures; 0 when both meet the target."""
    files = {
        ".fit": fit_bytes(FitWalk(cadence=(55,) * POINTS, fraction=0.5)),
        ".gpx": gpx_text((56,) * POINTS).encode("utf-8"),
    }
    medians = {}
    for suffix, data in files.items():
        times = timed(data, suffix)
        medians[suffix] = statistics.median(times)
        print(
            f"{suffix[1:].upper()}: {len(data) / 1e6:.2f} MB, median {medians[suffix]:.3f} s, "
            f"best {min(times):.3f} s, worst {max(times):.3f} s"
        )
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    ok = all(m <= TARGET_S for m in medians.values())
    figures = ", ".join(f"{s[1:].upper()} {m:.3f} s" for s, m in medians.items())
    print(f"RESULT: {figures} (target {TARGET_S} s each): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
