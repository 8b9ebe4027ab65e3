"""Building the services every screen uses, the same way in the app, the tests and screenshots."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from coach import APP_NAME, APP_ORGANIZATION
from coach.audio.status import AudioStatus
from coach.domain.clock import Clock, SystemClock
from coach.services.wiring import services_on
from coach.storage.database import Store
from coach.storage.preferences_repo import PreferencesRepository
from coach.ui.audio_services import AudioServices
from coach.ui.controllers.preferences import PreferencesController
from coach.ui.data_changes import DataChanges
from coach.ui.services import AppServices

if TYPE_CHECKING:
    from coach.audio.playback import AudioEngine  # numpy: only the app's engine_factory needs it

logger = logging.getLogger(__name__)


def build_services(
    store: Store,
    audio_status: AudioStatus,
    clock: Clock | None = None,
    engine: AudioEngine | None = None,
    engine_factory: Callable[[], AudioEngine] | None = None,
) -> AppServices:
    """The application services, preferences, clock and (lazily built) metronome on a store.

    Without an engine the metronome runs on screen only (tests, screenshots, no sound). The app
    passes engine_factory instead, so probing the sound card waits until the metronome is needed.
    """
    clock = clock or SystemClock()
    preferences = PreferencesController(PreferencesRepository(store))
    for problem in preferences.load_problems:
        logger.warning("Saved preference not used: %s", problem)
    on_store = services_on(store)
    return AppServices(
        store=store,
        preferences=preferences,
        diary=on_store.diary,
        cadence=on_store.plans,
        safety=on_store.safety,
        checkins=on_store.checkins,
        data_changes=DataChanges(on_store.changes),
        clock=clock,
        audio=AudioServices(preferences, clock, audio_status, engine, engine_factory),
    )


def default_view_settings() -> QSettings:
    """QSettings for view state only (window geometry, last screen); never user data."""
    return QSettings(APP_ORGANIZATION, APP_NAME)
