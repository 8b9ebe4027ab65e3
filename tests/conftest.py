"""Shared test set-up: offscreen Qt and a private data folder for every test."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
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


@pytest.fixture(autouse=True)
def delete_leftover_widgets() -> Iterator[None]:
    """Delete every top-level widget a test leaves behind, once the test's fixtures are done.

    qtbot closes the widgets it was given, but a closed widget lives on until its deferred
    delete runs, and screens open dialogs and popups of their own. Left alive, they piled up
    to thousands of widgets, and every later theme change or window show restyled them all:
    a main window's set-up went from 0.3 s to over 10 s in the middle of the suite.
    """
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
