"""Settings' Voice section with the real espeak-ng: every field, the sample, and no engine."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.domain.preferences import Preferences
from coach.services.speech import VoiceService
from coach.storage.database import open_store
from coach.storage.preferences_repo import PreferencesRepository
from coach.ui.services import AppServices
from coach.ui.settings import texts
from coach.ui.settings.screen import SettingsScreen

CTRL = Qt.KeyboardModifier.ControlModifier


def stored() -> Preferences:
    with open_store() as store:
        prefs, _ = PreferencesRepository(store).load()
    return prefs


def shown(qtbot: QtBot, services: AppServices) -> SettingsScreen:
    widget = SettingsScreen(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.scroll_to("voice_on")
    return widget


@pytest.fixture
def screen(qtbot: QtBot, services: AppServices) -> Iterator[SettingsScreen]:
    yield shown(qtbot, services)


def test_the_voice_fields_change_by_keyboard_and_reach_the_store(
    qtbot: QtBot, screen: SettingsScreen
) -> None:
    rows = screen.rows
    rows["voice_on"].editor.setFocus()
    qtbot.keyClick(rows["voice_on"].editor, Qt.Key.Key_Space)
    combo = rows["voice_name"].editor
    voices = [combo.itemData(i) for i in range(combo.count())]  # type: ignore[attr-defined]
    assert "en-gb" in voices and "en-us" in voices  # the engine's own list
    combo.setFocus()
    combo.setCurrentIndex(voices.index("en-us"))  # type: ignore[attr-defined]
    for name, text in (("speech_rate_wpm", "170"), ("voice_volume_percent", "60")):
        box = rows[name].editor
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(box, text)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    rows["duck_steps"].editor.setFocus()
    qtbot.keyClick(rows["duck_steps"].editor, Qt.Key.Key_Space)
    prefs = stored()
    assert (prefs.voice_on, prefs.voice_name, prefs.speech_rate_wpm) == (True, "en-us", 170)
    assert (prefs.voice_volume_percent, prefs.duck_steps) == (60, True)


def test_a_speaking_rate_out_of_range_is_refused_at_the_field(
    qtbot: QtBot, screen: SettingsScreen
) -> None:
    box = screen.rows["speech_rate_wpm"].editor
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(box, "400")
    assert "80 to 260" in screen.rows["speech_rate_wpm"].message.text()
    assert stored().speech_rate_wpm == 150


def test_say_a_sample_plays_the_phrase_through_the_metronome(
    qtbot: QtBot, services: AppServices, screen: SettingsScreen
) -> None:
    qtbot.mouseClick(screen.sample_button, Qt.MouseButton.LeftButton)
    program = services.audio.metronome.program
    assert program is not None
    (phrase,) = program.phrases
    assert phrase.text == texts.SAMPLE_TEXT
    seconds = phrase.frames.shape[0] / program.sample_rate
    assert 1.5 < seconds < 6 and float(abs(phrase.frames).max()) > 0.05
    assert program.beats_between(0, 10**9) == []  # the voice alone, no steps


def test_the_sample_waits_while_a_walk_plays(
    qtbot: QtBot, services: AppServices, screen: SettingsScreen
) -> None:
    metronome = services.audio.metronome
    walk = metronome.start(metronome.steady(110), owner="metronome")
    qtbot.mouseClick(screen.sample_button, Qt.MouseButton.LeftButton)
    assert screen.rows["voice_name"].message.text() == texts.SAMPLE_BUSY
    assert walk.active and metronome.program is not None and not metronome.program.phrases
    walk.stop()


def test_without_espeak_ng_the_section_says_why_and_how_to_install(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    missing = VoiceService(program=str(tmp_path / "espeak-ng"))
    screen = shown(qtbot, dataclasses.replace(services, voice=missing))
    note = screen.rows["voice_on"].message
    assert note.isVisible()
    assert "not installed" in note.text() and "apt install espeak-ng" in note.text()
    for name in ("voice_on", "voice_name", "speech_rate_wpm", "voice_volume_percent"):
        assert not screen.rows[name].editor.isEnabled()
    assert not screen.sample_button.isEnabled()
    assert services.voice.speaker(stored()) is None  # voice off by default
