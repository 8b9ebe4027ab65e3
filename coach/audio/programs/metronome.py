"""Metronome programs: the user's sound settings, a steady beat, and a walk with an end time."""

from __future__ import annotations

from dataclasses import replace

from coach.audio.programs.beats import TempoSegment
from coach.audio.programs.model import (
    DEFAULT_SOUND,
    LEAD_SECONDS,
    Chime,
    ChimeKind,
    ClickProgram,
    SoundSettings,
    check_spm,
    lead_samples,
)
from coach.domain.preferences import Preferences


def sound_settings(preferences: Preferences, with_count_in: bool = True) -> SoundSettings:
    """The step sounds, level, pan, accent and count-in the user chose in Settings."""
    return SoundSettings(
        left_sound=preferences.left_sound,
        right_sound=preferences.right_sound,
        volume=preferences.volume,
        pan=preferences.pan_feet,
        # Settings words it as "the first beat of each pair of steps".
        accent_every=2 if preferences.accent_first_beat else 0,
        count_in=preferences.count_in_beats if with_count_in else 0,
    )


def steady_program(
    spm: float, fs: int, settings: SoundSettings = DEFAULT_SOUND, *, lead_s: float = LEAD_SECONDS
) -> ClickProgram:
    """An endless steady metronome at spm, starting after a short lead."""
    check_spm(spm)
    segment = TempoSegment(lead_samples(lead_s, fs), spm, spm)
    return ClickProgram(sample_rate=fs, segments=(segment,), sound=settings)


def metronome_program(
    spm: float, fs: int, settings: SoundSettings, end_after_s: float | None = None
) -> ClickProgram:
    """A steady metronome with the count-in, ending `end_after_s` after its first step."""
    program = steady_program(spm, fs, settings)
    if end_after_s is None:
        return program
    return timed_program(program, first_step_sample(program), end_after_s)


def timed_program(program: ClickProgram, first_step: int, seconds: float) -> ClickProgram:
    """The program with its steps ending `seconds` after the first step, closed by a chime."""
    end = first_step + round(seconds * program.sample_rate)
    segments = tuple(s for s in program.segments if s.begin < end)
    return replace(
        program,
        segments=(*segments, TempoSegment(end, None)),
        chimes=(*program.chimes, Chime(end, ChimeKind.END)),
    )


def first_step_sample(program: ClickProgram) -> int:
    """The sample of step 0 (after any count-in), or the program's start if it has none."""
    stepping = next((s for s in program.segments if s.has_steps), None)
    if stepping is None:
        return program.segments[0].begin
    # A beat is at most 1.5 s long (40 steps/min), so 2 s per beat always reaches step 0.
    horizon = stepping.begin + (program.sound.count_in + 2) * 2 * program.sample_rate
    for beat in program.beats_between(stepping.begin, horizon):
        if beat.index >= 0:
            return beat.sample
    return stepping.begin


def end_sample(program: ClickProgram) -> int | None:
    """Where the steps end for good in a finite program (its END chime), else None."""
    ends = [c.sample for c in program.chimes if c.kind is ChimeKind.END]
    if ends:
        return max(ends)
    return program.stop_sample
