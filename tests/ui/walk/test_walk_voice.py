"""The guided walk with the voice on (real espeak-ng): phrases in the program the walk plays.

The walk starts at once with the phrases of its first seconds; a worker thread makes the
rest, and they join the playing program ahead of where it is, the steps untouched.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from walk_support import Key, open_walk, press, start_plan, walk_for

from coach.audio.programs.model import ClickProgram
from coach.audio.programs.plan import phases_origin
from coach.domain.clock import FakeClock
from coach.domain.cues import CueSchedule
from coach.domain.spoken_script import session_script
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.walk.screen import WalkScreen
from coach.ui.walk.voice import NOW_S


def test_without_the_voice_setting_the_walk_has_chimes_only(
    qtbot: QtBot, main_window: MainWindow, services: AppServices
) -> None:
    screen = open_walk(main_window)
    start_plan(qtbot, screen, "starter-10")
    program = services.metronome.program
    assert program is not None and program.chimes and program.phrases == ()


def spoken_in_full(qtbot: QtBot, services: AppServices, screen: WalkScreen) -> ClickProgram:
    """The playing program once every phrase asked of the worker has joined it."""
    voice = screen.player.voice
    qtbot.waitUntil(lambda: not voice.busy())
    program = services.metronome.program
    assert program is not None
    assert any(x.text.startswith("One minute left.") for x in program.phrases)
    return program


def test_the_walk_starts_with_its_first_words_the_rest_join_it_and_a_skip_is_said(
    qtbot: QtBot, main_window: MainWindow, services: AppServices
) -> None:
    services.preferences.set("voice_on", True)
    screen = open_walk(main_window)
    start_plan(qtbot, screen, "starter-10")
    first = services.metronome.program
    assert first is not None and first.phrases
    session, schedule = screen.player.session, screen.player.schedule
    assert session is not None
    soon = {c.text for c in session_script(session.phases, schedule) if c.at_s < NOW_S}
    assert all(p.text in soon for p in first.phrases)  # later on, only what repeats
    full = spoken_in_full(qtbot, services, screen)
    fs = full.sample_rate
    assert [p for p in full.phrases if p.sample < NOW_S * fs] == [
        p for p in first.phrases if p.sample < NOW_S * fs
    ]
    assert full.beats_between(0, 10**9) == first.beats_between(0, 10**9)
    assert not screen.player.voice.busy()

    # A skip says the next phase and its cadence on the phase's first sample.
    press(qtbot, Key.Key_N)  # from the stretches to the warm-up walk
    session = screen.player.session
    assert session is not None and session.current_phase is not None
    program = services.metronome.program
    assert program is not None
    first = program.phrases[0]
    phases = list(session.tempo_from_now())
    assert first.sample == phases_origin(phases, program.sample_rate)
    assert first.text.startswith(f"{session.current_phase.name}.")
    assert "steps a minute" in first.text
    # The skip moved the end, so the last words are new: the worker brings them shortly.
    assert spoken_in_full(qtbot, services, screen).phrases[-1].text.startswith("One minute")


def test_pinning_a_card_takes_its_spoken_titles_away_and_keeps_every_step(
    qtbot: QtBot, main_window: MainWindow, services: AppServices, clock: FakeClock
) -> None:
    services.preferences.set("voice_on", True)
    services.preferences.set("cue_interval_s", 30)
    screen = open_walk(main_window)
    start_plan(qtbot, screen, "walk-20")
    session = screen.player.session
    assert session is not None
    while session.current_phase is not None and "main" not in session.current_phase.name.lower():
        press(qtbot, Key.Key_N)
    walk_for(5, clock, screen)
    before = spoken_in_full(qtbot, services, screen)
    assert before.duration_samples is not None
    schedule = screen.player.schedule
    assert isinstance(schedule, CueSchedule)
    titles = {f"{card.title}." for card in schedule.catalogue.cards}
    assert any(p.text in titles for p in before.phrases)
    press(qtbot, Key.Key_P)  # pinned: no card changes, so no titles ahead
    # "One minute left." said alone now (no title beside it): the worker makes it shortly.
    after = spoken_in_full(qtbot, services, screen)
    assert after is not before
    now = int(services.metronome.program_seconds * after.sample_rate) + after.sample_rate
    ahead = [p for p in after.phrases if p.sample >= now]
    assert ahead and not any(p.text in titles for p in ahead)
    end = before.duration_samples
    assert after.beats_between(0, end) == before.beats_between(0, end)
