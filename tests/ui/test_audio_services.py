"""The sound stack is built after the main window is shown, and only once."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from coach.audio.backend import FakeBackend
from coach.audio.playback import AudioEngine
from coach.audio.status import NO_OUTPUT_DEVICE, AudioStatus
from coach.domain.clock import FakeClock
from coach.storage.database import Store
from coach.ui.audio_services import NOT_PROBED
from coach.ui.bootstrap import build_services
from coach.ui.controllers.metronome import MetronomeController
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices

NO_DEVICE = AudioStatus(False, NO_OUTPUT_DEVICE)


class EngineFactory:
    """Counts how often the app would have probed the sound card and built an engine."""

    def __init__(self, clock: FakeClock, status: AudioStatus) -> None:
        self.clock = clock
        self.status = status
        self.calls = 0

    def __call__(self) -> AudioEngine:
        self.calls += 1
        return AudioEngine(FakeBackend(), lambda: self.status, monotonic=self.clock.monotonic)


def lazy_services(store: Store, factory: EngineFactory, clock: FakeClock) -> AppServices:
    return build_services(store, NOT_PROBED, clock, engine_factory=factory)


def test_the_window_is_shown_before_the_sound_stack_is_built(
    qtbot: QtBot, store: Store, clock: FakeClock, view_settings: QSettings
) -> None:
    factory = EngineFactory(clock, NO_DEVICE)
    services = lazy_services(store, factory, clock)
    window = MainWindow(services, view_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert factory.calls == 0
    assert not services.audio.is_built
    assert not window.sound_notice.isVisible()  # nothing to say before the probe

    services.audio.build()  # what coach/app.py queues right after the first paint

    assert factory.calls == 1
    assert window.sound_notice.isVisible()
    assert window.status_line.text() == NO_OUTPUT_DEVICE
    assert services.audio_status == NO_DEVICE


def test_the_metronome_is_built_once_on_first_access_and_shared_by_copies(
    store: Store, clock: FakeClock
) -> None:
    factory = EngineFactory(clock, NO_DEVICE)
    services = lazy_services(store, factory, clock)
    copy = dataclasses.replace(services)  # a copy shares the one sound stack
    metronome = services.metronome
    assert isinstance(metronome, MetronomeController)
    assert copy.metronome is metronome
    assert services.metronome is metronome
    assert factory.calls == 1
    assert metronome.engine is not None
    assert services.audio.status == NO_DEVICE


def test_closing_a_window_whose_sound_was_never_built_builds_nothing(
    qtbot: QtBot, store: Store, clock: FakeClock, view_settings: QSettings
) -> None:
    factory = EngineFactory(clock, NO_DEVICE)
    services = lazy_services(store, factory, clock)
    window = MainWindow(services, view_settings)
    qtbot.addWidget(window)
    window.show()
    window.close()
    services.audio.close()
    assert factory.calls == 0


def test_sound_problems_reach_the_status_line_after_a_deferred_build(
    qtbot: QtBot, store: Store, clock: FakeClock, view_settings: QSettings
) -> None:
    factory = EngineFactory(clock, AudioStatus(True, "Sound is ready.", ("Speakers",), "Speakers"))
    services = lazy_services(store, factory, clock)
    window = MainWindow(services, view_settings)
    qtbot.addWidget(window)
    window.show()
    services.audio.build()
    assert not window.sound_notice.isVisible()
    services.metronome.audio_problem.emit("The sound output 'Speakers' is no longer there.")
    assert window.status_line.text() == "The sound output 'Speakers' is no longer there."
