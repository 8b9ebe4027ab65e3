"""Walks in the store, returned as WalkRecord."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta

from coach.domain.walks import WalkKind, WalkRecord, minutes_in_week, week_start
from coach.storage.database import Store
from coach.storage.errors import StoreError
from coach.storage.timestamps import candidate_window, from_text, require_aware, to_text

_COLUMNS = (
    "id, started_at, duration_s, kind, cadence_spm, ramp_from_spm, speed_kmh, plan_name,"
    " new_leg_symptoms, settled_next_morning"
)


class WalkRepository:
    """Adds and finds walks; every method returns WalkRecord objects, never rows."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, walk: WalkRecord) -> WalkRecord:
        """Save a new walk and return it with its id."""
        if walk.id is not None:
            raise ValueError(f"Walk {walk.id} is already saved; add() takes new walks only.")
        with self._store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO walks (started_at, duration_s, kind, cadence_spm, ramp_from_spm,"
                " speed_kmh, plan_name, new_leg_symptoms, settled_next_morning)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    to_text(walk.started_at),
                    walk.duration_s,
                    walk.kind.value,
                    walk.cadence_spm,
                    walk.ramp_from_spm,
                    walk.speed_kmh,
                    walk.plan_name,
                    int(walk.new_leg_symptoms),
                    None if walk.settled_next_morning is None else int(walk.settled_next_morning),
                ),
            )
        return replace(walk, id=cursor.lastrowid)

    def set_settled(self, walk_id: int, settled: bool) -> None:
        """Save the next morning's answer for a walk: had the pain settled?"""
        with self._store.transaction() as conn:
            cursor = conn.execute(
                "UPDATE walks SET settled_next_morning = ? WHERE id = ?", (int(settled), walk_id)
            )
        if cursor.rowcount != 1:
            raise StoreError(f"Walk {walk_id} is not in the diary at {self._store.path}.")

    def between(self, start: datetime, end: datetime) -> list[WalkRecord]:
        """Walks that started at or after start and before end, oldest first."""
        require_aware(start, "The start of the period")
        require_aware(end, "The end of the period")
        low, high = candidate_window(start, end)
        rows = self._store.query(
            f"SELECT {_COLUMNS} FROM walks WHERE started_at >= ? AND started_at < ?", (low, high)
        )
        walks = [w for w in map(self._record, rows) if start <= w.started_at < end]
        return sorted(walks, key=_order)

    def latest(self, limit: int) -> list[WalkRecord]:
        """The most recent walks, newest first."""
        rows = self._store.query(
            f"SELECT {_COLUMNS} FROM walks ORDER BY julianday(started_at) DESC, id DESC LIMIT ?",
            (limit,),
        )
        return sorted(map(self._record, rows), key=_order, reverse=True)

    def minutes_in_week(self, any_day: date) -> float:
        """Walking minutes in the Monday-to-Sunday week containing any_day (local dates)."""
        monday = week_start(any_day)
        # Stored text starts with the walk's own local date, the date the domain counts by.
        rows = self._store.query(
            f"SELECT {_COLUMNS} FROM walks WHERE started_at >= ? AND started_at < ?",
            (monday.isoformat(), (monday + timedelta(days=7)).isoformat()),
        )
        return minutes_in_week(map(self._record, rows), any_day)

    def _record(self, row: sqlite3.Row) -> WalkRecord:
        try:
            return WalkRecord(
                started_at=from_text(row["started_at"]),
                duration_s=float(row["duration_s"]),
                kind=WalkKind(row["kind"]),
                cadence_spm=row["cadence_spm"],
                ramp_from_spm=row["ramp_from_spm"],
                speed_kmh=row["speed_kmh"],
                plan_name=row["plan_name"],
                id=row["id"],
                new_leg_symptoms=bool(row["new_leg_symptoms"]),
                settled_next_morning=_optional_bool(row["settled_next_morning"]),
            )
        except (ValueError, TypeError) as error:
            raise StoreError(
                f"Walk {row['id']} in {self._store.path} cannot be read: {error}"
            ) from error


def _optional_bool(value: object) -> bool | None:
    return None if value is None else bool(value)


def _order(walk: WalkRecord) -> tuple[datetime, int]:
    return (walk.started_at, walk.id or 0)
