"""Importing walk files through the services: reported as walks, counted like any walk."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from walk_file_builders import START, FitWalk, fit_bytes, gpx_text, write

from coach.domain.clock import FakeClock
from coach.domain.diary.export import export_walks_csv
from coach.domain.walks import WalkKind
from coach.services.changes import Change
from coach.services.trends import load_inputs
from coach.services.walk_import import (
    FileStatus,
    ImportCancelledError,
    apply_walk_import,
    preview_walk_files,
)
from coach.services.wiring import StoreServices, services_on
from coach.storage.database import open_store

NOW = START + timedelta(days=3)


@pytest.fixture
def services(private_data_dir: Path) -> Iterator[StoreServices]:
    store = open_store(clock=FakeClock(NOW))
    yield services_on(store)
    store.close()


def test_preview_saves_nothing_and_apply_saves_and_reports_walks(
    services: StoreServices, tmp_path: Path
) -> None:
    heard: list[frozenset[Change]] = []
    services.changes.subscribe(heard.append)
    files = [
        write(tmp_path, "walk.fit", fit_bytes(FitWalk(cadence=(55,) * 1800))),
        write(tmp_path, "walk.gpx", gpx_text((56,) * 1800)),  # the same walk, from Strava
        write(tmp_path, "empty.tcx", b""),
    ]
    preview = preview_walk_files(services.diary, files, NOW)
    assert [o.status for o in preview.outcomes] == [
        FileStatus.ADDED, FileStatus.DUPLICATE, FileStatus.REJECTED,
    ]  # fmt: skip
    assert services.diary.walks.latest(5) == [] and heard == []
    result = apply_walk_import(services.diary, preview, NOW)
    assert result.added == 1 and heard == [frozenset({Change.WALKS})]
    [walk] = services.diary.walks.latest(5)
    assert walk.kind is WalkKind.IMPORTED and walk.cadence_spm == 110.0
    assert len(services.diary.walks.cadence_trace(walk.id or 0)) == 1800
    again = preview_walk_files(services.diary, files[:1], NOW)
    assert again.outcomes[0].status is FileStatus.DUPLICATE


def test_imported_walks_count_toward_the_week_and_the_walked_cadence(
    services: StoreServices, tmp_path: Path
) -> None:
    files = [write(tmp_path, "walk.fit", fit_bytes(FitWalk(cadence=(56,) * 1800)))]
    apply_walk_import(services.diary, preview_walk_files(services.diary, files, NOW), NOW)
    assert services.diary.walks.minutes_in_week(START.date()) == 30.0
    inputs = load_inputs(services.diary, services.plans, NOW, usual_minutes=60)
    assert inputs.walk_minutes.tolist() == [30.0]
    assert inputs.walk_cadence.tolist() == [112.0]
    assert not np.any(inputs.walk_guided)


def test_walks_without_an_offset_take_the_zone_of_the_import(
    services: StoreServices, tmp_path: Path
) -> None:
    files = [write(tmp_path, "walk.gpx", gpx_text())]
    zone_now = datetime(2026, 11, 5, 12, 0, tzinfo=UTC).astimezone(timezone(timedelta(hours=-3)))
    preview = preview_walk_files(services.diary, files, zone_now)
    walk = preview.outcomes[0].walk
    assert walk is not None and walk.start.utcoffset() == timedelta(hours=-3)


def test_reading_many_files_reports_progress_and_can_be_cancelled(
    services: StoreServices, tmp_path: Path
) -> None:
    files = [write(tmp_path, f"{n}.gpx", gpx_text((56,) * 60, start=START + timedelta(days=n)))
             for n in range(5)]  # fmt: skip
    seen: list[tuple[int, int]] = []
    preview_walk_files(
        services.diary, files, NOW, lambda done, total: not seen.append((done, total))
    )
    assert seen == [(n, 5) for n in range(1, 6)]
    with pytest.raises(ImportCancelledError, match="Cancelled after 2 of 5 files"):
        preview_walk_files(services.diary, files, NOW, lambda done, total: done < 2)
    assert services.diary.walks.latest(5) == []


def test_an_imported_walk_keeps_its_file_details_in_the_diary_export(
    services: StoreServices, tmp_path: Path
) -> None:
    gpx = gpx_text(creator="=HYPERLINK(evil)")
    files = [write(tmp_path, "+walk.gpx", gpx)]
    apply_walk_import(services.diary, preview_walk_files(services.diary, files, NOW), NOW)
    [walk] = services.diary.walks.latest(1)
    rows = list(csv.DictReader(io.StringIO(export_walks_csv([walk]).decode("utf-8-sig"))))
    assert rows[0] | {"id": ""} == rows[0] | {
        "id": "", "kind": "imported", "sport": "walking", "source": "gpx",
        "device": "'=HYPERLINK(evil)", "source_name": "'+walk.gpx",
        "cadence_spm": "110.0", "duration_s": "599.0",
    }  # fmt: skip
    assert float(rows[0]["distance_m"]) == pytest.approx(599 * 1.112, rel=0.001)


def test_deleting_an_imported_walk_can_be_undone_and_is_reported(
    services: StoreServices, tmp_path: Path
) -> None:
    files = [write(tmp_path, "walk.fit", fit_bytes(FitWalk(cadence=(56,) * 1800)))]
    apply_walk_import(services.diary, preview_walk_files(services.diary, files, NOW), NOW)
    [walk] = services.diary.walks.latest(1)
    heard: list[frozenset[Change]] = []
    services.changes.subscribe(heard.append)
    deleted = services.diary.delete_imported_walk(walk.id or 0)
    assert services.diary.walks.minutes_in_week(START.date()) == 0.0
    services.diary.restore_walk(deleted)
    assert services.diary.walks.minutes_in_week(START.date()) == 30.0
    assert len(services.diary.walks.cadence_trace(walk.id or 0)) == 1800
    assert heard == [frozenset({Change.WALKS})] * 2
