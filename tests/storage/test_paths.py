from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coach import APP_NAME, APP_ORGANIZATION
from coach.domain.pain import PainEntry
from coach.storage import paths
from coach.storage.database import open_store
from coach.storage.errors import DataFolderError
from coach.storage.pain_repo import PainRepository
from coach.storage.paths import ensure_private_dir


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    # The usual desktop umask: files would be 0644 and folders 0755 unless we intervene.
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_override_puts_everything_in_the_given_folder(private_data_dir: Path) -> None:
    assert paths.data_dir() == private_data_dir
    assert paths.database_path() == private_data_dir / "walking-coach.sqlite3"
    assert paths.backup_dir() == private_data_dir / "backups"
    assert paths.log_dir() == private_data_dir / "logs"
    for folder in (private_data_dir, private_data_dir / "backups", private_data_dir / "logs"):
        assert folder.is_dir()


def test_without_override_platformdirs_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COACH_DATA_DIR")
    asked: list[tuple[str, str]] = []

    def fake_dir(kind: str) -> object:
        def answer(appname: str, appauthor: str) -> str:
            asked.append((appname, appauthor))
            return str(tmp_path / kind / appname)

        return answer

    monkeypatch.setattr(paths.platformdirs, "user_data_dir", fake_dir("share"))
    monkeypatch.setattr(paths.platformdirs, "user_log_dir", fake_dir("state"))
    assert paths.data_dir() == tmp_path / "share" / APP_NAME
    assert paths.log_dir() == tmp_path / "state" / APP_NAME
    assert asked == [(APP_NAME, APP_ORGANIZATION)] * 2
    assert mode(paths.data_dir()) == 0o700
    assert mode(paths.log_dir()) == 0o700


def test_existing_folder_is_made_private(tmp_path: Path, umask_022: None) -> None:
    folder = tmp_path / "open"
    folder.mkdir(mode=0o755)
    assert paths.ensure_private_dir(folder) == folder
    assert mode(folder) == 0o700


def test_create_private_file_keeps_existing_content(tmp_path: Path, umask_022: None) -> None:
    new = tmp_path / "new.sqlite3"
    paths.create_private_file(new)
    assert new.read_bytes() == b""
    assert mode(new) == 0o600
    old = tmp_path / "old.sqlite3"
    old.write_bytes(b"diary")
    old.chmod(0o644)
    paths.create_private_file(old)
    assert old.read_bytes() == b"diary"
    assert mode(old) == 0o600


def test_database_sidecars_and_backups_are_private(private_data_dir: Path, umask_022: None) -> None:
    store = open_store()
    PainRepository(store).add(PainEntry(at=datetime.now(UTC), pain=3))
    wal = Path(f"{store.path}-wal")
    shm = Path(f"{store.path}-shm")
    assert wal.exists() and shm.exists()
    assert mode(private_data_dir) == 0o700
    assert {mode(p) for p in (store.path, wal, shm)} == {0o600}
    store.close()
    backups = list((private_data_dir / "backups").iterdir())
    assert backups, "closing after a change takes a backup"
    assert mode(private_data_dir / "backups") == 0o700
    assert {mode(p) for p in backups} == {0o600}
    assert mode(store.path) == 0o600


def test_a_folder_made_read_only_stays_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    folder.chmod(0o550)  # the person's choice: read-only, and shared with their group
    assert ensure_private_dir(folder) == folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o500  # the group loses access, no one gains


def test_a_folder_that_cannot_be_made_is_one_line_naming_it(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DataFolderError, match=f"cannot write to {tmp_path}") as caught:
        ensure_private_dir(blocker / "data")
    assert "\n" not in str(caught.value)
