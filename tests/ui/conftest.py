"""Shared UI fixtures: a real store in the test's private data folder and the app's services.

Screens use `services` (built by coach.ui.bootstrap.build_services, as the app does) and
`main_window` (the real MainWindow, shown, with the theme applied and throwaway QSettings).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.audio.status import AUDIO_READY, NO_PORTAUDIO, AudioStatus
from coach.domain.clock import FakeClock
from coach.domain.pain import PainContext, PainEntry, PainLocation
from coach.domain.walks import WalkKind, WalkRecord
from coach.storage.database import Store, open_store
from coach.ui.bootstrap import build_services
from coach.ui.main_window import DEFAULT_SIZE, MainWindow
from coach.ui.services import AppServices
from coach.ui.theme import ThemeController, apply_theme

TEST_NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
"""A Wednesday morning: the fake clock's start, so week sums and greetings are predictable."""

SOUND_READY = AudioStatus(True, AUDIO_READY, ("Test speakers",), "Test speakers")
SOUND_OFF = AudioStatus(False, NO_PORTAUDIO)


@pytest.fixture
def clock() -> FakeClock:
    """A clock that starts at TEST_NOW and moves only when the test says."""
    return FakeClock(TEST_NOW)


@pytest.fixture
def store(private_data_dir: Path, clock: FakeClock) -> Iterator[Store]:
    """A real store in the test's COACH_DATA_DIR, closed (with its exit backup) afterwards."""
    opened = open_store(clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def audio_status() -> AudioStatus:
    """Sound available; override this fixture (or build AudioStatus) for sound-off cases."""
    return SOUND_READY


@pytest.fixture
def services(store: Store, audio_status: AudioStatus, clock: FakeClock) -> AppServices:
    """The services every screen receives, built exactly as coach/app.py builds them."""
    return build_services(store, audio_status, clock)


@pytest.fixture
def view_settings(tmp_path: Path) -> QSettings:
    """View-state QSettings in a temporary ini file, never the user's."""
    return QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def theme(qapp: QApplication, services: AppServices) -> Iterator[ThemeController]:
    """The theme controller wired to the preferences; the light theme is restored after."""
    controller = ThemeController(qapp, services.preferences)
    yield controller
    del controller
    apply_theme(qapp, "light")


@pytest.fixture
def main_window(
    qtbot: QtBot, services: AppServices, view_settings: QSettings, theme: ThemeController
) -> MainWindow:
    """The real main window, shown and exposed, with every registered screen."""
    window = MainWindow(services, view_settings)
    theme.theme_changed.connect(window.on_theme_changed)
    qtbot.addWidget(window)
    # The offscreen screen is 800x800, so the window would open screen-sized with the
    # compact sidebar; tests see it as on a 1366x768 laptop (the fit tests try other sizes).
    window.resize(*DEFAULT_SIZE)
    window.show()
    qtbot.waitExposed(window)
    return window


WalkAdder = Callable[..., WalkRecord]
PainAdder = Callable[..., PainEntry]


@pytest.fixture
def add_walk(services: AppServices) -> WalkAdder:
    """add_walk(minutes, days_ago=0): save a walk that ended `days_ago` days before now."""

    def add(minutes: float, days_ago: float = 0) -> WalkRecord:
        started = services.clock.now() - timedelta(days=days_ago, minutes=minutes)
        record = WalkRecord(started_at=started, duration_s=minutes * 60, kind=WalkKind.METRONOME)
        return services.walks.add(record)

    return add


@pytest.fixture
def add_pain(services: AppServices) -> PainAdder:
    """add_pain(pain, hours_ago=0, context=ON_WAKING, note=""): save a pain rating."""

    def add(
        pain: int,
        hours_ago: float = 0,
        context: PainContext = PainContext.ON_WAKING,
        note: str = "",
    ) -> PainEntry:
        at = services.clock.now() - timedelta(hours=hours_ago)
        entry = PainEntry(
            at=at, pain=pain, context=context, location=PainLocation.LOWER_BACK_CENTRE, note=note
        )
        return services.pain.add(entry)

    return add
