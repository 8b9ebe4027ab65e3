"""Preferences in the store: one JSON value per name, typed defaults for the rest."""

from __future__ import annotations

import json
from typing import Any

from coach.domain.preferences import Preferences, preferences_from_dict, validate_preference
from coach.storage.database import Store

_UPSERT = (
    "INSERT INTO preferences (name, value) VALUES (?, ?)"
    " ON CONFLICT (name) DO UPDATE SET value = excluded.value"
)


class PreferencesRepository:
    """Loads and saves Preferences; values are validated on the way in and out."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def read_only(self) -> bool:
        """True when the store is open read-only, so save() and set() would be refused."""
        return self._store.read_only

    def load(self) -> tuple[Preferences, list[str]]:
        """The saved preferences and a message for each stored value that was not usable.

        Missing names take their defaults; an unreadable or out-of-range value also falls
        back to its default and is reported, and stays in the file until the next save.
        """
        values: dict[str, Any] = {}
        problems: list[str] = []
        for row in self._store.query("SELECT name, value FROM preferences ORDER BY name"):
            try:
                values[row["name"]] = json.loads(row["value"])
            except ValueError:
                problems.append(
                    f"The saved value of {row['name']} is unreadable: {row['value']!r}."
                )
        preferences, invalid = preferences_from_dict(values)
        where = f" (in {self._store.path}; the default is used)"
        return preferences, [message + where for message in problems + invalid]

    def save(self, prefs: Preferences) -> None:
        """Store every preference in one transaction."""
        rows = [(name, _encode(value)) for name, value in prefs.as_dict().items()]
        with self._store.transaction() as conn:
            conn.executemany(_UPSERT, rows)

    def set(self, name: str, value: Any) -> Preferences:
        """Check and store one preference; return the preferences with it applied.

        Raises PreferenceError (with a message naming the preference) for a bad value.
        """
        checked = validate_preference(name, value)
        current, _ = self.load()
        updated = current.with_value(name, checked)
        with self._store.transaction() as conn:
            conn.execute(_UPSERT, (name, _encode(checked)))
        return updated


def _encode(value: Any) -> str:
    return json.dumps(value, allow_nan=False)
