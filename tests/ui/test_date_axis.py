"""The Trends date axes: labels never overlap, at any window size and range."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from trends_support import add_days, add_walks

from coach.ui.charts.date_axis import DayAxis
from coach.ui.charts.trends_chart import ChartRange
from coach.ui.services import AppServices
from coach.ui.trends.screen import TrendsScreen


def label_rects(axis: DayAxis) -> list[tuple[str, object]]:
    """The label texts and rectangles the axis draws, as pyqtgraph lays them out."""
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    assert specs is not None
    return [(text, rect) for rect, _flags, text in specs[2]]


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768), (1920, 1080)])
def test_date_labels_never_overlap(
    qtbot: QtBot, services: AppServices, size: tuple[int, int]
) -> None:
    add_days(services, lambda ago: 3 + ago % 4, 800)
    add_walks(services, range(0, 800, 3))
    screen = TrendsScreen(services)
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    axes = [plot.getAxis("bottom") for plot in (screen.chart.pain_plot, screen.chart.activity.plot)]
    assert all(isinstance(axis, DayAxis) for axis in axes)
    for chart_range in ChartRange:
        screen.show_range(chart_range)
        QApplication.processEvents()
        shown = [axis for axis in axes if axis.style["showValues"]]
        assert shown
        for axis in shown:
            labels = label_rects(axis)
            assert len(labels) >= 3, (chart_range, labels)
            rects = sorted((rect for _text, rect in labels), key=lambda r: r.left())
            for left, right in pairwise(rects):
                assert left.right() < right.left(), (chart_range, size, labels)


@pytest.mark.parametrize(("size", "columns"), [((1024, 600), 3), ((1920, 1080), 6)])
def test_the_legend_wraps_instead_of_running_off_the_chart(
    qtbot: QtBot, services: AppServices, size: tuple[int, int], columns: int
) -> None:
    screen = TrendsScreen(services)
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    legend = screen.chart.pain_legend
    assert legend.columnCount == columns
    assert legend.layout.preferredWidth() <= screen.chart.width()
