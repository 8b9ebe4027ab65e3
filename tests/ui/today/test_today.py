"""Today: greeting, this week's walking minutes toward the goal, latest pain, empty states."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.domain.safety.urgency import Urgency, words_for
from coach.domain.walks import WalkRecord
from coach.storage.database import open_read_only
from coach.ui.bootstrap import build_services
from coach.ui.dialogs.log_pain import LogPainDialog
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.today import texts
from coach.ui.today.screen import TodayScreen, greeting_for

Adder = Callable[..., object]


def make_today(qtbot: QtBot, services: AppServices) -> TodayScreen:
    screen = TodayScreen(services)
    qtbot.addWidget(screen)
    return screen


def test_greeting_follows_the_time_of_day() -> None:
    assert greeting_for(7) == texts.GREETING_MORNING
    assert greeting_for(13) == texts.GREETING_AFTERNOON
    assert greeting_for(20) == texts.GREETING_EVENING
    assert greeting_for(2) == texts.GREETING_NIGHT


def test_empty_store_says_what_to_do_first(qtbot: QtBot, services: AppServices) -> None:
    screen = make_today(qtbot, services)
    assert screen.greeting_label.text() == texts.GREETING_MORNING  # the fake clock says 09:30
    assert screen.date_label.text() == "Wednesday 25 November"
    assert screen.week_card.minutes_label.text() == "0 min"
    assert screen.week_card.advice_label.text() == texts.WEEK_EMPTY
    assert screen.week_card.progress.value() == 0
    assert not screen.pain_card.empty_label.isHidden()
    assert screen.pain_card.empty_label.text() == texts.PAIN_EMPTY
    assert screen.pain_card.row_labels == []


def test_week_minutes_count_only_this_week(
    qtbot: QtBot, services: AppServices, add_walk: Adder
) -> None:
    add_walk(20, days_ago=1)  # Tuesday
    add_walk(15, days_ago=0)  # Wednesday
    add_walk(40, days_ago=7)  # last week: not counted
    services.preferences.set("usual_walk_minutes_per_week", 60)
    screen = make_today(qtbot, services)
    # The goal is replayed from the first walk: 60 the first week; 40 of 60 minutes last
    # week is under 80 % of it, so this week's goal stays 60 (coach.domain.dose).
    goal = 60
    assert screen.week_card.minutes_label.text() == "35 min"
    assert screen.week_card.goal_label.text() == texts.WEEK_GOAL.format(goal=goal)
    assert (screen.week_card.progress.value(), screen.week_card.progress.maximum()) == (35, goal)
    assert screen.week_card.advice_label.text() == texts.WEEK_TO_GO.format(left=goal - 35)


def test_reached_goal_is_said_and_the_bar_is_full(
    qtbot: QtBot, services: AppServices, add_walk: Adder
) -> None:
    services.preferences.set("usual_walk_minutes_per_week", 20)
    add_walk(45, days_ago=1)
    screen = make_today(qtbot, services)
    assert screen.week_card.advice_label.text() == texts.WEEK_REACHED
    assert screen.week_card.progress.value() == screen.week_card.progress.maximum()


def test_latest_pain_entries_newest_first(
    qtbot: QtBot, services: AppServices, add_pain: Adder
) -> None:
    for hours_ago, pain in enumerate([3, 5, 6, 4, 7, 8]):
        add_pain(pain, hours_ago=hours_ago * 12, note=f"note {pain}")
    screen = make_today(qtbot, services)
    rows = screen.pain_card.row_labels
    assert len(rows) == 5  # only the latest few
    assert [value.text() for _, value, _ in rows] == ["3/10", "5/10", "6/10", "4/10", "7/10"]
    assert "on waking" in rows[0][2].text()
    assert "note 3" in rows[0][2].text()
    assert screen.pain_card.empty_label.isHidden()


def test_refresh_picks_up_new_data(
    qtbot: QtBot, services: AppServices, add_walk: Adder, add_pain: Adder
) -> None:
    screen = make_today(qtbot, services)
    add_walk(12)
    add_pain(2)
    screen.refresh()
    assert screen.week_card.minutes_label.text() == "12 min"
    assert [value.text() for _, value, _ in screen.pain_card.row_labels] == ["2/10"]


def test_goal_follows_the_usual_walking_preference(qtbot: QtBot, services: AppServices) -> None:
    screen = make_today(qtbot, services)
    services.preferences.set("usual_walk_minutes_per_week", 120)
    assert screen.week_card.progress.maximum() == 120  # a first week starts at the usual
    services.preferences.set("usual_walk_minutes_per_week", 5)
    assert screen.week_card.progress.maximum() == 20  # two walks of ten minutes at least
    assert screen.week_card.goal_note_label.text() == (
        f"{texts.WEEK_GOAL_GROWTH} {texts.WEEK_GOAL_WHY['start']}"
    )


def test_showing_today_again_refreshes_it(main_window: MainWindow, add_walk: Adder) -> None:
    main_window.show_screen("settings")
    add_walk(25)
    main_window.show_screen("today")
    today = main_window.screen_widget("today")
    assert isinstance(today, TodayScreen)
    assert today.week_card.minutes_label.text() == "25 min"


def test_pain_entry_with_warning_signs_says_see_a_doctor(
    qtbot: QtBot, services: AppServices
) -> None:
    services.pain.add(
        PainEntry(at=services.clock.now(), pain=6, red_flags=frozenset({"leg_weakness"}))
    )
    screen = make_today(qtbot, services)
    assert "warning sign noted: please see a doctor promptly" in (
        screen.pain_card.row_labels[0][2].text()
    )
    # The one safety state: Today shows the same message and suggests no walking.
    assert not screen.safety_notice.isHidden()
    assert "Please see a doctor promptly" in screen.safety_notice.text()
    assert screen.week_card.advice_label.text() == texts.WEEK_PAUSED
    assert screen.week_card.dose_label.isHidden()


def test_the_note_at_the_bottom_uses_the_urgency_tables_words() -> None:
    assert "see a doctor promptly" in texts.SAFETY_NOTE
    assert "urgent medical care today" in words_for(Urgency.EMERGENCY).action
    assert "urgent medical care today" in texts.SAFETY_NOTE


def test_the_morning_after_a_walk_today_asks_whether_the_back_settled(
    qtbot: QtBot, services: AppServices, clock: FakeClock
) -> None:
    walk = services.walks.add(
        WalkRecord(started_at=services.clock.now() - timedelta(days=1), duration_s=78.0)
    )
    screen = make_today(qtbot, services)
    check = screen.morning_check
    assert not check.isHidden()
    assert "Yesterday you walked 1 min." in check.question_label.text()
    qtbot.mouseClick(check.no_button, Qt.MouseButton.LeftButton)
    assert "a little easier" in check.reply_label.text()
    (saved,) = services.walks.latest(1)
    assert saved.id == walk.id and saved.settled_next_morning is False
    clock.advance(3600)
    screen.refresh()
    assert not check.yes_button.isVisible()  # asked once only


def test_note_my_pain_opens_the_log_and_today_refreshes(
    qtbot: QtBot, services: AppServices
) -> None:
    screen = TodayScreen(services)
    qtbot.addWidget(screen)

    def rate_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LogPainDialog)
        qtbot.keyClick(dialog.scale, "4")
        qtbot.keyClick(dialog.scale, Qt.Key.Key_Return)

    QTimer.singleShot(0, rate_and_save)
    qtbot.mouseClick(screen.pain_card.note_button, Qt.MouseButton.LeftButton)
    assert [labels[1].text() for labels in screen.pain_card.row_labels] == ["4/10"]
    assert screen.pain_card.empty_label.isHidden()


def test_note_my_pain_is_off_with_a_reason_when_read_only(
    qtbot: QtBot, services: AppServices
) -> None:
    services.store.close()
    store = open_read_only(services.store.path)
    try:
        screen = TodayScreen(build_services(store, services.audio_status, services.clock))
        qtbot.addWidget(screen)
        assert not screen.pain_card.note_button.isEnabled()
        assert "read-only" in screen.pain_card.note_button.toolTip()
    finally:
        store.close()
