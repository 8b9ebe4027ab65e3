"""The screens the sidebar lists, and the sidebar itself.

A screen registers with one line in `default_screens()`: a ScreenSpec of key, title, icon
name (see coach/ui/widgets/icons.py) and a factory that builds its widget from AppServices.
Only screens that work are listed. A screen widget loads its data when it is built and may
define `refresh()` (Refreshable); the main window calls it each time the screen is shown again
(switched to, or the window comes back into view). After a save, the screens showing what
changed refresh themselves: they subscribe to AppServices.data_changes with
coach.ui.data_changes.refresh_on. A screen with an `open_screen` signal (a screen key)
asks the main window to show another screen, e.g. Today's link to Learn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from coach.ui.services import AppServices
from coach.ui.theme import colors_for, current_scheme
from coach.ui.widgets.icons import svg_icon

ScreenFactory = Callable[[AppServices], QWidget]


@runtime_checkable
class Refreshable(Protocol):
    """A screen that reloads what it shows when it is shown again."""

    def refresh(self) -> object:
        """Reload the screen's data (the date, the diary) for showing it again."""


@dataclass(frozen=True)
class ScreenSpec:
    """One entry of the sidebar: a stable key, the title people see, an icon and a factory."""

    key: str
    title: str
    icon: str
    factory: ScreenFactory


def _today(services: AppServices) -> QWidget:
    from coach.ui.today.screen import TodayScreen

    return TodayScreen(services)


def _walk(services: AppServices) -> QWidget:
    from coach.ui.walk.screen import WalkScreen

    return WalkScreen(services)


def _metronome(services: AppServices) -> QWidget:
    from coach.ui.metronome.screen import MetronomeScreen

    return MetronomeScreen(services)


def _diary(services: AppServices) -> QWidget:
    from coach.ui.diary.screen import DiaryScreen

    return DiaryScreen(services)


def _settings(services: AppServices) -> QWidget:
    from coach.ui.settings.screen import SettingsScreen

    return SettingsScreen(services)


def _trends(services: AppServices) -> QWidget:
    from coach.ui.trends.screen import TrendsScreen

    return TrendsScreen(services)


def _stretches(services: AppServices) -> QWidget:
    from coach.ui.stretches.screen import StretchesScreen

    return StretchesScreen(services)


def _learn(services: AppServices) -> QWidget:
    from coach.ui.learn.screen import LearnScreen

    return LearnScreen(services)


def default_screens() -> list[ScreenSpec]:
    """The screens of the app, in sidebar order (imports happen when a screen is first built)."""
    return [
        ScreenSpec("today", "Today", "today", _today),
        ScreenSpec("walk", "Walk", "walk", _walk),
        ScreenSpec("metronome", "Metronome", "metronome", _metronome),
        ScreenSpec("stretches", "Stretches", "stretch", _stretches),
        ScreenSpec("diary", "Pain diary", "diary", _diary),
        ScreenSpec("trends", "Trends", "trends", _trends),
        ScreenSpec("learn", "Learn", "learn", _learn),
        ScreenSpec("settings", "Settings", "settings", _settings),
    ]


class Sidebar(QListWidget):
    """The navigation list: one row per screen, reachable with Tab and arrow keys."""

    screen_selected = Signal(str)  # the key of the chosen screen

    def __init__(self, screens: Sequence[ScreenSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName("Screens")
        self.setAccessibleDescription("Choose a screen. Ctrl+1 to Ctrl+9 also switch screens.")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setIconSize(QSize(24, 24))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self._specs = list(screens)
        self.compact = False
        """Icons only (a narrow window); the names stay in tooltips and for screen readers."""
        for number, spec in enumerate(self._specs, start=1):
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            shortcut = f" (Ctrl+{number})" if number <= 9 else ""
            item.setToolTip(f"{spec.title}{shortcut}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spec.title)
            self.addItem(item)
        self.recolor_icons()
        self.currentRowChanged.connect(self._on_current_row_changed)
        self.itemSelectionChanged.connect(self._on_item_selection_changed)

    def set_compact(self, compact: bool) -> None:
        """Show icons only (True) or icons with the screen names."""
        self.compact = compact
        for row, spec in enumerate(self._specs):
            self.item(row).setText("" if compact else spec.title)
        self.doItemsLayout()

    def titles(self) -> list[str]:
        """The screen names in sidebar order (also while only the icons show)."""
        return [spec.title for spec in self._specs]

    def keys(self) -> list[str]:
        """The screen keys in sidebar order."""
        return [spec.key for spec in self._specs]

    def select(self, key: str) -> None:
        """Highlight the row of a screen (emits screen_selected if it changes)."""
        self.setCurrentRow(self.keys().index(key))
        self._scroll_to_top_if_all_fit()

    def changeEvent(self, event: QEvent) -> None:
        """Lay the rows out again when a theme changes the font or the item padding."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            # QListView keeps row positions from the old style; stale rows would overlap.
            self.doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Undo a scroll made while the list was still small (before the first layout)."""
        super().resizeEvent(event)
        self._scroll_to_top_if_all_fit()

    def _scroll_to_top_if_all_fit(self) -> None:
        self.doItemsLayout()
        rows_height = sum(self.sizeHintForRow(row) for row in range(self.count()))
        # maximumViewportSize, not viewport(): the first QWidget that Qt hands back to Python
        # makes PySide set up every widget class to find its type (~20 ms before the first
        # paint). The heights are the same, as the list never has a horizontal scroll bar.
        if rows_height <= self.maximumViewportSize().height():
            self.scrollToTop()

    def recolor_icons(self) -> None:
        """Redraw the icons in the current theme's text colour (call after a theme change)."""
        colors = colors_for(current_scheme())
        for row, spec in enumerate(self._specs):
            icon = svg_icon(spec.icon, colors.text, colors.accent_text)
            self.item(row).setIcon(icon)

    def _on_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._specs):
            self.screen_selected.emit(self._specs[row].key)

    def _on_item_selection_changed(self) -> None:
        # Assistive technology chooses a row through AT-SPI (Selection, or the row's Toggle
        # action): that selects it without moving the current row, so follow the selection.
        rows = [index.row() for index in self.selectedIndexes()]
        if len(rows) == 1 and rows[0] != self.currentRow():
            self.setCurrentRow(rows[0])
