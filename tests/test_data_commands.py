"""`walkcoach export` and `walkcoach import` in a real subprocess with COACH_DATA_DIR set."""

from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coach.commands import import_data
from coach.domain.pain import PainContext, PainEntry
from coach.domain.walks import WalkKind, WalkRecord
from coach.storage.database import open_store
from coach.storage.diary_import import BACKUP_LABEL
from coach.storage.pain_repo import PainRepository
from coach.storage.paths import DATABASE_NAME
from coach.storage.walks_repo import WalkRepository

START = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)


def walkcoach(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COACH_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def fill(data_dir: Path) -> None:
    with open_store(data_dir / DATABASE_NAME) as store:
        walk = WalkRepository(store).add(
            WalkRecord(started_at=START, duration_s=1200, kind=WalkKind.GUIDED)
        )
        pain = PainRepository(store)
        for day in range(10):
            note = "=SUM(A1:A9)" if day == 3 else f"day {day}"
            pain.add(PainEntry(at=START + timedelta(days=day), pain=day % 7, note=note))
        pain.add(
            PainEntry(at=START + timedelta(minutes=25), pain=2, context=PainContext.AFTER_WALK,
                      walk_id=walk.id, red_flags=frozenset({"leg_weakness"}))
        )  # fmt: skip


def test_export_then_import_round_trip(tmp_path: Path) -> None:
    source, target, out = tmp_path / "source", tmp_path / "target", tmp_path / "out"
    fill(source)
    done = walkcoach(source, "export", "--out", str(out))
    assert done.returncode == 0, done.stderr
    pain_csv, walks_csv = (Path(line) for line in done.stdout.split())
    assert pain_csv.name.startswith("walking-coach-pain-") and walks_csv.name.endswith(".csv")
    assert stat.S_IMODE(pain_csv.stat().st_mode) == 0o600
    assert "'=SUM(A1:A9)" in pain_csv.read_text("utf-8-sig")
    preview_only = walkcoach(target, "import", str(pain_csv))
    assert preview_only.returncode == 0, preview_only.stderr
    assert "To add: 11" in preview_only.stdout and "--yes" in preview_only.stdout
    done = walkcoach(target, "import", str(pain_csv), "--yes")
    assert done.returncode == 0, done.stderr
    assert "Imported 11 rating(s)" in done.stdout
    assert list((target / "backups").glob(f"*{BACKUP_LABEL}*"))
    again = walkcoach(target, "import", str(pain_csv), "--yes")
    assert "Already in the diary (skipped): 11" in again.stdout
    with open_store(target / DATABASE_NAME) as store:
        entries = PainRepository(store).latest(100)
    assert len(entries) == 11
    assert {e.note for e in entries} >= {"=SUM(A1:A9)", "day 9"}
    assert any(e.red_flags == frozenset({"leg_weakness"}) for e in entries)


def test_export_json_to_a_file(tmp_path: Path) -> None:
    fill(tmp_path / "data")
    out = tmp_path / "all.json"
    done = walkcoach(tmp_path / "data", "export", "--out", str(out), "--format", "json")
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text("utf-8"))
    assert (len(document["pain_entries"]), len(document["walks"])) == (11, 1)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_bad_csv_exits_2_with_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x00binary junk\x00")
    done = walkcoach(tmp_path / "data", "import", str(bad), "--yes")
    assert done.returncode == 2
    assert "bad.csv" in done.stderr and "binary" in done.stderr
    missing = walkcoach(tmp_path / "data", "import", str(tmp_path / "nowhere.csv"))
    assert missing.returncode == 2
    assert "nowhere.csv" in missing.stderr


def test_rejected_rows_are_listed_with_row_and_column(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("date,pain\n2026-01-02,4\n2026-01-03,twelve\n2099-01-01,3\n", "utf-8")
    done = walkcoach(tmp_path / "data", "import", str(mixed), "--yes")
    assert done.returncode == 0, done.stderr
    assert "To add: 1" in done.stdout and "Rejected: 2" in done.stdout
    assert "row 3, column pain: Pain must be a whole number" in done.stdout
    assert "row 4, column date:" in done.stdout and "in the future" in done.stdout


def test_import_asks_on_a_terminal_and_only_yes_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    args = argparse.Namespace(yes=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = iter(["y", "", "no", "YES"])
    monkeypatch.setattr("builtins.input", lambda _prompt: next(answers))
    assert [import_data.confirmed(args, 3) for _ in range(4)] == [True, False, False, True]
    assert import_data.confirmed(argparse.Namespace(yes=True), 3)
