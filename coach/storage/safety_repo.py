"""The safety record in the store: signs noted, "a clinician has checked this", and the inputs
of the one safety state (coach.domain.safety.state) gathered from the diary and the walks."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from coach.domain.safety.state import SafetyInputs, SignReport
from coach.domain.safety.urgency import LEG_SYMPTOMS_AFTER_WALK
from coach.storage.database import Store
from coach.storage.errors import StoreError
from coach.storage.timestamps import from_text, to_text


@dataclass(frozen=True)
class Clearance:
    """The person said a clinician had checked their back; `note` is theirs, if any."""

    at: datetime
    note: str = ""


class SafetyRepository:
    """Writes the safety record and reads everything the safety state is decided from."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add_signs(self, at: datetime, signs: frozenset[str]) -> None:
        """Save warning signs noted outside a pain rating (the introduction's check)."""
        if not signs:
            return
        self._insert(at, "signs", json.dumps(sorted(signs)), "")

    def add_clearance(self, at: datetime, note: str = "") -> Clearance:
        """Save the person's word that a clinician has checked; the state ends with it."""
        self._insert(at, "cleared", "[]", note.strip())
        return Clearance(at, note.strip())

    def clearances(self) -> list[Clearance]:
        """Every "a clinician has checked this", oldest first."""
        rows = self._store.query("SELECT at, note FROM safety_events WHERE kind = 'cleared'")
        found = [Clearance(self._time(row), row["note"]) for row in rows]
        return sorted(found, key=lambda c: c.at)

    def inputs(self, since: datetime | None = None) -> SafetyInputs:
        """Signs, ratings and clearances; ratings only from `since` (the last clearance)."""
        cleared = tuple(c.at for c in self.clearances())
        if since is None and cleared:
            since = cleared[-1]
        return SafetyInputs(
            reports=(*self._noted_signs(), *self._diary_signs(), *self._walk_signs()),
            ratings=self._ratings(since),
            cleared=cleared,
        )

    def _insert(self, at: datetime, kind: str, signs: str, note: str) -> None:
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT INTO safety_events (at, kind, signs, note) VALUES (?, ?, ?, ?)",
                (to_text(at), kind, signs, note),
            )

    def _noted_signs(self) -> list[SignReport]:
        rows = self._store.query("SELECT at, signs FROM safety_events WHERE kind = 'signs'")
        return [SignReport(self._time(row), _keys(row["signs"])) for row in rows]

    def _diary_signs(self) -> list[SignReport]:
        rows = self._store.query("SELECT at, red_flags FROM pain_entries WHERE red_flags != '[]'")
        return [SignReport(self._time(row), _keys(row["red_flags"])) for row in rows]

    def _walk_signs(self) -> list[SignReport]:
        rows = self._store.query("SELECT started_at AS at FROM walks WHERE new_leg_symptoms = 1")
        leg = frozenset({LEG_SYMPTOMS_AFTER_WALK})
        return [SignReport(self._time(row), leg) for row in rows]

    def _ratings(self, since: datetime | None) -> tuple[tuple[datetime, int], ...]:
        rows = self._store.query("SELECT at, pain FROM pain_entries")
        ratings = ((self._time(row), int(row["pain"])) for row in rows)
        return tuple(r for r in ratings if since is None or r[0] > since)

    def _time(self, row: sqlite3.Row) -> datetime:
        try:
            return from_text(row["at"])
        except ValueError as error:
            raise StoreError(f"A time in {self._store.path} cannot be read: {error}") from error


def _keys(text: str) -> frozenset[str]:
    """A JSON array of sign keys; anything else reads as one unknown warning sign."""
    try:
        keys = json.loads(text)
    except json.JSONDecodeError:
        keys = None
    if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
        return frozenset(keys)
    return frozenset({"unreadable"})  # an unknown key: treated as a warning sign, never dropped
