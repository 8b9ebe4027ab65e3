"""The fit tests again at real 150 % text scaling, each on a screen of one size (issue 12, §3).

On Linux desktops text scaling is the font DPI (Xft.dpi, or QT_FONT_DPI): 144 is 150 % of 96.
Qt 6 turns it into a device pixel ratio of 1.5, so everything grows and a 1024x600 screen has
683x400 logical pixels to lay out in. The DPI is read once at start-up, so each screen size
runs every fit test in a child process of its own, on an offscreen screen of that size (the
offscreen platform's `configfile`), with the window filling the screen. The children run
side by side: together they take about as long as the slowest.

At the usual text size the suite's own process checks every window size, and its dialogs on
the offscreen platform's 800x800 screen; a dialog that fits 683x400 at 150 % fits 1024x600.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from fit_support import ON_SCREEN_ENV

HERE = Path(__file__).parent
FIT_TESTS = (
    "test_screens_fit.py",
    "test_dialogs_fit.py",
    "metronome/test_metronome_fit.py",
    "walk/test_walk_fit.py",
    "stretches/test_stretches_fit.py",
)
"""Every module of fit tests; each holds one test, so each child must pass exactly this many."""
SCREENS = ((1024, 600), (1180, 720), (1366, 768))
LARGE_TEXT_DPI = 144
"""150 % of the 96 dpi that Qt counts as 100 %."""
TIMEOUT_S = 300


def _child(folder: Path, width: int, height: int) -> subprocess.Popen[str]:
    config = folder / f"screen-{width}x{height}.json"
    screen = {"name": "fit", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = dict(os.environ)
    env |= {
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_FONT_DPI": str(LARGE_TEXT_DPI),
        ON_SCREEN_ENV: "1",
    }
    tests = [str(HERE / name) for name in FIT_TESTS]
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def test_every_fit_test_passes_at_150_percent_on_each_screen(tmp_path: Path) -> None:
    children = {size: _child(tmp_path, *size) for size in SCREENS}
    failures: list[str] = []
    for (width, height), child in children.items():
        output, _ = child.communicate(timeout=TIMEOUT_S)
        passed = re.search(r"(\d+) passed", output)
        if (
            child.returncode != 0
            or passed is None
            or int(passed.group(1)) != len(FIT_TESTS)
            or "skipped" in output
        ):
            failures.append(f"--- {width}x{height} at {LARGE_TEXT_DPI} dpi:\n{output[-5000:]}")
    assert not failures, "\n".join(failures)
