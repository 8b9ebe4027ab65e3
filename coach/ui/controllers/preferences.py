"""Preferences as a Qt object: one place that validates, saves and announces changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from coach.domain.preferences import Preferences
from coach.storage.preferences_repo import PreferencesRepository


class PreferencesController(QObject):
    """Holds the current preferences; every change is validated, saved, then announced."""

    preferences_changed = Signal(object)  # the new Preferences

    def __init__(self, repository: PreferencesRepository, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self._current, self.load_problems = repository.load()

    @property
    def current(self) -> Preferences:
        """The preferences in force now."""
        return self._current

    def set(self, name: str, value: Any) -> Preferences:
        """Change one preference; raises PreferenceError (with the reason) if it is refused."""
        updated = self._current.with_value(name, value)
        if updated != self._current:
            self._repository.save(updated)
            self._current = updated
            self.preferences_changed.emit(updated)
        return updated

    def replace(self, preferences: Preferences) -> None:
        """Save a whole set of preferences at once (used by onboarding)."""
        if preferences != self._current:
            self._repository.save(preferences)
            self._current = preferences
            self.preferences_changed.emit(preferences)
