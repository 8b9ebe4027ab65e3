"""The weekly check-ins in the store, returned as WeeklyCheckin."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

from coach.domain.checkin import CheckinError, WeeklyCheckin
from coach.storage.database import Store
from coach.storage.errors import StoreError
from coach.storage.timestamps import from_text, to_text


class CheckinRepository:
    """Saves one check-in per week (a later one replaces the earlier) and reads them back."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def save(self, checkin: WeeklyCheckin) -> WeeklyCheckin:
        """Save the week's check-in, replacing any saved for the same week; it with its id."""
        with self._store.transaction() as conn:
            conn.execute(
                "DELETE FROM weekly_checkins WHERE week_start = ?",
                (checkin.week_start.isoformat(),),
            )
            cursor = conn.execute(
                "INSERT INTO weekly_checkins"
                " (week_start, answered_at, pain, enjoyment, activity, skipped)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    checkin.week_start.isoformat(),
                    to_text(checkin.answered_at),
                    *checkin.answers,
                    int(checkin.skipped),
                ),
            )
        return replace(checkin, id=cursor.lastrowid)

    def all(self) -> list[WeeklyCheckin]:
        """Every check-in, skipped weeks included, oldest week first."""
        rows = self._store.query(
            "SELECT id, week_start, answered_at, pain, enjoyment, activity, skipped"
            " FROM weekly_checkins ORDER BY week_start"
        )
        return [self._checkin(row) for row in rows]

    def for_week(self, week_start: date) -> WeeklyCheckin | None:
        """The check-in of the week starting on week_start, if any."""
        rows = self._store.query(
            "SELECT id, week_start, answered_at, pain, enjoyment, activity, skipped"
            " FROM weekly_checkins WHERE week_start = ?",
            (week_start.isoformat(),),
        )
        return self._checkin(rows[0]) if rows else None

    def _checkin(self, row: sqlite3.Row) -> WeeklyCheckin:
        try:
            return WeeklyCheckin(
                week_start=date.fromisoformat(row["week_start"]),
                answered_at=from_text(row["answered_at"]),
                answers=(row["pain"], row["enjoyment"], row["activity"]),
                skipped=bool(row["skipped"]),
                id=int(row["id"]),
            )
        except (ValueError, CheckinError) as error:
            raise StoreError(
                f"A weekly check-in in {self._store.path} cannot be read: {error}"
            ) from error
