"""A private PulseAudio daemon with null sinks, for the audio tests and the benchmark.

It knows nothing of the app. PortAudio reaches PulseAudio through ALSA's pulse plugin
(libasound2-plugins), so besides PULSE_SERVER this sets ALSA_CONFIG_PATH to the system
alsa.conf followed by a generated file that names one ALSA device per extra sink
(`coach_<sink>`); ALSA's 'pulse' and 'default' devices reach the first sink.
Env vars must be in place before PortAudio initialises (sounddevice does it on import);
`use_in_this_process` sets them and re-initialises PortAudio if it is already loaded.
"""

from __future__ import annotations

import ctypes
import glob
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

RATE = 48_000
INSTALL_HINT = (
    "The audio tests need a PulseAudio server, its tools and ALSA's pulse plugin "
    "(packages pulseaudio, pulseaudio-utils, libasound2-plugins, libportaudio2). "
    "Run `make test`, which installs them."
)
SYSTEM_ALSA_CONF = "/usr/share/alsa/alsa.conf"


def _die_with_parent() -> None:
    # Runs in the child before exec: if the test process dies, the daemon and recorders
    # get SIGTERM instead of lingering (prctl PR_SET_PDEATHSIG = 1).
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)


class PulseStartError(RuntimeError):
    """PulseAudio or one of its helpers is missing or would not start."""


def missing_tools() -> list[str]:
    """The commands and libraries the server needs that are not installed."""
    missing = [tool for tool in ("pulseaudio", "parec", "pactl") if shutil.which(tool) is None]
    if not glob.glob("/usr/lib/*/alsa-lib/libasound_module_pcm_pulse.so"):
        missing.append("libasound2-plugins")
    return missing


@dataclass
class PulseServer:
    """A running private daemon; `env` holds the variables clients need."""

    root: Path
    sinks: tuple[str, ...]
    process: subprocess.Popen[bytes]
    env: dict[str, str] = field(default_factory=dict)
    keepers: list[Recording] = field(default_factory=list)

    @classmethod
    def start(cls, root: Path, sinks: tuple[str, ...] = ("coach_test",)) -> PulseServer:
        """Start pulseaudio with one null sink per name (48 kHz float stereo)."""
        missing = missing_tools()
        if missing:
            raise PulseStartError(f"Missing: {', '.join(missing)}. {INSTALL_HINT}")
        runtime = root / "run"
        runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
        socket = runtime / "pulse.sock"
        env = _client_env(root, socket, sinks)
        args = [
            "pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "-n",
            "--disable-shm=yes", "--log-target=stderr", "--log-level=warning",
            f"--load=module-native-protocol-unix auth-anonymous=1 socket={socket}",
        ]  # fmt: skip
        for sink in sinks:
            args.append(f"--load=module-null-sink sink_name={sink} {_SINK_FORMAT}")
        with (root / "pulseaudio.log").open("wb") as log:  # the daemon keeps its own copy
            process = subprocess.Popen(
                args, env={**os.environ, **env}, stdout=log, stderr=log, preexec_fn=_die_with_parent
            )
        server = cls(root, sinks, process, env)
        server._wait_ready()
        for sink in sinks:
            server.keep_running(sink)
        server._wait_flowing(sinks)
        return server

    def keep_running(self, sink: str) -> None:
        """Hold the sink at a 10 ms processing period with a quiet low-latency listener.

        Left alone, a null sink renders 2 s per wake-up, so a new stream or recording waits
        up to 2 s for its first block; a listener asking for 10 ms keeps it ticking finely.
        """
        self.keepers.append(self.record(sink, Path(os.devnull), latency_ms=10))

    def _wait_ready(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            if self._run(["pactl", "info"], check=False).returncode == 0:
                return
            time.sleep(0.05)
        self.stop()
        log = (self.root / "pulseaudio.log").read_text(errors="replace")[-2000:]
        raise PulseStartError(f"pulseaudio did not start:\n{log}")

    def _wait_flowing(self, sinks: tuple[str, ...], timeout: float = 10.0) -> None:
        # A new null sink first sleeps for up to 2 s before the keeper's 10 ms period takes
        # over; nothing may play before its monitor delivers audio.
        probe = self.root / "warm-up.raw"
        for sink in sinks:
            probe.unlink(missing_ok=True)
            recording = self.record(sink, probe)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and _size(probe) < RATE * 8 // 10:
                time.sleep(0.05)
            recording.stop()
            if _size(probe) < RATE * 8 // 10:
                self.stop()
                raise PulseStartError(f"the null sink {sink} delivered no audio in {timeout} s")

    def pactl(self, *args: str) -> str:
        """Run pactl against this server and return its output."""
        return self._run(["pactl", *args]).stdout.decode()

    def _run(self, args: list[str], check: bool = True) -> subprocess.CompletedProcess[bytes]:
        env = {**os.environ, **self.env}
        return subprocess.run(args, env=env, capture_output=True, check=check, timeout=10)

    def load_sink(self, name: str) -> int:
        """Load another null sink at run time; returns its module index (for unloading)."""
        out = self.pactl("load-module", "module-null-sink", f"sink_name={name}", *_SINK_ARGS)
        self.keep_running(name)
        self._wait_flowing((name,))
        return int(out.strip())

    def record(self, sink: str, path: Path, latency_ms: int = 20, channels: int = 2) -> Recording:
        """Start recording the sink's monitor (raw float32) into `path`."""
        args = [
            "parec", f"--device={sink}.monitor", "--format=float32le", f"--rate={RATE}",
            f"--channels={channels}", "--raw", f"--latency-msec={latency_ms}", str(path),
        ]  # fmt: skip
        process = subprocess.Popen(
            args, env={**os.environ, **self.env}, preexec_fn=_die_with_parent
        )
        return Recording(process, path, channels)

    def use_in_this_process(self) -> None:
        """Point this process's PulseAudio and ALSA clients at the server."""
        os.environ.update(self.env)
        sd = sys.modules.get("sounddevice")
        if sd is not None:  # PortAudio read the old ALSA config at import: reload it
            sd._terminate()
            sd._initialize()

    def stop(self) -> None:
        """Stop the listeners and the daemon."""
        for keeper in self.keepers:
            keeper.stop()
        self.keepers.clear()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


_SINK_ARGS = ("rate=48000", "channels=2", "format=float32le")
_SINK_FORMAT = " ".join(_SINK_ARGS)


def _client_env(root: Path, socket: Path, sinks: tuple[str, ...]) -> dict[str, str]:
    client_conf = root / "client.conf"
    client_conf.write_text("autospawn = no\n")
    asound = root / "asound.conf"
    asound.write_text(
        "".join(f'pcm.{sink} {{ type pulse; device "{sink}" }}\n' for sink in sinks[1:])
        + "".join(f'pcm.{sink} {{ type pulse; device "{sink}" }}\n' for sink in (SPARE_SINK,))
    )
    return {
        "PULSE_SERVER": f"unix:{socket}",
        "PULSE_CLIENTCONFIG": str(client_conf),
        "XDG_RUNTIME_DIR": str(root / "run"),
        "ALSA_CONFIG_PATH": f"{SYSTEM_ALSA_CONF}:{asound}",
    }


SPARE_SINK = "spare"
"""A sink a test may load and unload at run time; its ALSA device exists from the start."""


@dataclass
class Recording:
    """A running parec; `stop` ends it and returns the samples, shape (frames, 2)."""

    process: subprocess.Popen[bytes]
    path: Path
    channels: int = 2

    def stop(self) -> np.ndarray:
        """Stop recording and read what was captured, shape (frames, channels)."""
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if str(self.path) == os.devnull:
            return np.zeros((0, self.channels), np.float32)
        data = np.fromfile(self.path, dtype="<f4")
        return data[: len(data) // self.channels * self.channels].reshape(-1, self.channels)


def find_onsets(signal_: np.ndarray, threshold: float = 0.05, gap: int = 480) -> np.ndarray:
    """Sample indices where |signal| first exceeds `threshold` after `gap` quiet samples."""
    loud = np.flatnonzero(np.abs(signal_) > threshold)
    if loud.size == 0:
        return loud
    starts = np.concatenate(([True], np.diff(loud) > gap))
    return loud[starts]
