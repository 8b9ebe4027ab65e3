"""`python -m tools.screenshots OUTDIR` renders every screen, on sample data only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from coach.storage.paths import DATABASE_NAME
from coach.ui.navigation import default_screens

# tools/ lives in the checkout (never installed): the child runs from there.
CHECKOUT = Path(__file__).resolve().parents[3]
TIMEOUT_S = 900  # a safety net for a hung child, not a wait


def test_screenshots_cover_every_screen_and_leave_user_data_alone(
    tmp_path: Path, private_data_dir: Path
) -> None:
    out = tmp_path / "shots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "tools.screenshots", str(out), "--sizes", "1366x768"],
        env=env,
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for spec in default_screens():
        for size in ("1366x768",):  # the other sizes: tests/ui/test_screens_fit.py
            for scheme in ("light", "dark"):
                image = QImage(str(out / f"{spec.key}-{size}-{scheme}.png"))
                assert f"{image.width()}x{image.height()}" == size
    assert QImage(str(out / "main.png")).width() == 1366
    for stem in ("pain-log", "reminder", "settings-sound", "settings-sound-off"):
        for size in ("1366x768", "1920x1080"):
            for scheme in ("light", "dark"):
                image = QImage(str(out / f"{stem}-{size}-{scheme}.png"))
                assert f"{image.width()}x{image.height()}" == size, stem
    assert not (out / "today-1024x600-light.png").exists()  # --sizes was obeyed
    assert not (private_data_dir / DATABASE_NAME).exists()  # the user's folder was not used
