"""The weekly check-in: Trends and the clinician's PDF say the same sentence and numbers."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot
from test_change_story_agrees import pdf_words

from coach.domain.checkin_story import NONE_YET
from coach.ui.services import AppServices
from coach.ui.trends.screen import TrendsScreen


def _answer_weeks(services: AppServices) -> None:
    """Five weeks ago 6/6/6, then lower; one week skipped, one with a question left out."""
    now = services.clock.now()
    weeks = [(6, 6, 6), None, (5, None, 5), (4, 4, 4), (3, 4, 5)]
    for back, answers in zip(range(len(weeks) * 7, 0, -7), weeks, strict=True):
        at = now - timedelta(days=back - 1)
        if answers is None:
            services.checkins.skip(at, "monday")
        else:
            services.checkins.answer(at, "monday", answers)


def test_trends_and_the_report_say_the_same_numbers(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    _answer_weeks(services)
    trends = TrendsScreen(services)
    qtbot.addWidget(trends)
    sentence = trends.checkin_words()
    assert "4.0 on" in sentence and "down 2.0 from 6.0 on" in sentence
    assert "That is a change large enough to matter (1.8 points or more)." in sentence
    assert list(trends.checkin_card.chart.scores) == [6.0, 5.0, 4.0, 4.0]  # the skip has no dot

    words = pdf_words(trends.write_report(tmp_path / "report.pdf"))
    assert sentence in words
    numbers = re.findall(r"\d+\.\d", sentence)
    assert numbers == ["4.0", "2.0", "6.0", "1.8"]
    assert "skipped" in words
    for score in ("6.0", "5.0", "4.0"):
        assert score in words
    assert "Not a validated questionnaire" in words


def test_with_no_check_in_both_say_so(qtbot: QtBot, services: AppServices, tmp_path: Path) -> None:
    trends = TrendsScreen(services)
    qtbot.addWidget(trends)
    assert trends.checkin_words() == NONE_YET
    words = pdf_words(trends.write_report(tmp_path / "report.pdf"))
    assert "No weekly check-ins in this period." in words
