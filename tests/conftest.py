"""Shared test set-up: offscreen Qt and a private data folder for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Session fixtures shared by tests/packaging and tests/e2e: one wheel, one bundle build, one .deb,
# one install.
from packaged_app import bundle, debian_package, installed_walking_coach, wheel  # noqa: F401

# Qt must render offscreen before PySide6 is first imported; pyqtgraph must pick PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point COACH_DATA_DIR at a fresh folder so no test touches real user data."""
    data_dir = tmp_path / "coach-data"
    monkeypatch.setenv("COACH_DATA_DIR", str(data_dir))
    return data_dir
