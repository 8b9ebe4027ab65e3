"""Beat arithmetic of ClickProgram: exact positions, ramps, tempo changes, stops, plans."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.audio.programs.beats import Foot, TempoSegment
from coach.audio.programs.metronome import steady_program
from coach.audio.programs.model import ChimeKind, ClickProgram, ProgramError, SoundSettings
from coach.audio.programs.plan import program_for_phases
from coach.domain.plans import PhaseTempo

FS = 8000
HOUR = 3600


def expected_steady(start: int, k: int, fs: int, spm: float) -> int:
    """start + round(k * fs * 60 / spm), rounding halves up, in exact arithmetic."""
    return start + math.floor(Fraction(k * fs * 60) / Fraction(spm) + Fraction(1, 2))


def ramp_phase(n: Fraction, fs: int, s0: float, s1: float, ramp: int) -> Fraction:
    """The integral of a linear ramp's beats per sample, written out independently."""
    a, b = Fraction(s0), Fraction(s1)
    if n <= ramp:
        return (a * n + (b - a) * n * n / (2 * ramp)) / (60 * fs)
    return ((a + b) * ramp / 2 + b * (n - ramp)) / (60 * fs)


@pytest.mark.parametrize(("spm", "fs"), [(40, 8000), (113, 16000), (113, 48000), (220, 44100)])
def test_an_hour_of_steady_beats_has_zero_drift(spm: float, fs: int) -> None:
    program = steady_program(spm, fs, lead_s=0)
    beats = program.beats_between(0, HOUR * fs)
    assert len(beats) == math.ceil(Fraction(HOUR * spm, 60) - Fraction(1, 2) / (fs * 60) * spm)
    for k, beat in enumerate(beats):
        assert beat.index == k
        assert beat.sample == expected_steady(0, k, fs, spm)
    # The very last beat of the hour is within half a sample of the ideal time.
    last = beats[-1]
    assert abs(last.sample - Fraction(last.index * fs * 60, spm)) <= Fraction(1, 2)


def test_fractional_cadence_uses_exact_arithmetic() -> None:
    program = steady_program(112.7, FS, lead_s=0)
    far = 10 * HOUR * FS
    beats = program.beats_between(far, far + 10 * FS)
    assert beats
    for beat in beats:
        assert beat.sample == expected_steady(0, beat.index, FS, 112.7)


@given(
    spm=st.integers(40, 220),
    start=st.integers(0, 2 * HOUR * FS),
    length=st.integers(1, 5 * FS),
)
@settings(max_examples=60, deadline=None)
def test_beats_between_matches_the_formula_anywhere(spm: int, start: int, length: int) -> None:
    program = steady_program(spm, FS, lead_s=0)
    beats = program.beats_between(start, start + length)
    first_k = 0
    while expected_steady(0, first_k, FS, spm) < start:
        first_k = max(first_k + 1, (start * spm) // (60 * FS) - 1)
    expected = []
    k = first_k
    while (pos := expected_steady(0, k, FS, spm)) < start + length:
        expected.append((k, pos))
        k += 1
    assert [(b.index, b.sample) for b in beats] == expected


@pytest.mark.parametrize(("s0", "s1"), [(90, 110), (110, 90), (40, 220)])
def test_ramp_beats_fall_where_the_integral_reaches_each_beat(s0: float, s1: float) -> None:
    ramp = 5 * 60 * FS
    program = ClickProgram(FS, (TempoSegment(0, s0, s1, ramp),))
    beats = program.beats_between(0, ramp + 60 * FS)
    half = Fraction(1, 2)
    for beat in beats:
        # beat k is at n where phase(n) = k, rounded half up: phase(n-1/2) <= k < phase(n+1/2)
        assert ramp_phase(beat.sample - half, FS, s0, s1, ramp) <= beat.index
        assert beat.index < ramp_phase(beat.sample + half, FS, s0, s1, ramp)
    in_ramp = [b for b in beats if b.sample < ramp]
    assert len(in_ramp) == math.ceil((s0 + s1) / 2 * 5 - 1e-9)
    assert program.spm_at(ramp // 2) == pytest.approx((s0 + s1) / 2)
    assert program.spm_at(ramp + 1) == s1


def test_tempo_change_counts_the_new_period_from_the_last_beat() -> None:
    program = steady_program(60, FS, lead_s=0)  # a beat every 8000 samples
    changed = program.with_tempo(20_000, 120)  # last beat 16000, new period 4000
    assert [b.sample for b in changed.beats_between(0, 40_000)] == [
        0, 8000, 16000, 20000, 24000, 28000, 32000, 36000,
    ]  # fmt: skip
    slower = program.with_tempo(20_000, 40)  # new period 12000 -> next at 28000
    assert [b.sample for b in slower.beats_between(0, 41_000)] == [0, 8000, 16000, 28000, 40000]
    late = program.with_tempo(23_000, 120)  # 16000 + 4000 already passed: next beat now
    assert [b.sample for b in late.beats_between(16_000, 28_000)] == [16000, 23000, 27000]


@given(
    old=st.integers(40, 220),
    new=st.floats(40, 220),
    at=st.integers(0, 60 * FS),
    ramp_first=st.booleans(),
)
@settings(max_examples=150, deadline=None)
def test_tempo_change_loses_and_doubles_no_beat(
    old: int, new: float, at: int, ramp_first: bool
) -> None:
    program = steady_program(old, FS, SoundSettings(count_in=3))
    if ramp_first:
        program = program.with_ramp(at // 2, 200, 20)
    changed = program.with_tempo(at, new)
    horizon = at + 4 * 60 * FS // 40
    before = program.beats_between(0, at)
    after = changed.beats_between(0, horizon)
    assert after[: len(before)] == before  # nothing already played changes
    indices = [b.index for b in after]
    assert indices == list(range(-3, -3 + len(after)))
    samples = [b.sample for b in after]
    assert samples == sorted(set(samples))
    new_period = Fraction(60 * FS) / Fraction(new)
    following = after[len(before) :]
    old_next = program.beats_between(at, horizon)[0].sample
    if not before:
        expected_first = old_next  # a change before the first beat keeps its place
    elif old_next == at:
        expected_first = at  # the beat due right now still sounds
    else:
        expected_first = max(at, before[-1].sample + math.floor(new_period + Fraction(1, 2)))
    assert following[0].sample == expected_first
    for a, b in itertools.pairwise(following):
        assert abs((b.sample - a.sample) - new_period) <= 1


def test_beat_at_alternates_feet_after_the_count_in() -> None:
    program = steady_program(60, FS, SoundSettings(count_in=2), lead_s=0)
    assert program.beat_at(0) == _info(-2, None, 0, 8000)
    assert program.beat_at(8000 + 5) == _info(-1, None, 8000, 16000)
    assert program.beat_at(16000) == _info(0, Foot.LEFT, 16000, 24000)
    assert program.beat_at(31999) == _info(1, Foot.RIGHT, 24000, 32000)
    assert program.beat_at(32000) == _info(2, Foot.LEFT, 32000, 40000)


def test_beat_at_is_none_before_the_first_beat_and_after_the_stop() -> None:
    program = steady_program(60, FS)
    assert program.beat_at(10) is None
    stopped = program.with_stop(20_000)
    last = stopped.beat_at(19_999)
    assert last is not None and last.next_sample is None
    assert stopped.beat_at(20_000) is None
    assert stopped.spm_at(20_000) is None


def test_stop_removes_later_beats_and_sets_the_duration() -> None:
    program = steady_program(100, FS, lead_s=0)
    assert program.duration_samples is None
    stopped = program.with_stop(30_000)
    assert all(b.sample < 30_000 for b in stopped.beats_between(0, 100_000))
    assert stopped.beats_between(0, 30_000) == program.beats_between(0, 30_000)
    assert stopped.duration_samples == 30_000 + stopped.fade_samples
    assert stopped.with_stop(50_000).stop_sample == 30_000
    with pytest.raises(ProgramError, match="stopped"):
        stopped.with_tempo(40_000, 120)


def test_plan_places_phases_chimes_and_count_in() -> None:
    phases = [
        PhaseTempo(120, None, None, "stretches"),
        PhaseTempo(300, 90, 110, "warm-up"),
        PhaseTempo(600, 110, 110, "main walk"),
        PhaseTempo(180, 110, 95, "cool-down"),
    ]
    program = program_for_phases(phases, fs=FS, settings=SoundSettings(count_in=4), lead_s=0)
    b = [0, 120 * FS, 420 * FS, 1020 * FS, 1200 * FS]
    assert program.spm_at(b[0] + 1) is None
    assert program.beat_at(b[1] - 10 * FS) is None
    count_in = program.beats_between(b[0], b[1])
    assert [x.index for x in count_in] == [-4, -3, -2, -1]
    assert count_in[0].sample == b[1] - expected_steady(0, 4, FS, 90)
    first_step = program.beats_between(b[1], b[1] + FS)[0]
    assert (first_step.index, first_step.sample) == (0, b[1])
    assert program.spm_at(b[2] - 1) == pytest.approx(110, abs=0.01)
    assert program.spm_at(b[3] + 90 * FS) == pytest.approx(102.5)
    assert not program.beats_between(b[4], b[4] + 10 * FS)
    total = b[4] - b[0]
    assert [(c.sample, c.kind) for c in program.chimes] == [
        (b[1], ChimeKind.PHASE_CHANGE),
        (b[2], ChimeKind.PHASE_CHANGE),
        (b[0] + total // 2, ChimeKind.HALFWAY),
        (b[3], ChimeKind.PHASE_CHANGE),
        (b[4] - 60 * FS, ChimeKind.LAST_MINUTE),
        (b[4], ChimeKind.END),
    ]
    assert program.duration_samples == b[4] + round(1.5 * FS)


def test_plan_walk_boundaries_keep_the_beat_going() -> None:
    phases = [PhaseTempo(61.3, 100, 100, "a"), PhaseTempo(60, 100, 100, "b")]
    program = program_for_phases(phases, fs=FS, lead_s=0)
    samples = [b.sample for b in program.beats_between(0, 121 * FS)]
    gaps = {y - x for x, y in itertools.pairwise(samples)}
    assert gaps == {4800}


def test_plan_starting_with_steps_puts_the_count_in_before_the_session() -> None:
    program = program_for_phases(
        [PhaseTempo(600, 120, None, "walk")], fs=FS, settings=SoundSettings(count_in=4)
    )
    beats = program.beats_between(0, 10 * FS)
    lead = round(0.05 * FS)
    assert [b.sample for b in beats[:5]] == [lead + 4000 * i for i in range(5)]
    assert beats[4].index == 0
    assert program.chimes[-1] == program.chimes[-1].__class__(
        lead + 16000 + 600 * FS, ChimeKind.END
    )


def test_short_plan_gets_halfway_but_no_last_minute_chime() -> None:
    program = program_for_phases([PhaseTempo(90, 100, 100, "walk")], fs=FS, lead_s=0)
    assert [c.kind for c in program.chimes] == [ChimeKind.HALFWAY, ChimeKind.END]


def test_with_sample_rate_rescales_positions() -> None:
    program = program_for_phases([PhaseTempo(300, 100, 120, "ramp")], fs=FS, lead_s=0)
    faster = program.with_sample_rate(48_000)
    assert faster.sample_rate == 48_000
    assert [c.sample for c in faster.chimes] == [c.sample * 6 for c in program.chimes]
    assert faster.segments[0].ramp_samples == program.segments[0].ramp_samples * 6


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"segments": (TempoSegment(0, 30),)}, "between 40 and 220"),
        ({"segments": (TempoSegment(0, 100, 300, 10),)}, "between 40 and 220"),
        ({"segments": ()}, "at least one"),
        ({"segments": (TempoSegment(5, 100), TempoSegment(5, 90))}, "increasing"),
        ({"sound": SoundSettings(volume=1.5)}, "Volume"),
        ({"sound": SoundSettings(left_sound="cowbell")}, "woodblock"),
        ({"fade_seconds": 0.05}, "3 to 10 ms"),
        ({"sample_rate": 100}, "Sample rate"),
    ],
)
def test_bad_programs_are_refused_with_a_reason(kwargs: dict[str, object], message: str) -> None:
    values: dict[str, object] = {"sample_rate": FS, "segments": (TempoSegment(0, 100),)}
    values.update(kwargs)
    with pytest.raises(ProgramError, match=message):
        ClickProgram(**values)  # type: ignore[arg-type]


def test_changes_in_a_phase_without_steps_are_refused() -> None:
    program = program_for_phases(
        [PhaseTempo(60, None, None, "stretch"), PhaseTempo(60, 100, 100, "walk")], fs=FS
    )
    with pytest.raises(ProgramError, match="no steps"):
        program.with_tempo(10 * FS, 120)
    with pytest.raises(ProgramError, match="more than 0"):
        program_for_phases([PhaseTempo(0, 100, 100, "walk")], fs=FS)


def _info(index: int, foot: Foot | None, sample: int, nxt: int | None) -> object:
    from coach.audio.programs.model import BeatInfo

    return BeatInfo(index, foot, sample, nxt)


def test_a_ramp_and_its_hold_with_one_name_get_no_chime_between_them() -> None:
    phases = [
        PhaseTempo(60, 90, 100, "warm-up"),
        PhaseTempo(60, 100, 100, "warm-up"),
        PhaseTempo(300, 100, 100, "main"),
    ]
    program = program_for_phases(phases, fs=FS, lead_s=0)
    changes = [c.sample for c in program.chimes if c.kind is ChimeKind.PHASE_CHANGE]
    assert changes == [120 * FS]


def test_session_plans_phase_tempo_is_accepted() -> None:
    from coach.domain.plans import PhaseTempo as PlanPhaseTempo

    phases = [PlanPhaseTempo(60, None, None, "stretch"), PlanPhaseTempo(120, 100, 110, "walk")]
    program = program_for_phases(phases, fs=FS, lead_s=0)
    assert program.spm_at(10 * FS) is None
    assert program.spm_at(120 * FS) == pytest.approx(105)


def test_a_resumed_session_keeps_its_halfway_and_last_minute_chimes() -> None:
    rest = [PhaseTempo(400, 110, 110, "main"), PhaseTempo(200, 100, 100, "cool-down")]
    program = program_for_phases(rest, fs=FS, lead_s=0, elapsed_s=600)
    # The session is 1200 s long and 600 s ran already: halfway is now, at the restart.
    assert [(c.sample, c.kind) for c in program.chimes] == [
        (0, ChimeKind.HALFWAY),
        (400 * FS, ChimeKind.PHASE_CHANGE),
        (540 * FS, ChimeKind.LAST_MINUTE),
        (600 * FS, ChimeKind.END),
    ]
    later = program_for_phases(rest, fs=FS, lead_s=0, elapsed_s=700)
    assert ChimeKind.HALFWAY not in [c.kind for c in later.chimes]


def test_a_stop_after_the_natural_end_does_not_lengthen_the_program() -> None:
    program = program_for_phases([PhaseTempo(60, 100, 100, "walk")], fs=FS, lead_s=0)
    natural = program.duration_samples
    assert natural == 60 * FS + round(1.5 * FS)
    assert program.with_stop(natural + 5 * FS).duration_samples == natural
    assert program.with_stop(30 * FS).duration_samples == 30 * FS + program.fade_samples
