"""Start-up time: from process start to the first painted main window, offscreen.

Measures, in one run and interleaved round by round, the source install (the venv's
`walkcoach`), the PyInstaller bundle (dist/walking-coach/walking-coach, when built) and a bare
PySide6 window as the floor. Each child prints `FIRST_PAINT <time.monotonic()> <CPU seconds>`
once its window has painted (COACH_STARTUP_PROBE=1 in the app) and quits; the start is taken
just before the process is spawned, on the same system-wide monotonic clock. The CPU seconds
(user + sys of the child up to its paint, `time.process_time()`) are reported beside the wall
time because on a shared machine the wall time mostly measures the other processes. The data
folder is a temporary one with onboarding already done, so the app starts as on any day after
the first. The children may write Python's bytecode cache (__pycache__) even when
PYTHONDONTWRITEBYTECODE is set here, as on a user's machine after the first start: otherwise
every timed start would compile the app's ~80 modules from source again, which no user ever
waits for twice.

Usage: python benchmarks/startup.py [--runs N] [--bundle PATH] [--tree NAME=DIR ...]
`--tree` also times another checkout of the app with the same venv, interleaved with the rest,
so a change can be compared before and after in one session: DIR holds its `coach` and `assets`
folders (`git archive <commit> coach assets | tar -x -C DIR`). It runs with PYTHONPATH=DIR,
which makes every import look in DIR first: compare trees with each other, not with `source`.
Prints each time, the medians, `RESULT source_s=... bundle_s=... floor_s=...` (wall) and
`CPU source_s=... floor_s=... ratio=...`; exits 1 when a target is missed (source <= 1.0 s,
bundle <= 2.0 s, source <= 2.5 x floor).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BUNDLE = ROOT / "dist" / "walking-coach" / "walking-coach"
TIMEOUT_S = 60
SOURCE_TARGET_S = 1.0
BUNDLE_TARGET_S = 2.0
FLOOR_RATIO_TARGET = 2.5

FLOOR_PROGRAM = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        print(f"FIRST_PAINT {time.monotonic():.6f} {time.process_time():.6f}", flush=True)
        QApplication.quit()

app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("Walking Coach"))
window.resize(1100, 700)
probe = Probe(window)
window.installEventFilter(probe)
window.show()
app.exec()
"""


def prepare_data_dir(folder: Path) -> None:
    """A store with onboarding done, so the main window is the first thing shown."""
    os.environ["COACH_DATA_DIR"] = str(folder)
    from coach.storage.database import open_store
    from coach.storage.preferences_repo import PreferencesRepository

    store = open_store()
    try:
        PreferencesRepository(store).set("onboarding_done", True)
    finally:
        store.close()


NOT_INHERITED = {"DISPLAY", "WAYLAND_DISPLAY", "PYTHONDONTWRITEBYTECODE"}
"""No display (offscreen), and a bytecode cache as a user has: see the module docstring."""


def child_env(data_dir: Path) -> dict[str, str]:
    """Offscreen, the prepared data folder, and the first-paint probe switched on."""
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env.update(QT_QPA_PLATFORM="offscreen", COACH_DATA_DIR=str(data_dir), COACH_STARTUP_PROBE="1")
    return env


class Sample(NamedTuple):
    """One start: wall seconds from the spawn to the paint, and the child's CPU seconds by then."""

    wall_s: float
    cpu_s: float


def time_to_first_paint(command: list[str], env: dict[str, str]) -> Sample:
    """Wall and CPU seconds from just before the spawn to the child's FIRST_PAINT report."""
    started = time.monotonic()
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )
    for line in result.stdout.splitlines():
        if line.startswith("FIRST_PAINT "):
            fields = line.split()
            # A tree older than the CPU report prints no CPU seconds: nan, so its CPU is nan.
            cpu = float(fields[2]) if len(fields) > 2 else math.nan
            return Sample(float(fields[1]) - started, cpu)
    raise RuntimeError(f"{command[0]} never painted (exit {result.returncode}):\n{result.stderr}")


def source_command() -> list[str]:
    """The venv's walkcoach script, as a user would start it from a source install."""
    script = Path(sys.executable).parent / "walkcoach"
    return [str(script)] if script.exists() else [sys.executable, "-m", "coach"]


def parse_tree(text: str) -> tuple[str, Path]:
    """NAME=DIR from the command line: a checkout whose `coach` and `assets` are timed as NAME."""
    name, _, folder = text.partition("=")
    if not name or not (Path(folder) / "coach" / "__init__.py").is_file():
        raise argparse.ArgumentTypeError(f"expected NAME=DIR with DIR/coach, got {text!r}")
    if not (Path(folder) / "assets").is_dir():
        raise argparse.ArgumentTypeError(f"{folder} has no assets folder: the app needs it")
    return name, Path(folder).resolve()


class Run(NamedTuple):
    """How to start one kind."""

    command: list[str]
    env: dict[str, str]


FLOOR_COMMAND = [sys.executable, "-c", FLOOR_PROGRAM]


def kinds_to_time(args: argparse.Namespace, env: dict[str, str]) -> dict[str, Run]:
    """Every kind of start to time, each with its command and environment."""
    kinds = {"source": Run(source_command(), env), "floor": Run(FLOOR_COMMAND, env)}
    if args.bundle.exists():
        kinds["bundle"] = Run([str(args.bundle)], env)
    else:
        print(f"No bundle at {args.bundle}: run `make bundle` to measure it too.")
    for name, folder in args.tree:
        # PYTHONPATH comes before the editable install's finder, so DIR's coach is imported.
        kinds[name] = Run(source_command(), {**env, "PYTHONPATH": str(folder)})
    return kinds


def main() -> int:
    """Measure every kind, print the medians and the RESULT lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per kind (median)")
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument(
        "--tree",
        type=parse_tree,
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="also time the checkout in DIR as NAME (repeatable)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="startup-") as folder:
        prepare_data_dir(Path(folder))
        kinds = kinds_to_time(args, child_env(Path(folder)))
        samples: dict[str, list[Sample]] = {kind: [] for kind in kinds}
        for run in kinds.values():  # one untimed run each fills the caches
            time_to_first_paint(run.command, run.env)
        for _ in range(args.runs):
            for kind, run in kinds.items():
                samples[kind].append(time_to_first_paint(run.command, run.env))
    walls = {kind: statistics.median(s.wall_s for s in runs) for kind, runs in samples.items()}
    cpus = {kind: statistics.median(s.cpu_s for s in runs) for kind, runs in samples.items()}
    for kind, runs in samples.items():
        print(f"{kind:>8}: median {walls[kind]:.3f} s wall, {cpus[kind]:.3f} s CPU")
        print(f"{'':>8}  wall {' '.join(f'{s.wall_s:.3f}' for s in runs)}")
        print(f"{'':>8}  CPU  {' '.join(f'{s.cpu_s:.3f}' for s in runs)}")
    # The fastest run is the one other processes disturbed least: a second view under load.
    fastest_wall = {kind: min(s.wall_s for s in runs) for kind, runs in samples.items()}
    fastest_cpu = {kind: min(s.cpu_s for s in runs) for kind, runs in samples.items()}
    for kind in samples:
        if kind != "floor":
            print(
                f"{kind:>8} / floor: wall {walls[kind] / walls['floor']:.2f} x, "
                f"CPU {cpus[kind] / cpus['floor']:.2f} x (medians); fastest runs: wall "
                f"{fastest_wall[kind] / fastest_wall['floor']:.2f} x, "
                f"CPU {fastest_cpu[kind] / fastest_cpu['floor']:.2f} x"
            )
    print(f"Load average after the runs: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return report(walls, cpus)


def report(walls: dict[str, float], cpus: dict[str, float]) -> int:
    """Print the RESULT (wall) and CPU lines and the targets; 1 when one is missed."""
    bundle = walls.get("bundle")
    bundle_text = f"{bundle:.3f}" if bundle is not None else "not-built"
    source, floor = walls["source"], walls["floor"]
    print(f"RESULT source_s={source:.3f} bundle_s={bundle_text} floor_s={floor:.3f}")
    print(
        f"CPU source_s={cpus['source']:.3f} floor_s={cpus['floor']:.3f} "
        f"ratio={cpus['source'] / cpus['floor']:.2f}"
    )
    checks = {
        f"source <= {SOURCE_TARGET_S} s": source <= SOURCE_TARGET_S,
        f"source <= {FLOOR_RATIO_TARGET} x floor ({source / floor:.2f} x)": (
            source <= FLOOR_RATIO_TARGET * floor
        ),
    }
    if bundle is not None:
        checks[f"bundle <= {BUNDLE_TARGET_S} s"] = bundle <= BUNDLE_TARGET_S
    for name, met in checks.items():
        print(f"{'met   ' if met else 'MISSED'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
