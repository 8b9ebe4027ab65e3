"""The Walk screen's running states fit every window size (issue 12, §3): the player in each
part of a walk, its treadmill view, the pain page after, the end page and the other tabs."""

from __future__ import annotations

import pytest
from fit_support import misfits, settle, window_sizes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from walk_support import open_walk, start_plan, walk_for

from coach.domain.clock import FakeClock
from coach.ui.main_window import MainWindow

RAISE_WARNING = "This plugin does not support raise"  # offscreen cannot raise a window


@pytest.mark.qt_log_ignore(RAISE_WARNING)
def test_walk_player_states_fit(
    qtbot: QtBot, qapp: QApplication, main_window: MainWindow, clock: FakeClock
) -> None:
    screen = open_walk(main_window)
    start_plan(qtbot, screen, "walk-20", pain=3, note="Stiff after the drive")
    session = screen.player.session
    assert session is not None
    session.skip_exercise()  # from the easy walk to the hamstring stretch
    walk_for(12, clock, screen)
    problems = _look(qapp, main_window, "player, stretch")
    for part, seconds in (("warm-up", 75), ("main walk", 200), ("cool-down", 40)):
        screen.player.skip_phase()
        walk_for(seconds, clock, screen)
        problems += _look(qapp, main_window, f"player, {part}")
    screen.player.enter_treadmill_view()
    view = screen.player.treadmill
    qtbot.waitUntil(view.isVisible)
    settle(qapp)
    problems += [f"walk treadmill view: {p}" for p in misfits(view)]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
    screen.player.skip_phase()
    screen.after_page.scale.set_value(5)
    problems += _look(qapp, main_window, "pain after")
    screen.after_page.go_button.click()
    problems += _look(qapp, main_window, "end page")
    screen.end_page.done_button.click()
    for tab in (screen.history, screen.plans_view, screen.library):
        screen.tabs.setCurrentWidget(tab)
        problems += _look(qapp, main_window, f"tab {screen.tabs.tabText(screen.tabs.indexOf(tab))}")
    assert not problems, "\n".join(problems)


def _look(app: QApplication, window: QWidget, state: str) -> list[str]:
    found: list[str] = []
    for width, height in window_sizes():
        window.resize(width, height)
        settle(app)
        found += [f"{state} at {width}x{height}: {problem}" for problem in misfits(window)]
    return found
