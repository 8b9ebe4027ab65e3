"""Only regular files are read: links, FIFOs, devices and folders are named, never opened whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coach.domain.diary import decoding as dec
from coach.domain.file_reading import (
    FileRefusedError,
    describe_size,
    is_app_file,
    read_regular_file,
    refusal,
)
from coach.domain.plan_files.loading import ILLUSTRATIONS_DIR


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_bytes(b"date,pain\n" * 1000)
    assert read_regular_file(path, 20_000) == b"date,pain\n" * 1000
    assert refusal(path) is None


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "p.csv"
    os.mkfifo(fifo)
    with pytest.raises(FileRefusedError, match=r"is a named pipe \(FIFO\), not a file"):
        read_regular_file(fifo, 1000)
    assert refusal(fifo) == "is a named pipe (FIFO), not a file"


def test_a_device_is_refused() -> None:
    with pytest.raises(FileRefusedError, match="is a device, not a file"):
        read_regular_file(Path("/dev/zero"), 1000)


def test_a_link_is_refused_and_its_target_named(tmp_path: Path) -> None:
    target = tmp_path / "secret"
    target.write_text("do not copy")
    link = tmp_path / "picture.svg"
    link.symlink_to(target)
    with pytest.raises(FileRefusedError, match=f"is a link \\(to {target}\\)"):
        read_regular_file(link, 1000)
    assert refusal(link) is not None


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileRefusedError, match="is a folder, not a file"):
        read_regular_file(tmp_path, 1000)


def test_too_big_is_refused_with_the_true_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as big:
        big.truncate(19 * 1024 * 1024 + 300 * 1024)  # sparse: costs no disk
    with pytest.raises(FileRefusedError, match=r"is 19\.3 MB; files up to 10\.0 MB") as caught:
        read_regular_file(path, 10 * 1024 * 1024)
    assert caught.value.size == 19 * 1024 * 1024 + 300 * 1024


def test_a_missing_file_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(FileRefusedError, match="cannot be read"):
        read_regular_file(tmp_path / "gone.csv", 10)


def test_sizes_read_as_people_say_them() -> None:
    assert [describe_size(n) for n in (812, 45 * 1024, 19 * 1024 * 1024)] == [
        "812 bytes",
        "45 KB",
        "19.0 MB",
    ]


def test_reading_a_diary_file_refuses_what_is_not_one(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(19 * 1024 * 1024)
    with pytest.raises(dec.DiaryImportError, match=r"The file is 19\.0 MB; diary files up to 10"):
        dec.read_diary_file(big)
    fifo = tmp_path / "p.csv"
    os.mkfifo(fifo)
    with pytest.raises(dec.DiaryImportError, match=r"p\.csv is a named pipe"):
        dec.read_diary_file(fifo)
    with pytest.raises(dec.DiaryImportError, match="/dev/zero is a device"):
        dec.read_diary_file(Path("/dev/zero"))


def test_the_apps_own_files_may_be_links_to_regular_files_only(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}")
    (tmp_path / "good.json").symlink_to(real)
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "bad.json").symlink_to(tmp_path / "pipe")
    assert read_regular_file(tmp_path / "good.json", 10, follow_links=True) == b"{}"
    assert refusal(tmp_path / "good.json", follow_links=True) is None
    with pytest.raises(FileRefusedError, match="is a named pipe"):
        read_regular_file(tmp_path / "bad.json", 10, follow_links=True)
    assert is_app_file(ILLUSTRATIONS_DIR / "ex-easy-walk.svg")
    assert not is_app_file(real)
