from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from coach.domain.clock import FakeClock
from coach.domain.progression import hold_week, make_plan, this_week_target
from coach.domain.tap_tempo import Steadiness, TapEstimate, TapTempoError, estimate_cadence
from coach.storage.backups import backup_files
from coach.storage.cadence_repo import CadenceRepository
from coach.storage.database import Store, open_store
from coach.storage.errors import RecordNotFoundError, StoreError
from coach.storage.migrations import LATEST_VERSION, MIGRATIONS, user_version

BERLIN = ZoneInfo("Europe/Berlin")
KATHMANDU = timezone(timedelta(hours=5, minutes=45))
MONDAY = date(2026, 11, 23)


def steady_taps(cadence_spm: float, count: int = 21) -> TapEstimate:
    return estimate_cadence([i * 60 / cadence_spm for i in range(count)])


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def make_version_2(path: Path) -> None:
    """A database as the second release left it, with a walk, an entry and a preference."""
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:2]:
        for statement in migration.statements:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO walks (started_at, duration_s, kind)"
        " VALUES ('2026-11-20T07:30:00.000000+01:00', 1200, 'free')"
    )
    conn.execute(
        "INSERT INTO pain_entries (at, pain, context, note, walk_id, red_flags)"
        " VALUES ('2026-11-20T08:00:00.000000+01:00', 6, 'after_walk', 'stiff', 1, '[\"fever\"]')"
    )
    conn.execute("INSERT INTO preferences VALUES ('volume', '0.4')")
    conn.close()


def test_version_2_is_backed_up_then_gains_the_cadence_tables(
    db_path: Path, clock: FakeClock
) -> None:
    assert LATEST_VERSION >= 3
    db_path.parent.mkdir(parents=True)
    make_version_2(db_path)
    with open_store(db_path, clock=clock) as store:
        conn = store.connection
        assert user_version(conn) == LATEST_VERSION
        assert {"cadence_baselines", "progression_plans"} <= table_names(conn)
        entry = conn.execute("SELECT pain, note, walk_id, red_flags FROM pain_entries").fetchone()
        assert tuple(entry) == (6, "stiff", 1, '["fever"]')
        assert conn.execute("SELECT duration_s FROM walks").fetchone()[0] == 1200
        assert conn.execute("SELECT value FROM preferences").fetchone()[0] == "0.4"
        assert CadenceRepository(store).active_plan() is None
        assert CadenceRepository(store).latest_baseline() is None
    [backup] = [b for b in backup_files(db_path.parent / "backups") if b.label]
    assert backup.label == "before-v3"
    copy = sqlite3.connect(backup.path)
    # Taken before migrating: still version 2, with the data and without the new tables.
    assert user_version(copy) == 2
    assert "progression_plans" not in table_names(copy)
    assert copy.execute("SELECT pain, note FROM pain_entries").fetchall() == [(6, "stiff")]
    copy.close()


def test_latest_baseline_is_the_latest_real_moment(store: Store) -> None:
    repo = CadenceRepository(store)
    assert repo.latest_baseline() is None
    moment = datetime(2026, 11, 20, 12, tzinfo=UTC)
    # Text order would put Kathmandu (17:45) last; in real time Berlin (13:30) is latest.
    first = repo.save_baseline(steady_taps(104), moment.astimezone(KATHMANDU))
    second = repo.save_baseline(
        steady_taps(110), (moment + timedelta(minutes=30)).astimezone(BERLIN)
    )
    assert second > first
    latest = repo.latest_baseline()
    assert latest is not None
    assert latest.id == second
    assert latest.cadence_spm == pytest.approx(110)
    assert latest.taps == 21
    assert latest.source == "tap"
    assert latest.steadiness is Steadiness.VERY_STEADY
    assert latest.measured_at == moment + timedelta(minutes=30)
    assert latest.measured_at.utcoffset() == timedelta(hours=1)


def test_baseline_keeps_variation_and_source(store: Store) -> None:
    repo = CadenceRepository(store)
    estimate = replace(steady_taps(98), variation=0.07, steadiness=Steadiness.STEADY)
    repo.save_baseline(estimate, datetime(2026, 11, 21, 9, tzinfo=BERLIN), source="treadmill")
    latest = repo.latest_baseline()
    assert latest is not None
    assert (latest.variation, latest.source, latest.steadiness) == (
        0.07,
        "treadmill",
        Steadiness.STEADY,
    )


def test_uneven_or_timeless_baselines_are_refused_and_nothing_is_saved(store: Store) -> None:
    repo = CadenceRepository(store)
    uneven = replace(steady_taps(100), variation=0.15, steadiness=Steadiness.UNEVEN)
    with pytest.raises(TapTempoError, match="too uneven"):
        repo.save_baseline(uneven, datetime(2026, 11, 21, tzinfo=UTC))
    with pytest.raises(ValueError, match="time zone"):
        repo.save_baseline(steady_taps(100), datetime(2026, 11, 21))
    assert store.query("SELECT count(*) FROM cadence_baselines")[0][0] == 0


def test_only_one_plan_is_active(store: Store) -> None:
    repo = CadenceRepository(store)
    first = make_plan(100, MONDAY)
    second = make_plan(104, MONDAY + timedelta(weeks=2), goal_percent=10)
    repo.save_plan(first, datetime(2026, 11, 23, 9, tzinfo=BERLIN))
    repo.save_plan(second, datetime(2026, 12, 7, 9, tzinfo=BERLIN))
    assert repo.active_plan() == second
    rows = store.query("SELECT active FROM progression_plans ORDER BY id")
    assert [row["active"] for row in rows] == [0, 1]
    # The partial unique index refuses a second active plan even from outside the repository.
    with pytest.raises(StoreError, match="UNIQUE"), store.transaction() as conn:
        conn.execute(
            "INSERT INTO progression_plans (created_at, plan, active) VALUES ('x', '{}', 1)"
        )
    assert repo.active_plan() == second


def test_plan_round_trip_with_holds_survives_reopening(
    store: Store, db_path: Path, clock: FakeClock
) -> None:
    repo = CadenceRepository(store)
    plan = make_plan(101.4, MONDAY, goal_percent=8, step_percent=2)
    created = datetime(2026, 11, 23, 9, 5, tzinfo=BERLIN)
    repo.save_plan(plan, created)
    held = hold_week(hold_week(plan, MONDAY + timedelta(weeks=1)), MONDAY + timedelta(weeks=3))
    assert held.holds == (MONDAY + timedelta(weeks=1), MONDAY + timedelta(weeks=3))
    repo.update_active_plan(held)
    store.close()
    with open_store(db_path, clock=clock) as reopened:
        loaded = CadenceRepository(reopened).active_plan()
        assert loaded == held
        assert loaded is not None
        assert this_week_target(loaded, MONDAY + timedelta(days=9)) == this_week_target(
            held, MONDAY + timedelta(days=9)
        )
        [row] = reopened.query("SELECT created_at, active FROM progression_plans")
        assert row["created_at"] == "2026-11-23T09:05:00.000000+01:00"
        assert row["active"] == 1


def test_updating_without_an_active_plan_is_reported(store: Store) -> None:
    with pytest.raises(RecordNotFoundError, match=f"no cadence plan in {store.path}"):
        CadenceRepository(store).update_active_plan(make_plan(100, MONDAY))
    assert store.query("SELECT count(*) FROM progression_plans")[0][0] == 0


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "Expecting property name"),
        ("[1, 2]", "expected a JSON object"),
        ('{"version": 1, "baseline_spm": 100}', "has no goal_spm"),
        ('{"version": 99}', "Unknown cadence plan format"),
        ("[" * 100_000 + "]" * 100_000, "recursion"),
    ],
)
def test_a_damaged_plan_is_a_store_error_naming_the_file(
    store: Store, text: str, reason: str
) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO progression_plans (id, created_at, plan, active)"
            " VALUES (7, '2026-11-23T09:00:00.000000+00:00', ?, 1)",
            (text,),
        )
    with pytest.raises(StoreError, match=f"cadence plan 7 in {store.path} cannot be read") as e:
        CadenceRepository(store).active_plan()
    assert reason in str(e.value)


def test_a_damaged_baseline_is_a_store_error_naming_the_file(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO cadence_baselines VALUES (3, '2026-11-23T09:00:00.000000+00:00', 900,"
            " 20, 0.02, 'tap')"
        )
    with pytest.raises(StoreError, match=f"Cadence measurement 3 in {store.path}"):
        CadenceRepository(store).latest_baseline()
