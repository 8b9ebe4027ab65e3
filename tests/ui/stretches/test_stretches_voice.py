"""The Stretches player with the voice on (real espeak-ng): what is said lands on its chime."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.audio.programs.model import LEAD_SECONDS, ChimeKind
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.stretches.screen import StretchesScreen


def test_the_routine_says_exercises_switches_and_counts_on_their_chimes(
    qtbot: QtBot, main_window: MainWindow, services: AppServices
) -> None:
    services.preferences.set("voice_on", True)
    main_window.show_screen("stretches")
    screen = main_window.screen_widget("stretches")
    assert isinstance(screen, StretchesScreen)
    main_window.activateWindow()
    screen.routine_list.list.setFocus()
    qtbot.waitUntil(lambda: screen.routine_list.list.hasFocus())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # start the warm-up
    program = services.metronome.program
    assert program is not None
    chimes = {c.sample: c.kind for c in program.chimes}
    said = {p.text for p in program.phrases}
    assert {"Switch sides.", "Hip-flexor stretch.", "One."} <= said
    for phrase in program.phrases:
        if phrase.text == "Switch sides.":
            assert chimes[phrase.sample] is ChimeKind.SWITCH_SIDES
        elif phrase.text in ("Three.", "Two.", "One."):
            assert chimes[phrase.sample] is ChimeKind.TICK
    assert program.phrases[0].sample == round(LEAD_SECONDS * program.sample_rate)
    assert program.phrases[0].text == "Easy warm-up walk."
    for before, after in zip(program.phrases, program.phrases[1:], strict=False):
        assert before.end <= after.sample
