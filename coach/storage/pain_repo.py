"""The pain diary in the store, returned as PainEntry."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from coach.domain.diary.file_format import DiaryKey, entry_key
from coach.domain.pain import PainContext, PainEntry, PainLocation
from coach.storage.database import Store
from coach.storage.errors import RecordNotFoundError, StoreError
from coach.storage.migrations import PAIN_UTC_SECONDS
from coach.storage.timestamps import candidate_window, from_text, require_aware, to_text

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

_COLUMNS = "id, at, pain, context, location, note, walk_id, red_flags"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND = timedelta(seconds=1)


class PainRepository:
    """Adds, edits, deletes and finds diary entries; returns PainEntry objects, never rows."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, entry: PainEntry) -> PainEntry:
        """Save a new entry and return it with its id."""
        if entry.id is not None:
            raise ValueError(f"Entry {entry.id} is already saved; use update() or restore().")
        with self._store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO pain_entries (at, pain, context, location, note, walk_id, red_flags)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                _values(entry),
            )
        return replace(entry, id=cursor.lastrowid)

    def update(self, entry: PainEntry) -> PainEntry:
        """Save changes to an existing entry (matched by id) and return it."""
        entry_id = _require_id(entry)
        with self._store.transaction() as conn:
            cursor = conn.execute(
                "UPDATE pain_entries SET at = ?, pain = ?, context = ?, location = ?, note = ?,"
                " walk_id = ?, red_flags = ? WHERE id = ?",
                (*_values(entry), entry_id),
            )
            if cursor.rowcount == 0:
                raise self._missing(entry_id)
        return entry

    def delete(self, entry_id: int) -> PainEntry:
        """Delete an entry and return it as it was, so it can be restored to undo."""
        with self._store.transaction() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM pain_entries WHERE id = ?", (entry_id,)
            ).fetchone()
            if row is None:
                raise self._missing(entry_id)
            conn.execute("DELETE FROM pain_entries WHERE id = ?", (entry_id,))
        return self._entry(row)

    def restore(self, entry: PainEntry) -> PainEntry:
        """Put a deleted entry back with its old id (the undo of delete)."""
        entry_id = _require_id(entry)
        with self._store.transaction() as conn:
            taken = conn.execute("SELECT 1 FROM pain_entries WHERE id = ?", (entry_id,))
            if taken.fetchone() is not None:
                raise StoreError(f"Entry {entry_id} is already in the diary at {self._store.path}.")
            conn.execute(
                f"INSERT INTO pain_entries ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (entry_id, *_values(entry)),
            )
        return entry

    def latest(self, limit: int) -> list[PainEntry]:
        """The most recent entries, newest first."""
        rows = self._store.query(
            f"SELECT {_COLUMNS} FROM pain_entries ORDER BY julianday(at) DESC, id DESC LIMIT ?",
            (limit,),
        )
        return sorted(map(self._entry, rows), key=_order, reverse=True)

    def between(self, start: datetime, end: datetime) -> list[PainEntry]:
        """Entries at or after start and before end, oldest first."""
        require_aware(start, "The start of the period")
        require_aware(end, "The end of the period")
        low, high = candidate_window(start, end)
        rows = self._store.query(
            f"SELECT {_COLUMNS} FROM pain_entries WHERE at >= ? AND at < ?", (low, high)
        )
        entries = [e for e in map(self._entry, rows) if start <= e.at < end]
        return sorted(entries, key=_order)

    def walk_ratings(self) -> dict[int, dict[PainContext, int]]:
        """The pain rated with each walk, by walk id and context (the latest when rated twice).

        Only the linked entries are read, so the weekly walking goal (coach.domain.dose) can
        be replayed over years of diary without building every PainEntry.
        """
        rows = self._store.query(
            "SELECT walk_id, context, pain FROM pain_entries WHERE walk_id IS NOT NULL "
            "ORDER BY julianday(at), id"
        )
        ratings: dict[int, dict[PainContext, int]] = {}
        for walk_id, context, pain in rows:
            ratings.setdefault(int(walk_id), {})[PainContext(context)] = int(pain)
        return ratings

    def count(self) -> int:
        """How many entries the diary holds."""
        return int(self._store.query("SELECT count(*) FROM pain_entries")[0][0])

    def keys(self) -> frozenset[DiaryKey]:
        """The entry_key of every entry, so an import can tell which rows are already here."""
        rows = self._store.query(f"SELECT {_COLUMNS} FROM pain_entries")
        return frozenset(entry_key(self._entry(row)) for row in rows)

    def utc_seconds_and_pains(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Every entry's time as whole Unix seconds (UTC) and its pain, oldest first.

        One SELECT and no PainEntry objects, so long histories load quickly for the trend
        charts (coach.domain.pain_series.samples_from_utc_seconds).
        """
        import numpy as np  # here, not at the top: the diary opens before numpy is needed

        # Ordered by the indexed expression, so SQLite reads it from the index (migration 4).
        rows = self._store.query(
            f"SELECT {PAIN_UTC_SECONDS}, pain FROM pain_entries ORDER BY {PAIN_UTC_SECONDS}"
        )
        # Plain tuples: numpy reads them about twice as fast as sqlite3.Row objects.
        # float64 turns NULL into NaN and holds every second of years 1900-2100 exactly.
        table = np.array([tuple(row) for row in rows], dtype=np.float64).reshape(-1, 2)
        if np.isnan(table[:, 0]).any():
            return self._utc_seconds_and_pains_in_python()
        return table[:, 0].astype(np.int64), table[:, 1].astype(np.int64)

    def _utc_seconds_and_pains_in_python(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        import numpy as np

        # Only for times SQLite cannot read exactly (say, an offset with seconds).
        entries = [
            self._entry(row) for row in self._store.query(f"SELECT {_COLUMNS} FROM pain_entries")
        ]
        seconds = np.fromiter(((e.at - _EPOCH) // _SECOND for e in entries), np.int64, len(entries))
        pains = np.fromiter((e.pain for e in entries), np.int64, len(entries))
        # The same order as the index gives: by time, then by pain.
        order = np.lexsort((pains, seconds))
        return seconds[order], pains[order]

    def _entry(self, row: sqlite3.Row) -> PainEntry:
        try:
            return PainEntry(
                at=from_text(row["at"]),
                pain=row["pain"],
                context=PainContext(row["context"]),
                location=None if row["location"] is None else PainLocation(row["location"]),
                note=row["note"],
                walk_id=row["walk_id"],
                id=row["id"],
                red_flags=_decode_flags(row["red_flags"]),
            )
        except (ValueError, TypeError) as error:
            raise StoreError(
                f"Diary entry {row['id']} in {self._store.path} cannot be read: {error}"
            ) from error

    def _missing(self, entry_id: int) -> RecordNotFoundError:
        return RecordNotFoundError(f"Entry {entry_id} is not in the diary at {self._store.path}.")


def _values(entry: PainEntry) -> tuple[Any, ...]:
    location = None if entry.location is None else entry.location.value
    flags = json.dumps(sorted(entry.red_flags))
    return (
        to_text(entry.at),
        entry.pain,
        entry.context.value,
        location,
        entry.note,
        entry.walk_id,
        flags,
    )


def _decode_flags(text: str) -> frozenset[str]:
    flags = json.loads(text)
    if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
        raise ValueError(f"red_flags must be a list of names, not {text!r}")
    return frozenset(flags)


def _require_id(entry: PainEntry) -> int:
    if entry.id is None:
        raise ValueError("This entry has not been saved yet, so it has no id.")
    return entry.id


def _order(entry: PainEntry) -> tuple[datetime, int]:
    return (entry.at, entry.id or 0)
