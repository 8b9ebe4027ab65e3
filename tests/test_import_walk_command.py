"""`walkcoach import-walk`: the real command on a real diary in a temporary data folder."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from test_data_commands import walkcoach
from walk_file_builders import START, FitWalk, fit_bytes, gpx_text, tcx_text, write

from coach.storage.database import open_store
from coach.storage.diary_import import BACKUP_LABEL
from coach.storage.paths import DATABASE_NAME
from coach.storage.walks_repo import WalkRepository

FIXTURES = Path(__file__).parent / "domain" / "walk_files" / "data"
KEYS = {"file", "start", "duration_s", "distance_m", "sport", "steps_per_min_median", "status"}


def saved_walks(data_dir: Path) -> list[tuple[str, float, float | None]]:
    with open_store(data_dir / DATABASE_NAME) as store:
        walks = WalkRepository(store).latest(100)
    return sorted((w.source_name, w.duration_s, w.cadence_spm) for w in walks)


def walk_files(folder: Path) -> list[Path]:
    folder.mkdir()
    return [
        write(folder, "morning.fit", fit_bytes(FitWalk(cadence=(55,) * 1800, fraction=0.5))),
        write(folder, "evening.gpx", gpx_text((56,) * 1200, start=START + timedelta(days=1))),
        write(folder, "treadmill.tcx", tcx_text((None,) * 900, start=START + timedelta(days=2))),
        shutil.copy(FIXTURES / "garmin-edge-820-bike.fit", folder),
        shutil.copy(FIXTURES / "activity-unexpected-eof.fit", folder),
        write(folder, "photo.fit", b"\xff\xd8\xff\xe0" + bytes(100)),
    ]  # fmt: skip


def test_preview_then_import_then_nothing_new(tmp_path: Path) -> None:
    data = tmp_path / "data"
    files = [str(p) for p in walk_files(tmp_path / "walks")]
    preview = walkcoach(data, "import-walk", *files)
    assert preview.returncode == 2, preview.stderr  # some files were refused
    assert "To add: 3" in preview.stdout and "Refused: 3" in preview.stdout
    assert "Nothing saved. Run again with --yes" in preview.stdout
    assert "photo.fit: it is not a FIT file: it looks like a JPEG image" in preview.stdout
    assert "garmin-edge-820-bike.fit: this is a cycling activity" in preview.stdout
    assert "note: it records no cadence" in preview.stdout
    assert "Traceback" not in preview.stdout + preview.stderr
    assert saved_walks(data) == []

    done = walkcoach(data, "import-walk", "--yes", *files)
    assert done.returncode == 2, done.stderr
    assert "Imported 3 walk(s)" in done.stdout
    assert list((data / "backups").glob(f"*{BACKUP_LABEL}*"))
    assert saved_walks(data) == [
        ("evening.gpx", 1199.0, 112.0), ("morning.fit", 1800.0, 111.0),
        ("treadmill.tcx", 900.0, None),
    ]  # fmt: skip

    again = walkcoach(data, "import-walk", "--yes", *files[:3])
    assert again.returncode == 0, again.stderr
    assert "To add: 0" in again.stdout and "Already in the diary (skipped): 3" in again.stdout
    assert "Imported" not in again.stdout
    assert len(saved_walks(data)) == 3


def test_json_prints_one_object_per_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    files = [str(p) for p in walk_files(tmp_path / "walks")]
    done = walkcoach(data, "import-walk", "--yes", "--json", *files)
    assert done.returncode == 2
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [Path(o["file"]).name for o in lines] == [Path(f).name for f in files]
    assert all(set(o) >= KEYS for o in lines)
    morning, evening, treadmill, bike, cut, photo = lines
    assert morning == morning | {
        "status": "added", "saved": True, "start": "2026-11-02T08:30:00+01:00",
        "duration_s": 1800.0, "sport": "walking", "steps_per_min_median": 111.0,
    }  # fmt: skip
    assert evening["steps_per_min_median"] == 112.0 and evening["status"] == "added"
    assert treadmill["steps_per_min_median"] is None and "no cadence" in treadmill["notes"][0]
    assert bike["status"] == "rejected" and bike["reason"].startswith("this is a cycling")
    assert cut["status"] == "rejected" and "part-way" in cut["reason"]
    assert photo["start"] is None and "JPEG" in photo["reason"]
    assert "Imported 3 walk(s)" in done.stderr

    again = walkcoach(data, "import-walk", "--json", files[0])
    assert again.returncode == 0
    assert json.loads(again.stdout)["status"] == "duplicate"


def test_only_good_files_exit_0_and_a_missing_file_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    good = write(tmp_path, "walk.gpx", gpx_text())
    done = walkcoach(data, "import-walk", "--yes", str(good))
    assert done.returncode == 0, done.stderr
    missing = walkcoach(data, "import-walk", "--yes", str(tmp_path / "nope.fit"))
    assert missing.returncode == 2
    assert "nope.fit: cannot be read (No such file or directory)" in missing.stdout
    assert walkcoach(data, "import-walk").returncode == 2  # argparse: a file is required


def test_on_a_terminal_it_asks_and_json_stays_alone_on_stdout(tmp_path: Path) -> None:
    data = tmp_path / "data"
    good = write(tmp_path, "walk.gpx", gpx_text())
    primary, secondary = pty.openpty()
    try:
        os.write(primary, b"y\n")
        done = subprocess.run(
            [sys.executable, "-m", "coach", "import-walk", "--json", str(good)],
            env={**os.environ, "COACH_DATA_DIR": str(data)},
            stdin=secondary, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        os.close(primary)
        os.close(secondary)
    assert done.returncode == 0, done.stderr
    assert "Import 1 walk(s)? [y/N]" in done.stderr
    assert json.loads(done.stdout)["saved"] is True
    assert len(saved_walks(data)) == 1
