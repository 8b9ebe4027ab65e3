"""The Stretches player in every kind of step, the routine editor and a refused file fit every
window size (issue 12, §3); the states are the ones tools/screenshots renders."""

from __future__ import annotations

from fit_support import misfits, settle, window_sizes
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.ui.main_window import MainWindow
from coach.ui.stretches.screen import StretchesScreen
from tools.screenshots.stretches_shots import stretches_states


def test_stretches_player_and_editor_fit(
    qtbot: QtBot, qapp: QApplication, main_window: MainWindow
) -> None:
    main_window.show_screen("stretches")
    screen = main_window.screen_widget("stretches")
    assert isinstance(screen, StretchesScreen)
    problems: list[str] = []
    for stem, show in stretches_states(screen.defaults["warm-up"]):
        show(screen)
        for width, height in window_sizes():
            main_window.resize(width, height)
            settle(qapp)
            problems += [f"{stem} at {width}x{height}: {p}" for p in misfits(main_window)]
        screen.player_view.stop()
        screen.show_list()
    assert not problems, "\n".join(problems)
