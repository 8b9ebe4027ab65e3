"""Preferences as a Qt object: one place that validates, saves and announces changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from coach.domain.preferences import PreferenceError, Preferences
from coach.services.errors import ReadOnlyStoreError
from coach.storage.preferences_repo import PreferencesRepository
from coach.ui.texts import READ_ONLY_REFUSAL


class PreferencesController(QObject):
    """Holds the current preferences; every change is validated, saved, then announced.

    While the store is open read-only every change is refused with a PreferenceError whose
    message says why, so a screen shows it beside the field instead of a crash dialog.
    """

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
            self._save(updated)
            self._current = updated
            self.preferences_changed.emit(updated)
        return updated

    def replace(self, preferences: Preferences) -> None:
        """Save a whole set of preferences at once (used by onboarding); may raise as set()."""
        if preferences != self._current:
            self._save(preferences)
            self._current = preferences
            self.preferences_changed.emit(preferences)

    @property
    def read_only(self) -> bool:
        """True when changes cannot be saved (a damaged copy is open read-only)."""
        return self._repository.read_only

    def _save(self, preferences: Preferences) -> None:
        if self.read_only:
            raise PreferenceError(READ_ONLY_REFUSAL)
        try:
            self._repository.save(preferences)
        except ReadOnlyStoreError as error:
            raise PreferenceError(READ_ONLY_REFUSAL) from error
