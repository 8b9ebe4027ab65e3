"""The start asks again about damaged copies until the person has chosen, and deletes nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.storage.database import open_store
from coach.storage.errors import DatabaseDamagedError, DiaryMissingError
from coach.storage.pain_repo import PainRepository
from coach.storage.recovery import (
    damaged_copies,
    find_recovery_offer,
    kept_marker,
    mark_kept,
    should_offer,
    unresolved_copies,
)


def damage_with_backup(path: Path, clock: FakeClock) -> DatabaseDamagedError:
    """A diary with one entry and a backup, then a broken header; returns the open error."""
    store = open_store(path, clock=clock, new_diary=True)
    PainRepository(store).add(PainEntry(at=clock.now(), pain=5, note="kept safe"))
    store.backup_now(clock.now())
    store.connection.close()
    with path.open("r+b") as file:
        file.write(b"this is not a database at all!!")
    with pytest.raises(DatabaseDamagedError) as caught:
        open_store(path, clock=clock)
    return caught.value


@pytest.mark.parametrize(
    ("has_content", "unresolved", "expected"),
    [
        (False, [Path("a.damaged-20261123-201500.sqlite3")], True),
        (False, [], False),
        (True, [Path("a.damaged-20261123-201500.sqlite3")], False),
        (True, [], False),
    ],
)
def test_should_offer_only_without_a_diary_and_with_unresolved_copies(
    has_content: bool, unresolved: list[Path], expected: bool
) -> None:
    assert should_offer(has_content, unresolved) is expected


def test_after_damage_the_next_start_is_offered_the_copy_and_the_backup(
    db_path: Path, clock: FakeClock
) -> None:
    error = damage_with_backup(db_path, clock)
    assert not db_path.exists()
    offer = find_recovery_offer(db_path)
    assert offer is not None
    assert offer.damaged == (error.damaged_path,)
    assert offer.newest_damaged == error.damaged_path
    assert offer.backups == tuple(error.backups)


def test_an_empty_file_left_at_the_path_still_counts_as_no_diary(
    db_path: Path, clock: FakeClock
) -> None:
    damage_with_backup(db_path, clock)
    db_path.touch()
    assert find_recovery_offer(db_path) is not None


def test_a_diary_in_place_means_no_offer(db_path: Path, clock: FakeClock) -> None:
    damage_with_backup(db_path, clock)
    open_store(db_path, clock=clock, new_diary=True).close()
    assert find_recovery_offer(db_path) is None


def test_no_damaged_copy_means_no_offer(db_path: Path) -> None:
    assert find_recovery_offer(db_path) is None


def test_marking_kept_stops_the_offer_and_keeps_every_file(db_path: Path, clock: FakeClock) -> None:
    error = damage_with_backup(db_path, clock)
    offer = find_recovery_offer(db_path)
    assert offer is not None
    before = sorted(p.name for p in db_path.parent.rglob("*"))
    markers = mark_kept(offer, clock.now(), "a new diary was started")
    assert markers == [kept_marker(error.damaged_path)]
    assert "a new diary was started" in markers[0].read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(markers[0]).st_mode) == 0o600
    after = sorted(p.name for p in db_path.parent.rglob("*"))
    assert set(before) <= set(after)  # only markers were added
    after_choice = find_recovery_offer(db_path)
    assert after_choice is not None and after_choice.damaged == ()  # the backups still count
    assert unresolved_copies(db_path) == []
    assert error.damaged_path.exists()


def test_a_later_damaged_copy_is_offered_again(db_path: Path, clock: FakeClock) -> None:
    first = damage_with_backup(db_path, clock)
    offer = find_recovery_offer(db_path)
    assert offer is not None
    mark_kept(offer, clock.now(), "a new diary was started")
    clock.advance(3600)
    second = damage_with_backup(db_path, clock)
    again = find_recovery_offer(db_path)
    assert again is not None
    assert again.damaged == (second.damaged_path,)
    assert damaged_copies(db_path) == [second.damaged_path, first.damaged_path]


def test_copies_in_the_same_second_sort_newest_first(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    names = [
        "walking-coach.damaged-20261123-201500.sqlite3",
        "walking-coach.damaged-20261123-201500-2.sqlite3",
        "walking-coach.damaged-20261122-080000.sqlite3",
        "walking-coach.damaged-20261123-201500.sqlite3-wal",  # travels with its copy
        "walking-coach.before-restore-20261123-201500.sqlite3",  # not damaged
    ]
    for name in names:
        (db_path.parent / name).write_bytes(b"x")
    assert [p.name for p in damaged_copies(db_path)] == [names[1], names[0], names[2]]


def test_an_empty_diary_beside_backups_is_offered_them_not_opened(
    db_path: Path, clock: FakeClock
) -> None:
    with open_store(db_path, clock=clock) as store:
        PainRepository(store).add(PainEntry(at=clock.now(), pain=5, note="kept safe"))
    db_path.write_bytes(b"")  # zero length: what a full disk or a bad copy can leave
    offer = find_recovery_offer(db_path)
    assert offer is not None and offer.damaged == () and len(offer.backups) == 1
    with pytest.raises(DiaryMissingError, match="is empty, so nothing was opened") as caught:
        open_store(db_path, clock=clock)
    assert str(offer.backups[0]) in str(caught.value) and "walkcoach restore" in str(caught.value)
    assert db_path.stat().st_size == 0
    with open_store(db_path, clock=clock, new_diary=True) as chosen:
        assert not PainRepository(chosen).keys()
