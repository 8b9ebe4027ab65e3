"""One Qt signal for every change the services report, and screens refreshing on it."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from coach.services.changes import Change, ChangeFeed


class DataChanges(QObject):
    """Turns the services' change reports into `changed`; GUI thread only."""

    changed = Signal(object)  # frozenset[Change]: the kinds of data a save changed

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        feed.subscribe(self.changed.emit)


class _Refresher(QObject):
    """The screen's end of the connection: a child of it, so it goes when the screen goes."""

    def __init__(
        self, kinds: frozenset[Change], screen: QWidget, refresh: Callable[[], object]
    ) -> None:
        super().__init__(screen)
        self._kinds = kinds
        self._screen = screen
        self._refresh = refresh

    def on_changed(self, changed: frozenset[Change]) -> None:
        """Refresh when the save changed something the screen shows and it is on show."""
        if changed & self._kinds and not _hidden_by_its_stack(self._screen):
            self._refresh()


def refresh_on(
    changes: DataChanges, kinds: Collection[Change], screen: QWidget, refresh: Callable[[], object]
) -> None:
    """Call refresh after a save changed any of kinds, while the screen is not hidden.

    A screen the main window's stack hides is refreshed by the main window when it is shown
    again, so it need not load anything now.
    """
    changes.changed.connect(_Refresher(frozenset(kinds), screen, refresh).on_changed)


def _hidden_by_its_stack(screen: QWidget) -> bool:
    """Hidden on purpose (a stack shows another page), not merely not shown yet."""
    return screen.isHidden() and screen.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
