"""The app's own typeface, shipped in assets/fonts, so text looks and measures alike everywhere.

Without it Qt takes whatever sans-serif fontconfig offers, and every layout (what fits at
1024x600, which button is wide enough) and every rendered page would depend on the machine.
DejaVu Sans: wide language coverage, open hinting, a free licence (assets/fonts/LICENSE.txt).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from coach.resources import assets_dir

FAMILY = "DejaVu Sans"
"""The family every screen, chart and report page uses."""


@cache
def load_app_fonts() -> str:
    """Register the shipped font files with Qt once (after QGuiApplication); return FAMILY."""
    for path in sorted((assets_dir() / "fonts").glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            raise OSError(f"Qt could not load the app's font {path}: please reinstall the app.")
    return FAMILY
