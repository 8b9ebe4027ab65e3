"""The clinician's PDF: period, chart, weekly table, cadence plan, change statement, the weekly
check-ins and notes.

The data comes from coach.services.report_data (the same TrendModel as the Trends screen,
limited to the period); this module only draws it. The chart is the same TrendsChart,
drawn as vectors in black and greys, so it reads in grayscale.
"""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import numpy as np
from PySide6.QtCore import QIODevice, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication

from coach.domain.checkin import WeeklyCheckin
from coach.domain.progression import ProgressionPlan
from coach.domain.safety.rules import flag_words
from coach.domain.walks import minutes_to_seconds, whole_minutes
from coach.services.report_data import ReportData, ReportError
from coach.services.trends import goal_summary
from coach.ui.charts.export import render_image, write_buffered
from coach.ui.charts.hover import date_words, day_words
from coach.ui.charts.palette import PRINT_PALETTE
from coach.ui.charts.trends_chart import TrendsChart
from coach.ui.report import texts
from coach.ui.report.page_flow import PageFlow, make_writer, mm

CHART_SIZE_PX = (880, 430)
"""The chart is laid out at this size and scaled onto the page as vectors."""
CHART_HEIGHT_MM = 74.0
CHART_SCALE = 3
"""About 300 dots per inch at the chart's printed width."""
TABLE_WIDTHS = (0.2, 0.11, 0.11, 0.13, 0.11, 0.17, 0.17)
CHECKIN_WIDTHS = (0.2, 0.2, 0.2, 0.2, 0.2)
CHECKIN_KEEP_MM = 30.0


def write_report(data: ReportData, path: Path) -> Path:
    """Write the report as a PDF (mode 0600) and return its path. Needs a QApplication.

    The PDF is drawn in memory and saved with write_private: an existing report at path
    stays whole until the new one is complete on disk. Raises OSError when it cannot be.
    """
    if QApplication.instance() is None:
        raise ReportError("The report needs a running Qt application to draw its chart.")
    return write_buffered(path, lambda buffer: _draw(data, buffer, path))


def _draw(data: ReportData, device: QIODevice, path: Path) -> None:
    writer = make_writer(device, texts.TITLE)
    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError(f"Could not draw the report for {path}.")
    first, last = day_words(data.first), day_words(data.last)
    flow = PageFlow(writer, painter, lambda page: texts.PAGE_FOOTER.format(
        first=first, last=last, page=page))  # fmt: skip
    try:
        _head(flow, data)
        _safety(flow, data)
        _chart(flow, data)
        _table(flow, data)
        _checkins(flow, data)
        _notes(flow, data)
        flow.finish()
    finally:
        painter.end()


def _head(flow: PageFlow, data: ReportData) -> None:
    stats = data.model.statistics
    weeks = ((data.last - data.first).days + 1) / 7
    flow.text(texts.TITLE, 16, bold=True)
    flow.text(texts.PERIOD.format(
        first=day_words(data.first), last=day_words(data.last),
        weeks=f"{weeks:.1f}".removesuffix(".0"), made=day_words(data.made)))  # fmt: skip
    flow.text(texts.SELF_REPORTED, bold=True)
    flow.space()
    flow.text(texts.SUMMARY_HEADING, 11, bold=True)
    span = (data.last - data.first).days + 1
    ratings = texts.RATINGS_LINE.format(ratings=data.ratings, days=len(stats.daily), span=span)
    flow.text(ratings + (texts.SAFETY_QUIET if _safety_quiet(data) else ""))
    template = texts.TREND_NONE if stats.trend is None else texts.TREND_LINE
    # No check-ins: said after the trend, the shortest line, so twelve weeks fit one page.
    none = "" if data.checkins else texts.CHECKIN_NONE
    flow.text(template.format(words=stats.trend_words) + none)
    flow.text(texts.CHANGE_LINE.format(sentence=data.change_words))
    if data.checkins:
        flow.text(data.checkin_words)
    flow.text(_goal_line(data))
    flow.text(_plan_line(data.plan))


def _safety(flow: PageFlow, data: ReportData) -> None:
    if _safety_quiet(data):
        return  # said in one sentence on the ratings line: twelve weeks still fit one page
    made = day_words(data.made)
    message = data.safety.message
    flow.space()
    flow.text(texts.SAFETY_HEADING, 11, bold=True)
    if message is None:
        flow.text(texts.SAFETY_RUNNING.format(made=made))
    else:
        flow.text(texts.SAFETY_PAUSED.format(made=made, title=message.title), bold=True)
    if data.safety.worsening is not None:
        flow.text(data.safety.worsening.reason())
    for line in data.safety_history or (texts.SAFETY_NONE,):
        flow.text(line)


def _safety_quiet(data: ReportData) -> bool:
    """No warning sign or clinician's check in the period, and the plan is not paused."""
    return data.safety.message is None and not data.safety_history


def _plan_line(plan: ProgressionPlan | None) -> str:
    if plan is None:
        return texts.CADENCE_NONE
    holds = texts.CADENCE_HOLDS.format(count=len(plan.holds)) if plan.holds else ""
    return texts.CADENCE_PLAN.format(
        baseline=plan.baseline_spm, goal=plan.goal_spm, start=day_words(plan.start), holds=holds
    )


def _chart(flow: PageFlow, data: ReportData) -> None:
    flow.space(1)
    flow.text(texts.CHART_HEADING, 11, bold=True)
    chart = TrendsChart(PRINT_PALETTE)
    chart.remove_legends()  # the key below the chart says it in full sentences
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    chart.resize(*CHART_SIZE_PX)
    chart.show()
    chart.set_model(data.model)
    chart.show_days(data.first.toordinal(), data.last.toordinal())
    app = QApplication.instance()
    for _ in range(3):  # let the layout settle before drawing
        app.processEvents()  # type: ignore[union-attr]

    # Drawn as a sharp picture: pyqtgraph sizes axis text by the device's dots per inch, so
    # drawn straight onto the 300-dpi page the tick labels would come out huge.
    image = render_image(chart, CHART_SCALE)
    chart.close()
    # Freed now, Python side first, while its scene is whole. pyqtgraph's items hold
    # reference cycles, so they wait for the garbage collector; left to deleteLater, Qt
    # deleted the scene first and a later collection freed its plot items a second time
    # (SIGSEGV in ~QGraphicsWidget in the test suite, whenever other work moved the
    # collector's timing).
    del chart
    gc.collect()

    def draw(painter: QPainter, rect: QRectF) -> None:
        painter.drawImage(rect, image)

    width = flow.width
    flow.picture(min(mm(CHART_HEIGHT_MM), width * CHART_SIZE_PX[1] / CHART_SIZE_PX[0]), draw)
    flow.text(texts.CHART_KEY, 7.5)


def _table(flow: PageFlow, data: ReportData) -> None:
    weeks = data.model.weeks
    weekly = data.model.statistics.weekly
    rows: list[list[str]] = []
    for i, monday in enumerate(weeks.mondays):
        if monday + 6 < data.first.toordinal() or monday > data.last.toordinal():
            continue
        j = int(np.searchsorted(weekly.mondays, monday))
        rated = j < weekly.mondays.size and weekly.mondays[j] == monday
        rows.append([
            date_words(date.fromordinal(int(monday))),
            f"{weekly.means[j]:.1f}" if rated else texts.EMPTY_CELL,
            str(int(weekly.days_with_data[j])) if rated else "0",
            str(whole_minutes(minutes_to_seconds(float(weeks.minutes[i])))),
            _minutes(weeks.goal_minutes[i]),
            _spm(weeks.cadence_target[i]),
            _spm(weeks.cadence_walked[i]),
        ])  # fmt: skip
    flow.space(1)
    flow.text(texts.TABLE_HEADING, 11, bold=True)
    flow.table(texts.TABLE_COLUMNS, rows, TABLE_WIDTHS)


def _minutes(value: float) -> str:
    return texts.EMPTY_CELL if np.isnan(value) else f"{value:.0f}"


def _goal_line(data: ReportData) -> str:
    summary = goal_summary(data.model.weeks, data.first, data.last, data.made)
    if summary.last_goal is None:
        return texts.GOAL_NONE
    line = texts.GOAL_LINE.format(
        monday=date_words(summary.last_monday),
        minutes=summary.last_minutes,
        goal=summary.last_goal,
    )
    if summary.full_weeks:
        line += texts.GOAL_WEEKS_MET.format(met=summary.weeks_met, weeks=summary.full_weeks)
    return line


def _spm(value: float) -> str:
    return texts.EMPTY_CELL if np.isnan(value) else f"{value:.0f}"


def _notes(flow: PageFlow, data: ReportData) -> None:
    flow.text(texts.NOTES_HEADING, 11, bold=True)
    if not data.notes:
        flow.text(texts.NOTES_NONE)
    for entry in data.notes:
        day = entry.at.astimezone(data.tz).date()
        words = day_words(day)
        if entry.red_flags:
            signs = flag_words(entry.red_flags)
            flow.text(texts.NOTE_FLAGS.format(day=words, pain=entry.pain, signs=signs), bold=True)
        if entry.note.strip():
            context = texts.CONTEXT_WORDS.get(entry.context.value, "")
            flow.text(texts.NOTE_LINE.format(
                day=words, pain=entry.pain, context=context, note=entry.note.strip()))  # fmt: skip


def _checkins(flow: PageFlow, data: ReportData) -> None:
    if not data.checkins:
        return  # the summary says so in one line: twelve weeks still fit one page
    flow.space(1)
    flow.ensure(mm(CHECKIN_KEEP_MM))  # the heading stays with its note and first rows
    flow.text(texts.CHECKIN_HEADING, 11, bold=True)
    flow.text(texts.CHECKIN_ABOUT, 7.5)
    rows = [_checkin_row(checkin, data) for checkin in data.checkins]
    flow.table(texts.CHECKIN_COLUMNS, rows, CHECKIN_WIDTHS)


def _checkin_row(checkin: WeeklyCheckin, data: ReportData) -> list[str]:
    day = date_words(checkin.answered_at.astimezone(data.tz).date())
    if checkin.skipped:
        return [day, texts.CHECKIN_SKIPPED, "", "", ""]
    answers = [texts.EMPTY_CELL if a is None else str(a) for a in checkin.answers]
    score = checkin.score
    return [day, texts.EMPTY_CELL if score is None else f"{score:.1f}", *answers]
