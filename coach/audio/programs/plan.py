"""Programs for session plans: phases with ramps and pauses, the count-in, a resumed walk."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction

from coach.audio.programs.beats import TempoSegment
from coach.audio.programs.chimes import session_chimes, with_cue_chimes
from coach.audio.programs.model import (
    DEFAULT_SOUND,
    LEAD_SECONDS,
    ClickProgram,
    ProgramError,
    SoundSettings,
    check_spm,
    lead_samples,
    round_half_up,
    seconds_to_samples,
)
from coach.domain.plans import PhaseTempo


def program_for_phases(
    phases: Sequence[PhaseTempo],
    *,
    fs: int,
    settings: SoundSettings = DEFAULT_SOUND,
    lead_s: float = LEAD_SECONDS,
    chimes: bool = True,
    elapsed_s: float = 0.0,
    cue_chimes_s: Sequence[float] = (),
) -> ClickProgram:
    """A finite program for session phases, with the count-in before the first steps.

    Chimes: a phase change where the phase name changes, halfway and one minute before the
    end (when they do not crowd another chime), and the end. elapsed_s says how much of
    the session ran before these phases (resuming), so halfway means the whole session's.
    cue_chimes_s: seconds from the start of these phases where a cue card changes (a soft
    CUE chime, left out where it would crowd another chime or fall outside the phases).
    """
    if not phases:
        raise ProgramError("A session needs at least one phase.")
    for phase in phases:
        _check_phase(phase)
    offsets = _phase_offsets(phases, fs)
    first_steps, count_in_len = _count_in_length(phases, settings.count_in, fs)
    origin = phases_origin(phases, fs, settings, lead_s)
    bounds = [origin + off for off in offsets]
    segments = [
        _segment_for(p, b, nxt) for p, b, nxt in zip(phases, bounds, bounds[1:], strict=False)
    ]
    segments.append(TempoSegment(bounds[-1], None))
    if first_steps is not None and count_in_len:
        # The count-in replaces the silence just before the first steps.
        count_in_at = bounds[first_steps] - count_in_len
        spm = phases[first_steps].start_spm
        segments = [s for s in segments if not count_in_at <= s.begin < bounds[first_steps]]
        segments.append(TempoSegment(count_in_at, spm, spm))
        segments.sort(key=lambda s: s.begin)
    if segments[0].begin > 0 and not segments[0].has_steps:
        segments[0] = replace(segments[0], begin=0)
    elapsed = seconds_to_samples(elapsed_s, fs, "Elapsed time")
    chime_list = session_chimes(phases, bounds, fs, elapsed) if chimes else []
    if chimes:
        chime_list = with_cue_chimes(chime_list, cue_chimes_s, bounds, fs)
    return ClickProgram(
        sample_rate=fs, segments=tuple(segments), chimes=tuple(chime_list), sound=settings
    )


def walk_program(
    phases: Sequence[PhaseTempo],
    *,
    fs: int,
    settings: SoundSettings,
    elapsed_s: float,
    cue_chimes_s: Sequence[float],
) -> ClickProgram:
    """A guided walk from `elapsed_s` on, with cue chimes at cue_chimes_s (s after elapsed).

    No count-in: the walk is already under way, and its seconds map straight to samples
    from `phases_origin(phases, fs)`.
    """
    return program_for_phases(
        phases,
        fs=fs,
        settings=replace(settings, count_in=0),
        elapsed_s=elapsed_s,
        cue_chimes_s=cue_chimes_s,
    )


def phases_origin(
    phases: Sequence[PhaseTempo],
    fs: int,
    settings: SoundSettings = DEFAULT_SOUND,
    lead_s: float = LEAD_SECONDS,
) -> int:
    """The sample at which program_for_phases starts the first phase (after lead and count-in).

    Session second s of these phases sounds at sample origin + s * fs, so a player can read
    its position in the session from the program's position.
    """
    offsets = _phase_offsets(phases, fs)
    first_steps, count_in_len = _count_in_length(phases, settings.count_in, fs)
    origin = lead_samples(lead_s, fs)
    if first_steps is not None:
        origin += max(0, count_in_len - offsets[first_steps])
    return origin


def _count_in_length(phases: Sequence[PhaseTempo], beats: int, fs: int) -> tuple[int | None, int]:
    """Which phase steps first (None if none does) and the count-in's length in samples."""
    first = next((i for i, p in enumerate(phases) if p.start_spm is not None), None)
    if first is None or not beats:
        return first, 0
    spm = phases[first].start_spm
    assert spm is not None
    return first, round_half_up(Fraction(beats * 60 * fs) / Fraction(spm))


def _phase_offsets(phases: Sequence[PhaseTempo], fs: int) -> list[int]:
    """Phase boundaries in samples from the session start, rounded from exact seconds."""
    offsets = [0]
    total = Fraction(0)
    for phase in phases:
        total += Fraction(phase.duration_s)
        offsets.append(round_half_up(total * fs))
    return offsets


def _segment_for(phase: PhaseTempo, begin: int, end: int) -> TempoSegment:
    if phase.start_spm is None:
        return TempoSegment(begin, None)
    end_spm = phase.end_spm if phase.end_spm is not None else phase.start_spm
    ramp = end - begin if end_spm != phase.start_spm else 0
    return TempoSegment(begin, phase.start_spm, end_spm, ramp)


def _check_phase(phase: PhaseTempo) -> None:
    if not (math.isfinite(phase.duration_s) and 0 < phase.duration_s <= 24 * 3600):
        where = f" '{phase.name}'" if phase.name else ""
        raise ProgramError(
            f"Phase{where} must last more than 0 s and at most a day, not {phase.duration_s} s."
        )
    if phase.start_spm is None:
        if phase.end_spm is not None:
            raise ProgramError(f"Phase '{phase.name}' has an end cadence but no start cadence.")
        return
    check_spm(phase.start_spm)
    if phase.end_spm is not None:
        check_spm(phase.end_spm)
