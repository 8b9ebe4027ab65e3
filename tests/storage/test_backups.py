from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from coach.storage import backups
from coach.storage.backups import (
    backup_files,
    list_good_backups,
    parse_backup_name,
    take_backup,
    thin_backups,
)
from coach.storage.errors import BackupError

NOW = datetime(2026, 11, 23, 20, 15, tzinfo=UTC)


@pytest.fixture
def source(tmp_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(tmp_path / "live.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(100)])
    return conn


def fake_backup(folder: Path, when: datetime) -> Path:
    """An empty file named like a backup; thinning only looks at names."""
    path = folder / f"walking-coach-{when.strftime('%Y%m%d-%H%M%S')}Z.sqlite3"
    path.write_bytes(b"")
    return path


def test_backup_is_a_checked_private_copy(tmp_path: Path, source: sqlite3.Connection) -> None:
    folder = tmp_path / "backups"
    path = take_backup(source, folder, NOW)
    assert path == folder / "walking-coach-20261123-201500Z.sqlite3"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    copy = sqlite3.connect(path)
    assert copy.execute("SELECT count(*) FROM t").fetchone()[0] == 100
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    copy.close()
    assert sorted(p.name for p in folder.iterdir()) == [path.name]


def test_same_second_backups_get_distinct_names(tmp_path: Path, source: sqlite3.Connection) -> None:
    first = take_backup(source, tmp_path, NOW)
    second = take_backup(source, tmp_path, NOW)
    labelled = take_backup(source, tmp_path, NOW, label="before-v3")
    assert second.name == "walking-coach-20261123-201500Z-2.sqlite3"
    assert labelled.name == "walking-coach-20261123-201500Z-before-v3.sqlite3"
    parsed = [parse_backup_name(p) for p in (first, second, labelled)]
    assert [(b.count, b.label) for b in parsed if b] == [(0, ""), (2, ""), (0, "before-v3")]
    assert backup_files(tmp_path)[0].path == second


def test_a_copy_that_fails_its_check_is_not_kept(
    tmp_path: Path, source: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "integrity_problem", lambda path: "row 3 missing from index")
    with pytest.raises(BackupError, match=r"did not pass its check.*row 3 missing"):
        take_backup(source, tmp_path / "b", NOW)
    assert list((tmp_path / "b").iterdir()) == []


def test_list_good_backups_skips_damaged_ones_newest_first(
    tmp_path: Path, source: sqlite3.Connection
) -> None:
    oldest = take_backup(source, tmp_path, NOW - timedelta(days=2))
    middle = take_backup(source, tmp_path, NOW - timedelta(days=1))
    newest = take_backup(source, tmp_path, NOW)
    middle.write_bytes(b"not a database at all" * 100)
    garbage = fake_backup(tmp_path, NOW + timedelta(days=1))
    garbage.write_bytes(b"\0" * 4096)
    assert list_good_backups(tmp_path) == [newest, oldest]


def daily_backups(folder: Path, first: date, last: date) -> None:
    day = first
    while day <= last:
        fake_backup(folder, datetime(day.year, day.month, day.day, 12, tzinfo=UTC))
        day += timedelta(days=1)


# Two years of one backup a day ending on Monday 2026-11-23 keep (worked out by hand):
EXPECTED_KEPT = sorted(
    # 12 daily: the last 12 days.
    [date(2026, 11, d) for d in range(12, 24)]
    # 10 weekly (newest of each ISO week): this Monday and 9 Sundays; 3 are daily already.
    + [date(2026, 11, 8), date(2026, 11, 1), date(2026, 10, 25), date(2026, 10, 18)]
    + [date(2026, 10, 11), date(2026, 10, 4), date(2026, 9, 27)]
    # 9 monthly (newest of each month): November is daily; Oct 31 ... Mar 31.
    + [date(2026, 10, 31), date(2026, 9, 30), date(2026, 8, 31), date(2026, 7, 31)]
    + [date(2026, 6, 30), date(2026, 5, 31), date(2026, 4, 30), date(2026, 3, 31)]
)


def kept_days(folder: Path) -> list[date]:
    return sorted(b.taken_at.date() for b in backup_files(folder))


def test_thinning_two_years_of_daily_backups(tmp_path: Path) -> None:
    daily_backups(tmp_path, date(2024, 11, 24), date(2026, 11, 23))
    assert len(backup_files(tmp_path)) == 730
    removed = thin_backups(tmp_path, datetime(2026, 11, 23, 13, tzinfo=UTC))
    assert len(EXPECTED_KEPT) == 27
    assert kept_days(tmp_path) == EXPECTED_KEPT
    assert len(removed) == 730 - 27
    assert not any(p.exists() for p in removed)


def test_thinning_every_day_keeps_the_same_set(tmp_path: Path) -> None:
    day = date(2024, 11, 24)
    while day <= date(2026, 11, 23):
        moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
        fake_backup(tmp_path, moment)
        thin_backups(tmp_path, moment)
        day += timedelta(days=1)
    assert kept_days(tmp_path) == EXPECTED_KEPT


def test_thinning_keeps_the_newest_and_pre_migration_copies(tmp_path: Path) -> None:
    morning = fake_backup(tmp_path, NOW - timedelta(hours=8))
    evening = fake_backup(tmp_path, NOW)
    before = tmp_path / "walking-coach-20200101-000000Z-before-v2.sqlite3"
    before.write_bytes(b"")
    assert thin_backups(tmp_path, NOW) == [morning]
    assert evening.exists() and before.exists()


def test_days_are_counted_in_the_local_time_zone(tmp_path: Path) -> None:
    # 23:30 and 00:30 UTC are one local day in New York (UTC-5), so only the later stays.
    late = fake_backup(tmp_path, datetime(2026, 11, 22, 23, 30, tzinfo=UTC))
    early = fake_backup(tmp_path, datetime(2026, 11, 23, 0, 30, tzinfo=UTC))
    new_york = datetime(2026, 11, 22, 20, tzinfo=UTC).astimezone(ZoneInfo("America/New_York"))
    assert thin_backups(tmp_path, new_york) == [late]
    assert early.exists()


def test_stale_partial_copies_are_cleared(tmp_path: Path) -> None:
    stale = tmp_path / "walking-coach-20261123-101500Z.sqlite3.partial"
    fresh = tmp_path / "walking-coach-20261123-201400Z.sqlite3.partial"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    thin_backups(tmp_path, NOW)
    assert not stale.exists() and fresh.exists()
