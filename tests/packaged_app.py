"""Session fixtures: the wheel, the PyInstaller bundle, the .deb built from it, that .deb installed.

tests/conftest.py imports them, so tests/packaging checks the bundle and the package and
tests/e2e starts the installed app, all from one build. Building the bundle takes about 35 s
on the 2-core CI machine; the .deb and its installation about a minute more.

Installing needs root: the tests run apt-get directly as root (CI) or through `sudo -n`;
without either they fail and say so. Whatever happens, the package is purged at the end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
PACKAGE = "walking-coach"
BUILD_TIMEOUT_S = 900  # safety nets for a hung build or apt, not waits
APT_TIMEOUT_S = 600


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip wheel` builds from the checkout, in a temporary folder."""
    out = tmp_path_factory.mktemp("wheel")
    run_build([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)])
    return next(out.glob("walking_coach-*.whl"))


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle built from the spec into a temporary folder."""
    work = tmp_path_factory.mktemp("pyinstaller")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(work / "dist"), "--workpath", str(work / "build")]
    command.append(str(PACKAGING / "walking-coach.spec"))
    run_build(command)
    folder = work / "dist" / PACKAGE
    assert (folder / PACKAGE).is_file()
    return folder


@pytest.fixture(scope="session")
def debian_package(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """walking-coach_<version>_<arch>.deb built from the bundle by packaging/build_deb.py."""
    work = tmp_path_factory.mktemp("deb")
    command = [sys.executable, str(PACKAGING / "build_deb.py"), "--bundle", str(bundle)]
    command += ["--out", str(work / "dist"), "--work", str(work / "build")]
    run_build(command)
    (deb,) = (work / "dist").glob(f"{PACKAGE}_*.deb")
    return deb


@pytest.fixture(scope="session")
def installed_walking_coach(debian_package: Path) -> Iterator[Path]:
    """The package installed with apt-get on this machine; yields /usr/bin/walking-coach.

    At the end the package is purged, and every file it installed must be gone.
    """
    if package_files():  # left behind by an interrupted run: start from a clean machine
        apt_get("purge", PACKAGE)
    apt_get("install", str(debian_package))
    files = package_files()
    try:
        found = shutil.which(PACKAGE)
        assert found, f"{PACKAGE} is installed but not on PATH ({os.environ.get('PATH')})"
        yield Path(found)
    finally:
        apt_get("purge", PACKAGE)
    left = left_behind(files)
    assert not left, f"Purging {PACKAGE} left these behind: {left}"


def run_build(command: list[str]) -> None:
    """Run a build step from the checkout; fail with the end of its output."""
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def as_root() -> list[str]:
    """The prefix that runs a command as root: none for root, `sudo -n` where allowed."""
    if os.geteuid() == 0:
        return []
    sudo = shutil.which("sudo")
    if sudo and subprocess.run([sudo, "-n", "true"], capture_output=True).returncode == 0:
        return [sudo, "-n"]
    pytest.fail(
        "Installing the .deb needs root: run the tests as root, or allow this user "
        "passwordless sudo for apt-get (sudo -n); the package test cannot run otherwise."
    )


def apt_get(action: str, *targets: str) -> None:
    """apt-get ACTION -y TARGETS as root, without questions; fail with apt's own words."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    # Wait for another apt or dpkg run (an update, a second test session) instead of failing.
    command = [*as_root(), "apt-get", "-o", f"DPkg::Lock::Timeout={APT_TIMEOUT_S}", action]
    command += ["-y", "--no-install-recommends", *targets]
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=APT_TIMEOUT_S, check=False
    )
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}"


def package_files() -> list[Path]:
    """What `dpkg -L` lists for the package: empty when it is not installed."""
    result = subprocess.run(["dpkg", "-L", PACKAGE], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return []
    # The first line, "/.", is the root folder every package lists.
    return [
        Path(line) for line in result.stdout.splitlines() if line.startswith("/") and line != "/."
    ]


def left_behind(files: list[Path]) -> list[Path]:
    """Listed paths still present after a purge, except folders other packages own too."""
    present = [path for path in files if os.path.lexists(path)]
    folders = [path for path in present if path.is_dir() and not path.is_symlink()]
    shared: set[Path] = set()
    if folders:
        owners = subprocess.run(
            ["dpkg", "-S", *map(str, folders)], capture_output=True, text=True, check=False
        )
        # Lines read "pkg-a, pkg-b: /folder"; folders nobody owns go to stderr.
        shared = {Path(line.partition(": ")[2]) for line in owners.stdout.splitlines()}
    return [path for path in present if path not in shared]


def offscreen_env(data_dir: Path) -> dict[str, str]:
    """The environment that runs a packaged app offscreen with its data in data_dir."""
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["COACH_DATA_DIR"] = str(data_dir)
    return env
