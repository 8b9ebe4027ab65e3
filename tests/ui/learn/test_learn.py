"""Learn: every topic shown, reachable from the sidebar, from Today and after the introduction."""

from __future__ import annotations

import importlib

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QScrollBar
from pytestqt.qtbot import QtBot

from coach.ui.learn import texts as learn_texts
from coach.ui.learn.screen import LearnScreen
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.settings.onboarding import OnboardingWizard, run_first_onboarding, run_onboarding
from coach.ui.today.screen import TodayScreen

REQUIRED_TOPICS = (
    "harm",
    "gets better",
    "resting",
    "bad day",
    "pace by time",
    "weeks",
    "shoes",
    "treadmill",
    "0 to 10",
)
"""What issue 21 asks Learn to cover, one word or phrase of each topic title."""


def test_learn_covers_every_topic_the_issue_asks_for() -> None:
    titles = " ".join(title.lower() for title, _ in learn_texts.TOPICS)
    for topic in REQUIRED_TOPICS:
        assert topic in titles, topic
    text = " ".join(" ".join(paragraphs) for _, paragraphs in learn_texts.TOPICS).lower()
    for detail in ("cushioned", "safety key", "rail", "same time", "shorter walks"):
        assert detail in text, detail


def test_learn_screen_shows_each_topic_in_a_card_without_sideways_scrolling(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    main_window.resize(1024, 600)
    main_window.show_screen("learn")
    screen = main_window.screen_widget("learn")
    assert isinstance(screen, LearnScreen)
    qtbot.waitExposed(screen)
    assert [card.title_label.text() for card in screen.cards] == [t for t, _ in learn_texts.TOPICS]
    assert screen.horizontalScrollBar().maximum() == 0
    for card in screen.cards:
        assert card.accessibleName() and card.accessibleDescription()


def test_the_sidebar_lists_learn_before_settings(main_window: MainWindow) -> None:
    keys = main_window.screen_keys()
    assert keys.index("learn") == keys.index("settings") - 1


def test_todays_button_opens_learn(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.show_screen("today")
    today = main_window.screen_widget("today")
    assert isinstance(today, TodayScreen)
    button = today.learn_card.open_button
    assert button.accessibleName() == learn_texts.TODAY_LINK_BUTTON
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert main_window.current_key == "learn"


def test_learn_opens_at_the_top(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.resize(1024, 600)
    main_window.show_screen("learn")
    screen = main_window.screen_widget("learn")
    assert isinstance(screen, LearnScreen)
    bar: QScrollBar = screen.verticalScrollBar()
    assert bar.maximum() > 0, "nine topics do not fit in 600 px"
    bar.setValue(bar.maximum())
    main_window.show_screen("today")
    main_window.show_screen("learn")
    assert bar.value() == 0


def test_the_first_run_offers_learn_and_a_later_run_does_not(
    qtbot: QtBot, services: AppServices
) -> None:
    first = OnboardingWizard(services, offer_learn=True)
    later = OnboardingWizard(services)
    qtbot.addWidget(first)
    qtbot.addWidget(later)
    first.show()
    later.show()
    first.go_to("walking")
    later.go_to("walking")
    assert first.learn_box.isVisible() and first.learn_box.isChecked()
    assert not later.learn_box.isVisible() and not later.learn_box.isChecked()


@pytest.mark.parametrize("ticked", [True, False])
def test_run_first_onboarding_says_whether_to_open_learn(
    qtbot: QtBot, services: AppServices, ticked: bool
) -> None:
    def finish_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        wizard = dialog.findChild(OnboardingWizard)
        assert wizard is not None
        wizard.learn_box.setChecked(ticked)
        wizard.finish()

    QTimer.singleShot(0, finish_it)
    assert run_first_onboarding(services) == ("learn" if ticked else None)


def test_closing_the_first_run_opens_nothing(qtbot: QtBot, services: AppServices) -> None:
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())  # type: ignore[union-attr]
    assert run_first_onboarding(services) is None
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())  # type: ignore[union-attr]
    assert run_onboarding(services) is False


HOW_OFTEN = "once a day, at about the same time"
TEXT_MODULES = (
    "coach.ui.today.texts",
    "coach.ui.diary.texts",
    "coach.ui.settings.texts",
    "coach.ui.learn.texts",
)


def _all_text(module_name: str) -> str:
    module = importlib.import_module(module_name)
    return repr([v for k, v in vars(module).items() if k.isupper()]).lower()


@pytest.mark.parametrize("module_name", TEXT_MODULES)
def test_every_screen_gives_the_same_how_often(module_name: str) -> None:
    text = _all_text(module_name).replace('" "', " ").replace("' '", " ")
    assert HOW_OFTEN in text, f"{module_name} should say: rate {HOW_OFTEN}"
    assert "twice a day" not in text
