"""The weekly check-in score as its own small line chart: one dot a week, 0-10, dates below.

Kept apart from the pain chart on purpose: the score is not a pain rating, and a second
scale on the pain plot would invite reading the two as one. Drawn with QPainter rather than
pyqtgraph: a handful of dots needs no zooming, and a pyqtgraph plot held by a screen crashed
(SIGSEGV) at a later test's teardown, when its deleted scene's plot item was freed again.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from coach.domain.checkin import CHECKIN_MAX, CHECKIN_MIN, WeeklyCheckin, scored
from coach.domain.safety.rules import MONTH_NAMES
from coach.ui.charts.palette import ChartPalette

DOT_PX = 8.0
LEFT_PX = 36.0
BOTTOM_PX = 24.0
PAD_PX = 12.0
Y_TICKS = (0, 5, 10)


def _day_label(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]}"


class CheckinChart(QWidget):
    """The scored check-ins by the day they were answered, joined by a line."""

    def __init__(self, palette: ChartPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.palette_colours = palette
        self.days = np.zeros(0, dtype=np.int64)
        self.scores = np.zeros(0, dtype=np.float64)

    def apply_palette(self, palette: ChartPalette) -> None:
        """Colour the chart for a theme (or for print)."""
        self.palette_colours = palette
        self.update()

    def set_checkins(self, checkins: list[WeeklyCheckin]) -> None:
        """Show the scored check-ins; weeks without a score leave no dot."""
        found = scored(checkins)
        self.days = np.array([c.answered_at.date().toordinal() for c in found], dtype=np.int64)
        self.scores = np.array([c.score for c in found], dtype=np.float64)
        self.update()

    def _plot_rect(self) -> QRectF:
        return QRectF(
            LEFT_PX, PAD_PX, self.width() - LEFT_PX - PAD_PX, self.height() - PAD_PX - BOTTOM_PX
        )

    def points(self) -> list[QPointF]:
        """Where each dot is drawn, in widget pixels (the first day left, the last right)."""
        rect = self._plot_rect()
        if not self.days.size:
            return []
        first, last = int(self.days[0]), int(self.days[-1])
        span = max(1, last - first)
        inner = rect.adjusted(PAD_PX, 0, -PAD_PX, 0)
        out = []
        for day, score in zip(self.days, self.scores, strict=True):
            x = (
                inner.left() + inner.width() * (int(day) - first) / span
                if last > first
                else inner.center().x()
            )
            y = rect.bottom() - rect.height() * (score - CHECKIN_MIN) / (CHECKIN_MAX - CHECKIN_MIN)
            out.append(QPointF(x, y))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        """Axes at 0, 5 and 10, the line and its dots, the first and last dates below."""
        colours = self.palette_colours
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(colours.background))
        rect = self._plot_rect()
        painter.setPen(QPen(QColor(colours.grid), 1))
        for tick in Y_TICKS:
            y = rect.bottom() - rect.height() * tick / CHECKIN_MAX
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.setPen(QColor(colours.text))
        for tick in Y_TICKS:
            y = rect.bottom() - rect.height() * tick / CHECKIN_MAX
            label = QRectF(0, y - 10, LEFT_PX - 8, 20)
            painter.drawText(
                label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(tick)
            )
        points = self.points()
        if points:
            self._draw_dates(painter, points, rect)
            colour = QColor(colours.weekly)
            painter.setPen(QPen(colour, 2))
            painter.drawPolyline(points)
            painter.setBrush(colour)
            for point in points:
                painter.drawEllipse(point, DOT_PX / 2, DOT_PX / 2)
        painter.end()

    def _draw_dates(self, painter: QPainter, points: list[QPointF], rect: QRectF) -> None:
        ends = [(points[0], int(self.days[0]))]
        if len(points) > 1:
            ends.append((points[-1], int(self.days[-1])))
        for point, day in ends:
            box = QRectF(point.x() - 60, rect.bottom() + 4, 120, BOTTOM_PX - 4)
            box.moveLeft(min(max(box.left(), 0.0), self.width() - box.width()))
            painter.drawText(
                box,
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                _day_label(date.fromordinal(day)),
            )
