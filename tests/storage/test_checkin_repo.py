"""Weekly check-ins in the store: migration 8, one per week, read back as they were."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone

import pytest

from coach.domain.checkin import WeeklyCheckin
from coach.storage.checkin_repo import CheckinRepository
from coach.storage.database import Store
from coach.storage.errors import StoreError

AT = datetime(2026, 11, 23, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def test_a_check_in_is_read_back_as_it_was_saved(store: Store) -> None:
    repo = CheckinRepository(store)
    saved = repo.save(WeeklyCheckin(date(2026, 11, 23), AT, (6, None, 4)))
    assert saved.id is not None
    [back] = repo.all()
    assert back == saved
    assert back.answered_at.utcoffset() == timedelta(hours=1)
    assert repo.for_week(date(2026, 11, 23)) == saved
    assert repo.for_week(date(2026, 11, 30)) is None


def test_a_second_check_in_in_the_same_week_replaces_the_first(store: Store) -> None:
    repo = CheckinRepository(store)
    repo.save(WeeklyCheckin(date(2026, 11, 23), AT, (6, 6, 6)))
    later = repo.save(WeeklyCheckin(date(2026, 11, 23), AT + timedelta(days=2), (3, 3, 3)))
    repo.save(WeeklyCheckin(date(2026, 11, 30), AT + timedelta(days=7), skipped=True))
    weeks = repo.all()
    assert [c.week_start for c in weeks] == [date(2026, 11, 23), date(2026, 11, 30)]
    assert weeks[0] == later
    assert weeks[1].skipped and weeks[1].score is None


def test_the_table_refuses_answers_off_the_scale(store: Store) -> None:
    with pytest.raises(StoreError), store.transaction() as conn:
        conn.execute(
            "INSERT INTO weekly_checkins (week_start, answered_at, pain) VALUES (?, ?, ?)",
            ("2026-11-23", "2026-11-23T09:30:00.000000+01:00", 11),
        )
    assert CheckinRepository(store).all() == []


def test_an_unreadable_row_names_the_file(store: Store) -> None:
    store.connection.execute(
        "INSERT INTO weekly_checkins (week_start, answered_at) VALUES ('soon', 'later')"
    )
    with pytest.raises(StoreError, match="weekly check-in"):
        CheckinRepository(store).all()


def test_version_6_gains_the_table_without_losing_anything(store: Store) -> None:
    names = {r[0] for r in store.connection.execute("SELECT name FROM sqlite_master")}
    assert "weekly_checkins" in names
    with pytest.raises(sqlite3.IntegrityError):
        store.connection.execute(
            "INSERT INTO weekly_checkins (week_start, answered_at, skipped) VALUES ('x', 'y', 2)"
        )
