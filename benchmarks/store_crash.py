"""Kill a diary-writing child with SIGKILL 1,000 times and count lost rows and damage.

Usage: python benchmarks/store_crash.py [--kills N] [--seed S] [--keep DIR]
Prints `RESULT kills=... lost_rows=... integrity_failures=...` and exits 1 on any loss.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

# tools/ lives in the checkout and is never installed; this script runs from benchmarks/.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools.crash.harness import run_kills


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", type=Path, default=None, help="folder for the database")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    with tempfile.TemporaryDirectory(prefix="store-crash-") as scratch:
        folder = args.keep or Path(scratch)
        started = time.perf_counter()
        report = run_kills(folder / "walking-coach.sqlite3", args.kills, seed)
        elapsed = time.perf_counter() - started
    for problem in report.problems[:20]:
        print(problem, file=sys.stderr)
    print(f"seed={seed} seconds={elapsed:.1f}")
    print(report.summary())
    failed = report.lost_rows or report.integrity_failures or report.problems
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
