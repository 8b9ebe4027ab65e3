"""Time `validate` and the Stretches screen's loader on a 1 MB hostile routine file.

The file is a valid routine plus about 90,000 extra keys, one per line, just under the
1 MB size limit: every key is a schema error whose line must be found.
Run: .venv/bin/python benchmarks/hostile_routine.py
Prints each timing and ends with a RESULT line (target: under 1 s each).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coach.commands import validate
from coach.domain.plan_files.loading import MAX_FILE_BYTES, PlanFileError, load_routine
from coach.resources import assets_dir

TARGET_S = 1.0
REPEATS = 5


def hostile_text() -> tuple[str, int]:
    """A real routine with as many extra keys as fit under the size limit; (text, keys)."""
    routine = json.loads((assets_dir() / "routines" / "warm-up.json").read_text("utf-8"))
    base = json.dumps(routine, indent=2)[:-2]  # without the closing brace
    lines: list[str] = []
    size = len(base) + 4
    while True:
        line = f',\n"{len(lines):x}":0'
        if size + len(line) > MAX_FILE_BYTES:
            break
        lines.append(line)
        size += len(line)
    return base + "".join(lines) + "\n}\n", len(lines)


def time_load(path: Path) -> float:
    """Seconds for load_routine to refuse the file (it must refuse it)."""
    begin = time.perf_counter()
    try:
        load_routine(path)
    except PlanFileError as error:
        assert "not checked further" in str(error), str(error)[-200:]
    else:
        raise AssertionError("the hostile routine was accepted")
    return time.perf_counter() - begin


def time_validate(path: Path) -> float:
    """Seconds for `walkcoach validate FILE` to refuse the file, in this process (its
    imports already done: the command's start-up is measured apart, in command_seconds)."""
    args = argparse.Namespace(files=[path], skip_illustrations=False)
    begin = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()) as said:
        code = validate.run(args)
    elapsed = time.perf_counter() - begin
    assert code != 0 and "not checked further" in said.getvalue(), said.getvalue()
    return elapsed


def command_seconds(path: Path) -> float:
    """Wall seconds for the whole `walkcoach validate FILE` command, start-up included."""
    env = {**os.environ, "COACH_DATA_DIR": str(path.parent / "data")}
    begin = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "coach", "validate", str(path)],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    return time.perf_counter() - begin


def main() -> None:
    text, keys = hostile_text()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.json"
        path.write_text(text, encoding="utf-8")
        print(f"hostile routine: {path.stat().st_size:,} bytes, {keys:,} extra keys")
        loads = [time_load(path) for _ in range(REPEATS)]
        validates = [time_validate(path) for _ in range(REPEATS)]
        warm_up = assets_dir() / "routines" / "warm-up.json"
        commands = [(command_seconds(path), command_seconds(warm_up)) for _ in range(REPEATS)]
    load_s, validate_s = statistics.median(loads), statistics.median(validates)
    hostile_s = statistics.median(c[0] for c in commands)
    plain_s = statistics.median(c[1] for c in commands)
    print(f"load_routine (Stretches screen): median {load_s:.3f} s of {REPEATS}")
    print(f"walkcoach validate, after start-up: median {validate_s:.3f} s of {REPEATS}")
    print(
        f"whole command: hostile file {hostile_s:.3f} s, the app's warm-up routine {plain_s:.3f} s"
    )
    verdict = "PASS" if max(load_s, validate_s) < TARGET_S else "FAIL"
    print(f"RESULT {verdict}: load {load_s:.3f} s, validate {validate_s:.3f} s", end=" ")
    print(f"(target < {TARGET_S} s)")


if __name__ == "__main__":
    main()
