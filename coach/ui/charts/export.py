"""Save the trends chart as PNG or SVG, readable only by the user (mode 0600)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgGenerator

from coach.storage.private_files import write_private

PNG_SCALE = 2
"""PNGs are drawn at twice the screen size so they stay sharp in a letter or a slide."""


class ChartExportError(OSError):
    """The chart could not be saved; the message names the file."""


def render_image(chart: pg.GraphicsLayoutWidget, scale: int = PNG_SCALE) -> QImage:
    """The chart as it is shown, drawn at `scale` times its size."""
    image = QImage(chart.width() * scale, chart.height() * scale, QImage.Format.Format_RGB32)
    image.fill(chart.backgroundBrush().color())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    chart.render(painter)
    painter.end()
    return image


def write_buffered(path: Path, draw: Callable[[QBuffer], None]) -> Path:
    """Let draw write into memory, then save the bytes to path with write_private.

    Qt's writers (PNG, SVG, PDF) write wherever they are pointed; pointed at a buffer, the
    file is only ever replaced whole, with mode 0600, through the app's one writer.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    draw(buffer)
    buffer.close()
    return write_private(path, bytes(buffer.data().data()))


def export_png(chart: pg.GraphicsLayoutWidget, path: Path) -> Path:
    """Draw the chart into a PNG file (mode 0600) and return its path."""

    def draw(buffer: QBuffer) -> None:
        writer = QImageWriter(buffer, QByteArray(b"png"))  # PNG whatever the file is called
        if not writer.write(render_image(chart)):
            raise ChartExportError(f"Could not draw the picture for {path}: {writer.errorString()}")

    return write_buffered(path, draw)


def export_svg(chart: pg.GraphicsLayoutWidget, path: Path, title: str = "") -> Path:
    """Write the chart as an SVG drawing (mode 0600) and return its path.

    Qt's own QSvgGenerator: pyqtgraph's SVGExporter fails on the paths Qt 6.11 writes.
    """

    def draw(buffer: QBuffer) -> None:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(chart.width(), chart.height()))
        generator.setViewBox(QRect(0, 0, chart.width(), chart.height()))
        generator.setTitle(title)
        painter = QPainter()
        if not painter.begin(generator):
            raise ChartExportError(f"Could not draw the picture for {path}.")
        painter.fillRect(QRect(0, 0, chart.width(), chart.height()), chart.backgroundBrush())
        chart.render(painter)
        painter.end()
        if buffer.size() == 0:
            raise ChartExportError(f"Could not draw the picture for {path}.")

    return write_buffered(path, draw)
