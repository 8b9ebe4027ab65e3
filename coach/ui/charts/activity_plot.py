"""The lower plot: walking minutes per week as bars with the weekly goal as dotted steps, and
cadence target and walked on a right axis.

The cadence lives in its own ViewBox laid over the plot (pyqtgraph's multiple-axes pattern),
so steps/min get their own scale while the weeks line up with the pain plot above.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from coach.services.trends import WeeklyActivity
from coach.ui.charts import texts
from coach.ui.charts.date_axis import DayAxis
from coach.ui.charts.palette import ChartPalette
from coach.ui.charts.points_item import PointsItem
from coach.ui.charts.trend_data import day_to_x, set_series

BAR_FRACTION = 0.7
"""A week's bar fills 70 % of the week, so neighbouring weeks stay apart."""
MIN_MINUTES_SCALE = 60.0
CADENCE_MARGIN = 4.0
WALKED_DOT_PX = 7.0
CADENCE_Z = 10
"""The cadence box is a top-level scene item; this puts it above the plot and its bars."""


class ActivityPlot:
    """The plot, its legend and items; x is linked to the pain plot."""

    def __init__(self, pain_plot: pg.PlotItem) -> None:
        self.plot = pg.PlotItem(axisItems={"bottom": DayAxis()})
        self.plot.setXLink(pain_plot)
        self.legend = pg.LegendItem(colCount=4, horSpacing=18, frame=False)
        self.cadence_box = pg.ViewBox()
        self.cadence_box.setMouseEnabled(x=False, y=False)
        self.cadence_box.setMenuEnabled(False)
        self.weeks: WeeklyActivity | None = None
        self.items: dict[str, pg.GraphicsObject] = {
            "minutes": pg.BarGraphItem(x0=[], width=[], height=[]),
            "goal": pg.PlotDataItem(connect="pairs"),
            "cadence_target": pg.PlotDataItem(connect="pairs"),
            "cadence_walked": pg.PlotDataItem(connect="finite"),
            "cadence_walked_dots": PointsItem(WALKED_DOT_PX),
            "activity_crosshair": pg.InfiniteLine(angle=90, movable=False),
        }
        self.plot.addItem(self.items["minutes"])
        self.plot.addItem(self.items["goal"])
        self.plot.addItem(self.items["activity_crosshair"])
        self.items["activity_crosshair"].setVisible(False)
        self.plot.showAxis("right")
        right = self.plot.getAxis("right")
        right.linkToView(self.cadence_box)
        self.cadence_box.setXLink(self.plot)
        self.cadence_box.addItem(self.items["cadence_target"])
        self.cadence_box.addItem(self.items["cadence_walked"])
        self.cadence_box.addItem(self.items["cadence_walked_dots"])
        # The legend shows line and dot together; the real dots are a PointsItem.
        self.walked_sample = pg.PlotDataItem([0], [0], symbol="o", symbolSize=WALKED_DOT_PX)
        self.plot.vb.sigResized.connect(self._sync_geometry)
        self.plot.setLabel("left", texts.AXIS_MINUTES)
        self.plot.setLabel("right", texts.AXIS_CADENCE)
        self.legend.addItem(self.items["minutes"], texts.LEGEND_MINUTES)
        self.legend.addItem(self.items["goal"], texts.LEGEND_GOAL)
        self.legend.addItem(self.items["cadence_target"], texts.LEGEND_TARGET)
        self.legend.addItem(self.walked_sample, texts.LEGEND_WALKED)

    def attach(self) -> None:
        """Put the cadence box in the scene once the plot is in one."""
        scene = self.plot.scene()
        if scene is not None and self.cadence_box.scene() is None:
            scene.addItem(self.cadence_box)
            self.cadence_box.setZValue(CADENCE_Z)  # lines above the bars
            self._sync_geometry()

    def _sync_geometry(self) -> None:
        self.attach()
        self.cadence_box.setGeometry(self.plot.vb.sceneBoundingRect())
        self.cadence_box.linkedViewChanged(self.plot.vb, self.cadence_box.XAxis)

    def apply_palette(self, palette: ChartPalette) -> None:
        """Recolour the bars and cadence lines."""
        self.items["minutes"].setOpts(brush=pg.mkBrush(palette.minutes), pen=pg.mkPen(None))
        self.items["goal"].setPen(pg.mkPen(palette.goal, width=3, style=Qt.PenStyle.DotLine))
        self.items["cadence_target"].setPen(
            pg.mkPen(palette.cadence_target, width=2, style=Qt.PenStyle.DashLine)
        )
        self.items["cadence_walked"].setPen(pg.mkPen(palette.cadence_walked, width=2))
        self.items["cadence_walked_dots"].set_color(pg.mkColor(palette.cadence_walked))
        self.walked_sample.setPen(pg.mkPen(palette.cadence_walked, width=2))
        self.walked_sample.setSymbolBrush(pg.mkBrush(palette.cadence_walked))
        self.walked_sample.setSymbolPen(None)
        self.items["activity_crosshair"].setPen(
            pg.mkPen(palette.crosshair, width=1, style=Qt.PenStyle.DashLine)
        )

    def set_weeks(self, weeks: WeeklyActivity) -> None:
        """New weekly numbers for the same items."""
        self.weeks = weeks
        start = day_to_x(weeks.mondays)
        week = 7 * 86_400.0
        self.items["minutes"].setOpts(
            x0=start + week * (1 - BAR_FRACTION) / 2,
            width=np.full(start.size, week * BAR_FRACTION),
            height=weeks.minutes,
        )
        edges = np.column_stack((start, start + week)).ravel()
        goal = np.repeat(weeks.goal_minutes, 2)
        has_goal = ~np.isnan(goal)
        self.items["goal"].setData(edges[has_goal], goal[has_goal])
        target = np.repeat(weeks.cadence_target, 2)
        has_target = ~np.isnan(target)
        self.items["cadence_target"].setData(edges[has_target], target[has_target])
        set_series(self.items["cadence_walked"], start + week / 2, weeks.cadence_walked)
        walked = ~np.isnan(weeks.cadence_walked)
        self.items["cadence_walked_dots"].setData(
            start[walked] + week / 2, weeks.cadence_walked[walked]
        )
        self.attach()

    def fit_y(self, first: int, last: int) -> None:
        """Scale minutes and cadence to the weeks between two day ordinals."""
        if self.weeks is None:
            return
        shown = (self.weeks.mondays + 6 >= first) & (self.weeks.mondays <= last)
        minutes = np.concatenate((self.weeks.minutes[shown], self.weeks.goal_minutes[shown]))
        minutes = minutes[~np.isnan(minutes)]
        top = max(MIN_MINUTES_SCALE, float(minutes.max()) * 1.15 if minutes.size else 0.0)
        self.plot.setYRange(0, top, padding=0)
        cadence = np.concatenate(
            (self.weeks.cadence_target[shown], self.weeks.cadence_walked[shown])
        )
        cadence = cadence[~np.isnan(cadence)]
        if cadence.size:
            low, high = float(cadence.min()), float(cadence.max())
            self.cadence_box.setYRange(low - CADENCE_MARGIN, high + CADENCE_MARGIN, padding=0)
        else:
            self.cadence_box.setYRange(90, 130, padding=0)

    def show_crosshair(self, x: float | None) -> None:
        """Mirror the pain plot's crosshair (None hides it)."""
        line = self.items["activity_crosshair"]
        line.setVisible(x is not None)
        if x is not None:
            line.setValue(x)
