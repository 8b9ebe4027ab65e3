"""The Stretches player, driven with the keyboard only on a fake clock, in the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.audio.programs.model import LEAD_SECONDS, ChimeKind
from coach.domain.clock import FakeClock
from coach.domain.routines import Countdown, StepKind, SwitchSides
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.stretches.player import RoutinePlayerView
from coach.ui.stretches.screen import StretchesScreen

Key = Qt.Key


def open_screen(qtbot: QtBot, window: MainWindow) -> StretchesScreen:
    """Show Stretches and give the routine list the keyboard."""
    window.show_screen("stretches")
    screen = window.screen_widget("stretches")
    assert isinstance(screen, StretchesScreen)
    window.activateWindow()
    screen.routine_list.list.setFocus()
    qtbot.waitUntil(lambda: screen.routine_list.list.hasFocus())
    return screen


def press(qtbot: QtBot, key: Key) -> None:
    """Press a key on whatever has the focus, as a person would."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key)


def run(view: RoutinePlayerView, clock: FakeClock, seconds: float, frame_s: float = 0.5) -> None:
    """Let fake time pass while the display timer ticks."""
    for _ in range(round(seconds / frame_s)):
        clock.advance(frame_s)
        view.tick()


def shown(view: RoutinePlayerView) -> tuple[str, str, str]:
    """Exercise name, step title and countdown as on screen."""
    panel = view.panel
    return panel.exercise_name.text(), panel.step_title.text(), panel.countdown.text()


def test_keyboard_only_routine_through_prep_holds_switch_rest_and_next(
    qtbot: QtBot, main_window: MainWindow, clock: FakeClock
) -> None:
    screen = open_screen(qtbot, main_window)
    press(qtbot, Key.Key_Return)  # start the warm-up
    view = screen.player_view
    assert screen.stack.currentWidget() is view
    assert shown(view) == ("Easy warm-up walk", "Get into position", "0:05")
    press(qtbot, Key.Key_N)  # skip the walk
    assert shown(view) == ("Standing hamstring stretch", "Get into position", "0:08")
    assert view.next_line.text() == "Next: Hip-flexor stretch"
    run(view, clock, 8)
    assert shown(view)[1:] == ("Hold · left side", "0:20")
    assert not view.panel.illustration.mirrored
    run(view, clock, 20)
    assert shown(view)[1:] == ("Switch sides", "0:06")
    assert "right side" in view.panel.detail.text()
    run(view, clock, 6)
    assert shown(view)[1:] == ("Hold · right side", "0:20")
    assert view.panel.illustration.mirrored
    press(qtbot, Key.Key_Space)  # pause: time passes, the hold does not
    run(view, clock, 90)
    assert shown(view)[2] == "0:20"
    assert view.paused_line.text()
    press(qtbot, Key.Key_Space)
    run(view, clock, 20)
    assert shown(view)[1:] == ("Rest", "0:10")
    run(view, clock, 10)
    assert shown(view)[:2] == ("Hip-flexor stretch", "Get into position")
    press(qtbot, Key.Key_B)  # just begun: back goes to the exercise before
    assert shown(view)[:2] == ("Standing hamstring stretch", "Get into position")
    press(qtbot, Key.Key_Right)
    assert shown(view)[0] == "Hip-flexor stretch"
    run(view, clock, 4)
    press(qtbot, Key.Key_Left)  # four seconds in: back starts it again
    assert shown(view) == ("Hip-flexor stretch", "Get into position", "0:08")
    press(qtbot, Key.Key_N)
    assert view.next_line.text() == "Next: done. Well done for warming up."
    with qtbot.waitSignal(view.finished, timeout=1000):
        press(qtbot, Key.Key_N)
    assert shown(view)[0] == "Warm-up done"


def test_the_sound_program_chimes_at_the_routine_event_times(
    qtbot: QtBot, main_window: MainWindow, services: AppServices, clock: FakeClock
) -> None:
    screen = open_screen(qtbot, main_window)
    press(qtbot, Key.Key_Return)
    metronome = services.metronome
    program = metronome.program
    assert program is not None
    fs = metronome.sample_rate
    lead = round(LEAD_SECONDS * fs)
    player = screen.player_view.player
    assert player is not None
    chimes = {(c.sample, c.kind) for c in program.chimes}
    for timed in player.timeline.events:
        at = lead + round(timed.at_s * fs)
        if isinstance(timed.event, Countdown):
            assert (at, ChimeKind.TICK) in chimes
        elif isinstance(timed.event, SwitchSides):
            assert (at, ChimeKind.SWITCH_SIDES) in chimes
    walk = next(s for s in player.timeline.steps if s.kind is StepKind.WALK)
    assert program.spm_at(lead + round((walk.start_s + 1) * fs)) == 90.0
    # After a skip the program restarts where the player is: the next step's chime first.
    press(qtbot, Key.Key_N)
    restarted = metronome.program
    assert restarted is not None and restarted is not program
    assert restarted.chimes[0].sample == lead
    assert restarted.chimes[0].kind is ChimeKind.PHASE_CHANGE
    press(qtbot, Key.Key_Space)  # a pause silences the cues
    assert metronome.program is None
    press(qtbot, Key.Key_Space)
    assert metronome.program is not None


def test_the_right_side_figure_is_the_left_one_mirrored(
    qtbot: QtBot, main_window: MainWindow, clock: FakeClock
) -> None:
    screen = open_screen(qtbot, main_window)
    press(qtbot, Key.Key_Return)
    view = screen.player_view
    press(qtbot, Key.Key_N)
    run(view, clock, 8)
    left = view.panel.illustration.grab().toImage()
    run(view, clock, 26)
    assert view.panel.illustration.mirrored
    right = view.panel.illustration.grab().toImage()
    assert right != left
    assert _difference(right, left.flipped(Qt.Orientation.Horizontal)) < 0.02


def test_leaving_the_screen_pauses_the_routine(
    qtbot: QtBot, main_window: MainWindow, clock: FakeClock
) -> None:
    screen = open_screen(qtbot, main_window)
    press(qtbot, Key.Key_Return)
    main_window.show_screen("today")
    player = screen.player_view.player
    assert player is not None and player.paused


def _difference(a: QImage, b: QImage) -> float:
    """The share of pixels that differ noticeably between two same-sized images."""
    assert a.size() == b.size()
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    differ = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            if abs(pa.red() - pb.red()) + abs(pa.green() - pb.green()) > 60:
                differ += 1
    return differ / ((a.height() // 2) * (a.width() // 2))


def test_starting_gives_the_player_the_keyboard(qtbot: QtBot, main_window: MainWindow) -> None:
    screen = open_screen(qtbot, main_window)
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: screen.player_view.hasFocus())
    press(qtbot, Key.Key_Space)
    player = screen.player_view.player
    assert player is not None and player.paused
    assert player.position_s == 0.0  # Space paused; no button was pressed instead
