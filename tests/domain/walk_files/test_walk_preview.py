"""The import preview: added, already there (same start within a minute, similar length),
or refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coach.domain.walk_files.model import CadenceSample, WalkFile
from coach.domain.walk_files.preview import FileStatus, preview_walks, same_walk, to_walk_record
from coach.domain.walks import WalkKind, WalkRecord

T = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def walk(start: datetime = T, minutes: float = 30) -> WalkFile:
    trace = (CadenceSample(0, 110), CadenceSample(1, 112), CadenceSample(2, 114))
    return WalkFile("fit", start, minutes * 60, 2500.0, "walking", "Garmin fenix5", trace)


@pytest.mark.parametrize(
    ("shift_s", "other_minutes", "same"),
    [
        (0, 30, True),
        (59, 30, True),
        (60, 30, True),
        (61, 30, False),
        (-60, 32.9, True),  # within a tenth of 33 minutes
        (0, 34, False),
        (0, 1.5, True),  # short walks: within a minute
        (0, 0.5, True),
    ],
)
def test_same_walk_rule(shift_s: float, other_minutes: float, same: bool) -> None:
    length = 30 if other_minutes > 5 else 1
    other = T + timedelta(seconds=shift_s)
    assert same_walk(T, length * 60, other, other_minutes * 60) is same


def test_preview_sorts_each_file_in_order() -> None:
    saved = [WalkRecord(started_at=T + timedelta(seconds=20), duration_s=29 * 60)]
    read = [
        (Path("a.fit"), walk()),
        (Path("b.fit"), walk(T + timedelta(days=1))),
        (Path("c.gpx"), walk(T + timedelta(days=1, seconds=30))),  # the same walk as b
        (Path("d.fit"), "it is empty"),
    ]
    preview = preview_walks(read, saved)
    assert [o.status for o in preview.outcomes] == [
        FileStatus.DUPLICATE, FileStatus.ADDED, FileStatus.DUPLICATE, FileStatus.REJECTED,
    ]  # fmt: skip
    assert [o.path.name for o in preview.to_add] == ["b.fit"]
    assert preview.outcomes[3].reason == "it is empty"
    assert preview.count(FileStatus.DUPLICATE) == 2


def test_a_walk_done_in_the_app_at_the_same_time_is_the_same_walk() -> None:
    in_app = WalkRecord(started_at=T, duration_s=1800, kind=WalkKind.METRONOME, cadence_spm=110)
    preview = preview_walks([(Path("a.fit"), walk())], [in_app])
    assert preview.outcomes[0].status is FileStatus.DUPLICATE


def test_the_record_saved_is_an_imported_walk_with_its_median_cadence() -> None:
    record = to_walk_record(walk(), "a.fit")
    assert record.kind is WalkKind.IMPORTED and record.cadence_spm == 112.0
    assert (record.source, record.source_name, record.device, record.sport) == (
        "fit", "a.fit", "Garmin fenix5", "walking",
    )  # fmt: skip
    assert record.distance_m == 2500.0 and record.duration_s == 1800.0
