"""A damaged diary, then every command: each refuses clearly or restores, and no row is lost.

`walkcoach restore` and `walkcoach backup` run in-process (the same `main` as the console
script) against a diary damaged in the ways issue 12 lists.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_fs import count_rows, fill_diary

from coach.__main__ import main
from coach.storage.migrations import LATEST_VERSION
from coach.storage.paths import DATABASE_NAME
from coach.storage.recovery import kept_marker, unresolved_copies

ROWS = 300


def overwrite_a_page(path: Path) -> None:
    with path.open("r+b") as file:
        file.seek(4096 * 3)
        file.write(b"\xa5" * 4096)


def truncate(path: Path) -> None:
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 3)


def zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def not_sqlite(path: Path) -> None:
    path.write_text("date,pain\n2026-01-01,4\n" * 100)


def newer_version(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()


DAMAGES: dict[str, Callable[[Path], None]] = {
    "page overwritten": overwrite_a_page,
    "truncated": truncate,
    "zero bytes": zero_bytes,
    "not SQLite": not_sqlite,
    "newer user_version": newer_version,
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


@pytest.mark.parametrize("damage", DAMAGES)
def test_every_command_refuses_or_restores_and_no_row_is_lost(
    private_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    database = private_data_dir / DATABASE_NAME
    fill_diary(database, ROWS)
    DAMAGES[damage](database)
    source = tmp_path / "new.csv"
    source.write_text("date,pain\n2026-11-01,4\n")
    out = tmp_path / "out.json"
    for args in (["export", "--out", str(out)], ["import", "--yes", str(source)], ["backup"]):
        code, text = run(capsys, *args)
        assert code == 1, text
        assert "newer version" in text if damage == "newer user_version" else "backup" in text
        assert not out.exists()
    code, text = run(capsys, "restore", "--yes")
    assert code == 0, text
    assert f"({ROWS} pain ratings)" in text
    assert unresolved_copies(database) == []
    code, text = run(capsys, "export", "--out", str(out))
    assert code == 0, text
    assert len(json.loads(out.read_text())["pain_entries"]) == ROWS
    kept = sorted(private_data_dir.glob("walking-coach.*-*.sqlite3"))
    assert kept or damage == "zero bytes"  # the damaged file is still there, moved aside
    assert all(kept_marker(p).exists() for p in kept if ".damaged-" in p.name)


def test_restore_lists_every_backup_and_names_a_damaged_one(
    private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = private_data_dir / DATABASE_NAME
    fill_diary(database, 5)
    code, text = run(capsys, "backup")
    assert code == 0 and "Backup taken and checked" in text and "-manual.sqlite3" in text
    backups = sorted((private_data_dir / "backups").glob("*.sqlite3"))
    not_sqlite(backups[0])
    code, text = run(capsys, "restore", "--list")
    assert code == 0
    assert text.count("  good  ") == 1 and text.count("  damaged (") == 1
    code, text = run(capsys, "restore", "--yes", backups[0].name)
    assert code == 2 and "cannot be restored: it is damaged" in text
    assert count_rows(database) == 5


def test_restore_asks_before_replacing_a_diary(
    private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = private_data_dir / DATABASE_NAME
    fill_diary(database, 5)
    code, text = run(capsys, "restore")  # stdin is not a terminal under pytest
    assert code == 0 and "Nothing changed. Run again with --yes" in text
    assert count_rows(database) == 5
    code, text = run(capsys, "restore", "--yes", "no-such-backup.sqlite3")
    assert code == 2 and "There is no backup no-such-backup.sqlite3" in text
