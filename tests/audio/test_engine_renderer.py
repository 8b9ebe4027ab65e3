"""The engine with the real Renderer: a tempo change mid-stream is exactly the new program."""

from __future__ import annotations

import numpy as np
import pytest

from coach.audio.backend import FakeBackend
from coach.audio.playback import LEAD_IN, AudioEngine
from coach.audio.program import SoundSettings, steady_program
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
