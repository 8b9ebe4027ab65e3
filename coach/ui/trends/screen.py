"""Trends: is walking helping? The trend and the change since the start in words, any safety
message plainly on top, and the chart of pain and walking over 4 weeks to all of it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach.domain.change_story import change_story
from coach.domain.checkin_story import RULE, checkin_story
from coach.domain.insight_words import CAVEAT, guided_words, morning_words
from coach.domain.safety.state import SafetyState
from coach.domain.trends import TREND_FLAT, TREND_NOT_ENOUGH, describe_slope
from coach.services.changes import Change
from coach.services.insights import gather_insights
from coach.services.report_data import gather_report
from coach.services.trends import TrendSource, goal_summary
from coach.ui.charts.checkin_chart import CheckinChart
from coach.ui.charts.export import export_png, export_svg
from coach.ui.charts.palette import palette_for
from coach.ui.charts.trends_chart import ChartRange, TrendsChart
from coach.ui.data_changes import refresh_on
from coach.ui.report.clinician_report import write_report
from coach.ui.services import AppServices
from coach.ui.theme import colors_for, current_scheme
from coach.ui.trends import texts
from coach.ui.widgets.card import Card, styled_label
from coach.ui.widgets.notice_bar import NoticeBar
from coach.ui.widgets.reflow_row import ReflowRow

CHART_MIN_HEIGHT = 340
CHECKIN_CHART_HEIGHT = 150


class CheckinCard(Card):
    """The weekly check-in score as its own line, its change in words, and what it is not."""

    def __init__(self, chart: CheckinChart) -> None:
        super().__init__(texts.CHECKIN_HEADING)
        self.chart = chart
        chart.setFixedHeight(CHECKIN_CHART_HEIGHT)
        chart.setAccessibleName(texts.CHECKIN_CHART_NAME)
        self.story_label = styled_label()
        self.body.addWidget(self.story_label)
        self.body.addWidget(chart)
        self.body.addWidget(styled_label(f"{RULE} {texts.CHECKIN_NOT_VALIDATED}", "muted"))


class TrendsScreen(QScrollArea):
    """The Trends screen; refresh() reloads only when the store or the day changed."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.source = TrendSource(
            services.diary, services.cadence, services.safety, self._usual_walk_minutes
        )
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._scheme = current_scheme()
        self.chart = TrendsChart(palette_for(self._scheme))
        self.range_bar = QWidget()
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.chart.setAccessibleName(texts.TITLE)
        self.safety_bar = NoticeBar(texts.SAFETY_NAME)
        self.summary = Card(texts.CHANGE_HEADING)
        self.summary.title_label.hide()
        self.trend_label = styled_label(role="subheading")
        self.change_label = styled_label()
        self.goal_label = styled_label()
        self.summary.body.addWidget(self.trend_label)
        self.summary.body.addWidget(self.change_label)
        self.summary.body.addWidget(self.goal_label)
        self.hover_label = styled_label(texts.HOVER_HINT_TEXT, "muted")
        self.checkin_card = CheckinCard(CheckinChart(palette_for(self._scheme)))
        self.insights_card = Card(texts.INSIGHTS_HEADING)
        self.morning_label = styled_label()
        self.guided_label = styled_label()
        for label in (self.morning_label, self.guided_label):
            self.insights_card.body.addWidget(label)
        self.insights_card.body.addWidget(styled_label(CAVEAT, "muted"))
        self._insights_revision: int | None = None
        self.status_label = styled_label(role="muted")
        self.range_buttons = QButtonGroup(self)
        self._lay_out()
        self._style_range_buttons()
        self.chart.day_hovered.connect(self._on_chart_day_hovered)
        refresh_on(services.data_changes, tuple(Change), self, self.refresh)
        self.refresh()

    def _lay_out(self) -> None:
        column = QVBoxLayout()
        column.setContentsMargins(36, 20, 36, 16)
        column.setSpacing(10)
        column.addWidget(styled_label(texts.TITLE, "heading"))
        column.addWidget(self.safety_bar)
        column.addWidget(self.summary)
        column.addWidget(self._controls())
        column.addWidget(self.chart, 1)
        column.addWidget(self.hover_label)
        column.addWidget(self.checkin_card)
        column.addWidget(self.insights_card)
        column.addWidget(styled_label(texts.NEVER_DIAGNOSIS, "muted"))
        column.addWidget(self.status_label)
        content = QWidget()
        content.setLayout(column)
        self.setWidget(content)

    def _controls(self) -> ReflowRow:
        row = ReflowRow(spacing=8)  # the save buttons go below the ranges on a narrow window
        ranges = QHBoxLayout(self.range_bar)
        ranges.setContentsMargins(0, 0, 0, 0)
        ranges.setSpacing(8)
        row.add(self.range_bar)
        saves = QWidget()
        save_row = QHBoxLayout(saves)
        save_row.setContentsMargins(0, 0, 0, 0)
        save_row.setSpacing(8)
        row.add(saves, 1)
        for chart_range in ChartRange:
            label = texts.RANGE_LABELS[chart_range.value]
            key = texts.RANGE_KEYS[chart_range.value]
            button = QPushButton(label)
            button.setCheckable(True)
            button.setToolTip(texts.RANGE_TOOLTIP.format(label=label, key=key))
            button.setAccessibleName(texts.RANGE_TOOLTIP.format(label=label, key=key))
            button.setProperty("chart_range", chart_range.value)
            button.clicked.connect(lambda _=False, r=chart_range: self.show_range(r))
            self.range_buttons.addButton(button)
            ranges.addWidget(button)
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda r=chart_range: self.show_range(r))
        save_row.addStretch(1)
        for text, tip, slot in (
            (texts.SAVE_PNG, texts.SAVE_PNG_TITLE, self._on_save_png_clicked),
            (texts.SAVE_SVG, texts.SAVE_SVG_TITLE, self._on_save_svg_clicked),
            (texts.SAVE_REPORT, texts.SAVE_REPORT_TITLE, self._on_save_report_clicked),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            save_row.addWidget(button)
        return row

    def refresh(self) -> None:
        """Reload from the store if it changed, follow the theme, and update the words."""
        scheme = current_scheme()
        if scheme != self._scheme:
            self._scheme = scheme
            self.chart.apply_palette(palette_for(scheme))
            self.checkin_card.chart.apply_palette(palette_for(scheme))
            self._style_range_buttons()
        model = self.source.model(self.services.clock.now())
        if model is not self.chart.model:
            self.chart.set_model(model)
            self._show_safety(model.safety)
        self.show_range(self.chart.chart_range)
        checkins = self.services.checkins.all()
        self.checkin_card.chart.set_checkins(checkins)
        self.checkin_card.story_label.setText(checkin_story(checkins))
        self._show_insights()

    def _show_insights(self) -> None:
        """Both insights in words, recomputed only when the diary changed."""
        revision = self.services.diary.revision
        if revision == self._insights_revision:
            return
        self._insights_revision = revision
        now = self.services.clock.now()
        assert now.tzinfo is not None
        insights = gather_insights(self.services.diary, now, now.tzinfo)
        self.morning_label.setText(morning_words(insights.morning))
        self.guided_label.setText(guided_words(insights.guided))

    def checkin_words(self) -> str:
        """The weekly check-in's change in words, as the report says it."""
        return self.checkin_card.story_label.text()

    def _style_range_buttons(self) -> None:
        # Fusion's checked button barely differs from the others in the dark theme.
        colors = colors_for(self._scheme)
        self.range_bar.setStyleSheet(
            f"QPushButton:checked {{ background: {colors.accent}; color: {colors.accent_text};"
            f" border: 1px solid {colors.accent}; border-radius: 4px; }}"
        )

    def show_range(self, chart_range: ChartRange) -> None:
        """Show one of the ranges and say the trend over it in words."""
        self.chart.set_range(chart_range)
        for button in self.range_buttons.buttons():
            button.setChecked(button.property("chart_range") == chart_range.value)
        self.trend_label.setText(self.trend_words())
        self.change_label.setText(self.change_words())
        self.goal_label.setText(self.goal_words())

    def change_words(self) -> str:
        """The change that matters since the start and within the range shown, with dates."""
        model = self.chart.model
        if model is None:
            return ""
        first, last = self.report_days()
        return change_story(model.statistics.daily, first, last)

    def goal_words(self) -> str:
        """This week's minutes against the weekly goal, and the full weeks shown that met it."""
        model = self.chart.model
        if model is None:
            return ""
        first, last = self.report_days()
        summary = goal_summary(model.weeks, first, last, model.today)
        if summary.last_goal is None:
            return texts.GOAL_NONE
        words = texts.GOAL_THIS_WEEK.format(minutes=summary.last_minutes, goal=summary.last_goal)
        if summary.full_weeks:
            words += texts.GOAL_WEEKS_MET.format(met=summary.weeks_met, weeks=summary.full_weeks)
        return words

    def trend_words(self) -> str:
        """The sentence about the trend over the range shown."""
        model = self.chart.model
        if model is None or not len(model.statistics.daily):
            return texts.NO_DATA
        trend = self.chart.range_trend
        if trend is None:
            return TREND_NOT_ENOUGH
        span = texts.TREND_SPANS[self.chart.chart_range.value]
        words = describe_slope(trend.slope_per_week)
        if words == TREND_FLAT:
            return texts.TREND_FLAT_SENTENCE.format(span=span)
        return texts.TREND_SENTENCE.format(span=span, words=words)

    def _show_safety(self, state: SafetyState) -> None:
        message = state.message or state.flare_message  # the one state's words, as everywhere
        line = (
            ""
            if message is None
            else texts.SAFETY_LINE.format(
                title=message.title, text=message.text, reason=message.reason
            )
        )
        self.safety_bar.show_message(line)
        self.safety_bar.setProperty("urgency", state.urgency.name.lower())

    def _on_chart_day_hovered(self, text: str) -> None:
        self.hover_label.setText(text or texts.HOVER_HINT_TEXT)

    def _ask_path(self, title: str, name: str, file_filter: str) -> Path | None:
        folder = Path.home()
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(folder / name), file_filter)
        return Path(chosen) if chosen else None

    def _save(self, title: str, name: str, file_filter: str, write: Callable[[Path], Path]) -> None:
        path = self._ask_path(title, name, file_filter)
        if path is None:
            return
        try:
            written = write(path)
        except (OSError, ValueError) as error:
            self.status_label.setText(texts.SAVE_FAILED.format(error=error))
            return
        self.status_label.setText(texts.SAVED.format(path=written))

    def _chart_name(self, suffix: str) -> str:
        day = self.services.clock.now().date().isoformat()
        return texts.DEFAULT_CHART_NAME.format(day=day) + suffix

    def _on_save_png_clicked(self) -> None:
        self._save(texts.SAVE_PNG_TITLE, self._chart_name(".png"), texts.PNG_FILTER,
                   lambda path: export_png(self.chart, path))  # fmt: skip

    def _on_save_svg_clicked(self) -> None:
        self._save(texts.SAVE_SVG_TITLE, self._chart_name(".svg"), texts.SVG_FILTER,
                   lambda path: export_svg(self.chart, path, texts.TITLE))  # fmt: skip

    def report_days(self) -> tuple[date, date]:
        """The period of the report: the range shown (12 weeks by default), ending today."""
        first, last = self.chart.range_days(self.chart.chart_range)
        return date.fromordinal(first), date.fromordinal(last)

    def _on_save_report_clicked(self) -> None:
        first, last = self.report_days()
        name = texts.DEFAULT_REPORT_NAME.format(first=first.isoformat(), last=last.isoformat())
        self._save(texts.SAVE_REPORT_TITLE, name, texts.PDF_FILTER, self.write_report)

    def _usual_walk_minutes(self) -> float:
        return float(self.services.preferences.current.usual_walk_minutes_per_week)

    def write_report(self, path: Path) -> Path:
        """Write the clinician's report of the range shown to path."""
        first, last = self.report_days()
        services = self.services
        data = gather_report(
            services.diary, services.cadence, services.safety, first, last,
            services.clock.now(), self._usual_walk_minutes(), checkins=services.checkins,
        )  # fmt: skip
        return write_report(data, path)
