"""Every screen fits the app's window: no horizontal scrolling and no cut-off buttons from
1024x600 up (issue 12, §3). test_fit_text_150.py runs this again at 150 % text scaling."""

from __future__ import annotations

from conftest import SOUND_READY
from fit_support import misfits, settle, window_sizes
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.storage.database import Store
from coach.ui.bootstrap import build_services
from coach.ui.main_window import MainWindow
from coach.ui.theme import ThemeController, apply_theme
from tools.screenshots.sample_data import fill_sample_baseline, fill_sample_data


def test_every_screen_fits_every_window_size(
    qtbot: QtBot,
    qapp: QApplication,
    store: Store,
    clock: FakeClock,
    view_settings: QSettings,
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
        for width, height in window_sizes():
            window.resize(width, height)
            if (window.width(), window.height()) != (width, height):
                problems.append(f"the window cannot be {width}x{height}: {window.size()}")
            for key in window.screen_keys():
                window.show_screen(key)
                problems += _look(qapp, window, f"{key} at {width}x{height}")
    finally:
        del theme
        apply_theme(qapp, "light")
    assert not problems, "\n".join(problems)


def _look(app: QApplication, window: MainWindow, where: str) -> list[str]:
    settle(app)
    return [f"{where}: {problem}" for problem in misfits(window)]
