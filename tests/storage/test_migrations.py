from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coach.domain.clock import FakeClock
from coach.storage.backups import backup_files
from coach.storage.database import open_store
from coach.storage.errors import DatabaseTooNewError, MigrationError
from coach.storage.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    check_sequence,
    migrate,
    user_version,
)

NOW = datetime(2026, 11, 23, 20, 15, tzinfo=UTC)


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def make_version_1(path: Path) -> None:
    """A database exactly as the first release left it, with one entry and a preference."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0].statements:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO pain_entries (at, pain, context, note)"
        " VALUES ('2026-11-20T08:00:00.000000+01:00', 6, 'on_waking', 'stiff')"
    )
    conn.execute("INSERT INTO preferences VALUES ('volume', '0.4')")
    conn.close()


def test_versions_run_without_gaps() -> None:
    check_sequence(MIGRATIONS)
    assert len(MIGRATIONS) == LATEST_VERSION
    with pytest.raises(ValueError, match="1, 2, 3"):
        check_sequence((MIGRATIONS[0], Migration(3, "skips 2", ())))


def test_empty_file_gets_the_whole_schema_and_no_backup(db_path: Path, clock: FakeClock) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.touch()
    with open_store(db_path, clock=clock) as store:
        conn = store.connection
        assert user_version(conn) == LATEST_VERSION
        assert columns(conn, "preferences") == ["name", "value"]
        assert columns(conn, "walks") == [
            "id", "started_at", "duration_s", "kind", "cadence_spm", "ramp_from_spm",
            "speed_kmh", "plan_name", "new_leg_symptoms", "settled_next_morning",
            "source", "source_name", "distance_m", "device", "sport", "cadence_trace",
        ]  # fmt: skip
        assert columns(conn, "safety_events") == ["id", "at", "kind", "signs", "note"]
        assert columns(conn, "pain_entries") == [
            "id", "at", "pain", "context", "location", "note", "walk_id", "red_flags",
        ]  # fmt: skip
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(pain_entries)")}
        assert "pain_entries_at" in indexes
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert backup_files(db_path.parent / "backups") == []


def test_version_1_is_backed_up_then_migrated_keeping_data(db_path: Path, clock: FakeClock) -> None:
    db_path.parent.mkdir(parents=True)
    make_version_1(db_path)
    with open_store(db_path, clock=clock) as store:
        assert user_version(store.connection) == LATEST_VERSION
        row = store.connection.execute("SELECT pain, note, red_flags FROM pain_entries").fetchone()
        assert tuple(row) == (6, "stiff", "[]")
    [backup] = backup_files(db_path.parent / "backups")
    assert backup.label == "before-v2"
    copy = sqlite3.connect(backup.path)
    # The copy was taken before migrating: still version 1, same data, no new column.
    assert user_version(copy) == 1
    assert "red_flags" not in columns(copy, "pain_entries")
    assert copy.execute("SELECT pain, note FROM pain_entries").fetchall() == [(6, "stiff")]
    copy.close()


def test_a_later_migration_is_just_appended(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    make_version_1(path)
    conn = sqlite3.connect(path, isolation_level=None)
    extra = Migration(
        LATEST_VERSION + 1, "cadence plans", ("CREATE TABLE plans (name TEXT PRIMARY KEY)",)
    )
    backup = migrate(conn, tmp_path / "backups", NOW, (*MIGRATIONS, extra))
    assert backup is not None and backup.exists()
    assert user_version(conn) == LATEST_VERSION + 1
    assert columns(conn, "plans") == ["name"]
    assert conn.execute("SELECT count(*) FROM pain_entries").fetchone()[0] == 1
    assert migrate(conn, tmp_path / "backups", NOW, (*MIGRATIONS, extra)) is None
    conn.close()


def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    make_version_1(path)
    conn = sqlite3.connect(path, isolation_level=None)
    broken = Migration(
        LATEST_VERSION + 1,
        "a broken step",
        ("CREATE TABLE half_done (x)", "INSERT INTO no_such_table VALUES (1)"),
    )
    with pytest.raises(MigrationError, match="before the update is at") as caught:
        migrate(conn, tmp_path / "backups", NOW, (*MIGRATIONS, broken), database=path)
    assert str(path) in str(caught.value)
    # Migration 2 committed on its own; the broken step 3 left no trace.
    assert user_version(conn) == LATEST_VERSION
    assert "half_done" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert conn.execute("SELECT count(*) FROM pain_entries").fetchone()[0] == 1
    conn.close()


def test_too_new_database_is_refused_and_left_untouched(db_path: Path, clock: FakeClock) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.commit()
    conn.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseTooNewError) as caught:
        open_store(db_path, clock=clock)
    message = str(caught.value)
    assert str(db_path) in message
    assert f"data version {LATEST_VERSION + 5}" in message
    assert "newer version of Walking Coach" in message
    assert "has not been changed" in message
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_version_4_is_backed_up_and_old_leg_notes_become_the_field(
    db_path: Path, clock: FakeClock
) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path, isolation_level=None)
    for migration in MIGRATIONS[:4]:
        for statement in migration.statements:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    for walk_id in (1, 2):
        conn.execute(
            "INSERT INTO walks (id, started_at, duration_s, kind, plan_name)"
            f" VALUES ({walk_id}, '2026-11-2{walk_id}T08:00:00.000000+01:00', 600, 'guided', 'x')"
        )
    notes = [
        (1, "after_walk", "New leg symptoms after the walk. calf felt tight"),
        (2, "after_walk", "fine, no New leg symptoms after the walk. today"),
        (2, "before_walk", "New leg symptoms after the walk."),
    ]
    for walk_id, context, note in notes:
        conn.execute(
            "INSERT INTO pain_entries (at, pain, context, note, walk_id)"
            " VALUES ('2026-11-21T09:00:00.000000+01:00', 3, ?, ?, ?)",
            (context, note, walk_id),
        )
    conn.close()
    with open_store(db_path, clock=clock) as store:
        conn = store.connection
        assert user_version(conn) == LATEST_VERSION
        flags = conn.execute("SELECT id, new_leg_symptoms FROM walks ORDER BY id").fetchall()
        assert [tuple(r) for r in flags] == [(1, 1), (2, 0)]
        kept = conn.execute("SELECT note FROM pain_entries ORDER BY id").fetchall()
        assert [r[0] for r in kept] == [
            "calf felt tight",
            "fine, no New leg symptoms after the walk. today",
            "New leg symptoms after the walk.",
        ]
    [backup] = backup_files(db_path.parent / "backups")
    assert backup.label == "before-v5"
    copy = sqlite3.connect(backup.path)
    assert user_version(copy) == 4
    assert "new_leg_symptoms" not in columns(copy, "walks")
    assert [r[0] for r in copy.execute("SELECT note FROM pain_entries ORDER BY id")] == [
        note for _walk, _context, note in notes
    ]
    copy.close()
