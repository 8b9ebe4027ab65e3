"""Trends says the insights in words: not enough days on a new diary, numbers once there are."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from coach.domain.pain import PainContext, PainEntry
from coach.domain.walks import WalkRecord
from coach.ui.services import AppServices
from coach.ui.trends.screen import TrendsScreen


def test_a_new_diary_says_not_enough_days_yet(qtbot: QtBot, services: AppServices) -> None:
    screen = TrendsScreen(services)
    qtbot.addWidget(screen)
    assert "not enough days yet to say" in screen.morning_label.text()
    assert "not enough days yet to say" in screen.guided_label.text()


def test_mornings_after_walking_days_are_compared(qtbot: QtBot, services: AppServices) -> None:
    now = services.clock.now().replace(hour=7)
    for back in range(40, 0, -1):
        day = now - timedelta(days=back)
        walked = back % 2 == 0
        if walked:
            services.diary.add_walk(WalkRecord(day.replace(hour=17), 1500.0))
        next_morning = day + timedelta(days=1)
        pain = 3 if walked else 5
        services.diary.add_pain(PainEntry(next_morning, pain, PainContext.ON_WAKING))
    screen = TrendsScreen(services)
    qtbot.addWidget(screen)
    words = screen.morning_label.text()
    assert (
        "averaged 3.0, against 5.0 after days without (20 and 20 days), 2.0 points lower" in words
    )
