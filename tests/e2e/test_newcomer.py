"""A newcomer's first session, done the way a screen reader or switch access would do it.

The app runs on a real X server (Xvfb) with a fresh data folder; newcomer_driver.py, under
Debian's python3 in a private D-Bus session with its own AT-SPI bus, sees and works it only
through the accessibility tree: onboarding, every screen and tab from the sidebar, the
metronome, a pain rating, then closing the window. Afterwards the diary file must hold the
rating. Every control showing on the way must have a name a screen reader can announce.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from e2e_session import run_driver, session_env

from coach.storage.paths import DATABASE_NAME
from coach.ui.navigation import default_screens

pytestmark = pytest.mark.e2e

RATING = 6


def saved_ratings(data_dir: Path) -> list[int]:
    """The pain values in the diary file (read after the app quit)."""
    with sqlite3.connect(data_dir / DATABASE_NAME) as db:
        return [pain for (pain,) in db.execute("SELECT pain FROM pain_entries")]


def saved_preferences(data_dir: Path) -> dict[str, str]:
    """The preference rows as stored (JSON text), to see what onboarding saved."""
    with sqlite3.connect(data_dir / DATABASE_NAME) as db:
        return dict(db.execute("SELECT name, value FROM preferences").fetchall())


def test_a_newcomer_does_everything_through_the_accessibility_tree(
    newcomer_app: list[str], x_display: str, private_data_dir: Path, tmp_path: Path
) -> None:
    assert not private_data_dir.exists()  # a first start: no diary yet
    code, output = run_driver(newcomer_app, session_env(x_display, tmp_path / "xdg"), RATING)
    print(f"Started: {' '.join(newcomer_app)}\n{output}")  # shown by pytest -rP or on failure
    assert code == 0, f"The session through AT-SPI failed ({' '.join(newcomer_app)}):\n{output}"
    opened = re.findall(r'opened "([^"]+)" from the sidebar', output)
    assert opened == [spec.title for spec in default_screens()], output
    assert "metronome stopped" in output
    assert saved_ratings(private_data_dir) == [RATING]
    preferences = saved_preferences(private_data_dir)
    assert preferences["onboarding_done"] == "true"
    assert float(preferences["height_cm"]) == 172
    assert preferences["usual_walk_minutes_per_week"] == "60"
