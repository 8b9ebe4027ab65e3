"""The app's text is set in its own shipped font, whatever fonts the machine has."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication

from coach.ui.fonts import FAMILY
from coach.ui.theme import apply_theme

SAMPLE = "Note my pain: 7 out of 10, after a 30-minute walk"
MEASURE = f"""
from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication
from coach.ui.theme import apply_theme
app = QApplication([])
apply_theme(app, "light")
print(QFontInfo(app.font()).family(), QFontMetrics(app.font()).horizontalAdvance({SAMPLE!r}))
"""
NO_SYSTEM_FONTS = '<?xml version="1.0"?>\n<fontconfig><cachedir>{}</cachedir></fontconfig>\n'


def test_the_theme_uses_the_shipped_family(qapp: QApplication) -> None:
    apply_theme(qapp, "light")
    assert QFontInfo(qapp.font()).family() == FAMILY


def test_text_measures_the_same_without_any_system_font(qapp: QApplication, tmp_path: Path) -> None:
    apply_theme(qapp, "light")
    here = QFontMetrics(qapp.font()).horizontalAdvance(SAMPLE)
    config = tmp_path / "fonts.conf"
    config.write_text(NO_SYSTEM_FONTS.format(tmp_path / "cache"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(config)}
    result = subprocess.run(
        [sys.executable, "-c", MEASURE], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [*FAMILY.split(), str(here)]
