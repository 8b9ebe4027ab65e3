"""A walk and its two ratings survive a SIGKILL at any step of the save together, or not at all.

The child (tools.crash.walk_child) stops before every SQL statement of
Diary.add_walk; the test kills it there, one step further each time, and opens the real
SQLite file afterwards, as the app would on its next start.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from coach.storage.database import open_store

CHILD = [sys.executable, "-m", "tools.crash.walk_child"]


def _start(database: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [*CHILD, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "open\n", child.communicate()
    return child


def _go_on(child: subprocess.Popen[str]) -> str:
    """Let the paused statement run; the child's next line (the next step, or 'saved')."""
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write("\n")
    child.stdin.flush()
    return child.stdout.readline()


def _steps_of_a_whole_save(database: Path) -> list[str]:
    child = _start(database)
    assert child.stdout is not None
    steps = []
    line = child.stdout.readline()
    while line.startswith("step "):
        steps.append(line.removeprefix("step ").strip())
        line = _go_on(child)
    assert line.startswith("saved "), (line, child.communicate())
    child.communicate()
    assert child.returncode == 0
    return steps


def _kill_before_step(database: Path, step: int) -> None:
    """Start a save, let `step` statements run, SIGKILL it before the next one (or after)."""
    child = _start(database)
    assert child.stdout is not None
    line = child.stdout.readline()
    for _ in range(step):
        line = _go_on(child)
    assert line.startswith(("step ", "saved ")), (line, child.communicate())
    child.kill()
    child.communicate()
    assert child.returncode == -signal.SIGKILL


def _what_was_saved(database: Path) -> tuple[int, list[tuple[str, int]]]:
    """The walks in the file, and the (context, walk) of every rating; the file must be whole."""
    store = open_store(database)
    try:
        conn = store.connection
        assert [row[0] for row in conn.execute("PRAGMA integrity_check")] == ["ok"]
        walks = conn.execute("SELECT count(*) FROM walks").fetchone()[0]
        ratings = conn.execute("SELECT context, walk_id FROM pain_entries ORDER BY id").fetchall()
    finally:
        store.close()
    return walks, [(row[0], row[1]) for row in ratings]


def test_a_walk_is_saved_with_both_ratings_or_not_at_all(tmp_path: Path) -> None:
    steps = _steps_of_a_whole_save(tmp_path / "whole" / "walking-coach.sqlite3")
    assert sum(s.startswith("INSERT") for s in steps) == 3  # the walk and its two ratings
    commit = steps.index("COMMIT")
    assert commit > max(i for i, s in enumerate(steps) if s.startswith("INSERT"))
    for step in range(len(steps) + 1):  # the last: killed after the save returned
        database = tmp_path / f"killed-{step}" / "walking-coach.sqlite3"
        _kill_before_step(database, step)
        walks, ratings = _what_was_saved(database)
        if step <= commit:  # the COMMIT had not run
            assert (walks, ratings) == (0, []), f"killed before {steps[step]!r}"
        else:
            assert walks == 1, f"killed at step {step}"
            assert ratings == [("before_walk", 1), ("after_walk", 1)], f"killed at step {step}"
