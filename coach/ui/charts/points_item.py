"""Round dots drawn with one QPainter.drawPixmapFragments call: the daily ratings.

pyqtgraph's ScatterPlotItem prepares every spot in Python in setData (about 3 us each, 11 ms
for ten years of days); dots of one size and colour need none of that. One small dot picture
is stamped at every position in one call (as ScatterPlotItem itself paints), and only the
dots inside the view are handed to Qt.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from pyqtgraph.Qt import internals
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget


class PointsItem(pg.GraphicsObject):  # type: ignore[misc]  # pyqtgraph is untyped
    """Dots `size` pixels wide at (x, y); x must be sorted. GUI thread only."""

    def __init__(self, size: float = 6.0) -> None:
        super().__init__()
        self._size = size
        self._x: NDArray[np.float64] = np.zeros(0)
        self._y: NDArray[np.float64] = np.zeros(0)
        self._bounds = QRectF()
        self._fragments = internals.PrimitiveArray(QPainter.PixmapFragment, 10)
        self._color = QColor("black")
        self._dots: dict[float, QPixmap] = {}

    def set_color(self, color: QColor) -> None:
        """The dots' colour (alpha allowed)."""
        self._color = QColor(color)
        self._dots.clear()
        self.update()

    def _dot(self, scale: float) -> QPixmap:
        """The dot picture for a drawing scale, made once per scale: stamped 1:1, it needs
        no smoothing (which would double the cost of stamping)."""
        key = round(scale, 2)
        dot = self._dots.get(key)
        if dot is None:
            diameter = self._size * key
            side = int(np.ceil(diameter)) + 2
            dot = QPixmap(side, side)
            dot.fill(Qt.GlobalColor.transparent)
            painter = QPainter(dot)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._color)
            offset = (side - diameter) / 2
            painter.drawEllipse(QRectF(offset, offset, diameter, diameter))
            painter.end()
            self._dots[key] = dot
        return dot

    def setData(self, x: NDArray[np.float64], y: NDArray[np.float64]) -> None:
        """New dots; the item stays the same object."""
        self.prepareGeometryChange()
        self._x = np.asarray(x, dtype=np.float64)
        self._y = np.asarray(y, dtype=np.float64)
        if self._x.size:
            self._bounds = QRectF(
                float(self._x[0]), float(self._y.min()),
                float(self._x[-1] - self._x[0]), float(np.ptp(self._y)),
            )  # fmt: skip
        else:
            self._bounds = QRectF()
        self.update()

    def getOriginalDataset(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """The x and y last given to setData (pyqtgraph's name, as on PlotDataItem)."""
        return self._x, self._y

    def boundingRect(self) -> QRectF:
        """The rectangle around all dots, in data coordinates."""
        return self._bounds

    def dataBounds(self, axis: int, frac: float = 1.0, orthoRange: object = None) -> list[float]:  # noqa: N803
        """The data range on an axis, for the view's auto-range."""
        values = self._x if axis == 0 else self._y
        return [float(values.min()), float(values.max())] if values.size else [0.0, 0.0]

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the dots inside the view in one call."""
        view = self.getViewBox()
        lo, hi = 0, self._x.size
        if view is not None:
            x0, x1 = view.viewRange()[0]
            lo = int(np.searchsorted(self._x, x0, side="left"))
            hi = int(np.searchsorted(self._x, x1, side="right"))
        if hi <= lo:
            return
        dot = self._dot(self._device_scale(painter))
        tr = painter.transform()
        x, y = self._x[lo:hi], self._y[lo:hi]
        self._fragments.resize(hi - lo)
        frag = self._fragments.ndarray()
        frag[:, 0] = tr.m11() * x + tr.m21() * y + tr.dx()  # centres in device pixels
        frag[:, 1] = tr.m12() * x + tr.m22() * y + tr.dy()
        frag[:, 2:4] = 0
        frag[:, 4] = dot.width()
        frag[:, 5] = dot.height()
        frag[:, 6:8] = 1
        frag[:, 8] = 0
        frag[:, 9] = 1
        painter.save()
        painter.resetTransform()
        painter.drawPixmapFragments(*self._fragments.drawargs(), dot)  # type: ignore[call-arg]  # numpy-backed array, as pyqtgraph does
        painter.restore()

    def _device_scale(self, painter: QPainter) -> float:
        """1 on screen; 2 when the chart is drawn twice its size (PNG export, the report)."""
        view = self.getViewWidget()
        if view is None:
            return 1.0
        on_screen = self.deviceTransform(view.viewportTransform()).m11()
        return abs(painter.transform().m11() / on_screen) if on_screen else 1.0
