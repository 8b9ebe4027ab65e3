"""Helpers for the hostile file system harness: run `walkcoach` in a sandbox, as root or nobody.

Every command runs as a real process under a time-out, with HOME and the XDG folders inside
the sandbox, so a hang fails the test instead of stopping it, and anything the command writes
outside the data folder shows up in a before/after snapshot of the sandbox.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.storage.database import open_store
from coach.storage.pain_repo import PainRepository

TIMEOUT_S = 60
NOBODY = "nobody"
START = datetime(2026, 1, 1, 8, tzinfo=UTC)


@dataclass(frozen=True)
class Result:
    """What a command did: its exit code and what it printed."""

    code: int
    out: str
    err: str

    @property
    def clean(self) -> bool:
        """No traceback and no Python error name on either stream."""
        both = self.out + self.err
        return "Traceback" not in both and "Error:" not in both.replace("DataFolderError", "")


def sandbox_env(sandbox: Path, data: Path) -> dict[str, str]:
    """The environment of a command: its data folder, and home and XDG folders in the sandbox."""
    home = sandbox / "home"
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update(
        COACH_DATA_DIR=str(data),
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def make_home(sandbox: Path, owner: str | None = None) -> None:
    """The sandbox's home folder, owned by the user the commands run as."""
    home = sandbox / "home"
    home.mkdir(exist_ok=True)
    if owner is not None:
        shutil.chown(home, owner)


def walkcoach(
    args: list[str], env: dict[str, str], *, user: str | None = None, cwd: Path | None = None
) -> Result:
    """Run `walkcoach ARGS` (as user, through setpriv, when given) under the time-out."""
    command = [sys.executable, "-m", "coach", *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user_group(user)}", "--clear-groups"]
        command += [sys.executable, "-m", "coach", *args]
    done = subprocess.run(
        command,
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def user_group(user: str) -> str:
    """The user's own group (nobody's is nogroup on Debian)."""
    import grp
    import pwd

    return grp.getgrgid(pwd.getpwnam(user).pw_gid).gr_name


def snapshot(root: Path, skip: tuple[Path, ...]) -> dict[str, str]:
    """Every path under root (links not followed) with its type, mode and content hash."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if any(path == s or s in path.parents for s in skip):
            continue
        info = path.lstat()
        if path.is_symlink():
            found[str(path)] = f"link {os.readlink(path)}"
        elif path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[str(path)] = f"file {oct(info.st_mode)} {digest}"
        else:
            found[str(path)] = f"other {oct(info.st_mode)}"
    return found


def fill_diary(database: Path, rows: int) -> FakeClock:
    """A diary with this many ratings, one an hour, and a backup of it; returns its clock."""
    clock = FakeClock(START)
    with open_store(database, clock=clock, new_diary=True) as store:
        repo = PainRepository(store)
        with store.transaction():
            for hour in range(rows):
                repo.add(PainEntry(at=START + timedelta(hours=hour), pain=hour % 11))
        clock.advance(rows * 3600)
    return clock


def count_rows(database: Path) -> int:
    """How many ratings a diary (or backup) file holds, read without changing it."""
    import sqlite3

    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM pain_entries").fetchone()[0])
    finally:
        conn.close()
