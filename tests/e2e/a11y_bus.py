"""The AT-SPI accessibility bus for one test run, started and stopped by the driver itself.

Runs inside the private D-Bus session of `dbus-run-session`. Starting the launcher here,
rather than leaving D-Bus to activate it on first use, means the driver owns the process
and ends it (with the accessibility bus and registry it started) when the run is over.
"""

from __future__ import annotations

import contextlib
import subprocess
import time
from collections.abc import Iterator

from gi.repository import Gio, GLib

BUS_NAME = "org.a11y.Bus"
LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
START_TIMEOUT_S = 15.0
STOP_TIMEOUT_S = 10.0


def _name_has_owner(session: Gio.DBusConnection, name: str) -> bool:
    reply = session.call_sync(
        "org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus",
        "NameHasOwner",
        GLib.Variant("(s)", (name,)),
        GLib.VariantType("(b)"),
        Gio.DBusCallFlags.NONE,
        2000,
        None,
    )
    return bool(reply.unpack()[0])


@contextlib.contextmanager
def accessibility_bus(launcher: str = LAUNCHER) -> Iterator[None]:
    """Run the AT-SPI bus launcher (and registry) until the block ends."""
    process = subprocess.Popen([launcher, "--launch-immediately", "--a11y=1"])
    try:
        session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _name_has_owner(session, BUS_NAME):
            if process.poll() is not None:
                raise RuntimeError(f"{launcher} ended with exit code {process.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{launcher} did not own {BUS_NAME} within {START_TIMEOUT_S} s")
            time.sleep(0.05)
        yield
    finally:
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(STOP_TIMEOUT_S)
