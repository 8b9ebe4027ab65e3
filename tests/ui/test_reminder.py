"""The daily pain check: once a day at or after the set time, on a clock the test moves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.storage.database import open_read_only
from coach.ui.bootstrap import build_services
from coach.ui.controllers.reminder import ReminderController, reminder_time
from coach.ui.dialogs import texts
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.today.screen import TodayScreen

PainAdder = Callable[..., PainEntry]

# The test clock starts at 09:30 (TEST_NOW in tests/ui/conftest.py); the reminder is 18:00.
TO_SIX_PM = timedelta(hours=8, minutes=30).total_seconds()
DAY = timedelta(days=1).total_seconds()


def controller_for(services: AppServices) -> tuple[ReminderController, list[bool]]:
    controller = ReminderController(
        services.preferences, services.diary, services.clock, services.can_save
    )
    prompts: list[bool] = []
    controller.prompt_due.connect(lambda: prompts.append(True))
    return controller, prompts


def test_reminder_time_parses_the_preference() -> None:
    assert reminder_time("") is None
    assert reminder_time("08:30") == time(8, 30)


def test_no_reminder_time_means_no_prompt(services: AppServices, clock: FakeClock) -> None:
    controller, prompts = controller_for(services)
    for _ in range(48):
        controller.tick()
        clock.advance(1800)
    assert prompts == []


def test_prompts_once_at_the_time_and_not_again_after_dismiss(
    services: AppServices, clock: FakeClock
) -> None:
    services.preferences.set("reminder_time", "18:00")
    controller, prompts = controller_for(services)
    assert not controller.tick()
    clock.advance(TO_SIX_PM - 60)
    assert not controller.tick()
    clock.advance(60)
    assert controller.tick()
    assert not controller.tick()  # still showing: no second prompt
    controller.dismiss()
    clock.advance(3 * 3600)
    assert not controller.tick()
    assert prompts == [True]
    clock.advance(DAY - 3 * 3600 - 60)  # 17:59 the next day
    assert not controller.tick()
    clock.advance(60)
    assert controller.tick()
    assert prompts == [True, True]


def test_starting_after_the_time_prompts_at_once(qtbot: QtBot, services: AppServices) -> None:
    services.preferences.set("reminder_time", "07:00")
    controller, prompts = controller_for(services)
    controller.start()
    controller.timer.stop()
    assert prompts == [True]


def test_a_rating_already_made_today_after_the_time_means_no_prompt(
    services: AppServices, add_pain: PainAdder
) -> None:
    services.preferences.set("reminder_time", "09:00")
    add_pain(3, hours_ago=0.25)  # 09:15
    controller, prompts = controller_for(services)
    assert not controller.tick()
    assert prompts == []


def test_a_rating_before_the_time_does_not_count(
    services: AppServices, add_pain: PainAdder
) -> None:
    services.preferences.set("reminder_time", "09:00")
    add_pain(3, hours_ago=1)  # 08:30
    controller, _prompts = controller_for(services)
    assert controller.tick()


def test_read_only_diary_gets_no_prompt(services: AppServices, clock: FakeClock) -> None:
    services.preferences.set("reminder_time", "07:00")
    services.store.close()
    store = open_read_only(services.store.path)
    try:
        controller, prompts = controller_for(build_services(store, services.audio_status, clock))
        assert not controller.tick()
        assert prompts == []
    finally:
        store.close()


def saved_by_fake_dialog(pain: int, opened: list[bool]) -> Callable[..., PainEntry]:
    def open_dialog(services: AppServices, _parent: object) -> PainEntry:
        opened.append(True)
        return services.diary.add_pain(PainEntry(at=services.clock.now(), pain=pain))

    return open_dialog


def test_bar_in_the_window_later_hides_it_for_the_day(
    qtbot: QtBot, main_window: MainWindow, clock: FakeClock
) -> None:
    main_window.services.preferences.set("reminder_time", "18:00")
    bar = main_window.pain_prompt
    assert not bar.isVisible()
    clock.advance(TO_SIX_PM)
    main_window.reminder.tick()
    assert bar.isVisible()
    assert bar.label.text() == texts.REMINDER_TEXT
    assert [bar.note_button.text(), bar.later_button.text()] == ["Note it now", "Later"]
    qtbot.mouseClick(bar.later_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    clock.advance(3600)
    main_window.reminder.tick()
    assert not bar.isVisible()


def test_note_it_now_opens_the_log_and_today_shows_the_rating(
    qtbot: QtBot, main_window: MainWindow, clock: FakeClock
) -> None:
    main_window.services.preferences.set("reminder_time", "18:00")
    opened: list[bool] = []
    main_window.pain_log_opener = saved_by_fake_dialog(5, opened)
    clock.advance(TO_SIX_PM)
    main_window.reminder.tick()
    qtbot.mouseClick(main_window.pain_prompt.note_button, Qt.MouseButton.LeftButton)
    assert opened == [True]
    assert not main_window.pain_prompt.isVisible()
    today = main_window.screen_widget("today")
    assert isinstance(today, TodayScreen)
    assert [labels[1].text() for labels in today.pain_card.row_labels] == ["5/10"]
    assert not main_window.reminder.tick()


@pytest.mark.parametrize("opened_value", [None])
def test_note_it_now_then_not_now_changes_nothing(
    qtbot: QtBot, main_window: MainWindow, clock: FakeClock, opened_value: None
) -> None:
    main_window.services.preferences.set("reminder_time", "18:00")
    main_window.pain_log_opener = lambda _services, _parent: opened_value
    clock.advance(TO_SIX_PM)
    main_window.reminder.tick()
    qtbot.mouseClick(main_window.pain_prompt.note_button, Qt.MouseButton.LeftButton)
    assert main_window.services.pain.latest(5) == []
    assert not main_window.reminder.tick()  # answered for today, even without a rating
