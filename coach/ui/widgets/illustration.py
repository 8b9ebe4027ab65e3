"""An exercise illustration drawn from its SVG, mirrored for the other side."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent, QTransform
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from coach.domain.file_reading import FileRefusedError, is_app_file, read_regular_file

MAX_SVG_BYTES = 1_000_000
"""The largest picture drawn (the limit plan and routine files have)."""


class Illustration(QWidget):
    """Draws one SVG at the largest size that keeps its shape; `mirrored` flips it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = QSvgRenderer(self)
        self._mirrored = False
        self.setMinimumSize(QSize(160, 160))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def mirrored(self) -> bool:
        """True while the figure is flipped left to right (the right side)."""
        return self._mirrored

    def show_file(self, path: Path, mirrored: bool = False) -> None:
        """Show an SVG file; figures are drawn for the left side, so the right is mirrored."""
        try:  # never a link, FIFO or device: a planted one must not hang or leak
            data = read_regular_file(path, MAX_SVG_BYTES, follow_links=is_app_file(path))
        except FileRefusedError:
            data = b""
        self._renderer.load(QByteArray(data))
        self._mirrored = mirrored
        self.update()

    def sizeHint(self) -> QSize:
        """A comfortable size; layouts may give it more."""
        return QSize(320, 320)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The figure centred, scaled to fit, flipped with scale(-1, 1) when mirrored."""
        if not self._renderer.isValid():
            return
        view = self._renderer.viewBoxF()
        ratio = view.width() / view.height() if view.height() > 0 else 1.0
        width = min(float(self.width()), self.height() * ratio)
        height = width / ratio
        target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._mirrored:
            painter.setTransform(QTransform().translate(self.width(), 0).scale(-1, 1))
        self._renderer.render(painter, target)
        painter.end()
