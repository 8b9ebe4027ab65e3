"""The click program of a stretch routine: its walks click, every cue is a chime.

A routine player on screen and this program share one timeline, so each chime sits exactly
at the routine second of the event it announces: a step start, a switch of sides, the
three countdown ticks at the end of each step, and the finish.
"""

from __future__ import annotations

from dataclasses import replace

from coach.audio.programs.model import LEAD_SECONDS, Chime, ChimeKind, ClickProgram, SoundSettings
from coach.audio.programs.plan import program_for_phases
from coach.domain.plans import PhaseTempo
from coach.domain.routines import (
    Countdown,
    RoutineEvent,
    RoutineFinished,
    RoutineTimeline,
    StepKind,
    StepStarted,
    SwitchSides,
)


def chime_kind(event: RoutineEvent) -> ChimeKind | None:
    """The chime announcing a routine event; None when another chime at that moment says it."""
    if isinstance(event, Countdown):
        return ChimeKind.TICK
    if isinstance(event, SwitchSides):
        return ChimeKind.SWITCH_SIDES
    if isinstance(event, RoutineFinished):
        return ChimeKind.END
    if isinstance(event, StepStarted) and event.step.kind is not StepKind.SWITCH_SIDES:
        return ChimeKind.PHASE_CHANGE
    return None  # a switch step's start: its SwitchSides chime speaks for it


def routine_tempo(timeline: RoutineTimeline, from_s: float = 0.0) -> list[PhaseTempo]:
    """The rest of a routine from `from_s` as phase tempos: walks at their cadence, else quiet."""
    out: list[PhaseTempo] = []
    for step in timeline.steps:
        if step.end_s <= from_s:
            continue
        cadence = step.exercise.cadence_spm if step.kind is StepKind.WALK else None
        spm = None if cadence is None else float(cadence)
        name = f"{step.exercise_index}:{step.index}"
        out.append(PhaseTempo(step.end_s - max(step.start_s, from_s), spm, spm, name))
    return out


def routine_program(
    timeline: RoutineTimeline,
    *,
    fs: int,
    settings: SoundSettings | None = None,
    from_s: float = 0.0,
    lead_s: float = LEAD_SECONDS,
) -> ClickProgram:
    """The routine from `from_s` on: routine second t sounds at sample lead + (t - from_s) * fs.

    There is no count-in (the prepare step is the lead-in), so the mapping stays exact.
    """
    phases = routine_tempo(timeline, from_s)
    if not phases:
        phases = [PhaseTempo(0.001, None, None, "end")]
    program = program_for_phases(
        phases,
        fs=fs,
        settings=replace(settings or SoundSettings(), count_in=0),
        lead_s=lead_s,
        chimes=False,
    )
    origin = round(lead_s * fs)
    chimes = []
    for timed in timeline.timed_between(from_s, timeline.total_s, inclusive=True):
        kind = chime_kind(timed.event)
        if kind is not None:
            chimes.append(Chime(origin + round((timed.at_s - from_s) * fs), kind))
    return replace(program, chimes=tuple(chimes))
