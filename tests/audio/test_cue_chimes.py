"""Cue-card chimes: soft single notes mixed into the session program where cards change."""

from __future__ import annotations

import numpy as np

from coach.audio.programs.model import ChimeKind
from coach.audio.programs.plan import program_for_phases
from coach.audio.sounds import CHIME_PEAK, chime_sound
from coach.domain.plans import PhaseTempo

FS = 8_000
PHASES = [PhaseTempo(180.0, 100.0, 100.0, "Easy start"), PhaseTempo(300.0, 110.0, 110.0, "Main")]


def cue_samples(cues: list[float]) -> list[int]:
    program = program_for_phases(PHASES, fs=FS, lead_s=0.0, cue_chimes_s=cues)
    return [c.sample for c in program.chimes if c.kind is ChimeKind.CUE]


def test_cue_chimes_sit_at_their_seconds() -> None:
    assert cue_samples([60.0, 120.0, 400.0]) == [60 * FS, 120 * FS, 400 * FS]


def test_a_cue_chime_crowding_a_phase_change_or_outside_the_session_is_left_out() -> None:
    # 180 s is the phase change, 480 s the end, 240 s the halfway chime.
    assert cue_samples([180.5, 240.0, 500.0, -3.0, float("nan")]) == []


def test_no_cue_chimes_without_chimes() -> None:
    program = program_for_phases(PHASES, fs=FS, chimes=False, cue_chimes_s=[60.0])
    assert program.chimes == ()


def test_the_cue_chime_is_softer_than_the_others() -> None:
    cue = float(np.max(np.abs(chime_sound(ChimeKind.CUE, FS))))
    phase = float(np.max(np.abs(chime_sound(ChimeKind.PHASE_CHANGE, FS))))
    assert cue < phase <= CHIME_PEAK + 1e-6
    assert cue > 0.05
