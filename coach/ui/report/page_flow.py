"""A top-to-bottom flow of text blocks, tables and pictures over A4 pages of a QPdfWriter."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from coach.ui.fonts import load_app_fonts

RESOLUTION_DPI = 300
MARGIN_MM = 14.0
BODY_POINTS = 9.0
GAP_MM = 2.2


def mm(value: float) -> float:
    """Millimetres in device pixels at RESOLUTION_DPI."""
    return value / 25.4 * RESOLUTION_DPI


def make_writer(device: QIODevice, title: str) -> QPdfWriter:
    """A QPdfWriter into device for A4 portrait at RESOLUTION_DPI with our margins."""
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(title)
    writer.setCreator("Walking Coach")
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    writer.setPageLayout(layout)
    return writer


def font(points: float = BODY_POINTS, bold: bool = False) -> QFont:
    """A sans-serif font of the given size."""
    result = QFont(load_app_fonts())
    result.setStyleHint(QFont.StyleHint.SansSerif)
    result.setPointSizeF(points)
    result.setBold(bold)
    return result


class PageFlow:
    """Places blocks one below the other and starts a new page when one would not fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, footer: Callable[[int], str]) -> None:
        self.writer = writer
        self.painter = painter
        self.footer = footer
        rect = writer.pageLayout().paintRectPixels(RESOLUTION_DPI)
        self.width = float(rect.width())
        self.bottom = float(rect.height()) - mm(6)  # room for the footer
        self.y = 0.0
        self.page = 1

    def ensure(self, height: float) -> None:
        """Start a new page unless `height` more pixels fit on this one."""
        if self.y + height > self.bottom and self.y > 0:
            self._draw_footer()
            self.writer.newPage()
            self.page += 1
            self.y = 0.0

    def finish(self) -> None:
        """Draw the last page's footer."""
        self._draw_footer()

    def _draw_footer(self) -> None:
        self.painter.setFont(font(7.5))
        self.painter.setPen(QPen(Qt.GlobalColor.darkGray))
        rect = QRectF(0, self.bottom + mm(2), self.width, mm(4))
        self.painter.drawText(rect, Qt.AlignmentFlag.AlignRight, self.footer(self.page))
        self.painter.setPen(QPen(Qt.GlobalColor.black))

    def text(self, value: str, points: float = BODY_POINTS, bold: bool = False) -> None:
        """A wrapped paragraph."""
        self.painter.setFont(font(points, bold))
        flags = Qt.TextFlag.TextWordWrap
        bound = self.painter.boundingRect(QRectF(0, 0, self.width, 1e6), flags, value)
        self.ensure(bound.height())
        self.painter.drawText(QRectF(0, self.y, self.width, bound.height()), flags, value)
        self.y += bound.height() + mm(GAP_MM) * 0.5

    def space(self, millimetres: float = GAP_MM) -> None:
        """Vertical space."""
        self.y += mm(millimetres)

    def picture(self, height: float, draw: Callable[[QPainter, QRectF], None]) -> None:
        """A block `height` pixels tall across the width, drawn by `draw`."""
        self.ensure(height)
        draw(self.painter, QRectF(0, self.y, self.width, height))
        self.y += height + mm(GAP_MM)

    def table(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
    ) -> None:
        """A plain table with a bold header repeated on each page; widths are fractions."""
        row_height = mm(4.6)
        lefts = [sum(widths[:i]) * self.width for i in range(len(widths))]
        self._table_row(header, lefts, widths, row_height, bold=True)
        for row in rows:
            if self.y + row_height > self.bottom:
                self.ensure(row_height * 2)
                self._table_row(header, lefts, widths, row_height, bold=True)
            self._table_row(row, lefts, widths, row_height, bold=False)
        self.y += mm(GAP_MM)

    def _table_row(
        self,
        cells: Sequence[str],
        lefts: Sequence[float],
        widths: Sequence[float],
        height: float,
        bold: bool,
    ) -> None:
        self.ensure(height)
        self.painter.setFont(font(BODY_POINTS - 0.5, bold))
        for i, cell in enumerate(cells):
            align = Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight
            )
            rect = QRectF(lefts[i], self.y, widths[i] * self.width - mm(2), height)
            self.painter.drawText(rect, align, cell)
        pen = QPen(Qt.GlobalColor.black if bold else Qt.GlobalColor.lightGray)
        pen.setWidthF(mm(0.25 if bold else 0.15))
        self.painter.setPen(pen)
        self.painter.drawLine(0, int(self.y + height), int(self.width), int(self.y + height))
        self.painter.setPen(QPen(Qt.GlobalColor.black))
        self.y += height
