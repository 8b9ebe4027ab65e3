"""The diary and the clinician's PDF say the same clinician's check; one walk, one length."""

from __future__ import annotations

import re
import subprocess
from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot
from test_change_story_agrees import pdf_words

from coach.domain.pain import PainContext, PainEntry
from coach.domain.walks import WalkKind, WalkRecord
from coach.services.report_data import gather_report
from coach.services.trends import TrendSource
from coach.ui.charts.hover import describe_day
from coach.ui.diary.screen import DiaryScreen
from coach.ui.report import texts as report_texts
from coach.ui.report.clinician_report import write_report
from coach.ui.services import AppServices
from coach.ui.walk.screen import WalkScreen


def report_text(services: AppServices, path: Path) -> str:
    """The text of the real PDF for the last week, as pdftotext reads it."""
    now = services.clock.now()
    data = gather_report(
        services.diary, services.cadence, services.safety,
        now.date() - timedelta(days=6), now.date(), now,
        services.preferences.current.usual_walk_minutes_per_week,
    )  # fmt: skip
    return pdf_words(write_report(data, path))


def test_the_clinicians_check_shows_in_the_diary_and_the_report(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    now = services.clock.now()
    services.pain.add(
        PainEntry(at=now - timedelta(days=2), pain=5, red_flags=frozenset({"leg_weakness"}))
    )
    diary = DiaryScreen(services)
    qtbot.addWidget(diary)
    assert not diary.safety_panel.isHidden() and diary.cleared_label.isHidden()
    assert "paused" in report_text(services, tmp_path / "paused.pdf")

    diary.safety_panel.confirm = lambda _parent: True
    diary.safety_panel.cleared_button.click()

    line = diary.cleared_label.text()
    assert diary.safety_panel.isHidden() and not diary.cleared_label.isHidden()
    assert line == "On Wednesday 25 November you said a clinician had checked your back."
    text = report_text(services, tmp_path / "cleared.pdf")
    assert line in text
    assert "the walking plan is not paused" in text
    assert "On Monday 23 November you noted: leg weakness that is getting worse." in text


def test_one_walk_shows_the_same_minutes_on_every_screen(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    now = services.clock.now()
    start = now - timedelta(hours=1)
    # 25 minutes 50 seconds: rounding to the nearest minute would say 26.
    walk = services.walks.add(WalkRecord(start, 25 * 60 + 50, kind=WalkKind.GUIDED))
    services.pain.add(
        PainEntry(at=start + timedelta(minutes=30), pain=3, context=PainContext.AFTER_WALK,
                  walk_id=walk.id)
    )  # fmt: skip
    walk_screen = WalkScreen(services)
    diary = DiaryScreen(services)
    qtbot.addWidget(walk_screen)
    qtbot.addWidget(diary)
    walk_screen.refresh()

    assert walk_screen.history.cell(0, 2) == "25 min"
    assert diary.entry_list.rows[0].details_label.text().startswith("after your walk of 25 min")
    day = start.astimezone().date().toordinal()
    usual = services.preferences.current.usual_walk_minutes_per_week
    trends = TrendSource(services.diary, services.cadence, services.safety, lambda: usual)
    hover = describe_day(trends.model(now), day)
    assert "walked 25 min" in hover and "that week 25 min walked" in hover
    # The week's row: week of, pain mean, days rated, minutes walked, the weekly goal (the
    # default usual 60 minutes in a first week, as on Today) and two empty cadences.
    report_text(services, tmp_path / "r.pdf")
    empty = report_texts.EMPTY_CELL
    row = ["23 November 2026", "3.0", "1", "25", "60", empty, empty]
    assert row in table_rows(tmp_path / "r.pdf")


def table_rows(path: Path) -> list[list[str]]:
    """The PDF's lines as pdftotext lays them out, split into cells at runs of spaces."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return [re.split(r"\s{2,}", line.strip()) for line in text.splitlines()]
