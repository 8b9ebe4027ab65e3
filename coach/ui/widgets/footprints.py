"""Two footprints, left and right, that light with the step being heard."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

# Toe positions and sizes relative to a foot box of width 1 and height 1 (a right foot;
# the left foot is its mirror image).
_TOES = (
    (0.30, 0.13, 0.13),
    (0.50, 0.08, 0.10),
    (0.66, 0.10, 0.09),
    (0.79, 0.15, 0.08),
    (0.89, 0.22, 0.07),
)


class Footprints(QWidget):
    """Left and right footprints; `show_step("left")` lights the left one, "" dims both."""

    def __init__(self, left_text: str = "", right_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.lit = ""
        self.count_in = False
        self._labels = (left_text, right_text)
        self._lit_color: QColor | None = None
        self._dim_color: QColor | None = None
        self._text_color: QColor | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 90)

    def sizeHint(self) -> QSize:
        """Room for two feet side by side with their names underneath."""
        return QSize(220, 150)

    def set_colors(self, lit: str, dim: str, text: str) -> None:
        """Use fixed colours (the treadmill view) instead of the palette's."""
        self._lit_color, self._dim_color, self._text_color = QColor(lit), QColor(dim), QColor(text)
        self.update()

    def show_step(self, foot: str) -> None:
        """Light one foot ("left" or "right"); "" shows a count-in beat (both outlined)."""
        self.lit = foot
        self.count_in = foot == ""
        self.update()

    def clear(self) -> None:
        """Dim both feet (stopped)."""
        self.lit = ""
        self.count_in = False
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw both feet, the lit one filled in the accent colour."""
        palette = self.palette()
        lit = self._lit_color or palette.color(QPalette.ColorRole.Highlight)
        dim = self._dim_color or palette.color(QPalette.ColorRole.Mid)
        text = self._text_color or palette.color(QPalette.ColorRole.WindowText)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_h = self.fontMetrics().height() + 6 if any(self._labels) else 0
        w, h = self.width(), self.height() - label_h
        foot_h = min(h * 0.92, w * 0.9)  # room for the right foot's small step ahead
        foot_w = foot_h * 0.42
        gap = foot_w * 0.5
        left_x = w / 2 - gap / 2 - foot_w
        for index, foot in enumerate(("left", "right")):
            x = left_x + index * (foot_w + gap)
            # The stepping foot sits a little ahead, as in a walking track.
            y = (h - foot_h) / 2 + (0 if foot == "left" else foot_h * 0.04)
            box = QRectF(x, y, foot_w, foot_h)
            on = self.lit == foot
            self._draw_foot(
                painter,
                box,
                mirror=foot == "left",
                fill=lit if on else dim,
                outline=lit if self.count_in else dim,
            )
            if label_h:
                painter.setPen(text)
                painter.drawText(
                    QRectF(x - gap / 2, h, foot_w + gap, label_h),
                    Qt.AlignmentFlag.AlignCenter,
                    self._labels[index],
                )
        painter.end()

    def _draw_foot(
        self, painter: QPainter, box: QRectF, mirror: bool, fill: QColor, outline: QColor
    ) -> None:
        painter.setPen(outline if self.count_in else Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        sole = QRectF(
            box.x() + box.width() * 0.08,
            box.y() + box.height() * 0.28,
            box.width() * 0.84,
            box.height() * 0.72,
        )
        painter.drawRoundedRect(sole, sole.width() * 0.45, sole.width() * 0.45)
        for tx, ty, radius in _TOES:
            cx = box.x() + box.width() * ((1 - tx) if mirror else tx)
            cy = box.y() + box.height() * ty
            r = box.width() * radius
            painter.drawEllipse(QPointF(cx, cy), r, r * 1.15)
