"""Ordered schema migrations keyed by `PRAGMA user_version`, with a backup first.

To change the schema, append a Migration with the next version number to MIGRATIONS.
Never edit or reorder a migration that has shipped: people's files already went through it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coach.storage.backups import take_backup
from coach.storage.errors import MigrationError


@dataclass(frozen=True)
class Migration:
    """One schema step: the SQL that takes a database from version - 1 to version."""

    version: int
    description: str
    statements: tuple[str, ...]


PAIN_UTC_SECONDS = (
    "CASE WHEN length(at) = 32 AND substr(at, 20, 1) = '.' AND substr(at, 27, 1) IN ('+', '-')"
    " THEN CAST(strftime('%s', substr(at, 1, 19) || substr(at, 27)) AS INTEGER) END"
)
"""A diary entry's time as whole Unix seconds (the UTC instant), or NULL for unusual text.

Part of migration 4's index, so never change it: pain_repo selects this exact expression
and SQLite then reads the value from the index instead of computing it for every row.
strftime('%s') rather than unixepoch(), which needs SQLite 3.38 (Ubuntu 22.04 has 3.37).
SQLite rounds fractions of a second to the millisecond (.9996 s would count as the next
second), so the fraction is cut from the text first: exact for the fixed-width text that
timestamps.to_text() writes, which the CASE checks; other text gives NULL.
"""

_OLD_LEGS_NOTE = "New leg symptoms after the walk."
"""The sentence the app put before an after-walk note up to version 4; never change it."""

_OLD_LEGS_NOTE_AT_START = f"substr(note, 1, {len(_OLD_LEGS_NOTE)}) = '{_OLD_LEGS_NOTE}'"

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "preferences, walks and the pain diary",
        (
            """CREATE TABLE preferences (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
            """CREATE TABLE walks (
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL,
                duration_s REAL NOT NULL,
                kind TEXT NOT NULL,
                cadence_spm REAL,
                ramp_from_spm REAL,
                speed_kmh REAL,
                plan_name TEXT NOT NULL DEFAULT ''
            )""",
            "CREATE INDEX walks_started_at ON walks(started_at)",
            """CREATE TABLE pain_entries (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
                context TEXT NOT NULL,
                location TEXT,
                note TEXT NOT NULL DEFAULT '',
                walk_id INTEGER REFERENCES walks(id) ON DELETE SET NULL
            )""",
            "CREATE INDEX pain_entries_at ON pain_entries(at)",
            "CREATE INDEX pain_entries_walk_id ON pain_entries(walk_id)",
        ),
    ),
    Migration(
        2,
        "warning signs reported with a pain rating",
        # A JSON array of red-flag keys (coach.domain.safety.red_flags), sorted; '[]' when none.
        ("ALTER TABLE pain_entries ADD COLUMN red_flags TEXT NOT NULL DEFAULT '[]'",),
    ),
    Migration(
        3,
        "cadence baselines and progression plans",
        (
            """CREATE TABLE cadence_baselines (
                id INTEGER PRIMARY KEY,
                measured_at TEXT NOT NULL,
                cadence_spm REAL NOT NULL,
                taps INTEGER NOT NULL,
                variation REAL NOT NULL,
                source TEXT NOT NULL
            )""",
            "CREATE INDEX cadence_baselines_measured_at ON cadence_baselines(measured_at)",
            # plan: the JSON of coach.domain.progression.ProgressionPlan.to_dict().
            """CREATE TABLE progression_plans (
                id INTEGER PRIMARY KEY,
                created_at TEXT NOT NULL,
                plan TEXT NOT NULL,
                active INTEGER NOT NULL CHECK (active IN (0, 1))
            )""",
            # At most one plan is the one being followed; older ones stay as history.
            "CREATE UNIQUE INDEX progression_plans_one_active ON progression_plans(active)"
            " WHERE active = 1",
        ),
    ),
    Migration(
        4,
        "diary times as UTC seconds, indexed for the trend charts",
        # Times and pains in time order, read from the index without parsing each time.
        (f"CREATE INDEX pain_entries_utc_seconds ON pain_entries({PAIN_UTC_SECONDS}, pain)",),
    ),
    Migration(
        5,
        "new leg symptoms after a walk as a field of the walk",
        # 1 when the walker reported new leg symptoms after it. Until now the app wrote a
        # fixed sentence at the start of the after-walk note instead: move it to the field.
        (
            "ALTER TABLE walks ADD COLUMN new_leg_symptoms INTEGER NOT NULL DEFAULT 0",
            "UPDATE walks SET new_leg_symptoms = 1 WHERE id IN (SELECT walk_id FROM pain_entries"
            f" WHERE context = 'after_walk' AND {_OLD_LEGS_NOTE_AT_START})",
            f"UPDATE pain_entries SET note = ltrim(substr(note, {len(_OLD_LEGS_NOTE) + 1}))"
            f" WHERE context = 'after_walk' AND walk_id IS NOT NULL AND {_OLD_LEGS_NOTE_AT_START}",
        ),
    ),
    Migration(
        6,
        "the safety record and the next-morning check after a walk",
        (
            # kind 'signs': warning signs noted outside a rating (the introduction), signs
            # holding a JSON array of keys; kind 'cleared': the person said a clinician had
            # checked their back (coach.domain.safety.state).
            """CREATE TABLE safety_events (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('signs', 'cleared')),
                signs TEXT NOT NULL DEFAULT '[]',
                note TEXT NOT NULL DEFAULT ''
            )""",
            "CREATE INDEX safety_events_at ON safety_events(at)",
            # 1: the pain had settled by the next morning, 0: not yet, NULL: not asked yet.
            "ALTER TABLE walks ADD COLUMN settled_next_morning INTEGER"
            " CHECK (settled_next_morning IN (0, 1))",
        ),
    ),
    Migration(
        7,
        "walks imported from watch and phone files",
        (
            # source: 'fit', 'gpx' or 'tcx' for an imported walk (kind 'imported'), '' for a
            # walk done in the app; source_name: the file's name. cadence_spm holds an
            # imported walk's median steps/min, the pace it was walked at.
            "ALTER TABLE walks ADD COLUMN source TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE walks ADD COLUMN source_name TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE walks ADD COLUMN distance_m REAL",
            "ALTER TABLE walks ADD COLUMN device TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE walks ADD COLUMN sport TEXT NOT NULL DEFAULT ''",
            # coach.storage.cadence_trace: float32 pairs (seconds, steps/min); NULL if none.
            "ALTER TABLE walks ADD COLUMN cadence_trace BLOB",
        ),
    ),
    Migration(
        8,
        "the weekly check-in",
        (
            # One row per check-in week (week_start: the local date it began, on the chosen
            # weekday); a second check-in in the same week replaces the first. Each answer is
            # 0-10 or NULL when skipped; skipped = 1 for a week the person chose to skip.
            """CREATE TABLE weekly_checkins (
                id INTEGER PRIMARY KEY,
                week_start TEXT NOT NULL UNIQUE,
                answered_at TEXT NOT NULL,
                pain INTEGER CHECK (pain BETWEEN 0 AND 10),
                enjoyment INTEGER CHECK (enjoyment BETWEEN 0 AND 10),
                activity INTEGER CHECK (activity BETWEEN 0 AND 10),
                skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1))
            )""",
        ),
    ),
)
"""Every migration in order; the version of each is its position counted from 1."""

LATEST_VERSION = MIGRATIONS[-1].version
"""The schema version this app writes; a database above it is refused."""


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database file."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def is_empty(conn: sqlite3.Connection) -> bool:
    """True when the database holds no tables, indexes or views at all."""
    row = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return int(row[0]) == 0 and user_version(conn) == 0


def migrate(
    conn: sqlite3.Connection,
    backup_folder: Path,
    now: datetime,
    migrations: tuple[Migration, ...] = MIGRATIONS,
    database: Path | None = None,
) -> Path | None:
    """Bring the database up to the last migration; return the backup taken first, if any.

    Each migration runs in its own transaction, so a crash or an error leaves the file at
    the previous version. Raises MigrationError naming the step that failed.
    """
    check_sequence(migrations)
    current = user_version(conn)
    pending = [m for m in migrations if m.version > current]
    if not pending:
        return None
    backup = None
    if not is_empty(conn):
        backup = take_backup(conn, backup_folder, now, label=f"before-v{pending[0].version}")
    for migration in pending:
        _apply(conn, migration, backup, database)
    return backup


def check_sequence(migrations: tuple[Migration, ...]) -> None:
    """Raise ValueError unless the versions run 1, 2, 3, ... without gaps."""
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"Migration versions must run 1, 2, 3, ...; found {versions}.")


def _apply(
    conn: sqlite3.Connection, migration: Migration, backup: Path | None, database: Path | None
) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another copy of the app may have migrated while we waited for the lock.
        if user_version(conn) < migration.version:
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {migration.version:d}")
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        conn.execute("ROLLBACK")
        kept = f" A copy from before the update is at {backup}." if backup else ""
        where = f" at {database}" if database else ""
        raise MigrationError(
            f"Could not update the diary{where} to data version {migration.version} "
            f"({migration.description}): {error}. The file was left as it was.{kept}"
        ) from error
    except BaseException:
        conn.execute("ROLLBACK")
        raise
