"""Tools of the newcomer test: the system Python, a private Xvfb, and the driver run.

Nothing here skips when a tool is missing: the test fails and names the package, since a
skipped end-to-end test proves nothing (scripts/ensure-system-packages.sh installs them).
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

SYSTEM_PYTHON = "/usr/bin/python3"
"""Debian's python3: the one python3-pyatspi and python3-xlib are installed for."""
AT_SPI_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
DRIVER = Path(__file__).with_name("newcomer_driver.py")
XVFB_START_TIMEOUT_S = 15.0
XVFB_STOP_TIMEOUT_S = 10.0
RUN_TIMEOUT_S = 180
"""A hard stop for a hung run; the session took 25-37 s on the shared, busy 2-core machine."""
SCREEN = "1366x768x24"
"""A common laptop screen: the window opens at its default size (1180x720)."""
INSTALL_HINT = "run `scripts/ensure-system-packages.sh test` (or apt-get install {})"

# Variables of the caller that must not leak into the app or the driver's Python.
DROPPED = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")
DROPPED_PREFIXES = ("AT_SPI_", "XDG_")


def require_tools() -> None:
    """Fail (never skip) with the package to install when a tool of the test is missing."""
    missing = [
        package
        for present, package in (
            (shutil.which("Xvfb"), "xvfb"),
            (shutil.which("dbus-run-session"), "dbus"),
            (Path(AT_SPI_LAUNCHER).exists(), "at-spi2-core"),
            (Path(SYSTEM_PYTHON).exists(), "python3"),
        )
        if not present
    ]
    if not missing:
        missing += _missing_modules()
    if missing:
        pytest.fail(
            "The end-to-end test needs "
            + ", ".join(missing)
            + ": "
            + INSTALL_HINT.format(" ".join(missing))
        )


def _missing_modules() -> list[str]:
    packages = {"pyatspi": "python3-pyatspi", "Xlib": "python3-xlib"}
    missing = []
    for module, package in packages.items():
        found = subprocess.run(
            [SYSTEM_PYTHON, "-c", f"import {module}"], capture_output=True, timeout=30
        )
        if found.returncode != 0:
            missing.append(package)
    return missing


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A fresh Xvfb on a display number it picks itself (-displayfd); stopped afterwards."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    try:
        yield f":{_read_display_number(read_end, server)}"
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(XVFB_STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(XVFB_STOP_TIMEOUT_S)
        if server.stderr is not None:
            server.stderr.close()


def _read_display_number(read_end: int, server: subprocess.Popen[bytes]) -> int:
    ready, _, _ = select.select([read_end], [], [], XVFB_START_TIMEOUT_S)
    text = os.read(read_end, 64).decode().strip() if ready else ""
    if not text.isdigit():
        server.kill()
        _, errors = server.communicate(timeout=XVFB_STOP_TIMEOUT_S)
        pytest.fail(f"Xvfb did not start within {XVFB_START_TIMEOUT_S:.0f} s: {errors.decode()}")
    return int(text)


def session_env(display: str, home: Path) -> dict[str, str]:
    """The environment of a first start: a fresh data folder and XDG folders, Qt on X11
    with its AT-SPI bridge on (Qt only exposes its tree when told or asked to)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in DROPPED and not key.startswith(DROPPED_PREFIXES)
    }
    for name in ("CONFIG", "DATA", "STATE", "CACHE", "RUNTIME"):
        folder = home / name.lower()
        folder.mkdir(parents=True, mode=0o700)
        env[f"XDG_{name}_{'DIR' if name == 'RUNTIME' else 'HOME'}"] = str(folder)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        QT_ACCESSIBILITY="1",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
    )
    return env


def run_driver(command: list[str], env: dict[str, str], rating: int) -> tuple[int, str]:
    """Run the driver in a private D-Bus session; (exit code, everything it printed)."""
    args = ["dbus-run-session", "--", SYSTEM_PYTHON, str(DRIVER), "--rating", str(rating)]
    process = subprocess.Popen(
        [*args, "--", *command],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # one process group: a hung run is ended whole
    )
    try:
        output, _ = process.communicate(timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate(timeout=30)
        pytest.fail(f"The session did not finish within {RUN_TIMEOUT_S} s:\n{output}")
    return process.returncode, output
