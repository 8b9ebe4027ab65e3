"""A hostile or broken file system: every command ends in time with one clear message.

Each case runs the real `walkcoach` in its own process under a time-out (see hostile_fs.py):
planted links, FIFOs, /dev/zero, a read-only or foreign data folder (as the unprivileged user
nobody, through setpriv, since root ignores permissions), an empty diary beside its backups,
and a full 1 MB tmpfs. Each checks the exit code and message, that no traceback was printed,
that nothing outside the data folder changed, and that no saved row was lost.
The table of these attacks and their results is in docs/storage.md.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hostile_fs import (
    NOBODY,
    START,
    TIMEOUT_S,
    Result,
    count_rows,
    fill_diary,
    make_home,
    sandbox_env,
    snapshot,
    walkcoach,
)

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.domain.plan_files.loading import ASSETS_DIR
from coach.storage.database import open_store
from coach.storage.errors import StoreError
from coach.storage.pain_repo import PainRepository
from coach.storage.paths import DATABASE_NAME

pytestmark = pytest.mark.slow

ROOT_ONLY = pytest.mark.skipif(
    os.geteuid() != 0, reason="setpriv and mount need root (the suite runs as root in CI)"
)
ROUTINE = json.loads((ASSETS_DIR / "routines" / "warm-up.json").read_text())


@pytest.fixture
def sandbox() -> Iterator[Path]:
    """A folder the user nobody can reach (pytest's tmp_path sits in a root-only folder)."""
    folder = Path(tempfile.mkdtemp(prefix="walkcoach-hostile-"))
    folder.chmod(0o755)
    make_home(folder)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o700)
    shutil.rmtree(folder)


def unchanged_outside(sandbox: Path, data: Path, *also: Path) -> Iterator[None]:
    """Snapshot everything but the data folder (and also) before, compare after."""
    skip = (data, sandbox / "home", *also)
    before = snapshot(sandbox, skip)
    yield
    assert snapshot(sandbox, skip) == before


def check(result: Result, code: int, *phrases: str) -> None:
    """The exit code, every phrase in the output, and no traceback."""
    text = result.out + result.err
    print(f"\n[exit {result.code}] {result.err.strip()}")  # shown with pytest -s
    assert result.code == code, text
    for phrase in phrases:
        assert phrase in text, text
    assert result.clean, text


# 1. Links are never followed -------------------------------------------------------------


def test_a_planted_partial_link_does_not_redirect_an_export(sandbox: Path) -> None:
    data = sandbox / "data"
    fill_diary(data / DATABASE_NAME, 3)
    victim = sandbox / "victim.txt"
    victim.write_text("not the diary")
    shared = sandbox / "shared"
    shared.mkdir()
    for name in ("out.csv.partial", ".out.csv.partial", "out-walks.csv.partial"):
        (shared / name).symlink_to(victim)
    before = snapshot(
        sandbox, (data, sandbox / "home", shared / "out.csv", shared / "out-walks.csv")
    )
    result = walkcoach(["export", "--out", str(shared / "out.csv")], sandbox_env(sandbox, data))
    check(result, 0, str(shared / "out.csv"))
    assert victim.read_text() == "not the diary"
    assert len((shared / "out.csv").read_text("utf-8-sig").splitlines()) == 4
    skip = (data, sandbox / "home", shared / "out.csv", shared / "out-walks.csv")
    assert snapshot(sandbox, skip) == before


def test_an_illustration_linked_to_a_secret_is_named_not_valid(sandbox: Path) -> None:
    secret = sandbox / "shadow"
    secret.write_text("root:$6$secret")
    routine = sandbox / "routine" / "mine.json"
    routine.parent.mkdir()
    routine.write_text(json.dumps({**ROUTINE, "id": "mine"}))
    for exercise in ROUTINE["exercises"]:
        (routine.parent / exercise["illustration"]).write_text("<svg/>")
    first = ROUTINE["exercises"][0]["illustration"]
    (routine.parent / first).unlink()
    (routine.parent / first).symlink_to(secret)
    result = walkcoach(["validate", str(routine)], sandbox_env(sandbox, sandbox / "data"))
    check(result, 2, f"{first} is a link (to {secret}); links are not read")


# 2. FIFOs and devices never hang ---------------------------------------------------------


def test_a_fifo_beside_a_routine_does_not_hang_validate(sandbox: Path) -> None:
    folder = sandbox / "routines"
    folder.mkdir()
    for exercise in ROUTINE["exercises"]:
        (folder / exercise["illustration"]).write_text("<svg/>")
    ok = folder / "ok.json"
    ok.write_text(json.dumps({**ROUTINE, "id": "ok"}))
    os.mkfifo(folder / "pipe.json")
    result = walkcoach(["validate", str(ok)], sandbox_env(sandbox, sandbox / "data"))
    check(result, 0, f"{ok}: valid")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        ("fifo", "is a named pipe (FIFO), not a file"),
        ("zero", "/dev/zero is a device, not a file"),
        ("big", "The file is 19.0 MB; diary files up to 10 MB can be imported."),
        ("link", "is a link (to "),
    ],
)
def test_import_refuses_what_is_not_a_diary_file(sandbox: Path, make: str, message: str) -> None:
    data = sandbox / "data"
    fill_diary(data / DATABASE_NAME, 3)
    source = sandbox / "p.csv"
    if make == "fifo":
        os.mkfifo(source)
    elif make == "zero":
        source = Path("/dev/zero")
    elif make == "big":
        with source.open("wb") as big:
            big.truncate(19 * 1024 * 1024)
    else:
        (sandbox / "real.csv").write_text("date,pain\n2026-01-01,4\n")
        source.symlink_to(sandbox / "real.csv")
    result = walkcoach(["import", "--yes", str(source)], sandbox_env(sandbox, data))
    check(result, 2, "Cannot import", message)
    assert count_rows(data / DATABASE_NAME) == 3


# 3. A read-only or foreign data folder: one line, read-only where it can -----------------


@pytest.fixture
def read_only_data(sandbox: Path) -> Iterator[Path]:
    """A diary of 40 rows in a folder nobody owns and made read-only (mode 500)."""
    data = sandbox / "data"
    fill_diary(data / DATABASE_NAME, 40)
    for path in [data, *data.rglob("*")]:
        shutil.chown(path, NOBODY)
    data.chmod(0o500)
    make_home(sandbox, NOBODY)
    (sandbox / "out").mkdir()
    shutil.chown(sandbox / "out", NOBODY)
    yield data
    data.chmod(0o700)


@ROOT_ONLY
def test_a_read_only_folder_is_exported_read_only_and_kept_read_only(
    sandbox: Path, read_only_data: Path
) -> None:
    env = sandbox_env(sandbox, read_only_data)
    out = sandbox / "out" / "all.json"
    for _ in unchanged_outside(sandbox, read_only_data, sandbox / "out"):
        result = walkcoach(["export", "--out", str(out)], env, user=NOBODY)
    check(result, 0, "you made it read-only", "opened read-only", str(out))
    assert len(json.loads(out.read_text())["pain_entries"]) == 40
    assert oct(read_only_data.stat().st_mode & 0o777) == "0o500"


@ROOT_ONLY
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["import", "--yes", "IMPORT"], 1),
        (["--self-test"], 0),
        (["restore", "--yes"], 1),
        (["backup"], 1),
    ],
)
def test_a_read_only_folder_gets_one_line_from_every_command(
    sandbox: Path, read_only_data: Path, args: list[str], code: int
) -> None:
    source = sandbox / "new.csv"
    source.write_text("date,pain\n2026-11-01,4\n")
    args = [str(source) if a == "IMPORT" else a for a in args]
    env = sandbox_env(sandbox, read_only_data)
    for _ in unchanged_outside(sandbox, read_only_data):
        result = walkcoach(args, env, user=NOBODY)
    check(result, code, f"Walking Coach cannot write to {read_only_data}: you made it read-only.")
    assert count_rows(read_only_data / DATABASE_NAME) == 40
    assert oct(read_only_data.stat().st_mode & 0o777) == "0o500"


@ROOT_ONLY
def test_every_screen_opens_on_a_read_only_folder(sandbox: Path, read_only_data: Path) -> None:
    script = Path(__file__).with_name("open_every_screen.py")
    env = sandbox_env(sandbox, read_only_data)
    as_nobody = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    for _ in unchanged_outside(sandbox, read_only_data):
        done = subprocess.run(
            [*as_nobody, sys.executable, str(script)],
            env=env, capture_output=True, text=True, timeout=TIMEOUT_S, cwd=sandbox, check=False,
        )  # fmt: skip
    assert "read_only True" in done.stdout, done.stdout + done.stderr
    assert done.returncode == 0 and "errors 0" in done.stdout, done.stdout + done.stderr
    assert count_rows(read_only_data / DATABASE_NAME) == 40


@ROOT_ONLY
def test_a_read_only_bind_mount_is_read_and_never_written(sandbox: Path) -> None:
    source = sandbox / "source"
    fill_diary(source / DATABASE_NAME, 30)
    data = sandbox / "data"
    data.mkdir()
    subprocess.run(["mount", "--bind", str(source), str(data)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(data)], check=True)
        env = sandbox_env(sandbox, data)
        out = sandbox / "home" / "all.json"
        new = sandbox / "new.csv"
        new.write_text("date,pain\n2026-11-01,4\n")
        runs = ((["export", "--out", str(out)], 0), (["import", "--yes", str(new)], 1))
        for args, code in (*runs, (["--self-test"], 0)):
            for _ in unchanged_outside(sandbox, source, data):
                result = walkcoach(args, env)
            check(result, code, f"cannot write to {data}: it is on a read-only disk.")
        assert len(json.loads(out.read_text())["pain_entries"]) == 30
    finally:
        subprocess.run(["umount", str(data)], check=True)
    assert count_rows(source / DATABASE_NAME) == 30


@ROOT_ONLY
def test_a_folder_of_another_user_is_named_with_its_owner(sandbox: Path) -> None:
    data = sandbox / "data"
    fill_diary(data / DATABASE_NAME, 5)  # root's, mode 0700: nobody cannot even look inside
    data.chmod(0o755)
    make_home(sandbox, NOBODY)
    env = sandbox_env(sandbox, data)
    for args in (["export", "--out", str(sandbox / "home" / "x.json")], ["--self-test"]):
        for _ in unchanged_outside(sandbox, data):
            result = walkcoach(args, env, user=NOBODY)
        check(result, 1, f"cannot write to {data}: it belongs to another user (root)")
    assert count_rows(data / DATABASE_NAME) == 5


@ROOT_ONLY
def test_a_data_folder_that_cannot_be_created_is_one_line(sandbox: Path) -> None:
    parent = sandbox / "locked"
    parent.mkdir(mode=0o755)  # root's: nobody cannot create the data folder in it
    make_home(sandbox, NOBODY)
    env = sandbox_env(sandbox, parent / "data")
    for _ in unchanged_outside(sandbox, parent / "data"):
        result = walkcoach(["export", "--out", str(sandbox / "home" / "x.json")], env, user=NOBODY)
    check(result, 1, f"cannot write to {parent}: it belongs to another user (root)")
    assert not (parent / "data").exists()


# 4. An empty diary beside its backups is never taken as a new diary ----------------------


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--out", "OUT"],
        ["import", "--yes", "IMPORT"],
        ["report", "--out", "OUT.pdf"],
        ["--self-test"],
    ],
)
def test_a_zero_length_diary_with_backups_is_refused_by_every_command(
    sandbox: Path, args: list[str]
) -> None:
    data = sandbox / "data"
    fill_diary(data / DATABASE_NAME, 1500)
    backups = sorted((data / "backups").glob("*.sqlite3"))
    assert [count_rows(b) for b in backups] == [1500]
    (data / DATABASE_NAME).write_bytes(b"")
    source = sandbox / "new.csv"
    source.write_text("date,pain\n2026-11-01,4\n")
    args = [
        str(source) if a == "IMPORT" else str(sandbox / a) if a.startswith("OUT") else a
        for a in args
    ]
    for _ in unchanged_outside(sandbox, data):
        result = walkcoach(args, sandbox_env(sandbox, data))
    check(result, 1, f"Your diary at {data / DATABASE_NAME} is empty", str(backups[0]))
    assert "walkcoach restore" in result.err
    assert (data / DATABASE_NAME).stat().st_size == 0
    assert [count_rows(b) for b in sorted((data / "backups").glob("*.sqlite3"))] == [1500]


# 5. A full disk --------------------------------------------------------------------------


@pytest.fixture
def full_disk(sandbox: Path) -> Iterator[Path]:
    """A 1 MB tmpfs holding a diary of 200 rows, then filled to the last byte."""
    mount = sandbox / "tmpfs"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], check=True)
    try:
        data = mount / "data"
        fill_diary(data / DATABASE_NAME, 200)
        fd = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        with contextlib.suppress(OSError):
            while os.write(fd, b"\1" * 512):
                pass
        os.close(fd)
        assert shutil.disk_usage(mount).free == 0
        yield data
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@ROOT_ONLY
def test_a_full_disk_says_disk_full_and_loses_no_row(sandbox: Path, full_disk: Path) -> None:
    source = sandbox / "new.csv"
    source.write_text("date,pain\n2026-11-01,4\n2026-11-02,5\n")
    env = sandbox_env(sandbox, full_disk)
    for args in (["import", "--yes", str(source)], ["--self-test"], ["export", "--out", "x"]):
        result = walkcoach(args, env, cwd=full_disk.parent)
        check(result, 1, "disk full")
    (full_disk.parent / "filler").unlink()
    assert count_rows(full_disk / DATABASE_NAME) == 200


@ROOT_ONLY
def test_saving_until_the_disk_is_full_keeps_every_acknowledged_row(sandbox: Path) -> None:
    mount = sandbox / "tmpfs"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], check=True)
    try:
        clock = FakeClock(START)
        store = open_store(mount / DATABASE_NAME, clock=clock)
        repo, saved = PainRepository(store), 0
        with pytest.raises(StoreError) as caught:
            while True:  # each add is a committed transaction: acknowledged once it returns
                repo.add(PainEntry(at=START + timedelta(minutes=saved), pain=5, note="x" * 500))
                saved += 1
        assert "disk full" in str(caught.value)
        store.close()  # the exit backup cannot be written either; close still does not raise
        assert saved > 10
        assert count_rows(mount / DATABASE_NAME) == saved
    finally:
        subprocess.run(["umount", str(mount)], check=True)
