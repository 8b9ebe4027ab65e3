"""Start-up time: from process start to the first painted main window, offscreen.

Measures, in one run and interleaved round by round, the source install (the venv's
`walkcoach`), the PyInstaller bundle (dist/walking-coach/walking-coach, when built) and a bare
PySide6 window as the floor. Each child prints `FIRST_PAINT <time.monotonic()>` once its window
has painted (COACH_STARTUP_PROBE=1 in the app) and quits; the start is taken just before the
process is spawned, on the same system-wide monotonic clock. The data folder is a temporary one
with onboarding already done, so the app starts as on any day after the first. The children
may write Python's bytecode cache (__pycache__) even when PYTHONDONTWRITEBYTECODE is set here,
as on a user's machine after the first start: otherwise every timed start would compile the
app's ~80 modules from source again, which no user ever waits for twice.

Usage: python benchmarks/startup.py [--runs N] [--bundle PATH]
Prints each time, the medians and `RESULT source_s=... bundle_s=... floor_s=...`; exits 1 when
a target is missed (source <= 1.0 s, bundle <= 2.0 s, source <= 2.5 x floor).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
        print(f"FIRST_PAINT {time.monotonic():.6f}", flush=True)
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


def time_to_first_paint(command: list[str], env: dict[str, str]) -> float:
    """Seconds from just before the spawn to the child's FIRST_PAINT report."""
    started = time.monotonic()
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )
    for line in result.stdout.splitlines():
        if line.startswith("FIRST_PAINT "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"{command[0]} never painted (exit {result.returncode}):\n{result.stderr}")


def source_command() -> list[str]:
    """The venv's walkcoach script, as a user would start it from a source install."""
    script = Path(sys.executable).parent / "walkcoach"
    return [str(script)] if script.exists() else [sys.executable, "-m", "coach"]


def main() -> int:
    """Measure every kind, print the medians and the RESULT line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per kind (median)")
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    args = parser.parse_args()
    commands = {"source": source_command(), "floor": [sys.executable, "-c", FLOOR_PROGRAM]}
    if args.bundle.exists():
        commands["bundle"] = [str(args.bundle)]
    else:
        print(f"No bundle at {args.bundle}: run `make bundle` to measure it too.")
    times: dict[str, list[float]] = {kind: [] for kind in commands}
    with tempfile.TemporaryDirectory(prefix="startup-") as folder:
        prepare_data_dir(Path(folder))
        env = child_env(Path(folder))
        for command in commands.values():  # one untimed run each fills the caches
            time_to_first_paint(command, env)
        for _ in range(args.runs):
            for kind, command in commands.items():
                times[kind].append(time_to_first_paint(command, env))
    medians = {kind: statistics.median(values) for kind, values in times.items()}
    for kind, values in times.items():
        print(
            f"{kind:>6}: median {medians[kind]:.3f} s  runs {' '.join(f'{v:.3f}' for v in values)}"
        )
    return report(medians)


def report(medians: dict[str, float]) -> int:
    """Print the RESULT line and the targets; 1 when one is missed."""
    bundle = medians.get("bundle")
    bundle_text = f"{bundle:.3f}" if bundle is not None else "not-built"
    source, floor = medians["source"], medians["floor"]
    print(f"RESULT source_s={source:.3f} bundle_s={bundle_text} floor_s={floor:.3f}")
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
