"""One safety state: with a warning sign noted, no screen starts a walk without asking first.

Each test notes a sign in the diary, then tries to start a walk from one entry point (the
Walk screen, the Metronome's Start and its treadmill view, the Stretches routines) and checks
the same message is shown, the question is asked, and "Not now" starts nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coach.domain.pain import PainEntry
from coach.domain.safety.state import SafetyMessage
from coach.storage.safety_repo import SafetyRepository
from coach.ui.main_window import MainWindow
from coach.ui.metronome.screen import MetronomeScreen
from coach.ui.safety.gate import current_state
from coach.ui.services import AppServices
from coach.ui.stretches.screen import StretchesScreen
from coach.ui.today.screen import TodayScreen
from coach.ui.walk.screen import WalkScreen

Asked = list[SafetyMessage]


def note_sign(services: AppServices, key: str = "leg_weakness") -> None:
    services.pain.add(PainEntry(at=services.clock.now(), pain=5, red_flags=frozenset({key})))


def answering(answer: bool, asked: Asked) -> Callable[[QWidget, SafetyMessage], bool]:
    def ask(_parent: QWidget, message: SafetyMessage) -> bool:
        asked.append(message)
        return answer

    return ask


def show(window: MainWindow, key: str) -> QWidget:
    window.show_screen(key)
    return window.screen_widget(key)


@pytest.mark.parametrize("answer", [False, True])
def test_walk_screen_asks_before_a_guided_walk(
    qtbot: QtBot, main_window: MainWindow, services: AppServices, answer: bool
) -> None:
    note_sign(services)
    screen = show(main_window, "walk")
    assert isinstance(screen, WalkScreen)
    expected = current_state(services).message
    assert expected is not None and screen.safety_notice.isVisible()
    assert expected.title in screen.safety_notice.text()
    assert "paused" in screen.choose_page.suggestion_label.text()
    assert all(
        "(suggested)" not in screen.choose_page.plan_list.item(row).text()
        for row in range(screen.choose_page.plan_list.count())
    )
    asked: Asked = []
    screen.ask_before_walking = answering(answer, asked)
    qtbot.mouseClick(screen.choose_page.start_button, Qt.MouseButton.LeftButton)
    assert asked == [expected]
    moved_on = screen.stack.currentWidget() is screen.before_page
    assert moved_on is answer


@pytest.mark.parametrize("answer", [False, True])
def test_metronome_start_and_the_treadmill_view_ask_first(
    main_window: MainWindow, services: AppServices, answer: bool
) -> None:
    note_sign(services, "bladder_bowel")
    screen = show(main_window, "metronome")
    assert isinstance(screen, MetronomeScreen)
    assert screen.safety_notice.isVisible()
    assert "emergency department" in screen.safety_notice.text()
    asked: Asked = []
    screen.ask_before_walking = answering(answer, asked)
    screen.walk.start_button.click()
    assert len(asked) == 1 and services.metronome.running is answer
    screen.stop()
    screen.treadmill.toggle_requested.emit()  # Space in the treadmill view
    assert len(asked) == 2 and services.metronome.running is answer
    screen.stop()


@pytest.mark.parametrize("answer", [False, True])
def test_stretches_ask_before_a_routine(
    main_window: MainWindow, services: AppServices, answer: bool
) -> None:
    note_sign(services, "night_pain")
    screen = show(main_window, "stretches")
    assert isinstance(screen, StretchesScreen)
    assert screen.safety_notice.isVisible()
    asked: Asked = []
    screen.ask_before_walking = answering(answer, asked)
    screen.routine_list.buttons["start"].click()
    assert len(asked) == 1
    assert (screen.stack.currentWidget() is screen.player_view) is answer
    screen.player_view.stop()


def test_today_shows_the_same_message_and_no_goal_to_chase(
    main_window: MainWindow, services: AppServices
) -> None:
    note_sign(services, "saddle_numbness")
    today = show(main_window, "today")
    assert isinstance(today, TodayScreen)
    walk = show(main_window, "walk")
    assert isinstance(walk, WalkScreen)
    assert today.safety_notice.text() == walk.safety_notice.text()
    assert "more minutes" not in today.week_card.advice_label.text()


def test_a_clinicians_check_ends_it_everywhere_and_is_kept_with_its_date(
    main_window: MainWindow, services: AppServices
) -> None:
    note_sign(services)
    today = show(main_window, "today")
    assert isinstance(today, TodayScreen)
    today.safety_notice.confirm = lambda _parent: True
    today.safety_notice.cleared_button.click()
    assert today.safety_notice.isHidden()
    (cleared,) = SafetyRepository(services.store).clearances()
    assert cleared.at == services.clock.now()
    metronome = show(main_window, "metronome")
    assert isinstance(metronome, MetronomeScreen)
    asked: Asked = []
    metronome.ask_before_walking = answering(False, asked)
    metronome.walk.start_button.click()
    assert asked == [] and services.metronome.running  # all clear: no question
    metronome.stop()


def test_saying_no_to_the_clinicians_check_keeps_the_pause(
    main_window: MainWindow, services: AppServices
) -> None:
    note_sign(services)
    today = show(main_window, "today")
    assert isinstance(today, TodayScreen)
    today.safety_notice.confirm = lambda _parent: False
    today.safety_notice.cleared_button.click()
    assert today.safety_notice.isVisible()
    assert SafetyRepository(services.store).clearances() == []
