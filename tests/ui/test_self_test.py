"""`walkcoach --self-test` in a real subprocess: exit 0 with a report, non-zero with a reason."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from coach.storage.database import open_store
from coach.storage.paths import DATABASE_NAME
from coach.ui.navigation import default_screens

TIMEOUT_S = 120  # a safety net for a hung child, not a wait


def run_self_test(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env["COACH_DATA_DIR"] = str(data_dir)
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must pick offscreen by itself
    return subprocess.run(
        [sys.executable, "-m", "coach", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def test_self_test_passes_and_reports_the_data_folder(private_data_dir: Path) -> None:
    result = run_self_test(private_data_dir)
    assert result.returncode == 0, result.stderr
    assert f"Data folder: {private_data_dir}" in result.stdout
    assert "Sound: " in result.stdout
    titles = ", ".join(spec.title for spec in default_screens())
    assert f"Main window painted with screens: {titles}" in result.stdout
    assert (private_data_dir / DATABASE_NAME).is_file()
    assert (private_data_dir / "logs" / "walkcoach.log").is_file()


def test_self_test_fails_with_a_reason_when_the_diary_is_too_new(private_data_dir: Path) -> None:
    open_store().close()
    connection = sqlite3.connect(private_data_dir / DATABASE_NAME)
    connection.execute("PRAGMA user_version = 999")
    connection.commit()
    connection.close()
    result = run_self_test(private_data_dir)
    assert result.returncode != 0
    assert "Self-test failed" in result.stderr
    assert "newer version" in result.stderr
