"""Where the app's own files (assets/) are, in a checkout, a wheel install and the bundle.

The assets stay in the top-level assets/ folder (STYLE.md), so a checkout and an editable
install read them in place. A wheel ships them as setuptools data-files under
`<prefix>/share/walking-coach/assets` rather than as package data: moving them into `coach/`
would split the layout STYLE.md asks for, and data-files keep the folder tree as it is in the
checkout. The installed copy is found through the distribution's own file list, so venv,
--user and --prefix installs all work. The PyInstaller bundle puts them in `_MEIPASS/assets`.
Pure Python: the domain layer may import this module.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

DISTRIBUTION = "walking-coach"
"""The distribution name in pyproject.toml; the wheel's data-files live under share/<this>."""

ASSETS_FOLDER = "assets"
"""The folder name of the assets in the checkout, the bundle and the installed share folder."""

SHARE_PREFIX = f"share/{DISTRIBUTION}/{ASSETS_FOLDER}/"
"""Where the wheel's data-files put the assets, relative to the install prefix."""

SOURCE_ASSETS = Path(__file__).resolve().parents[1] / ASSETS_FOLDER
"""The assets folder of a checkout (also used by an editable install)."""


class AssetsNotFoundError(FileNotFoundError):
    """The app's own files are missing: the install is broken, not the user's data."""


def frozen_assets(frozen_root: str | None) -> Path | None:
    """The assets folder inside a PyInstaller bundle, when running from one."""
    return Path(frozen_root) / ASSETS_FOLDER if frozen_root else None


def installed_assets(distribution: str = DISTRIBUTION) -> Path | None:
    """The assets folder a wheel install put under <prefix>/share, if this is one."""
    from importlib import metadata  # ~15 ms at start-up; only a wheel install needs it

    try:
        files = metadata.distribution(distribution).files or []
    except metadata.PackageNotFoundError:
        return None
    for entry in files:
        posix = entry.as_posix()
        marker = posix.find(SHARE_PREFIX)
        if marker >= 0:
            inside = posix[marker + len(SHARE_PREFIX) :]  # e.g. "cues/cues.json"
            return Path(str(entry.locate())).resolve().parents[inside.count("/")]
    return None


def find_assets_dir(
    frozen_root: str | None, source: Path = SOURCE_ASSETS, distribution: str = DISTRIBUTION
) -> Path:
    """The first assets folder that exists: the bundle's, the checkout's, the installed one."""
    candidates = [frozen_assets(frozen_root), source]
    for candidate in candidates:
        if candidate is not None and candidate.is_dir():
            return candidate
    installed = installed_assets(distribution)
    if installed is not None and installed.is_dir():
        return installed
    looked = [str(c) for c in candidates if c is not None]
    raise AssetsNotFoundError(
        f"Walking Coach cannot find its own files (looked in {', '.join(looked)} and the "
        f"installed share/{DISTRIBUTION} folder). Please reinstall the app."
    )


@cache
def assets_dir() -> Path:
    """The folder of plans, routines, cues, illustrations and icons shipped with the app."""
    return find_assets_dir(
        getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None
    )
