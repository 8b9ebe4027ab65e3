"""Every screen fits the app's window: no horizontal scrolling and no cut-off buttons from
1024x600 up, at the default text size and at 150 % (issue 12, §3)."""

from __future__ import annotations

import pytest
from conftest import SOUND_READY
from fit_support import misfits
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.storage.database import Store
from coach.ui import theme as theme_module
from coach.ui.bootstrap import build_services
from coach.ui.main_window import MainWindow
from coach.ui.theme import ThemeController, apply_theme
from tools.screenshots.sample_data import fill_sample_baseline, fill_sample_data

SIZES = ((1024, 600), (1180, 720), (1366, 768))
TEXT_SCALES = (1.0, 1.5)


@pytest.fixture
def text_scale(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> float:
    """The theme's base text size made `scale` times larger, as a desktop's text scaling does.

    Every size in the theme's style sheet is counted from BASE_POINT_SIZE, so this grows the
    body text by the scale and headings by at least as many points.
    """
    scale: float = request.param
    monkeypatch.setattr(
        theme_module, "BASE_POINT_SIZE", round(theme_module.BASE_POINT_SIZE * scale)
    )
    return scale


@pytest.mark.parametrize("text_scale", TEXT_SCALES, indirect=True)
def test_every_screen_fits_every_window_size(
    qtbot: QtBot,
    qapp: QApplication,
    store: Store,
    clock: FakeClock,
    view_settings: QSettings,
    text_scale: float,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services = build_services(store, SOUND_READY, clock)
    fill_sample_data(services)
    fill_sample_baseline(services)
    theme = ThemeController(qapp, services.preferences)
    window = MainWindow(services, view_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    problems: list[str] = []
    try:
        for width, height in SIZES:
            window.resize(width, height)
            for key in window.screen_keys():
                window.show_screen(key)
                problems += _look(qapp, window, f"{key} at {width}x{height}, text x{text_scale}")
            metronome = window.screen_widget("metronome")
            window.show_screen("metronome")
            metronome.walk.show_running(True)  # the walking state: timer, Stop, treadmill view
            problems += _look(qapp, window, f"metronome walking at {width}x{height}")
            metronome.walk.show_running(False)
    finally:
        del theme
        monkeypatch.undo()  # the usual text size again before the light theme is restored
        apply_theme(qapp, "light")
    assert not problems, "\n".join(problems)


def _look(app: QApplication, window: MainWindow, where: str) -> list[str]:
    for _ in range(4):
        app.processEvents()
    return [f"{where}: {problem}" for problem in misfits(window)]
