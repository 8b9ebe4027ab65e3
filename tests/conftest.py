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

# The tests of the packaged app: they share one bundle build, one .deb and one system-wide
# install (session fixtures, one set per process), so one pytest-xdist worker runs them all.
PACKAGED_APP_FILES = (
    "tests/e2e/",
    "tests/packaging/test_bundle.py",
    "tests/packaging/test_deb.py",
    "tests/packaging/test_wheel.py",
)
PACKAGED_APP_FIXTURES = {"wheel", "bundle", "debian_package", "installed_walking_coach"}
PACKAGED_APP_GROUP = "packaged-app"

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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Fail at once if a test outside PACKAGED_APP_FILES uses the packaged app.

    On another worker it would build the bundle a second time, and install and purge the
    package while the packaged-app worker's tests use it.
    """
    for item in items:
        uses = PACKAGED_APP_FIXTURES & set(getattr(item, "fixturenames", ()))
        if uses and not item.nodeid.startswith(PACKAGED_APP_FILES):
            raise pytest.UsageError(
                f"{item.nodeid} uses {', '.join(sorted(uses))}: add its file to "
                "PACKAGED_APP_FILES in tests/conftest.py so it runs with the packaged app"
            )


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """With `--dist loadgroup`: the packaged app's tests as one unit, every other test alone.

    pytest-xdist 3.8's own loadgroup finds groups in node ids it rewrites, which pytest 9.2
    no longer lets it do, so every test ran alone. Scopes go out largest first, so the
    packaged app (bundle, .deb, lintian, install, end-to-end: the longest chain) starts at once.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class PackagedAppTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return PACKAGED_APP_GROUP if nodeid.startswith(PACKAGED_APP_FILES) else nodeid

    return PackagedAppTogether(config, log)
