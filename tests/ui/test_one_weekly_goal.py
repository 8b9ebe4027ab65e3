"""One weekly walking goal: Today, Walk, Trends and the clinician's PDF show the same number."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from conftest import WalkAdder
from pytestqt.qtbot import QtBot
from test_change_story_agrees import pdf_words

from coach.domain.pain import PainContext, PainEntry
from coach.services.trends import goal_summary
from coach.ui.services import AppServices
from coach.ui.today.screen import TodayScreen
from coach.ui.trends.screen import TrendsScreen
from coach.ui.walk.screen import WalkScreen


def numbers(text: str) -> list[int]:
    """Every whole number in a text, in order."""
    return [int(n) for n in re.findall(r"\d+", text)]


def walk_six_weeks(services: AppServices, add_walk: WalkAdder) -> None:
    """Six weeks of walking with one week whose walk hurt: the goal grows, then holds."""
    services.preferences.set("usual_walk_minutes_per_week", 45)
    for week in range(6, 0, -1):
        for day in (0, 2, 4):
            add_walk(20, days_ago=7 * week + day)
    hurt = add_walk(20, days_ago=15)
    services.pain.add(PainEntry(at=hurt.started_at, pain=2, context=PainContext.BEFORE_WALK,
                                walk_id=hurt.id))  # fmt: skip
    services.pain.add(PainEntry(at=hurt.started_at + timedelta(minutes=25), pain=7,
                                context=PainContext.AFTER_WALK, walk_id=hurt.id))  # fmt: skip
    add_walk(12, days_ago=0)


def test_today_walk_trends_and_the_report_show_one_goal(
    qtbot: QtBot, services: AppServices, add_walk: WalkAdder, tmp_path: Path
) -> None:
    walk_six_weeks(services, add_walk)
    today, walk, trends = TodayScreen(services), WalkScreen(services), TrendsScreen(services)
    for screen in (today, walk, trends):
        qtbot.addWidget(screen)

    goal = numbers(today.week_card.goal_label.text())[0]
    assert today.week_card.progress.maximum() == goal
    # 45 to start, grown by a tenth after each week that reached it, held after the hurt walk.
    assert 45 < goal < 150
    suggestion = walk.choose_page.suggestion_label.text()
    assert f"({goal} minutes)" in suggestion
    assert f"12 of your {goal}-minute goal" in trends.goal_label.text()

    first, last = trends.report_days()
    path = trends.write_report(tmp_path / "report.pdf")
    words = pdf_words(path)
    assert f"Weekly walking goal: 12 of {goal} minutes in the week of" in words
    summary = goal_summary(trends.chart.model.weeks, first, last, trends.chart.model.today)
    assert summary.full_weeks >= 5 and 0 < summary.weeks_met < summary.full_weeks
    met, full = summary.weeks_met, summary.full_weeks
    assert f"Reached in {met} of {full} full weeks." in words
    assert f"Goal reached in {met} of the {full} full weeks shown." in trends.goal_label.text()


def test_a_hurt_walk_holds_the_goal_on_every_screen(
    qtbot: QtBot, services: AppServices, add_walk: WalkAdder
) -> None:
    walk_six_weeks(services, add_walk)
    trends = TrendsScreen(services)
    qtbot.addWidget(trends)
    weeks = trends.chart.model.weeks
    goals = [int(g) for g in weeks.goal_minutes[-7:]]
    # Week by week: start at 45, grow by a tenth, hold in the week after the walk that hurt.
    assert goals[0] == 45 and goals[1] == 50
    held = [i for i in range(1, len(goals)) if goals[i] == goals[i - 1]]
    assert held, goals
    today = TodayScreen(services)
    qtbot.addWidget(today)
    assert numbers(today.week_card.goal_label.text())[0] == goals[-1]


def test_a_fresh_diary_shows_one_goal_and_how_it_grows(qtbot: QtBot, services: AppServices) -> None:
    today = TodayScreen(services)
    qtbot.addWidget(today)
    card = today.week_card
    # The default usual walking, 60 minutes a week, is the first week's goal: 5 walks of 12.
    assert card.goal_label.text() == "of your 60-minute goal"
    assert card.dose_label.text() == "That is 5 walks of about 12 minutes. Done so far: 0."
    assert "up to 5 walks of 30 minutes" in card.goal_note_label.text()
    texts = [card.goal_label.text(), card.dose_label.text(), card.goal_note_label.text()]
    goals_said = [n for text in texts for n in numbers(text) if n not in (0, 5, 12, 30)]
    assert goals_said == [60]  # no second weekly goal anywhere on the card
