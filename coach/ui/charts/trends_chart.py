"""The trends chart: pain over time above, walking minutes and cadence per week below.

Every item is created once in __init__ and later only fed new arrays with setData/setOpts
(pyqtgraph's own advice for fast updates); long histories are clipped to the view and
downsampled. The x axis is a date axis: x is seconds since 1970 of a local day's start, read
as UTC, so a tick falls exactly on the local date (see trend_data.day_to_x).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QGraphicsItem, QWidget

from coach.domain.trends import Trend, has_enough_for_trend, theil_sen
from coach.services.trends import TrendModel
from coach.ui.charts import texts
from coach.ui.charts.activity_plot import ActivityPlot
from coach.ui.charts.date_axis import DayAxis
from coach.ui.charts.hover import describe_day
from coach.ui.charts.palette import ChartPalette
from coach.ui.charts.points_item import PointsItem
from coach.ui.charts.trend_data import day_to_x, set_series, x_to_day

PAIN_Y_RANGE = (-0.6, 10.6)
SESSION_MARK_Y = (-0.55, -0.15)
"""Guided walks are short upright ticks along the bottom edge, just below the 0 line."""
DAILY_DOT_PX = 6.0
TICK_POINT_SIZE = 10
LEFT_AXIS_PX = 64
RIGHT_AXIS_PX = 60
NOON = 43_200.0
"""Seconds into a day where its points sit, so a point is drawn inside its own day."""


class ChartRange(StrEnum):
    """The spans the range buttons show, ending today."""

    WEEKS_4 = "4w"
    WEEKS_12 = "12w"
    MONTHS_6 = "6m"
    ALL = "all"


RANGE_DAYS: dict[ChartRange, int | None] = {
    ChartRange.WEEKS_4: 28,
    ChartRange.WEEKS_12: 84,
    ChartRange.MONTHS_6: 182,
    ChartRange.ALL: None,
}


def _line(color: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> object:
    return pg.mkPen(color=color, width=width, style=style)


LEGEND_COLUMNS = (6, 3, 2)
"""The pain legend's six entries in one row, else two or three rows."""
LEGEND_MARGIN_PX = 40


class TrendsChart(pg.GraphicsLayoutWidget):  # type: ignore[misc]  # pyqtgraph is untyped
    """Pain (daily points, 7-day average, weekly averages, trend, change band, walks) above a
    linked plot of weekly walking minutes and cadence. GUI thread only."""

    day_hovered = Signal(str)  # the read-out of the day under the pointer ("" when it leaves)

    def __init__(self, palette: ChartPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: TrendModel | None = None
        self.chart_range = ChartRange.WEEKS_12
        self.range_trend: Trend | None = None
        self.hover_text = ""
        self.ci.setSpacing(4)
        self.pain_legend = pg.LegendItem(colCount=6, horSpacing=14, frame=False)
        self.ci.addItem(self.pain_legend, row=0, col=0)
        self.pain_plot = pg.PlotItem(axisItems={"bottom": DayAxis()})
        self.ci.addItem(self.pain_plot, row=1, col=0)
        self.activity = ActivityPlot(self.pain_plot)
        self.ci.addItem(self.activity.legend, row=2, col=0)
        self.ci.addItem(self.activity.plot, row=3, col=0)
        self.ci.layout.setRowStretchFactor(1, 3)
        self.ci.layout.setRowStretchFactor(3, 2)
        self.items = self._make_pain_items()
        self.band_sample = pg.PlotDataItem(fillLevel=0.0)
        # One point, never shown: without data pyqtgraph does not pass the symbol colours on
        # to the part the legend draws from.
        self.daily_sample = pg.PlotDataItem([0], [0], pen=None, symbol="o", symbolSize=DAILY_DOT_PX)
        self.items.update(self.activity.items)
        self._set_up_pain_plot()
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.apply_palette(palette)

    def _make_pain_items(self) -> dict[str, pg.GraphicsObject]:
        vertical = pg.LinearRegionItem(orientation="vertical", movable=False)
        horizontal = pg.LinearRegionItem(orientation="horizontal", movable=False)
        items: dict[str, pg.GraphicsObject] = {
            "baseline_days": vertical,
            "band": horizontal,
            "baseline": pg.InfiniteLine(angle=0, movable=False),
            "daily": PointsItem(DAILY_DOT_PX),
            "weekly": pg.PlotDataItem(connect="pairs"),
            "rolling": pg.PlotDataItem(connect="finite"),
            "trend": pg.PlotDataItem(),
            "sessions": pg.PlotDataItem(connect="pairs"),
            "crosshair": pg.InfiniteLine(angle=90, movable=False),
        }
        for region in (vertical, horizontal):
            for edge in region.lines:
                edge.setHoverPen(edge.pen)  # not draggable, so no hover highlight
        # Pairs-connected items (weekly, sessions) must not be clipped mid-pair; the daily
        # dots clip themselves (PointsItem).
        items["rolling"].setClipToView(True)
        items["rolling"].setDownsampling(auto=True, method="peak")
        return items

    def _set_up_pain_plot(self) -> None:
        plot = self.pain_plot
        for key, item in self.items.items():
            if key not in self.activity.items:
                plot.addItem(item)
        self._fill_pain_legend()
        plot.setYRange(*PAIN_Y_RANGE, padding=0)
        plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])
        plot.setLabel("left", texts.AXIS_PAIN)
        # Plain lines at 0, 2, ... 10 instead of showGrid: pyqtgraph's grid drew every tick
        # level across both plots and took half of a repaint.
        self.grid_lines = [pg.InfiniteLine(pos=v, angle=0, movable=False) for v in range(0, 11, 2)]
        for line in self.grid_lines:
            line.setZValue(-10)
            plot.addItem(line)
        plot.getAxis("bottom").setStyle(showValues=False)
        plot.showAxis("right")
        plot.getAxis("right").setStyle(showValues=False)
        for each in (plot, self.activity.plot):
            # Equal axis widths keep the two plots' weeks exactly above each other.
            each.getAxis("left").setWidth(LEFT_AXIS_PX)
            each.getAxis("right").setWidth(RIGHT_AXIS_PX)
            each.setMouseEnabled(x=False, y=False)
            each.setMenuEnabled(False)
            each.hideButtons()
        self.items["crosshair"].setVisible(False)
        self.items["crosshair"].setZValue(20)

    def _fill_pain_legend(self) -> None:
        legend = [
            (self.daily_sample, texts.LEGEND_DAILY),
            (self.items["rolling"], texts.LEGEND_ROLLING),
            (self.items["weekly"], texts.LEGEND_WEEKLY),
            (self.items["trend"], texts.LEGEND_TREND),
            (self.items["sessions"], texts.LEGEND_SESSION),
            # A region cannot draw its own legend sample (pyqtgraph crashes painting one),
            # so a filled, never-shown curve stands in for the band.
            (self.band_sample, texts.LEGEND_BAND),
        ]
        for sample, name in legend:
            self.pain_legend.addItem(sample, name)
        for each in (self.pain_legend, self.activity.legend):
            _cache_children(each)

    def apply_palette(self, palette: ChartPalette) -> None:
        """Recolour every item (after a theme change, or for print)."""
        self.palette_colors = palette
        self.setBackground(palette.background)
        self._color_axes(palette)
        self._color_bands(palette)
        items = self.items
        daily = pg.mkColor(palette.daily)
        daily.setAlpha(150)
        items["daily"].set_color(daily)
        self.daily_sample.setSymbolBrush(pg.mkBrush(daily))
        self.daily_sample.setSymbolPen(None)
        items["rolling"].setPen(_line(palette.rolling, 3))
        items["weekly"].setPen(_line(palette.weekly, 3.5))
        items["trend"].setPen(_line(palette.trend, 2.5, Qt.PenStyle.DashLine))
        items["sessions"].setPen(_line(palette.session, 2))
        items["crosshair"].setPen(_line(palette.crosshair, 1, Qt.PenStyle.DashLine))
        self.activity.apply_palette(palette)
        for legend in (self.pain_legend, self.activity.legend):
            for sample, label in legend.items:
                # setLabelTextColor alone does not redraw labels that already exist.
                label.setText(label.text, color=palette.text, size=f"{TICK_POINT_SIZE}pt")
                sample.update()  # its cached drawing still has the old colours

    def _color_axes(self, palette: ChartPalette) -> None:
        font = QFont()
        font.setPointSize(TICK_POINT_SIZE)
        for plot in (self.pain_plot, self.activity.plot):
            for name in ("left", "bottom", "right"):
                axis = plot.getAxis(name)
                axis.setPen(palette.grid)
                axis.setTextPen(palette.text)
                axis.setTickFont(font)
                axis.label.setDefaultTextColor(pg.mkColor(palette.text))
        for line in self.grid_lines:
            line.setPen(pg.mkPen(palette.grid, width=1))

    def _color_bands(self, palette: ChartPalette) -> None:
        band = pg.mkColor(palette.band)
        for key, alpha in (("baseline_days", 28), ("band", 45)):
            band.setAlpha(alpha)
            region = self.items[key]
            region.setBrush(pg.mkBrush(band))
            region.setHoverBrush(pg.mkBrush(band))
            for edge in region.lines:
                edge.setPen(_line(palette.band, 1, Qt.PenStyle.DotLine))
                edge.setHoverPen(edge.pen)
        self.band_sample.setPen(_line(palette.band, 1, Qt.PenStyle.DotLine))
        self.band_sample.setFillBrush(pg.mkBrush(band))
        self.items["baseline"].setPen(_line(palette.band, 2, Qt.PenStyle.DashDotLine))

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        """Wrap the pain legend into more rows when one row is wider than the chart."""
        super().resizeEvent(event)  # pyqtgraph calls this with None while it sets up
        if not hasattr(self, "pain_legend"):
            return
        room = self.width() - LEGEND_MARGIN_PX
        for columns in LEGEND_COLUMNS:
            self.pain_legend.setColumnCount(columns)
            if self.pain_legend.layout.preferredWidth() <= room:
                break

    def remove_legends(self) -> None:
        """Take both legends out (the report explains the series in words instead)."""
        for legend in (self.pain_legend, self.activity.legend):
            self.ci.removeItem(legend)
            legend.setVisible(False)

    def set_model(self, model: TrendModel) -> None:
        """Show new data; the items stay the same objects and only receive new arrays."""
        self.model = model
        stats = model.statistics
        daily, rolling, weekly = stats.daily, stats.rolling, stats.weekly
        self.items["daily"].setData(day_to_x(daily.days) + NOON, daily.means)
        set_series(self.items["rolling"], day_to_x(rolling.days) + NOON, rolling.values)
        edges = np.column_stack((day_to_x(weekly.mondays), day_to_x(weekly.mondays + 7)))
        self.items["weekly"].setData(edges.ravel(), np.repeat(weekly.means, 2))
        sessions = np.repeat(day_to_x(model.session_days) + NOON, 2)
        ticks = np.tile(np.asarray(SESSION_MARK_Y), model.session_days.size)
        self.items["sessions"].setData(sessions, ticks)
        self._show_change(model)
        self.activity.set_weeks(model.weeks)
        self.set_range(self.chart_range)

    def _show_change(self, model: TrendModel) -> None:
        change = model.statistics.change
        shown = change.baseline is not None and change.baseline_days is not None
        for key in ("band", "baseline", "baseline_days"):
            self.items[key].setVisible(shown)
        if not shown:
            return
        assert change.lower_band is not None and change.upper_band is not None
        assert change.baseline_days is not None and change.baseline is not None
        self.items["band"].setRegion((change.lower_band, change.upper_band))
        self.items["baseline"].setValue(change.baseline)
        first, last = change.baseline_days
        self.items["baseline_days"].setRegion(
            (float(day_to_x(first.toordinal())), float(day_to_x(last.toordinal() + 1)))
        )

    def range_days(self, chart_range: ChartRange) -> tuple[int, int]:
        """First and last day ordinals a range shows (both included), ending today."""
        assert self.model is not None
        last = self.model.today.toordinal()
        days = RANGE_DAYS[chart_range]
        first = self.model.first_day if days is None else last - days + 1
        return first, last

    def set_range(self, chart_range: ChartRange) -> None:
        """Show 4 weeks, 12 weeks, 6 months or everything, ending today; refit the trend."""
        self.chart_range = chart_range
        if self.model is not None:
            self.show_days(*self.range_days(chart_range))

    def show_days(self, first: int, last: int) -> None:
        """Show the days from first to last (ordinals, both included); refit the trend."""
        self.pain_plot.setXRange(float(day_to_x(first)), float(day_to_x(last + 1)), padding=0)
        self._show_trend(first, last)
        self.activity.fit_y(first, last)

    def _show_trend(self, first: int, last: int) -> None:
        assert self.model is not None
        stats = self.model.statistics
        if chart_range_is_all(first, self.model.first_day):
            trend = stats.trend
        else:
            shown = stats.daily.between(date.fromordinal(first), date.fromordinal(last))
            trend = theil_sen(shown) if has_enough_for_trend(shown) else None
        self.range_trend = trend
        if trend is None:
            self.items["trend"].setData([], [])
            return
        ends = np.asarray([max(first, trend.anchor_day), last], dtype=np.int64)
        self.items["trend"].setData(day_to_x(ends) + NOON, np.clip(trend.value_at(ends), 0, 10))

    def _on_scene_mouse_moved(self, position: QPointF) -> None:
        for plot in (self.pain_plot, self.activity.plot):
            if plot.vb.sceneBoundingRect().contains(position):
                x = plot.vb.mapSceneToView(position).x()
                self.show_day(x_to_day(x))
                return
        self.hide_hover()

    def show_day(self, day: int) -> None:
        """Put the crosshair on a day and emit its read-out."""
        if self.model is None:
            return
        self.items["crosshair"].setValue(float(day_to_x(day)) + NOON)
        self.items["crosshair"].setVisible(True)
        self.activity.show_crosshair(float(day_to_x(day)) + NOON)
        self.hover_text = describe_day(self.model, day)
        self.day_hovered.emit(self.hover_text)

    def hide_hover(self) -> None:
        """Take the crosshair away when the pointer leaves the plots."""
        if self.hover_text:
            self.items["crosshair"].setVisible(False)
            self.activity.show_crosshair(None)
            self.hover_text = ""
            self.day_hovered.emit("")


def chart_range_is_all(first: int, first_day: int) -> bool:
    """Whether a range starting at `first` covers the whole history (the cached trend fits)."""
    return first <= first_day


def _cache_children(item: QGraphicsItem) -> None:
    """Keep finished drawings of a legend's texts and samples: they rarely change."""
    for child in item.childItems():
        child.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        _cache_children(child)
