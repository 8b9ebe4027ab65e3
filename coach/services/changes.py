"""What changed in the diary: services report it, whoever shows the data listens.

Qt-free on purpose: the UI turns reports into one Qt signal (coach.ui.data_changes), the
command line simply does not listen.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum


class Change(StrEnum):
    """A kind of data a save can change."""

    PAIN = "pain"
    WALKS = "walks"
    PLANS = "plans"
    SAFETY = "safety"
    CHECKINS = "checkins"


Listener = Callable[[frozenset[Change]], None]


class ChangeFeed:
    """Passes each report of changed data to every listener, in the order they subscribed.

    GUI thread only, like the store whose saves it reports.
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        """Call listener with the kinds changed after every save that changed something."""
        self._listeners.append(listener)

    def report(self, *changes: Change) -> None:
        """Tell every listener that these kinds of data changed (nothing when none did)."""
        if not changes:
            return
        kinds = frozenset(changes)
        for listener in tuple(self._listeners):
            listener(kinds)
