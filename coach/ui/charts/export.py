"""Save the trends chart as PNG or SVG, readable only by the user (mode 0600)."""

from __future__ import annotations

import os
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgGenerator

from coach.storage.paths import PRIVATE_FILE_MODE, create_private_file

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


def export_png(chart: pg.GraphicsLayoutWidget, path: Path) -> Path:
    """Draw the chart into a PNG file (mode 0600) and return its path."""
    create_private_file(path)  # created private first, so the picture is never readable
    writer = QImageWriter(str(path), QByteArray(b"png"))  # PNG whatever the file is called
    if not writer.write(render_image(chart)):
        raise ChartExportError(f"Could not write the picture to {path}: {writer.errorString()}")
    os.chmod(path, PRIVATE_FILE_MODE)
    return path


def export_svg(chart: pg.GraphicsLayoutWidget, path: Path, title: str = "") -> Path:
    """Write the chart as an SVG drawing (mode 0600) and return its path.

    Qt's own QSvgGenerator: pyqtgraph's SVGExporter fails on the paths Qt 6.11 writes.
    """
    create_private_file(path)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(chart.width(), chart.height()))
    generator.setViewBox(QRect(0, 0, chart.width(), chart.height()))
    generator.setTitle(title)
    painter = QPainter()
    if not painter.begin(generator):
        raise ChartExportError(f"Could not write the drawing to {path}.")
    painter.fillRect(QRect(0, 0, chart.width(), chart.height()), chart.backgroundBrush())
    chart.render(painter)
    painter.end()
    if path.stat().st_size == 0:
        raise ChartExportError(f"Could not write the drawing to {path}.")
    os.chmod(path, PRIVATE_FILE_MODE)
    return path
