"""The engine with the real Renderer: a tempo change mid-stream is exactly the new program."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from coach.audio.backend import FakeBackend
from coach.audio.playback import LEAD_IN, AudioEngine
from coach.audio.programs.metronome import steady_program
from coach.audio.programs.model import SoundSettings
from coach.audio.renderer import Renderer
from coach.audio.status import AudioStatus

FS = 48_000
READY = AudioStatus(True, "Sound is ready.", ("Speakers",), "Speakers")


@pytest.mark.parametrize("blocksize", [64, 1024, 1000])
def test_tempo_change_through_the_engine_equals_the_changed_program(blocksize: int) -> None:
    backend = FakeBackend()
    engine = AudioEngine(backend, lambda: READY, monotonic=backend.time, blocksize=blocksize)
    program = steady_program(113, FS, SoundSettings(pan=True, count_in=2))
    engine.play(Renderer(program))
    blocks = backend.run_blocks(FS // blocksize)  # about a second
    faster = program.with_tempo(engine.safe_change_sample(), 131)
    engine.replace_source(Renderer(faster))
    blocks += backend.run_blocks(3 * FS // blocksize)
    at = engine.safe_change_sample()
    stopped = faster.with_stop(at)
    engine.stop(Renderer(stopped), end_sample=at + stopped.fade_samples)
    blocks += backend.run_blocks(FS // blocksize)
    played = np.concatenate(blocks)[LEAD_IN:]
    expected = np.zeros_like(played)
    Renderer(stopped).render(0, expected)
    np.testing.assert_array_equal(played, expected)
    assert len(faster.beats_between(0, at)) > len(program.beats_between(0, at))
    assert not played[at + stopped.fade_samples :].any()


def test_engine_and_renderer_allocate_no_sample_buffers_after_warm_up() -> None:
    blocksize = 1024
    backend = FakeBackend()
    engine = AudioEngine(backend, lambda: READY, monotonic=backend.time, blocksize=blocksize)
    program = steady_program(113, FS, SoundSettings(pan=True))
    engine.play(Renderer(program.with_tempo(FS * 2, 150)))
    backend.run_blocks(100, keep=False)
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        backend.run_blocks(1000, keep=False)  # about 21 s of audio
        after, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    block_bytes = blocksize * 2 * 4
    assert peak - before < block_bytes // 4  # no block-sized array was ever made
    assert after - before < 1024  # and nothing accumulates
