"""Today's check-in card: shown from the check-in day until answered or skipped."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.ui.services import AppServices
from coach.ui.today.screen import TodayScreen


def _today(qtbot: QtBot, services: AppServices) -> TodayScreen:
    screen = TodayScreen(services)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_the_card_shows_until_the_week_is_answered(qtbot: QtBot, services: AppServices) -> None:
    screen = _today(qtbot, services)
    card = screen.checkin_card
    assert card.isVisible()  # Wednesday, the check-in day Monday has passed
    services.checkins.answer(services.clock.now(), "monday", (4, 4, None))
    assert not card.isVisible()  # the save refreshed Today


def test_skip_this_week_hides_the_card_until_next_week(
    qtbot: QtBot, services: AppServices, clock: FakeClock
) -> None:
    screen = _today(qtbot, services)
    screen.checkin_card.skip_button.click()
    assert not screen.checkin_card.isVisible()
    clock.advance(timedelta(days=5).total_seconds())  # the next Monday
    screen.refresh()
    assert screen.checkin_card.isVisible()


def test_changing_the_day_starts_a_new_check_in_week(qtbot: QtBot, services: AppServices) -> None:
    screen = _today(qtbot, services)
    services.checkins.answer(services.clock.now(), "monday", (4, 4, 4))
    services.preferences.set("checkin_weekday", "thursday")  # a new week starts Thursday
    assert screen.checkin_card.isVisible()  # last Thursday's week has no check-in


def test_answer_now_opens_the_dialog(qtbot: QtBot, services: AppServices) -> None:
    screen = _today(qtbot, services)
    opened: list[object] = []
    screen.checkin_card.opener = lambda s, parent: opened.append(parent)  # type: ignore[func-returns-value]
    screen.checkin_card.answer_button.click()
    assert opened == [screen.checkin_card]
