"""The programs package: the audio thread's beat buffer, and the programs each screen plays."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.audio.programs.beats import BeatBuffer, TempoSegment, beats_capacity
from coach.audio.programs.metronome import (
    end_sample,
    first_step_sample,
    metronome_program,
    sound_settings,
    steady_program,
)
from coach.audio.programs.model import ChimeKind, ClickProgram, SoundSettings
from coach.audio.programs.plan import phases_origin, walk_program
from coach.domain.cadence_range import CADENCE_MAX
from coach.domain.plans import PhaseTempo
from coach.domain.preferences import Preferences

FS = 8000
spms = st.integers(40, 220)


@st.composite
def programs(draw: st.DrawFn) -> ClickProgram:
    """Steady, ramping and silent segments one after another, with a count-in."""
    segments = []
    begin = draw(st.integers(0, FS))
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()) and segments:
            segments.append(TempoSegment(begin, None))
        else:
            s0, s1 = draw(spms), draw(spms)
            segments.append(TempoSegment(begin, s0, s1, draw(st.integers(0, 20 * FS))))
        begin += draw(st.integers(1, 30 * FS))
    count_in = draw(st.integers(0, 4))
    return ClickProgram(FS, tuple(segments), sound=SoundSettings(count_in=count_in))


@settings(max_examples=60, deadline=None)
@given(programs(), st.integers(0, 100 * FS), st.integers(1, 4 * FS))
def test_fill_beats_gives_the_beats_between_without_building_them(
    program: ClickProgram, start: int, length: int
) -> None:
    window = length + FS
    buffer = BeatBuffer(beats_capacity(window, FS, len(program.segments), CADENCE_MAX))
    program.fill_beats(start - FS, start + length, buffer)
    filled = list(zip(buffer.indices[: buffer.count], buffer.samples[: buffer.count], strict=True))
    expected = [(b.index, b.sample) for b in program.beats_between(start - FS, start + length)]
    assert filled == expected


def test_fill_beats_stops_at_the_program_stop() -> None:
    program = steady_program(120, FS, lead_s=0).with_stop(2 * FS)
    buffer = BeatBuffer(16)
    program.fill_beats(0, 4 * FS, buffer)
    assert buffer.samples[: buffer.count] == [0, FS // 2, FS, 3 * FS // 2]


def test_a_timed_metronome_ends_with_a_chime_that_long_after_its_first_step() -> None:
    program = metronome_program(100, FS, SoundSettings(count_in=4), end_after_s=60)
    first = first_step_sample(program)
    assert program.beats_between(0, first)[-1].index == -1  # the count-in came first
    assert end_sample(program) == first + 60 * FS
    assert program.chimes[-1].kind is ChimeKind.END
    assert program.spm_at(first + 60 * FS) is None
    assert end_sample(metronome_program(100, FS, SoundSettings())) is None


def test_a_walk_program_has_no_count_in_and_maps_seconds_to_samples() -> None:
    phases = [PhaseTempo(60, 100, 120, "warm-up"), PhaseTempo(60, 120, None, "walk")]
    program = walk_program(
        phases, fs=FS, settings=SoundSettings(count_in=4), elapsed_s=30, cue_chimes_s=[10.0]
    )
    origin = phases_origin(phases, FS)
    assert program.sound.count_in == 0
    assert program.beats_between(0, origin + 1)[0].index == 0
    assert first_step_sample(program) == origin
    assert [c.sample for c in program.chimes if c.kind is ChimeKind.CUE] == [origin + 10 * FS]


def test_sound_settings_follow_the_preferences_and_a_change_keeps_the_count_in() -> None:
    preferences = Preferences(left_sound="beep", accent_first_beat=True, count_in_beats=4)
    sound = sound_settings(preferences)
    assert (sound.left_sound, sound.accent_every, sound.count_in) == ("beep", 2, 4)
    assert sound_settings(preferences, with_count_in=False).count_in == 0
    program = steady_program(100, FS, sound)
    changed = program.with_sound(replace(sound, volume=0.2, count_in=0))
    assert changed.sound.volume == 0.2 and changed.sound.count_in == 4
    assert changed.beats_between(0, 10 * FS) == program.beats_between(0, 10 * FS)
