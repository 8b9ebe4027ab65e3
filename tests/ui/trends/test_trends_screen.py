"""The Trends screen on a real store: items reused, ranges, hover, sentences and safety."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from trends_support import add_days, add_walks, domain_daily, today

from coach.domain.change_story import change_story
from coach.domain.pain import PainEntry
from coach.domain.safety.urgency import URGENCY_WORDS, Urgency
from coach.domain.trends import (
    TREND_NOT_ENOUGH,
    describe_slope,
    theil_sen,
)
from coach.ui.charts.hover import day_words
from coach.ui.charts.palette import PRINT_PALETTE
from coach.ui.charts.trend_data import day_to_x
from coach.ui.charts.trends_chart import ChartRange
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.theme import colors_for
from coach.ui.trends import texts
from coach.ui.trends.screen import TrendsScreen


@pytest.fixture
def screen(qtbot: QtBot, services: AppServices) -> TrendsScreen:
    """The screen, shown at a realistic size."""
    widget = TrendsScreen(services)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def improving(days_ago: int) -> int:
    """6 a hundred days ago easing to 3 today, with a wobble."""
    return min(10, round(3 + 3 * days_ago / 100) + (1 if days_ago % 5 == 0 else 0))


def test_items_are_created_once_and_updated(screen: TrendsScreen, services: AppServices) -> None:
    add_days(services, improving, 30)
    screen.refresh()
    before = dict(screen.chart.items)
    x_before, _ = screen.chart.items["daily"].getOriginalDataset()
    add_days(services, improving, 60)  # more days, further back
    screen.refresh()
    assert screen.chart.items == before
    assert all(screen.chart.items[k] is before[k] for k in before)
    x_after, _ = screen.chart.items["daily"].getOriginalDataset()
    assert len(x_after) == 60 > len(x_before) == 30


def test_refresh_without_changes_reuses_the_model(
    screen: TrendsScreen, services: AppServices
) -> None:
    add_days(services, improving, 20)
    screen.refresh()
    model = screen.chart.model
    screen.refresh()
    assert screen.chart.model is model
    add_days(services, improving, 1)
    screen.refresh()
    assert screen.chart.model is not model


@pytest.mark.parametrize(
    ("chart_range", "days"),
    [(ChartRange.WEEKS_4, 28), (ChartRange.WEEKS_12, 84), (ChartRange.MONTHS_6, 182)],
)
def test_ranges_end_today(
    screen: TrendsScreen, services: AppServices, chart_range: ChartRange, days: int
) -> None:
    add_days(services, improving, 300)
    screen.refresh()
    screen.show_range(chart_range)
    last = today(services).toordinal()
    x0, x1 = screen.chart.pain_plot.vb.viewRange()[0]
    assert x0 == pytest.approx(float(day_to_x(last - days + 1)))
    assert x1 == pytest.approx(float(day_to_x(last + 1)))
    assert screen.chart.activity.plot.vb.viewRange()[0] == pytest.approx([x0, x1])


def test_all_starts_at_the_first_rating(screen: TrendsScreen, services: AppServices) -> None:
    add_days(services, improving, 400)
    screen.refresh()
    screen.show_range(ChartRange.ALL)
    x0, x1 = screen.chart.pain_plot.vb.viewRange()[0]
    first = today(services) - timedelta(days=399)
    assert x0 == pytest.approx(float(day_to_x(first.toordinal())))
    assert x1 == pytest.approx(float(day_to_x(today(services).toordinal() + 1)))


def test_range_keys_and_buttons(
    qtbot: QtBot, main_window: MainWindow, services: AppServices
) -> None:
    add_days(services, improving, 200)
    main_window.show_screen("trends")
    screen = main_window.findChild(TrendsScreen)
    assert screen is not None
    screen.activateWindow()
    screen.setFocus()
    qtbot.keyClick(screen, Qt.Key.Key_1)
    assert screen.chart.chart_range is ChartRange.WEEKS_4
    qtbot.keyClick(screen, Qt.Key.Key_3)
    assert screen.chart.chart_range is ChartRange.MONTHS_6
    all_button = next(
        b for b in screen.range_buttons.buttons() if b.property("chart_range") == "all"
    )
    qtbot.mouseClick(all_button, Qt.MouseButton.LeftButton)
    assert screen.chart.chart_range is ChartRange.ALL
    assert all_button.isChecked()


def test_hover_shows_that_days_values(
    qtbot: QtBot, screen: TrendsScreen, services: AppServices
) -> None:
    add_days(services, lambda ago: 7 if ago == 10 else 3, 40, per_day=1)
    now = services.clock.now()
    services.pain.add(PainEntry(at=now - timedelta(days=10, hours=2), pain=4))  # day mean 5.5
    add_walks(services, [10], minutes=25)
    screen.refresh()
    screen.show_range(ChartRange.WEEKS_4)
    day = today(services) - timedelta(days=10)
    vb = screen.chart.pain_plot.vb
    scene_point = vb.mapViewToScene(QPointF(float(day_to_x(day.toordinal())) + 43_200, 5.0))
    view_point = screen.chart.mapFromScene(scene_point)
    qtbot.mouseMove(screen.chart.viewport(), QPoint(view_point.x(), view_point.y()))
    qtbot.waitUntil(lambda: screen.chart.hover_text != "", timeout=1000)
    text = screen.hover_label.text()
    assert text.startswith(day_words(day))
    assert "pain 5.5 (average of 2 ratings)" in text
    assert "walked 25 min" in text
    assert screen.chart.items["crosshair"].isVisible()


def test_sentences_match_the_domain(screen: TrendsScreen, services: AppServices) -> None:
    add_days(services, improving, 100, per_day=2)
    screen.refresh()
    screen.show_range(ChartRange.WEEKS_12)
    daily = domain_daily(services)
    end = today(services)
    shown = daily.between(end - timedelta(days=83), end)
    trend = theil_sen(shown)
    assert trend is not None
    words = describe_slope(trend.slope_per_week)
    assert screen.trend_label.text() == texts.TREND_SENTENCE.format(
        span=texts.TREND_SPANS["12w"], words=words
    )
    assert "down" in words
    assert screen.change_label.text() == change_story(daily, end - timedelta(days=83), end)
    assert screen.safety_bar.isHidden()


def test_few_ratings_say_so(screen: TrendsScreen, services: AppServices) -> None:
    add_days(services, improving, 3)
    screen.refresh()
    assert screen.trend_label.text() == TREND_NOT_ENOUGH


def test_empty_diary(screen: TrendsScreen) -> None:
    screen.refresh()
    assert screen.trend_label.text() == texts.NO_DATA
    assert not screen.chart.items["band"].isVisible()


def test_worsening_diary_shows_the_safety_message(
    screen: TrendsScreen, services: AppServices
) -> None:
    add_days(services, lambda ago: 6 if ago < 7 else 3, 28)
    screen.refresh()
    assert screen.safety_bar.isVisible()
    text = screen.safety_bar.label.text()
    assert text.startswith(URGENCY_WORDS[Urgency.SOON].title)
    assert "The 3 weeks before: average 3.0." in text and "points higher" in text


def test_a_saddle_sign_gets_the_emergency_words(
    screen: TrendsScreen, services: AppServices
) -> None:
    add_days(services, lambda ago: 6 if ago < 7 else 3, 28)
    now = services.clock.now()
    services.pain.add(PainEntry(at=now, pain=5, red_flags=frozenset({"saddle_numbness"})))
    screen.refresh()
    text = screen.safety_bar.label.text()
    assert text.startswith(URGENCY_WORDS[Urgency.EMERGENCY].title)
    assert "emergency department" in text and "physiotherapist" not in text
    assert text.index("numbness in the saddle area") < text.index("3 weeks before")
    assert screen.safety_bar.property("urgency") == "emergency"


def test_weekly_minutes_and_cadence(screen: TrendsScreen, services: AppServices) -> None:
    add_days(services, improving, 21)
    add_walks(services, [0, 1, 2], minutes=20)
    screen.refresh()
    weeks = screen.chart.model.weeks  # type: ignore[union-attr]
    monday = date.fromordinal(int(weeks.mondays[-1]))
    assert monday.weekday() == 0
    expected = sum(20 for ago in (0, 1, 2) if today(services) - timedelta(days=ago) >= monday)
    assert weeks.minutes[-1] == pytest.approx(expected)
    assert np.nanmax(weeks.cadence_walked) == pytest.approx(108)


def test_theme_change_recolours_the_same_chart(
    main_window: MainWindow, services: AppServices
) -> None:
    add_days(services, improving, 30)
    main_window.show_screen("trends")
    screen = main_window.findChild(TrendsScreen)
    assert screen is not None
    items = dict(screen.chart.items)
    services.preferences.set("theme", "dark")
    main_window.show_screen("trends")
    assert screen.chart.backgroundBrush().color().name() == colors_for("dark").surface
    assert all(screen.chart.items[k] is items[k] for k in items)
    services.preferences.set("theme", "light")
    main_window.show_screen("trends")
    assert screen.chart.backgroundBrush().color().name() == colors_for("light").surface


def test_print_palette_is_greys_only() -> None:
    for value in vars(PRINT_PALETTE).values():
        color = QColor(value)
        assert color.red() == color.green() == color.blue(), value
