"""Cadence baselines and progression plans in the store, returned as domain objects."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from coach.domain.cadence_records import SOURCE_TAPS, CadenceBaseline, baseline_from_estimate
from coach.domain.progression import ProgressionPlan, plan_from_dict
from coach.domain.tap_estimate import TapEstimate
from coach.storage.database import Store
from coach.storage.errors import RecordNotFoundError, StoreError
from coach.storage.timestamps import from_text, require_aware, to_text

_BASELINE_COLUMNS = "id, measured_at, cadence_spm, taps, variation, source"


class CadenceRepository:
    """Saves measured baselines and the progression plan being followed (at most one)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def save_baseline(self, estimate: TapEstimate, at: datetime, source: str = SOURCE_TAPS) -> int:
        """Save a tap measurement as a baseline and return its id.

        Raises TapTempoError when the taps were too uneven to keep (estimate.reliable is
        False) and ValueError for a time without a time zone.
        """
        require_aware(at, "The time of the measurement")
        baseline = baseline_from_estimate(estimate, at, source)
        with self._store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO cadence_baselines (measured_at, cadence_spm, taps, variation, source)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    to_text(baseline.measured_at),
                    baseline.cadence_spm,
                    baseline.taps,
                    baseline.variation,
                    baseline.source,
                ),
            )
        # A successful INSERT always sets lastrowid.
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def latest_baseline(self) -> CadenceBaseline | None:
        """The most recently measured baseline (by its real moment), or None if none."""
        rows = self._store.query(
            f"SELECT {_BASELINE_COLUMNS} FROM cadence_baselines"
            " ORDER BY julianday(measured_at) DESC, id DESC LIMIT 1"
        )
        return self._baseline(rows[0]) if rows else None

    def save_plan(self, plan: ProgressionPlan, at: datetime) -> None:
        """Make plan the active one; the previous active plan is kept, inactive, as history."""
        require_aware(at, "The time the plan was made")
        with self._store.transaction() as conn:
            conn.execute("UPDATE progression_plans SET active = 0 WHERE active = 1")
            conn.execute(
                "INSERT INTO progression_plans (created_at, plan, active) VALUES (?, ?, 1)",
                (to_text(at), _encode(plan)),
            )

    def active_plan(self) -> ProgressionPlan | None:
        """The plan being followed, or None; StoreError naming the file if it is unreadable."""
        rows = self._store.query("SELECT id, plan FROM progression_plans WHERE active = 1")
        return self._plan(rows[0]) if rows else None

    def update_active_plan(self, plan: ProgressionPlan) -> None:
        """Replace the active plan's content (a held week, say), keeping when it was made.

        Raises RecordNotFoundError when no plan is active.
        """
        with self._store.transaction() as conn:
            cursor = conn.execute(
                "UPDATE progression_plans SET plan = ? WHERE active = 1", (_encode(plan),)
            )
            if cursor.rowcount == 0:
                raise RecordNotFoundError(
                    f"There is no cadence plan in {self._store.path} to update; save one first."
                )

    def _baseline(self, row: sqlite3.Row) -> CadenceBaseline:
        try:
            return CadenceBaseline(
                measured_at=from_text(row["measured_at"]),
                cadence_spm=float(row["cadence_spm"]),
                taps=row["taps"],
                variation=float(row["variation"]),
                source=row["source"],
                id=row["id"],
            )
        except (ValueError, TypeError) as error:
            raise StoreError(
                f"Cadence measurement {row['id']} in {self._store.path} cannot be read: {error}"
            ) from error

    def _plan(self, row: sqlite3.Row) -> ProgressionPlan:
        try:
            data = json.loads(row["plan"])
            if not isinstance(data, dict):
                raise ValueError(f"expected a JSON object, found {type(data).__name__}")
            return plan_from_dict(data)
        # RecursionError: absurdly nested JSON must be a message too, not a crash.
        except (ValueError, TypeError, RecursionError) as error:
            raise StoreError(
                f"The cadence plan {row['id']} in {self._store.path} cannot be read: {error}"
            ) from error


def _encode(plan: ProgressionPlan) -> str:
    return json.dumps(plan.to_dict(), allow_nan=False, sort_keys=True)
