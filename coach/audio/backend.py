"""The small interface the engine plays through, and a fake that runs the callback by hand.

The real backend (sounddevice) lives in coach/audio/engine.py; this module never imports it,
so tests drive the engine block by block without a sound card or real time passing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from coach.audio.source import FloatBlock

StreamCallback = Callable[[FloatBlock, int, Any, Any], None]
"""sounddevice's callback signature: (outdata, frames, time_info, status_flags)."""


class BackendError(RuntimeError):
    """The audio system refused to open or run a stream; the message says why."""


@dataclass(frozen=True)
class StreamConfig:
    """How to open an output stream; device None means the system's default output."""

    samplerate: int
    channels: int
    blocksize: int
    latency: float
    device: str | None = None


class AudioBackend(Protocol):
    """Opens one callback output stream at a time and reports its clock."""

    def open(self, config: StreamConfig, callback: StreamCallback) -> None:
        """Open a stream that will call `callback` once per block; raises BackendError."""
        ...

    def start(self) -> None:
        """Start calling the callback."""
        ...

    def stop(self) -> None:
        """Stop the stream; queued audio may be dropped."""
        ...

    def close(self) -> None:
        """Close the stream; safe to call twice and after a failure."""
        ...

    def is_active(self) -> bool:
        """Whether the stream is running; raises BackendError if the audio system failed."""
        ...

    def time(self) -> float:
        """The stream clock now, the clock of the callback's time info, in seconds."""
        ...

    def output_latency(self) -> float:
        """Seconds between a sample leaving the callback and reaching the speaker."""
        ...

    def rescan(self) -> None:
        """Forget the cached device list so a probe sees devices plugged in since."""
        ...


@dataclass
class FakeTimeInfo:
    """The two fields of PortAudio's time info that the engine reads."""

    currentTime: float = 0.0  # noqa: N815 - PortAudio's name
    outputBufferDacTime: float = 0.0  # noqa: N815 - PortAudio's name


@dataclass
class FakeFlags:
    """The one status flag the engine reads."""

    output_underflow: bool = False


@dataclass
class FakeBackend:
    """Calls the callback synchronously from `run_blocks`, on a clock the test controls."""

    latency: float = 0.1
    fail_on_open: str = ""
    clock: float = 1000.0
    opened: list[StreamConfig] = field(default_factory=list)
    rescans: int = 0
    _callback: StreamCallback | None = None
    _active: bool = False
    _dead: str = ""
    _buffer: FloatBlock = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    _config: StreamConfig | None = None
    # One time info and one flags object for every block, like the buffer: run_blocks itself
    # then allocates next to nothing, so the allocation tests measure the callback alone.
    _time_info: FakeTimeInfo = field(default_factory=FakeTimeInfo)
    _flags: FakeFlags = field(default_factory=FakeFlags)

    def open(self, config: StreamConfig, callback: StreamCallback) -> None:
        """Remember the callback; fails with `fail_on_open` if set."""
        if self.fail_on_open:
            raise BackendError(self.fail_on_open)
        self.opened.append(config)
        self._config = config
        self._callback = callback
        self._dead = ""

    def start(self) -> None:
        """Mark the stream active."""
        self._active = self._callback is not None

    def stop(self) -> None:
        """Mark the stream inactive."""
        self._active = False

    def close(self) -> None:
        """Drop the callback."""
        self._active = False
        self._callback = None

    def is_active(self) -> bool:
        """Whether blocks would be delivered; raises if `die(error=...)` was called."""
        if self._dead == "error":
            raise BackendError("Device unavailable")
        return self._active

    def time(self) -> float:
        """The fake stream clock."""
        return self.clock

    def output_latency(self) -> float:
        """The configured fake latency."""
        return self.latency

    def rescan(self) -> None:
        """Count rescans."""
        self.rescans += 1

    def run_blocks(
        self, count: int, frames: int = 0, *, underflow: bool = False, keep: bool = True
    ) -> list[FloatBlock]:
        """Deliver up to `count` blocks (default size: the configured blocksize).

        Returns a copy of each block when `keep`; stops early once the stream is not running.
        """
        if self._config is None:
            return []
        frames = frames or self._config.blocksize
        if self._buffer.shape != (frames, self._config.channels):
            self._buffer = np.zeros((frames, self._config.channels), np.float32)
        info, flags = self._time_info, self._flags
        flags.output_underflow = underflow
        out = []
        for _ in range(count):
            if not self._active or self._callback is None or self._dead:
                break
            info.currentTime = self.clock
            info.outputBufferDacTime = self.clock + self.latency
            self._callback(self._buffer, frames, info, flags)
            if keep:
                out.append(self._buffer.copy())
            self.clock += frames / self._config.samplerate
        return out

    def die(self, mode: str = "inactive") -> None:
        """Make the device vanish: 'inactive' (stream stops), 'error' (polling raises) or
        'stalled' (still reported active, but no callback ever comes again)."""
        self._dead = mode
        if mode == "inactive":
            self._active = False
