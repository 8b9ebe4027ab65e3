"""Helpers for Walk screen tests: open the screen, press keys, let fake time pass."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.audio.programs.model import LEAD_SECONDS
from coach.domain.clock import FakeClock
from coach.ui.main_window import MainWindow
from coach.ui.walk.screen import WalkScreen

Key = Qt.Key


def open_walk(window: MainWindow) -> WalkScreen:
    """Show the Walk screen in the main window."""
    window.show_screen("walk")
    screen = window.screen_widget("walk")
    assert isinstance(screen, WalkScreen)
    window.activateWindow()
    return screen


def press(qtbot: QtBot, key: Key) -> None:
    """Press a key on whatever has the focus, as a person would."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key)


def walk_for(seconds: float, clock: FakeClock, screen: WalkScreen, step_s: float = 1.0) -> None:
    """Let `seconds` of the walk be heard while the metronome's display frames tick the session.

    The player's clock is the program's position as heard (or, without sound, on screen), and
    a program just (re)started first plays its short silent lead: that passes first.
    """
    metronome = screen.services.metronome
    if metronome.running and metronome.program_seconds == 0:
        clock.advance(LEAD_SECONDS)
        metronome.poll()
    for _ in range(round(seconds / step_s)):
        clock.advance(step_s)
        screen.services.metronome.poll()
        screen.player.tick()


def start_plan(
    qtbot: QtBot, screen: WalkScreen, plan_id: str, pain: int | None = None, note: str = ""
) -> None:
    """Choose a plan, rate the pain before (or skip) and start the player."""
    page = screen.choose_page
    for row in range(page.plan_list.count()):
        plan = page.plan_list.item(row).data(Qt.ItemDataRole.UserRole)
        if plan.id == plan_id:
            page.plan_list.setCurrentRow(row)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.before_page
    if pain is None:
        qtbot.mouseClick(screen.before_page.skip_button, Qt.MouseButton.LeftButton)
    else:
        screen.before_page.scale.set_value(pain)
        screen.before_page.note_edit.setText(note)
        qtbot.mouseClick(screen.before_page.go_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.player
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
