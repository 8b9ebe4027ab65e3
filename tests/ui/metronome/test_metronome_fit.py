"""The Metronome while walking, and its treadmill view, fit every window and screen (issue 12)."""

from __future__ import annotations

import pytest
from fit_support import misfits, settle, window_sizes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.ui.main_window import MainWindow
from coach.ui.metronome.screen import MetronomeScreen

RAISE_WARNING = "This plugin does not support raise"  # offscreen cannot raise a window


@pytest.mark.qt_log_ignore(RAISE_WARNING)
def test_walking_metronome_and_treadmill_view_fit(
    qtbot: QtBot, qapp: QApplication, main_window: MainWindow, clock: FakeClock
) -> None:
    main_window.show_screen("metronome")
    screen = main_window.screen_widget("metronome")
    assert isinstance(screen, MetronomeScreen)
    screen.walk.end_after.setValue(30)  # the longest status line: "walking until ..."
    screen.start()
    for _ in range(10 * 60 * 10 + 7):  # past ten minutes: the timer shows "10:00"
        clock.advance(0.1)
        screen.controller.poll()
    assert screen.walking
    problems: list[str] = []
    for width, height in window_sizes():
        main_window.resize(width, height)
        settle(qapp)
        problems += [f"walking at {width}x{height}: {p}" for p in misfits(main_window)]
    screen.enter_treadmill_view()
    view = screen.treadmill
    qtbot.waitUntil(view.isVisible)
    settle(qapp)
    problems += [f"treadmill view on its screen: {p}" for p in misfits(view)]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
    screen.stop()
    assert not problems, "\n".join(problems)
