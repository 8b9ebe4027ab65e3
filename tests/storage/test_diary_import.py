from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from coach.domain.diary.file_format import entry_key
from coach.domain.diary.import_preview import ImportPreview, preview_import
from coach.domain.pain import PainContext, PainEntry, PainLocation
from coach.storage.backups import backup_files
from coach.storage.database import Store, open_read_only
from coach.storage.diary_import import BACKUP_LABEL, ImportResult, apply_import
from coach.storage.errors import ReadOnlyStoreError, StoreError
from coach.storage.pain_repo import PainRepository

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 23, 20, 15, tzinfo=UTC)
OWN_CSV = (
    b"at,pain,context,location,note,walk_id,red_flags\r\n"
    b"2026-11-20T08:00:00+01:00,6,on_waking,lower_back_left,stiff,,\r\n"
    b"2026-11-20T19:30:00+01:00,4,after_walk,,'=better after the walk,,\r\n"
    b"2026-11-21T08:10:00+01:00,7,on_waking,leg_right,,,leg_weakness\r\n"
    b"2026-11-21T08:10:00+01:00,7,on_waking,leg_right,,,leg_weakness\r\n"
    b"2026-11-22T07:55:00+01:00,11,on_waking,,,,\r\n"
)


def preview_for(store: Store, data: bytes = OWN_CSV) -> ImportPreview:
    return preview_import(data, BERLIN, PainRepository(store).keys(), now=NOW)


def stored(store: Store) -> list[PainEntry]:
    return PainRepository(store).between(NOW - timedelta(days=3650), NOW)


def without_ids(entries: list[PainEntry]) -> list[PainEntry]:
    return [replace(e, id=None) for e in entries]


def rows_in(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM pain_entries").fetchone()[0])
    finally:
        conn.close()


def import_backups(store: Store) -> list[Path]:
    return [b.path for b in backup_files(store.backup_folder) if b.label == BACKUP_LABEL]


def test_import_adds_the_preview_after_a_backup(store: Store) -> None:
    repo = PainRepository(store)
    earlier = repo.add(PainEntry(at=datetime(2026, 11, 19, 9, tzinfo=BERLIN), pain=5))
    preview = preview_for(store)
    assert len(preview.to_add) == 3  # a duplicate row and a pain of 11 are not offered
    result = apply_import(store, preview, NOW)
    assert result == ImportResult(added=3, backup=result.backup, skipped=0)
    assert import_backups(store) == [result.backup]
    assert rows_in(result.backup) == 1  # the copy shows the diary as it was before
    assert stored(store)[0] == earlier
    assert without_ids(stored(store)[1:]) == list(preview.to_add)
    flagged = stored(store)[3]
    assert flagged.red_flags == frozenset({"leg_weakness"})
    assert flagged.location is PainLocation.LEG_RIGHT
    assert stored(store)[2].note == "=better after the walk"
    assert stored(store)[2].context is PainContext.AFTER_WALK


def test_a_failing_entry_means_nothing_is_added(store: Store) -> None:
    repo = PainRepository(store)
    repo.add(PainEntry(at=datetime(2026, 11, 1, 9, tzinfo=BERLIN), pain=2))
    preview = preview_for(store)
    # Smuggle a rating the domain would refuse past its check; the table's CHECK catches it.
    bad = replace(preview.to_add[1])
    object.__setattr__(bad, "pain", 11)
    broken = replace(preview, to_add=(preview.to_add[0], bad, preview.to_add[2]))
    with pytest.raises(StoreError) as caught:
        apply_import(store, broken, NOW)
    message = str(caught.value)
    assert "Nothing was imported: entry 2 of 3 (2026-11-20 19:30, pain 11)" in message
    assert "CHECK constraint failed" in message
    [backup] = import_backups(store)
    assert str(backup) in message
    assert rows_in(backup) == 1
    assert repo.count() == 1
    # The failed import left no transaction open: the diary still takes new entries.
    repo.add(PainEntry(at=datetime(2026, 11, 2, 9, tzinfo=BERLIN), pain=3))
    assert repo.count() == 2


def test_a_link_to_a_missing_walk_fails_the_whole_import(store: Store) -> None:
    preview = preview_for(store)
    linked = replace(preview.to_add[-1], walk_id=404)
    broken = replace(preview, to_add=(*preview.to_add[:-1], linked))
    with pytest.raises(StoreError, match=r"entry 3 of 3 .*FOREIGN KEY"):
        apply_import(store, broken, NOW)
    assert PainRepository(store).count() == 0
    assert len(import_backups(store)) == 1


def test_duplicates_are_checked_again_when_saving(store: Store) -> None:
    repo = PainRepository(store)
    preview = preview_for(store)
    # Saved between the preview and the import, e.g. from the diary screen.
    repo.add(replace(preview.to_add[1], note="typed in meanwhile"))
    twice = replace(preview, to_add=(*preview.to_add, preview.to_add[0]))
    result = apply_import(store, twice, NOW)
    assert (result.added, result.skipped) == (2, 2)
    assert repo.count() == 3
    assert sorted(entry_key(e) for e in stored(store)) == sorted(
        entry_key(e) for e in preview.to_add
    )
    assert [e.note for e in stored(store)] == ["stiff", "typed in meanwhile", ""]


def test_importing_the_same_preview_twice_adds_nothing_the_second_time(store: Store) -> None:
    preview = preview_for(store)
    assert apply_import(store, preview, NOW).added == 3
    again = apply_import(store, preview, NOW + timedelta(seconds=1))
    assert (again.added, again.skipped) == (0, 3)
    assert PainRepository(store).count() == 3
    assert len(import_backups(store)) == 2


def test_an_entry_that_already_has_an_id_is_refused_by_name(store: Store) -> None:
    preview = preview_for(store)
    odd = replace(preview, to_add=(replace(preview.to_add[0], id=12),))
    with pytest.raises(StoreError, match=r"entry 1 of 1 \(2026-11-20 08:00, pain 6\).*already"):
        apply_import(store, odd, NOW)
    assert PainRepository(store).count() == 0


def test_a_naive_time_is_refused_before_anything_happens(store: Store) -> None:
    with pytest.raises(ValueError, match="time zone"):
        apply_import(store, preview_for(store), datetime(2026, 11, 23, 20, 15))
    assert import_backups(store) == []
    assert PainRepository(store).count() == 0


def test_a_read_only_diary_takes_no_import(store: Store) -> None:
    PainRepository(store).add(PainEntry(at=datetime(2026, 11, 1, tzinfo=UTC), pain=1))
    preview = preview_for(store)
    store.close()
    with open_read_only(store.path) as viewer, pytest.raises(ReadOnlyStoreError):
        apply_import(viewer, preview, NOW)
    assert import_backups(store) == []
