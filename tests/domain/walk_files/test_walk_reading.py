"""Reading walk files from disk: what a file is comes from its contents, refusals name it."""

from __future__ import annotations

import os
from datetime import UTC
from pathlib import Path

import pytest
from walk_file_builders import FitWalk, fit_bytes, gpx_text, tcx_text, write

from coach.domain.walk_files.reading import MAX_FILE_BYTES, WalkFileRefused, read_walk_file

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200)


def refusal(path: Path) -> str:
    with pytest.raises(WalkFileRefused) as caught:
        read_walk_file(path, UTC)
    assert str(caught.value) == f"{path}: {caught.value.reason}"
    return caught.value.reason


def test_each_format_is_known_by_its_contents_whatever_its_name(tmp_path: Path) -> None:
    fit = write(tmp_path, "walk.gpx", fit_bytes(FitWalk()))
    gpx = write(tmp_path, "walk.txt", gpx_text())
    tcx = write(tmp_path, "walk.fit", tcx_text())
    assert [read_walk_file(p, UTC).file_format for p in (fit, gpx, tcx)] == ["fit", "gpx", "tcx"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.fit", b"", "it is empty"),
        ("photo.fit", JPEG, "it is not a FIT file: it looks like a JPEG image"),
        ("notes.txt", b"hello", "it is not a FIT, GPX or TCX file (its contents are not one)"),
        ("walks.gpx", b"PK\x03\x04" + bytes(40), "it is not a GPX file: it looks like a ZIP"),
        (
            "feed.gpx",
            b"<rss><channel/></rss>",
            "it is XML but neither GPX nor TCX (its root is <rss>)",
        ),
    ],
)
def test_files_that_are_not_walk_files_say_what_they_are(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    assert refusal(write(tmp_path, name, content)).startswith(reason)


def test_a_folder_a_link_and_a_missing_file_are_refused_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "walks.fit"
    folder.mkdir()
    assert refusal(folder) == "is a folder, not a file"
    real = write(tmp_path, "real.gpx", gpx_text())
    link = tmp_path / "link.gpx"
    link.symlink_to(real)
    assert refusal(link).startswith("is a link")
    assert refusal(tmp_path / "missing.fit").startswith("cannot be read")


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "walk.fit"
    os.mkfifo(pipe)
    assert refusal(pipe) == "is a named pipe (FIFO), not a file"


def test_a_huge_file_is_refused_with_its_size_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.gpx"
    with huge.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB that takes no disk space
    assert refusal(huge) == "is 200.0 MB; files up to 50.0 MB are read"
    assert MAX_FILE_BYTES == 50 * 1024 * 1024


def test_a_fit_header_with_nothing_after_it_is_damaged(tmp_path: Path) -> None:
    data = fit_bytes(FitWalk())[:14]
    assert "ends part-way through" in refusal(write(tmp_path, "cut.fit", data))
