"""`walkcoach import` takes the app's own JSON export: same preview, all-or-nothing save."""

from __future__ import annotations

import json
from pathlib import Path

from test_data_commands import fill, walkcoach

from coach.storage.database import open_store
from coach.storage.diary_import import BACKUP_LABEL
from coach.storage.pain_repo import PainRepository
from coach.storage.paths import DATABASE_NAME


def ratings(data_dir: Path) -> list[tuple[str, int, str, frozenset[str]]]:
    with open_store(data_dir / DATABASE_NAME) as store:
        entries = PainRepository(store).latest(1000)
    return sorted((e.at.isoformat(), e.pain, e.note, e.red_flags) for e in entries)


def test_a_json_export_imports_into_another_diary_once(tmp_path: Path) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    fill(source)
    out = tmp_path / "diary.json"
    done = walkcoach(source, "export", "--format", "json", "--out", str(out))
    assert done.returncode == 0, done.stderr
    walkcoach(target, "import", "--yes", str(tmp_path / "missing.csv"))  # makes the diary
    preview = walkcoach(target, "import", str(out))
    assert preview.returncode == 0, preview.stderr
    assert "To add: 11" in preview.stdout and "--yes" in preview.stdout
    assert ratings(target) == []  # a preview saves nothing
    first = walkcoach(target, "import", "--yes", str(out))
    assert first.returncode == 0, first.stderr
    assert "Imported 11 rating(s)" in first.stdout
    assert list((target / "backups").glob(f"*{BACKUP_LABEL}*"))
    again = walkcoach(target, "import", "--yes", str(out))
    assert "Already in the diary (skipped): 11" in again.stdout
    assert ratings(target) == ratings(source)
    assert len(json.loads(out.read_text("utf-8"))["pain_entries"]) == 11
