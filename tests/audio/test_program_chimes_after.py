"""ClickProgram.with_chimes_after: new chimes ahead, every beat and earlier chime untouched."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.audio.programs.model import Chime, ChimeKind
from coach.audio.programs.plan import program_for_phases
from coach.domain.plans import PhaseTempo

FS = 8_000
PHASES = [
    PhaseTempo(60.0, 90.0, 110.0, "Warm-up"),
    PhaseTempo(240.0, 110.0, 110.0, "Main"),
    PhaseTempo(60.0, 110.0, 90.0, "Cool-down"),
]
PROGRAM = program_for_phases(PHASES, fs=FS, cue_chimes_s=[30.0, 90.0, 150.0, 210.0, 270.0])
END = PROGRAM.duration_samples or 0


@settings(max_examples=40, deadline=None)
@given(at=st.integers(min_value=1, max_value=END), shift=st.integers(1, 20 * FS))
def test_beats_stay_and_only_the_chimes_ahead_change(at: int, shift: int) -> None:
    new = [Chime(at + shift, ChimeKind.CUE), Chime(at - 1, ChimeKind.CUE)]
    changed = PROGRAM.with_chimes_after(at, new)
    assert changed.beats_between(0, END) == PROGRAM.beats_between(0, END)
    assert changed.segments == PROGRAM.segments
    assert changed.chimes_between(0, at) == PROGRAM.chimes_between(0, at)
    # The chime given for a moment already played is left out.
    assert changed.chimes_between(at, END + 30 * FS) == [Chime(at + shift, ChimeKind.CUE)]


def test_an_empty_list_clears_the_chimes_ahead_and_keeps_the_rest() -> None:
    at = 100 * FS
    changed = PROGRAM.with_chimes_after(at, [])
    assert changed.chimes == tuple(c for c in PROGRAM.chimes if c.sample < at)
    assert PROGRAM.chimes_between(at, END)  # there were chimes ahead to remove
