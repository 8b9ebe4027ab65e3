"""The block renderer: exact onsets, block-size invariance, pan, chimes, fades, no allocation."""

from __future__ import annotations

import time
import tracemalloc

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.audio.programs.beats import Foot
from coach.audio.programs.metronome import steady_program
from coach.audio.programs.model import ChimeKind, ClickProgram, SoundSettings
from coach.audio.programs.plan import program_for_phases
from coach.audio.renderer import Renderer
from coach.audio.source import BlockSource
from coach.domain.plans import PhaseTempo
from coach.domain.preferences import SOUND_NAMES

FS = 8000


def render_all(program: ClickProgram, length: int, channels: int = 1) -> npt.NDArray[np.float32]:
    out = np.zeros((length, channels), np.float32)
    Renderer(program, channels).render(0, out)
    return out


def render_in_blocks(
    program: ClickProgram, sizes: list[int], length: int, channels: int
) -> npt.NDArray[np.float32]:
    renderer = Renderer(program, channels)
    out = np.empty((length, channels), np.float32)
    pos, i = 0, 0
    while pos < length:
        size = min(sizes[i % len(sizes)], length - pos)
        renderer.render(pos, out[pos : pos + size])
        pos += size
        i += 1
    return out


def onsets(signal: npt.NDArray[np.float32], min_gap: int) -> list[int]:
    """Samples where sound starts after at least min_gap samples of exact silence."""
    loud = np.flatnonzero(np.abs(signal) > 1e-4)
    if loud.size == 0:
        return []
    starts = loud[np.r_[True, np.diff(loud) > min_gap]]
    return [int(s) for s in starts]


def test_renderer_is_a_block_source() -> None:
    renderer: BlockSource = Renderer(steady_program(100, FS))
    assert renderer.sample_rate == FS and renderer.channels == 2


@pytest.mark.parametrize("sound", SOUND_NAMES)
@pytest.mark.parametrize("spm", [40, 113, 220])
def test_every_click_starts_on_its_exact_sample(sound: str, spm: int) -> None:
    program = steady_program(spm, FS, SoundSettings(sound, sound, count_in=2))
    signal = render_all(program, 60 * FS)[:, 0]
    expected = [b.sample for b in program.beats_between(0, 60 * FS)]
    assert onsets(signal, min_gap=200) == expected


def test_ramp_clicks_start_on_their_exact_samples() -> None:
    program = steady_program(90, FS).with_ramp(3 * FS, 110, 60)
    signal = render_all(program, 90 * FS)[:, 0]
    assert onsets(signal, 200) == [b.sample for b in program.beats_between(0, 90 * FS)]


programs = st.builds(
    lambda spm, to_spm, ramp_s, change, pan, count_in, accent: (
        program_for_phases(
            [
                PhaseTempo(1.3, spm, spm, "a"),
                PhaseTempo(2.1, spm, to_spm, "ramp"),
                PhaseTempo(0.8, None, None, "rest"),
                PhaseTempo(1.5, to_spm, to_spm, "b"),
            ],
            fs=FS,
            settings=SoundSettings("click", "beep", 0.8, pan, accent, count_in),
        )
        .with_tempo(change, spm)
        .with_stop(change + ramp_s)
    ),
    spm=st.floats(40, 220),
    to_spm=st.floats(40, 220),
    ramp_s=st.integers(FS, 6 * FS),
    change=st.integers(0, int(1.2 * FS)),
    pan=st.booleans(),
    count_in=st.integers(0, 4),
    accent=st.integers(0, 4),
)


@given(program=programs, sizes=st.lists(st.integers(1, 4096), min_size=1, max_size=8))
@settings(max_examples=40, deadline=None)
def test_output_is_identical_whatever_the_block_size(
    program: ClickProgram, sizes: list[int]
) -> None:
    length = 8 * FS
    whole = render_all(program, length, channels=2)
    assert np.abs(whole).max() > 0
    cut = render_in_blocks(program, sizes, length, channels=2)
    assert np.array_equal(whole.view(np.uint32), cut.view(np.uint32))


def test_a_block_far_into_the_stream_matches_a_continuous_render() -> None:
    program = steady_program(113, FS).with_ramp(30 * FS, 140, 30)
    start = 59 * FS + 123
    block = np.zeros((3 * FS, 2), np.float32)
    Renderer(program).render(start, block)
    whole = render_all(program, 62 * FS + 123, channels=2)
    assert np.array_equal(block, whole[start:])


def test_pan_puts_each_foot_in_its_own_channel() -> None:
    program = steady_program(100, FS, SoundSettings(pan=True, count_in=0))
    stereo = render_all(program, 10 * FS, channels=2)
    window = round(0.1 * FS)
    beats = program.beats_between(0, 9 * FS)
    assert {b.foot for b in beats} == {Foot.LEFT, Foot.RIGHT}
    for beat in beats:
        part = stereo[beat.sample : beat.sample + window]
        own, other = (0, 1) if beat.foot is Foot.LEFT else (1, 0)
        assert np.abs(part[:, own]).max() > 0.1
        assert not part[:, other].any()


def test_without_pan_both_channels_carry_every_step() -> None:
    stereo = render_all(steady_program(100, FS), 5 * FS, channels=2)
    assert np.array_equal(stereo[:, 0], stereo[:, 1])


def test_chimes_start_on_their_exact_samples() -> None:
    program = program_for_phases(
        [PhaseTempo(30, None, None, "hamstring"), PhaseTempo(150, None, None, "hip flexor")], fs=FS
    )
    length = program.duration_samples
    assert length is not None
    signal = render_all(program, length + FS)[:, 0]
    assert [c.kind for c in program.chimes] == [
        ChimeKind.PHASE_CHANGE,
        ChimeKind.HALFWAY,
        ChimeKind.LAST_MINUTE,
        ChimeKind.END,
    ]
    assert onsets(signal, FS // 2) == [c.sample for c in program.chimes]
    assert not signal[length - 1 :].any()


def test_volume_scales_the_output() -> None:
    loud = render_all(steady_program(100, FS, SoundSettings(volume=1.0)), 3 * FS)
    quiet = render_all(steady_program(100, FS, SoundSettings(volume=0.25)), 3 * FS)
    assert np.allclose(quiet, loud * np.float32(0.25))
    assert np.abs(loud).max() <= 1.0


def test_accent_marks_every_nth_step() -> None:
    program = steady_program(100, FS, SoundSettings("beep", "beep", accent_every=4))
    signal = render_all(program, 12 * FS)[:, 0]
    peaks = [
        np.abs(signal[b.sample : b.sample + 400]).max() for b in program.beats_between(0, 11 * FS)
    ]
    accented = [p for i, p in enumerate(peaks) if i % 4 == 0]
    plain = [p for i, p in enumerate(peaks) if i % 4]
    assert min(accented) > 1.15 * max(plain)


def test_stop_fades_out_within_3_to_10_ms_and_stays_silent() -> None:
    program = steady_program(100, 48_000, SoundSettings("beep", "beep"), lead_s=0)
    beat = program.beats_between(48_000, 96_000)[0].sample
    stop = beat + 1000  # in the middle of a beep
    stopped = program.with_stop(stop)
    after = render_all(stopped, stop + 60_000)[:, 0]
    before = render_all(program, stop + 60_000)[:, 0]
    assert np.array_equal(after[:stop], before[:stop])
    last_sound = int(np.flatnonzero(after)[-1])
    fade_ms = (last_sound + 1 - stop) / 48
    assert 3 <= fade_ms <= 10
    assert np.all(np.abs(after[stop:last_sound]) <= np.abs(before[stop:last_sound]) + 1e-7)
    assert stopped.duration_samples == last_sound + 1


def test_start_fades_in_within_3_to_10_ms() -> None:
    program = steady_program(100, 48_000, SoundSettings("beep", "beep"), lead_s=0)
    faded = render_all(program, 4800)[:, 0]
    fade = program.fade_samples
    assert 3 <= fade / 48 <= 10
    assert abs(faded[0]) < 0.05 * np.abs(faded).max()
    raw = Renderer(program.with_stop(10**9), 1)
    block = np.zeros((10, 1), np.float32)
    raw.render(fade, block)
    assert np.array_equal(block[:, 0], faded[fade : fade + 10])


def test_rendering_a_block_allocates_no_sample_buffers() -> None:
    program = steady_program(220, 48_000, SoundSettings(pan=True)).with_ramp(48_000, 150, 30)
    renderer = Renderer(program)
    block = np.zeros((4096, 2), np.float32)
    for i in range(20):  # warm-up
        renderer.render(i * 4096, block)
    tracemalloc.start()
    try:
        base, _ = tracemalloc.get_traced_memory()
        worst = 0
        for i in range(20, 400):
            tracemalloc.reset_peak()
            renderer.render(i * 4096, block)
            current, peak = tracemalloc.get_traced_memory()
            worst = max(worst, peak - current)
        grown = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    # One block is 32 KiB; a temporary sample buffer would show up as a peak that size.
    assert worst < 4096
    assert grown < 4096


def test_a_1024_frame_block_renders_well_under_a_millisecond() -> None:
    program = steady_program(220, 48_000, SoundSettings(pan=True)).with_ramp(48_000, 150, 60)
    renderer = Renderer(program)
    block = np.zeros((1024, 2), np.float32)
    for i in range(50):
        renderer.render(i * 1024, block)
    started = time.perf_counter()
    blocks = 500
    for i in range(50, 50 + blocks):
        renderer.render(i * 1024, block)
    per_block = (time.perf_counter() - started) / blocks
    # Generous bound: a shared 2-core machine is noisy; typical is ~0.05 ms.
    assert per_block < 1e-3


def test_samples_before_the_stream_are_silent() -> None:
    program = steady_program(120, FS, lead_s=0)
    block = np.ones((300, 2), np.float32)
    Renderer(program).render(-100, block)
    assert not block[:100].any()
    assert np.array_equal(block[100:], render_all(program, 200, channels=2))
