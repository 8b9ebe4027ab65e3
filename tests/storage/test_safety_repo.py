"""The safety record: migration 6, signs noted, clinicians' checks, the next-morning answer."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.domain.safety.state import SignReport
from coach.domain.safety.urgency import LEG_SYMPTOMS_AFTER_WALK
from coach.domain.walks import WalkKind, WalkRecord
from coach.storage.backups import backup_files
from coach.storage.database import Store, open_store
from coach.storage.errors import StoreError
from coach.storage.migrations import MIGRATIONS, user_version
from coach.storage.pain_repo import PainRepository
from coach.storage.safety_repo import SafetyRepository
from coach.storage.walks_repo import WalkRepository

NOW = datetime(2026, 11, 23, 20, 15, tzinfo=UTC)


def test_version_5_is_backed_up_and_gains_the_safety_record(
    db_path: Path, clock: FakeClock
) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path, isolation_level=None)
    for migration in MIGRATIONS[:5]:
        for statement in migration.statements:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 5")
    conn.execute(
        "INSERT INTO walks (id, started_at, duration_s, kind, plan_name)"
        " VALUES (1, '2026-11-21T08:00:00.000000+01:00', 78.5, 'guided', 'x')"
    )
    conn.close()
    with open_store(db_path, clock=clock) as store:
        assert user_version(store.connection) >= 6
        (walk,) = WalkRepository(store).latest(5)
        assert walk.duration_s == 78.5 and walk.settled_next_morning is None
        assert SafetyRepository(store).clearances() == []
    [backup] = backup_files(db_path.parent / "backups")
    assert backup.label == "before-v6"


def test_signs_from_the_introduction_the_diary_and_walks_all_reach_the_state(store: Store) -> None:
    safety = SafetyRepository(store)
    safety.add_signs(NOW - timedelta(days=3), frozenset({"night_pain"}))
    safety.add_signs(NOW, frozenset())  # nothing ticked: nothing saved
    PainRepository(store).add(
        PainEntry(at=NOW - timedelta(days=2), pain=4, red_flags=frozenset({"trauma"}))
    )
    PainRepository(store).add(PainEntry(at=NOW - timedelta(days=1), pain=3))
    walk = WalkRecord(NOW - timedelta(hours=5), 600, WalkKind.GUIDED, new_leg_symptoms=True)
    WalkRepository(store).add(walk)
    inputs = safety.inputs()
    assert set(inputs.reports) == {
        SignReport(NOW - timedelta(days=3), frozenset({"night_pain"})),
        SignReport(NOW - timedelta(days=2), frozenset({"trauma"})),
        SignReport(NOW - timedelta(hours=5), frozenset({LEG_SYMPTOMS_AFTER_WALK})),
    }
    assert sorted(pain for _at, pain in inputs.ratings) == [3, 4]


def test_a_clearance_is_kept_with_its_date_and_limits_the_ratings_read(store: Store) -> None:
    pain = PainRepository(store)
    pain.add(PainEntry(at=NOW - timedelta(days=3), pain=8))
    safety = SafetyRepository(store)
    safety.add_clearance(NOW - timedelta(days=1), "  physio, all fine ")
    pain.add(PainEntry(at=NOW, pain=2))
    (cleared,) = safety.clearances()
    assert cleared.at == NOW - timedelta(days=1) and cleared.note == "physio, all fine"
    inputs = safety.inputs()
    assert inputs.cleared == (NOW - timedelta(days=1),)
    assert [p for _at, p in inputs.ratings] == [2]


def test_the_next_morning_answer_is_saved_on_the_walk(store: Store) -> None:
    walks = WalkRepository(store)
    saved = walks.add(WalkRecord(NOW, 1200.0))
    assert saved.id is not None
    walks.set_settled(saved.id, False)
    (walk,) = walks.latest(1)
    assert walk.settled_next_morning is False
    with pytest.raises(StoreError, match="Walk 99"):
        walks.set_settled(99, True)
