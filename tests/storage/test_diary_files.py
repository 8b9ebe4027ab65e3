"""Export files: where they go, their mode whatever the umask, and no half files on failure."""

from __future__ import annotations

import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from coach.domain.pain import PainEntry
from coach.storage.database import Store
from coach.storage.diary_files import export_diary, export_paths, format_for, write_private
from coach.storage.pain_repo import PainRepository
from coach.storage.walks_repo import WalkRepository

DAY = date(2026, 11, 25)


def test_paths_for_a_folder_and_for_a_file(tmp_path: Path) -> None:
    assert [p.name for p in export_paths(tmp_path, "csv", DAY)] == [
        "walking-coach-pain-2026-11-25.csv",
        "walking-coach-walks-2026-11-25.csv",
    ]
    assert [p.name for p in export_paths(tmp_path / "new", "json", DAY)] == [
        "walking-coach-2026-11-25.json"
    ]
    assert export_paths(tmp_path / "mine.csv", "csv", DAY) == [
        tmp_path / "mine.csv",
        tmp_path / "mine-walks.csv",
    ]
    assert format_for(tmp_path / "x.JSON", None) == "json"
    assert format_for(tmp_path / "x.json", "csv") == "csv"
    assert format_for(tmp_path / "folder", None) == "csv"


def test_files_are_private_even_with_an_open_umask(tmp_path: Path) -> None:
    old = os.umask(0o000)
    try:
        path = write_private(tmp_path / "a.csv", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    (tmp_path / "b.csv").write_bytes(b"old")
    os.chmod(tmp_path / "b.csv", 0o644)
    write_private(tmp_path / "b.csv", b"new")
    assert (tmp_path / "b.csv").read_bytes() == b"new"
    assert stat.S_IMODE((tmp_path / "b.csv").stat().st_mode) == 0o600


def test_a_failed_write_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "is-a-folder"
    target.mkdir()
    (target / "inside").write_text("keeps the folder non-empty")
    with pytest.raises(OSError):
        write_private(target, b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["is-a-folder"]


def test_export_diary_writes_every_entry(tmp_path: Path, store: Store) -> None:
    pain = PainRepository(store)
    for day in (1, 2, 3):
        pain.add(PainEntry(at=datetime(2020 + day, 1, 1, 8, tzinfo=UTC), pain=day))
    written = export_diary(pain, WalkRepository(store), tmp_path / "out", "csv", DAY)
    lines = written[0].read_text("utf-8-sig").splitlines()
    assert len(lines) == 4  # header and three ratings, oldest first
    assert lines[1].startswith("2021-01-01T08:00:00")


def test_a_planted_partial_link_is_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("mine")
    (tmp_path / "out.csv.partial").symlink_to(victim)
    (tmp_path / ".out.csv.partial").symlink_to(victim)
    write_private(tmp_path / "out.csv", b"diary")
    assert victim.read_text() == "mine"
    assert (tmp_path / "out.csv").read_bytes() == b"diary"
    assert not (tmp_path / "out.csv").is_symlink()


def test_a_link_at_the_target_is_replaced_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("mine")
    (tmp_path / "out.csv").symlink_to(victim)
    write_private(tmp_path / "out.csv", b"diary")
    assert victim.read_text() == "mine"
    assert (tmp_path / "out.csv").read_bytes() == b"diary"


def test_export_folders_are_private_and_go_again_on_failure(tmp_path: Path, store: Store) -> None:
    pain, walks = PainRepository(store), WalkRepository(store)
    old = os.umask(0o022)
    try:
        written = export_diary(pain, walks, tmp_path / "a" / "b", "csv", DAY)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o700
    assert [p.parent for p in written] == [tmp_path / "a" / "b"] * 2
    # 230 characters: the ratings file fits in a name (255 at most), the walks file does not.
    too_long = tmp_path / "e" / "f" / ("x" * 226 + ".csv")
    with pytest.raises(OSError):
        export_diary(pain, walks, too_long, "csv", DAY)
    assert not (tmp_path / "e").exists()


def test_an_existing_folder_keeps_its_mode(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    os.chmod(folder, 0o755)
    export_diary(PainRepository(store), WalkRepository(store), folder, "json", DAY)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
