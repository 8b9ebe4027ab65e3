"""Small line icons drawn from inline SVG in the current text colour, so both themes work."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

_FRAME = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" '
    'stroke="{color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">'
    "{body}</svg>"
)

ICON_SHAPES: dict[str, str] = {
    # A sun rising over the horizon: today.
    "today": '<circle cx="12" cy="13" r="4"/><path d="M12 3v3M4.9 6.9l2 2M19.1 6.9l-2 2'
    'M3 19h18M2 15h3M19 15h3"/>',
    # A slider panel: settings.
    "settings": '<path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0"/>'
    '<circle cx="16" cy="6" r="2"/><circle cx="10" cy="12" r="2"/><circle cx="18" cy="18" r="2"/>',
    # Two footprints: walking.
    "walk": '<ellipse cx="8" cy="8" rx="2.5" ry="4"/><ellipse cx="16" cy="14" rx="2.5" ry="4"/>'
    '<path d="M7 15h2M15 21h2"/>',
    # A metronome.
    "metronome": '<path d="M9 3h6l3 18H6z"/><path d="M12 17l5-10M8 17h8"/>',
    # A person stretching.
    "stretch": '<circle cx="12" cy="4" r="2"/><path d="M12 7v7l-4 7M12 14l4 7M5 9l7-1 7-3"/>',
    # A notebook: the pain diary.
    "diary": '<rect x="5" y="3" width="14" height="18" rx="2"/><path d="M9 8h6M9 12h6M9 16h4"/>',
    # An open book: learn.
    "learn": '<path d="M12 6c-2-1.5-5-2-8-1.5V19c3-.5 6 0 8 1.5c2-1.5 5-2 8-1.5V4.5'
    'c-3-.5-6 0-8 1.5zM12 6v14.5"/>',
    # A rising line: trends.
    "trends": '<path d="M3 20h18M4 16l5-5 4 3 7-8"/><path d="M16 6h4v4"/>',
}
"""SVG bodies by icon name; a later screen adds its own shape here in one line."""


def svg_icon(name: str, color: str, selected_color: str | None = None, size: int = 48) -> QIcon:
    """The named icon in `color` (and `selected_color` on a selected row); empty if unknown."""
    body = ICON_SHAPES.get(name)
    if body is None:
        return QIcon()
    icon = QIcon(_render(body, color, size))
    if selected_color is not None:
        icon.addPixmap(_render(body, selected_color, size), QIcon.Mode.Selected)
    return icon


def _render(body: str, color: str, size: int) -> QPixmap:
    data = QByteArray(_FRAME.format(color=QColor(color).name(), body=body).encode())
    renderer = QSvgRenderer(data)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap
