"""Walks in the store, returned as WalkRecord."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from coach.domain.walk_files.model import CadenceSample
from coach.domain.walks import WalkKind, WalkRecord, minutes_in_week, week_start
from coach.storage.cadence_trace import decode_trace, encode_trace
from coach.storage.database import Store
from coach.storage.errors import StoreError
from coach.storage.timestamps import candidate_window, from_text, require_aware, to_text

_COLUMNS = (
    "id, started_at, duration_s, kind, cadence_spm, ramp_from_spm, speed_kmh, plan_name,"
    " new_leg_symptoms, settled_next_morning, source, source_name, distance_m, device, sport"
)


_INSERT = (
    "INSERT INTO walks (id, started_at, duration_s, kind, cadence_spm, ramp_from_spm, speed_kmh,"
    " plan_name, new_leg_symptoms, settled_next_morning, source, source_name, distance_m,"
    " device, sport, cadence_trace) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class DeletedWalk:
    """A walk as it was before it was deleted, with its cadence trace, for undo."""

    walk: WalkRecord
    trace: tuple[CadenceSample, ...]


def _values(walk: WalkRecord, trace: Sequence[CadenceSample]) -> tuple[object, ...]:
    settled = walk.settled_next_morning
    return (
        to_text(walk.started_at), walk.duration_s, walk.kind.value, walk.cadence_spm,
        walk.ramp_from_spm, walk.speed_kmh, walk.plan_name, int(walk.new_leg_symptoms),
        None if settled is None else int(settled), walk.source, walk.source_name,
        walk.distance_m, walk.device, walk.sport, encode_trace(trace),
    )  # fmt: skip


class WalkRepository:
    """Adds and finds walks; every method returns WalkRecord objects, never rows."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, walk: WalkRecord, trace: Sequence[CadenceSample] = ()) -> WalkRecord:
        """Save a new walk (an imported one with its cadence trace) and return it with its id."""
        if walk.id is not None:
            raise ValueError(f"Walk {walk.id} is already saved; add() takes new walks only.")
        with self._store.transaction() as conn:
            cursor = conn.execute(_INSERT, (None, *_values(walk, trace)))
        return replace(walk, id=cursor.lastrowid)

    def delete_imported(self, walk_id: int) -> DeletedWalk:
        """Delete an imported walk and return it with its trace, so restore can undo it.

        Walks done in the app are not deleted here: ratings taken with them link to them.
        """
        with self._store.transaction() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS}, cadence_trace FROM walks WHERE id = ?", (walk_id,)
            ).fetchone()
            if row is None:
                raise StoreError(f"Walk {walk_id} is not in the diary at {self._store.path}.")
            walk = self._record(row)
            if walk.kind is not WalkKind.IMPORTED:
                raise ValueError(
                    f"Walk {walk_id} was done in the app; only imported walks are deleted."
                )
            conn.execute("DELETE FROM walks WHERE id = ?", (walk_id,))
        return DeletedWalk(walk, decode_trace(row["cadence_trace"]))

    def restore(self, deleted: DeletedWalk) -> WalkRecord:
        """Put a deleted walk back with its old id and trace (the undo of delete_imported)."""
        walk_id = deleted.walk.id
        if walk_id is None:
            raise ValueError("Only a walk that was saved can be restored.")
        with self._store.transaction() as conn:
            if conn.execute("SELECT 1 FROM walks WHERE id = ?", (walk_id,)).fetchone():
                raise StoreError(f"Walk {walk_id} is already in the diary at {self._store.path}.")
            conn.execute(_INSERT, (walk_id, *_values(deleted.walk, deleted.trace)))
        return deleted.walk

    def cadence_trace(self, walk_id: int) -> tuple[CadenceSample, ...]:
        """An imported walk's cadence over time; empty for a walk without one.

        Read on its own, not with every walk: the trend charts read every walk's totals.
        """
        rows = self._store.query("SELECT cadence_trace FROM walks WHERE id = ?", (walk_id,))
        if not rows:
            raise StoreError(f"Walk {walk_id} is not in the diary at {self._store.path}.")
        try:
            return decode_trace(rows[0]["cadence_trace"])
        except ValueError as error:
            raise StoreError(
                f"Walk {walk_id} in {self._store.path} cannot be read: {error}"
            ) from error

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
                source=row["source"],
                source_name=row["source_name"],
                distance_m=row["distance_m"],
                device=row["device"],
                sport=row["sport"],
            )
        except (ValueError, TypeError) as error:
            raise StoreError(
                f"Walk {row['id']} in {self._store.path} cannot be read: {error}"
            ) from error


def _optional_bool(value: object) -> bool | None:
    return None if value is None else bool(value)


def _order(walk: WalkRecord) -> tuple[datetime, int]:
    return (walk.started_at, walk.id or 0)
