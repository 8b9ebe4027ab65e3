"""AudioEngine: plays one BlockSource through an AudioBackend, sample-counted.

The audio callback reads one immutable `_PlaybackState` per block, renders, counts samples
and underflows, and stores the block's stream times as plain numbers. Every other method runs
on the GUI thread, which polls `check_health` and `audible_position` from its display timer.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coach.audio.backend import AudioBackend, BackendError, StreamConfig
from coach.audio.source import BlockSource, FloatBlock
from coach.audio.status import (
    DEVICE_GONE,
    DEVICE_MISSING_FALLBACK,
    STREAM_FAILED,
    UNDERFLOWS,
    AudioStatus,
    EngineHealth,
)

SAMPLE_RATE = 48_000
CHANNELS = 2
BLOCKSIZE = 1024
LATENCY_S = 0.3
STALL_S = 1.0
"""A running stream whose callback has not advanced for this long has lost its device."""
LEAD_IN = 2400
"""Silent samples before the source starts: PulseAudio drops the first ~10 ms of a stream."""
STARTUP_GRACE_S = 2.0
"""Extra patience for the first blocks: ALSA's pulse plugin can sit ~1.8 s before starting."""


@dataclass(frozen=True, slots=True)
class _PlaybackState:
    """Everything the callback needs, swapped whole so it never sees half an update."""

    source: BlockSource
    generation: int
    first_sample: int


class AudioEngine:
    """Plays a BlockSource on the output device chosen by name, or stays visual-only."""

    def __init__(
        self,
        backend: AudioBackend,
        probe: Callable[[], AudioStatus],
        device_name: str = "",
        *,
        monotonic: Callable[[], float] = time.monotonic,
        blocksize: int = BLOCKSIZE,
        latency: float = LATENCY_S,
    ) -> None:
        self._backend = backend
        self._probe = probe
        self._monotonic = monotonic
        self.device_name = device_name
        self.samplerate = SAMPLE_RATE
        self.channels = CHANNELS
        self.blocksize = blocksize
        self.latency = latency
        self.status = probe()
        self.underflows = 0
        self._state: _PlaybackState | None = None
        self._position = 0
        self._start_sample = 0
        # The last block's (first sample, DAC time, callback time), guarded by a sequence
        # number so the GUI thread can read all three consistently without a lock.
        self._clock: list[float] = [0.0, 0.0, 0.0]
        self._clock_seq = 0
        self._open = False
        self._failure = ""
        self._notice = ""
        self._stop_at: int | None = None
        self._progress = (0, 0.0)
        self._stream_offset = 0.0
        self._grace_until = 0.0

    # --- audio thread -------------------------------------------------------------------

    def _callback(self, outdata: FloatBlock, frames: int, time_info: Any, status: Any) -> None:
        """Render one block: the whole of the realtime path."""
        state = self._state
        position = self._position
        if status.output_underflow:
            self.underflows += 1
        if state is None:
            outdata.fill(0.0)
        elif position >= state.first_sample:
            state.source.render(position, outdata)
        else:
            _render_lead_in(state, position, outdata, frames)
        seq = self._clock_seq + 1
        self._clock_seq = seq
        clock = self._clock
        clock[0] = position
        clock[1] = time_info.outputBufferDacTime
        clock[2] = time_info.currentTime
        self._clock_seq = seq + 1
        self._position = position + frames

    # --- GUI thread ---------------------------------------------------------------------

    def play(self, source: BlockSource, start_sample: int = 0) -> bool:
        """Start playing `source` from `start_sample`; False means visual-only (see health)."""
        self._check_format(source)
        self._close_stream()
        self._failure = ""
        self._stop_at = None
        if not self.status.available:
            return False
        self._state = _PlaybackState(source, 0, start_sample)
        self._start_sample = start_sample
        self._position = start_sample - LEAD_IN
        self._clock_seq = 0
        self.underflows = 0
        try:
            self._backend.open(self._stream_config(), self._callback)
            self._open = True
            self._backend.start()
            self._stream_offset = self._monotonic() - self._backend.time()
        except BackendError as error:
            self._fail(STREAM_FAILED.format(detail=error))
            return False
        now = self._monotonic()
        self._progress = (start_sample, now)
        self._grace_until = now + STARTUP_GRACE_S
        return True

    def replace_source(self, source: BlockSource) -> None:
        """Swap in a new source from the next block on (used for tempo changes).

        The new source must agree with the old one on every sample before
        `safe_change_sample()`, which a program's `with_tempo` from that sample does.
        """
        self._check_format(source)
        old = self._state
        if old is None:
            self._state = _PlaybackState(source, 0, self._start_sample)
        else:
            self._state = _PlaybackState(source, old.generation + 1, old.first_sample)

    def safe_change_sample(self) -> int:
        """The first sample no block can have rendered yet, even one being rendered now."""
        return self._position + self.blocksize

    def stop(self, final_source: BlockSource | None = None, end_sample: int | None = None) -> None:
        """Stop; with a fading `final_source`, play it and close once `end_sample` was heard."""
        if final_source is None or end_sample is None or not self._open:
            self._close_stream()
            return
        self.replace_source(final_source)
        self._stop_at = end_sample + round((self.latency + 0.05) * self.samplerate)

    def close(self) -> None:
        """Stop at once and release the device (on quit)."""
        self._close_stream()

    def position(self) -> int:
        """The sample position of the next block to render: samples played so far."""
        return self._position

    def is_playing(self) -> bool:
        """Whether a stream is open and has not failed."""
        return self._open and not self._failure

    def audible_position(self, now_monotonic: float) -> float:
        """The sample being heard at `now_monotonic` (time.monotonic seconds).

        Uses the last block's DAC time, so it includes the output latency; the GUI adds the
        user's audio/visual offset. Only meaningful while `check_health().audio_ok`.
        """
        block_start, dac_time, callback_time = self._read_clock()
        if block_start is None:
            return float(self._start_sample)
        if dac_time <= 0.0:  # some host APIs leave it at zero
            dac_time = callback_time + self.latency
        heard = block_start + (now_monotonic - dac_time - self._stream_offset) * self.samplerate
        return min(max(heard, float(self._start_sample)), float(self._position))

    def check_health(self, now_monotonic: float) -> EngineHealth:
        """Poll from the GUI timer (every 100-250 ms): detects a lost device within 2 s."""
        if not self.status.available:
            return EngineHealth(False, False, self.status.reason, 0)
        if self._open and not self._failure:
            self._watch(now_monotonic)
        if self._open and not self._failure:
            # PortAudio's stream clock may be wall-clock time: re-map it to time.monotonic
            # on every poll so a clock step (NTP) cannot shift the visual beat for long.
            with contextlib.suppress(BackendError):
                self._stream_offset = self._monotonic() - self._backend.time()
        if self._failure:
            return EngineHealth(False, False, self._failure, self.underflows)
        message = UNDERFLOWS.format(count=self.underflows) if self.underflows else self._notice
        return EngineHealth(self._open, True, message, self.underflows)

    def reopen(self, device_name: str | None = None) -> AudioStatus:
        """Close, rescan the devices and probe again; then `play` resumes the sound."""
        self._close_stream()
        self._failure = ""
        self._notice = ""
        if device_name is not None:
            self.device_name = device_name
        # A failed rescan needs no handling: the probe below reports the same failure.
        with contextlib.suppress(BackendError):
            self._backend.rescan()
        self.status = self._probe()
        return self.status

    # --- helpers ------------------------------------------------------------------------

    def _check_format(self, source: BlockSource) -> None:
        if source.sample_rate != self.samplerate or source.channels != self.channels:
            raise ValueError(
                f"source is {source.sample_rate} Hz x {source.channels} channels; "
                f"the engine plays {self.samplerate} Hz x {self.channels}"
            )

    def _stream_config(self) -> StreamConfig:
        device: str | None = self.device_name or None
        self._notice = ""
        if device is not None and device not in self.status.devices:
            self._notice = DEVICE_MISSING_FALLBACK.format(name=device)
            device = None
        return StreamConfig(self.samplerate, self.channels, self.blocksize, self.latency, device)

    def _read_clock(self) -> tuple[int | None, float, float]:
        for _ in range(100):
            seq = self._clock_seq
            block_start, dac_time, callback_time = self._clock
            if seq == self._clock_seq and seq % 2 == 0:
                return (int(block_start) if seq else None), dac_time, callback_time
        return None, 0.0, 0.0

    def _watch(self, now: float) -> None:
        try:
            active = self._backend.is_active()
        except BackendError as error:
            self._fail(STREAM_FAILED.format(detail=error))
            return
        position = self._position
        if position != self._progress[0]:
            self._progress = (position, now)
        stalled = now - self._progress[1] > STALL_S and now > self._grace_until
        if not active or stalled:
            self._fail(DEVICE_GONE.format(name=self.device_name or "default"))
        elif self._stop_at is not None and position >= self._stop_at:
            self._close_stream()

    def _fail(self, message: str) -> None:
        self._close_stream()
        self._failure = message

    def _close_stream(self) -> None:
        self._stop_at = None
        if not self._open:
            return
        self._open = False
        for step in (self._backend.stop, self._backend.close):
            with contextlib.suppress(BackendError):  # a vanished device cannot stop any further
                step()


def _render_lead_in(state: _PlaybackState, position: int, out: FloatBlock, frames: int) -> None:
    """Silence before the source's first sample, then the source (audio thread, once)."""
    out.fill(0.0)
    skip = state.first_sample - position
    if skip < frames:
        state.source.render(state.first_sample, out[skip:])
