"""A large number that stays readable: bold, tabular digits, sized in pixels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget


class BigNumber(QLabel):
    """A label for one big value (a cadence, a timer); `set_pixel_size` scales it."""

    def __init__(self, text: str = "", pixel_size: int = 72, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_pixel_size(pixel_size)

    def set_pixel_size(self, pixels: int) -> None:
        """Set the digit height in pixels (the font's pixel size)."""
        font = QFont(self.font())
        font.setPixelSize(max(8, pixels))
        font.setWeight(QFont.Weight.DemiBold)
        # Tabular figures: the number does not jiggle as digits change.
        font.setFeature(QFont.Tag("tnum"), 1)
        self.setFont(font)
