"""What makes a screen not fit its window: a visible horizontal scroll bar, a clipped button."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QWidget

BUTTON_TEXT_MARGIN = 6
"""A button narrower than its text plus this (3 px a side) shows its words cut off."""


def misfits(root: QWidget) -> list[str]:
    """Every visible horizontal scroll bar and every button narrower than its words."""
    found: list[str] = []
    for area in root.findChildren(QAbstractScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and bar.isVisible() and bar.maximum() > 0:
            found.append(f"horizontal scroll bar on {_name(area)} ({bar.maximum()} px more)")
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text():
            continue
        words = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        needed = max(button.fontMetrics().horizontalAdvance(line) for line in words.splitlines())
        if not button.icon().isNull():
            needed += button.iconSize().width()
        if button.width() < needed + BUTTON_TEXT_MARGIN:
            found.append(f"button {words!r} is {button.width()} px wide, its words need {needed}")
    return found


def _name(widget: QWidget) -> str:
    chain = []
    while widget is not None and len(chain) < 3:
        chain.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return " in ".join(chain)
