"""Crash test of the store: the parent side, which kills diary writers with SIGKILL.

run_kills() starts `python -m tools.crash.child DATABASE` again and again, kills
each child at a random moment and checks that every row it reported is in the file and
that `PRAGMA integrity_check` says ok. Used by tests/storage/test_crash.py and
benchmarks/store_crash.py.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from coach.storage.database import open_store

# Rows reported before the kill; up to a few dozen keeps each round short.
MAX_ROWS_BEFORE_KILL = 24
# One kill in this many lands during start-up: imports, opening, migrating.
STARTUP_KILL_ONE_IN = 8
# The child is tools.crash.child, which lives in the checkout and is never installed.
CHECKOUT = Path(__file__).resolve().parents[2]


@dataclass
class KillReport:
    """What a series of kills found."""

    kills: int = 0
    reported_rows: int = 0
    lost_rows: int = 0
    integrity_failures: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """The one-line RESULT summary the benchmark prints."""
        return (
            f"RESULT kills={self.kills} lost_rows={self.lost_rows} "
            f"integrity_failures={self.integrity_failures} reported_rows={self.reported_rows}"
        )


def run_kills(database: Path, kills: int, seed: int) -> KillReport:
    """Kill `kills` children at random moments and check the database after each kill."""
    rng = random.Random(seed)
    report = KillReport()
    expected: dict[int, tuple[int, int]] = {}
    for _ in range(kills):
        reported = _one_kill(database, rng, report)
        report.reported_rows += len(reported)
        expected.update(reported)
        report.kills += 1
        _check(database, expected, report)
    return report


def _child_env() -> dict[str, str]:
    """This environment with the checkout first on PYTHONPATH, so the child finds tools/."""
    paths = [str(CHECKOUT), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in paths if path)}


def _one_kill(database: Path, rng: random.Random, report: KillReport) -> dict[int, tuple[int, int]]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tools.crash.child", str(database)],
        env=_child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    reported: dict[int, tuple[int, int]] = {}
    if rng.randrange(STARTUP_KILL_ONE_IN) == 0:
        time.sleep(rng.uniform(0.0, 0.08))
    else:
        wanted = rng.randint(0, MAX_ROWS_BEFORE_KILL)
        _read_rows(child.stdout, wanted, reported)
        time.sleep(rng.uniform(0.0, 0.001))
    child.kill()
    child.wait()
    # Lines still in the pipe were printed after their commit, so they count too.
    _read_rows(child.stdout, None, reported)
    child.stdout.close()
    errors = child.stderr.read()
    child.stderr.close()
    if child.returncode != -signal.SIGKILL:
        report.problems.append(f"the child stopped by itself ({child.returncode}): {errors}")
    return reported


def _read_rows(stream: IO[str], wanted: int | None, into: dict[int, tuple[int, int]]) -> None:
    """Read reported rows until `wanted` more arrived (None: until the pipe ends)."""
    got = 0
    while wanted is None or got < wanted:
        line = stream.readline()
        if not line.endswith("\n"):
            return  # the pipe ended (or a line was cut off by the kill: not reported)
        parts = line.split()
        if len(parts) == 3:
            into[int(parts[0])] = (int(parts[1]), int(parts[2]))
            got += 1


def _check(database: Path, expected: dict[int, tuple[int, int]], report: KillReport) -> None:
    try:
        store = open_store(database)
    except Exception as error:  # any failure to reopen is exactly what this test looks for
        report.integrity_failures += 1
        report.problems.append(f"kill {report.kills}: reopening failed: {error}")
        return
    try:
        rows = store.connection.execute("PRAGMA integrity_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            report.integrity_failures += 1
            report.problems.append(f"kill {report.kills}: {[r[0] for r in rows][:3]}")
        found = {
            row[0]: (row[1], row[2])
            for row in store.connection.execute("SELECT id, pain, length(note) FROM pain_entries")
        }
    finally:
        store.close()
    lost = [i for i, values in expected.items() if found.get(i) != values]
    if lost:
        report.lost_rows += len(lost)
        report.problems.append(f"kill {report.kills}: rows missing or changed: {lost[:10]}")
        for row_id in lost:
            del expected[row_id]  # count each loss once
