"""A save anywhere refreshes the screen on show that shows it; a screen its stack hides waits."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.pain import PainEntry
from coach.services.changes import Change
from coach.ui.data_changes import refresh_on
from coach.ui.diary.screen import DiaryScreen
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices


def test_a_rating_saved_from_the_pain_log_shows_in_the_diary_on_show(
    main_window: MainWindow, services: AppServices
) -> None:
    main_window.show_screen("diary")
    screen = main_window.screen_widget("diary")
    assert isinstance(screen, DiaryScreen)
    assert screen.entry_list.rows == []
    # What the quick pain log does on Save; nobody calls refresh() by hand.
    saved = services.diary.add_pain(PainEntry(at=services.clock.now(), pain=3))
    assert [row.entry for row in screen.entry_list.rows] == [saved]


def test_a_screen_its_stack_hides_is_not_refreshed_until_shown(
    qtbot: QtBot, services: AppServices
) -> None:
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    shown, hidden = QWidget(), QWidget()
    stack.addWidget(shown)
    stack.addWidget(hidden)
    stack.show()
    calls: list[str] = []
    refresh_on(services.data_changes, (Change.PAIN,), shown, lambda: calls.append("shown"))
    refresh_on(services.data_changes, (Change.PAIN,), hidden, lambda: calls.append("hidden"))
    refresh_on(services.data_changes, (Change.PLANS,), shown, lambda: calls.append("plans"))
    services.diary.add_pain(PainEntry(at=services.clock.now(), pain=3))
    assert calls == ["shown"]
