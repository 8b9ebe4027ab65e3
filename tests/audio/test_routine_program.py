"""The routine's click program: chimes exactly at the timeline's event times, walks click."""

from __future__ import annotations

import numpy as np

from coach.audio.programs.model import ChimeKind
from coach.audio.programs.routine import routine_program
from coach.audio.sounds import chime_sound
from coach.domain.plan_files.loading import load_default_routines
from coach.domain.routines import Countdown, RoutineTimeline, StepKind, SwitchSides

FS = 8000
LEAD = 400  # 0.05 s at 8 kHz


def _timeline() -> RoutineTimeline:
    return RoutineTimeline(load_default_routines()["warm-up"])


def test_every_cue_chimes_at_its_event_time() -> None:
    timeline = _timeline()
    program = routine_program(timeline, fs=FS)
    by_sample = {(c.sample, c.kind) for c in program.chimes}
    for timed in timeline.events:
        at = LEAD + round(timed.at_s * FS)
        if isinstance(timed.event, Countdown):
            assert (at, ChimeKind.TICK) in by_sample
        if isinstance(timed.event, SwitchSides):
            assert (at, ChimeKind.SWITCH_SIDES) in by_sample
    ticks = [c for c in program.chimes if c.kind is ChimeKind.TICK]
    assert len(ticks) == 3 * len(timeline.steps)
    assert program.chimes[-1] == type(program.chimes[-1])(LEAD + 385 * FS, ChimeKind.END)
    starts = {c.sample for c in program.chimes if c.kind is ChimeKind.PHASE_CHANGE}
    assert starts == {
        LEAD + round(s.start_s * FS) for s in timeline.steps if s.kind is not StepKind.SWITCH_SIDES
    }


def test_only_the_warm_up_walk_clicks_at_its_cadence() -> None:
    timeline = _timeline()
    program = routine_program(timeline, fs=FS)
    walk = next(s for s in timeline.steps if s.kind is StepKind.WALK)
    assert program.spm_at(LEAD + round((walk.start_s + 1) * FS)) == 90.0
    assert program.spm_at(LEAD + round((walk.end_s + 1) * FS)) is None
    beats = program.beats_between(0, LEAD + round(timeline.total_s * FS))
    assert len(beats) == 270  # 180 s at 90 steps/min
    assert beats[0].sample == LEAD + round(walk.start_s * FS)


def test_a_program_from_mid_routine_keeps_only_what_is_still_to_come() -> None:
    timeline = _timeline()
    program = routine_program(timeline, fs=FS, from_s=250.0)
    assert all(c.sample >= LEAD for c in program.chimes)
    # The tick at routine second 256 (rest ends at 259) sounds 6 s after the restart.
    assert any(c.sample == LEAD + 6 * FS and c.kind is ChimeKind.TICK for c in program.chimes)


def test_the_tick_is_short_and_the_switch_cue_is_its_own_figure() -> None:
    tick = chime_sound(ChimeKind.TICK, FS)
    loud = np.nonzero(np.abs(tick) > 0.01 * np.abs(tick).max())[0]
    assert loud[-1] < 0.3 * FS  # a pip, not a bell
    switch = chime_sound(ChimeKind.SWITCH_SIDES, FS)
    assert np.abs(switch - chime_sound(ChimeKind.PHASE_CHANGE, FS)).max() > 0.1
