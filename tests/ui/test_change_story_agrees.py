"""The Trends screen and the clinician's PDF say the same change, with the same dates."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from trends_support import add_days

from coach.ui.charts.trends_chart import ChartRange
from coach.ui.services import AppServices
from coach.ui.trends.screen import TrendsScreen


def easing_early(days_ago: int) -> int:
    """7 at the start of 200 days, 4 by 12 weeks ago, then slowly to 3: the two windows differ."""
    if days_ago >= 84:
        return 4 + round(3 * (days_ago - 84) / 116)
    return 3 + (1 if days_ago > 42 else 0)


def pdf_words(path: Path) -> str:
    """The PDF's text as pdftotext reads it, with line breaks and hyphen breaks joined."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))  # NFKC: the "fi" ligature


@pytest.mark.parametrize("chart_range", [ChartRange.WEEKS_12, ChartRange.MONTHS_6, ChartRange.ALL])
def test_screen_and_report_say_the_same_change(
    qtbot: QtBot, services: AppServices, tmp_path: Path, chart_range: ChartRange
) -> None:
    add_days(services, easing_early, 200)
    screen = TrendsScreen(services)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show_range(chart_range)
    said = screen.change_label.text()
    report = screen.write_report(tmp_path / "report.pdf")
    assert said.startswith("Since you started on ")
    assert said in pdf_words(report)
    since, _, within = said.partition(" Within these ")
    assert "That is a change large enough to matter." in since  # 7 at the start, 3 now
    if chart_range is ChartRange.ALL:
        assert within == ""  # the range starts with the diary: one comparison
    else:
        assert within.startswith(SPANS[chart_range])
    if chart_range is ChartRange.WEEKS_12:
        assert "Not yet a change large enough to matter" in within  # 4 twelve weeks ago


SPANS = {ChartRange.WEEKS_12: "12 weeks (3 September to 25 November 2026)",
         ChartRange.MONTHS_6: "26 weeks (28 May to 25 November 2026)"}  # fmt: skip
