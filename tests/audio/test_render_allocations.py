"""The audio callback keeps its promise: after warm-up it leaves no object behind.

The rule tested: a guided-walk program with a count-in, ramps up and down, a stretch without
steps, accents, panning and chimes plays through the engine's real callback (FakeBackend
calls it block by block, 1024 frames). After 5,000 blocks of warm-up (beat numbers are past
Python's small-integer cache by then), tracemalloc watches 10,000 more. The memory blocks
allocated by the callback's code (coach/audio and numpy) and still alive are counted after
the first 1,000 of them and again after the last: the counts must be equal, so the callback
allocates zero net blocks over 9,000 blocks. And the traced peak over those 9,000 stays
within 2 KiB of where it started, a quarter of one 1024 x 2 float32 block: no buffer is made.
The same holds with spoken phrases (real espeak-ng) every few seconds and the steps ducked
under them.
"""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from coach.audio.backend import FakeBackend
from coach.audio.playback import AudioEngine
from coach.audio.programs.model import ClickProgram, SoundSettings
from coach.audio.programs.plan import phases_origin, program_for_phases
from coach.audio.programs.speech import with_speech
from coach.audio.renderer import Renderer
from coach.audio.speech import Speaker, find_engine
from coach.audio.status import AudioStatus
from coach.domain.plans import PhaseTempo
from coach.domain.spoken_script import CueImportance, SpokenCue

FS = 48_000
BLOCK = 1024
READY = AudioStatus(True, "Sound is ready.", ("Speakers",), "Speakers")
PHASES = [
    PhaseTempo(60, 160, 200, "fast ramp"),
    PhaseTempo(60, 200, None, "fast"),
    PhaseTempo(90, 200, 90, "slowing ramp"),
    PhaseTempo(60, 90, None, "easy"),
    PhaseTempo(15, None, None, "stretch"),
    PhaseTempo(20, 100, 120, "last ramp"),
]


def _live_blocks() -> dict[str, int]:
    """Live memory blocks by the file of code that allocated them (audio code, numpy).

    A full collection first empties the interpreter's free lists (tuples, floats), whose
    parked blocks tracemalloc would otherwise still count as live.
    """
    gc.collect()
    snapshot = tracemalloc.take_snapshot()
    audio = (
        tracemalloc.Filter(True, "*/coach/audio/*"),
        tracemalloc.Filter(True, "*/numpy/*"),
    )
    # By file, not by line: numpy parks a freed array's shape block in a small cache, and
    # that live block is attributed to whichever line last made a view of that many
    # dimensions, which with speech is one of two mixing lines, depending on the block.
    stats = snapshot.filter_traces(audio).statistics("filename")
    return {str(stat.traceback[0]): stat.count for stat in stats}


def _spoken(program: ClickProgram, settings: SoundSettings) -> ClickProgram:
    """The program with a phrase every 7 s, steps ducked under each (block-straddling too)."""
    texts = ("Main walk.", "Shoulders soft and low.", "One minute left.")
    cues = [SpokenCue(7.0 * i, texts[i % 3], CueImportance.PHASE) for i in range(44)]
    speaker = Speaker(find_engine())
    origin = phases_origin(PHASES, FS, settings)
    spoken, placed = with_speech(program, cues, origin, speaker.phrase, duck=True)
    assert len(placed.phrases) == 44
    return spoken


@pytest.mark.parametrize("speech", [False, True], ids=["clicks", "with speech"])
def test_the_callback_allocates_nothing_in_steady_state(speech: bool) -> None:
    settings = SoundSettings("beep", "woodblock", pan=True, accent_every=2, count_in=4)
    program = program_for_phases(
        PHASES, fs=FS, settings=settings, cue_chimes_s=[15.0 * i for i in range(1, 22)]
    )
    assert len(program.chimes) > 10
    if speech:
        program = _spoken(program, settings)
    backend = FakeBackend()
    engine = AudioEngine(backend, lambda: READY, monotonic=backend.time, blocksize=BLOCK)
    engine.play(Renderer(program))
    assert len(backend.run_blocks(5_000, keep=False)) == 0  # warm-up
    gc.collect()
    gc.disable()
    tracemalloc.start()
    try:
        backend.run_blocks(1_000, keep=False)
        first = _live_blocks()
        start, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        backend.run_blocks(9_000, keep=False)
        _, peak = tracemalloc.get_traced_memory()
        last = _live_blocks()
    finally:
        tracemalloc.stop()
        gc.enable()
    assert engine.position() > program.segments[-1].begin  # the whole program was played
    assert last == first
    assert peak - start < 2048
