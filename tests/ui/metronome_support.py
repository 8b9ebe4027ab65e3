"""Helpers for metronome tests: an engine on the FakeBackend that keeps pace with a FakeClock."""

from __future__ import annotations

from coach.audio.backend import FakeBackend
from coach.audio.playback import AudioEngine
from coach.audio.status import AUDIO_READY, AudioStatus
from coach.domain.clock import FakeClock
from coach.ui.controllers.metronome import MetronomeController

FS = 48_000
BLOCK = 1024
READY = AudioStatus(True, AUDIO_READY, ("Test speakers",), "Test speakers")


def fake_engine(clock: FakeClock, backend: FakeBackend) -> AudioEngine:
    """An engine playing into `backend`, on the test's monotonic clock."""
    return AudioEngine(backend, lambda: READY, monotonic=clock.monotonic, blocksize=BLOCK)


def run_for(
    seconds: float,
    clock: FakeClock,
    backend: FakeBackend,
    controller: MetronomeController,
    frame_s: float = 1 / 240,
) -> list[tuple[int, str, float]]:
    """Advance fake time frame by frame, render audio ahead of it and poll the controller.

    Returns (beat index, foot, monotonic time) for every beat_changed emitted.
    """
    seen: list[tuple[int, str, float]] = []

    def record(index: int, foot: str) -> None:
        seen.append((index, foot, clock.monotonic()))

    controller.beat_changed.connect(record)
    # The stream clock runs with the monotonic clock; each block's callback comes when the
    # stream clock reaches it, as a sound card asks for blocks while its buffer drains.
    offset = backend.clock - clock.monotonic()
    next_block = backend.clock
    start = clock.monotonic()
    try:
        while clock.monotonic() - start < seconds - 1e-9:
            clock.advance(frame_s)
            now = clock.monotonic() + offset
            while next_block <= now:
                backend.clock = next_block
                backend.run_blocks(1, keep=False)  # nothing happens once the device is gone
                next_block += BLOCK / FS
            backend.clock = now
            controller.poll()
    finally:
        controller.beat_changed.disconnect(record)
    return seen
