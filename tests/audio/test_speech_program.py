"""Spoken phrases in a program: exact places, the fitting rule, and steps that never move."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.audio.programs.model import ClickProgram, Phrase, ProgramError, SoundSettings
from coach.audio.programs.plan import phases_origin, program_for_phases
from coach.audio.programs.speech import (
    DUCK_DB,
    FADE_S,
    MIN_PHRASE_S,
    place_phrases,
    shorten,
    with_speech,
)
from coach.audio.renderer import Renderer
from coach.audio.speech import Speaker, find_engine
from coach.domain.cues import CueSchedule
from coach.domain.plan_files.loading import (
    load_default_cues,
    load_default_plans,
    load_default_routines,
)
from coach.domain.plans import PhaseTempo, tempo_of
from coach.domain.spoken_script import CueImportance, SpokenCue, session_script

FS = 8000
SETTINGS = SoundSettings(count_in=4)


@pytest.fixture(scope="module")
def speaker() -> Speaker:
    return Speaker(find_engine())


def render(program: ClickProgram, length: int, channels: int = 2) -> npt.NDArray[np.float32]:
    out = np.zeros((length, channels), np.float32)
    Renderer(program, channels).render(0, out)
    return out


def spans(program: ClickProgram, length: int) -> npt.NDArray[np.bool_]:
    inside = np.zeros(length, bool)
    for phrase in program.phrases:
        inside[phrase.sample : phrase.end] = True
    return inside


def test_every_phrase_of_a_plan_starts_on_its_exact_sample(speaker: Speaker) -> None:
    planned = load_default_plans()["starter-10"].planned_phases(110, load_default_routines())
    phases = tempo_of(planned)
    program = program_for_phases(phases, fs=FS, settings=SETTINGS)
    origin = phases_origin(phases, FS, SETTINGS)
    cues = session_script(planned, CueSchedule(load_default_cues(), 60.0))
    spoken, placed = with_speech(program, cues, origin, speaker.phrase)
    expected = {(c.text, origin + round(Fraction(c.at_s) * FS)) for c in cues}
    assert len(placed.phrases) > 10
    assert all((p.text, p.sample) in expected for p in placed.phrases)
    # A phase start is said on the very sample the phase's tempo segment begins.
    starts = [s.begin for s in spoken.segments]
    main = next(p for p in placed.phrases if p.text.startswith("Main walk."))
    assert main.sample in starts
    assert main.text == "Main walk. One hundred and ten steps a minute."
    for before, after in zip(placed.phrases, placed.phrases[1:], strict=False):
        assert before.end <= after.sample  # never overlapped
    assert spoken.beats_between(0, 10**9) == program.beats_between(0, 10**9)


def test_outside_phrases_the_stream_is_bit_identical_and_no_step_moves(speaker: Speaker) -> None:
    phases = [PhaseTempo(20, 100, 120, "Easy start"), PhaseTempo(25, 120, 120, "Main walk")]
    program = program_for_phases(phases, fs=FS, settings=SETTINGS)
    cues = [
        SpokenCue(0.0, "Easy start.", CueImportance.PHASE),
        SpokenCue(20.0, "Main walk. One hundred and twenty steps a minute.", CueImportance.PHASE),
        SpokenCue(33.3, "Shoulders soft and low.", CueImportance.CARD),
    ]
    origin = phases_origin(phases, FS, SETTINGS)
    for duck in (False, True):
        spoken, placed = with_speech(program, cues, origin, speaker.phrase, duck=duck)
        assert len(placed.phrases) == 3
        length = program.duration_samples
        assert length is not None and spoken.duration_samples == length
        plain, voiced = render(program, length), render(spoken, length)
        inside = spans(spoken, length)
        assert np.array_equal(plain[~inside].view(np.uint32), voiced[~inside].view(np.uint32))
        # Under the phrases, the voice alone accounts for the difference (no ducking)...
        alone = render(ClickProgram(FS, program.segments[-1:], phrases=spoken.phrases), length)
        if not duck:
            assert np.allclose(voiced, plain + alone, atol=1e-6)
        # ...and every step still starts on its own sample: take the voice away and look.
        steps_only = ClickProgram(FS, program.segments, sound=SETTINGS)
        ducked = render(steps_only.with_phrases(spoken.phrases, spoken.duck_gain), length)
        ducked -= alone
        beats = [b.sample for b in program.beats_between(0, length)]
        audible = np.abs(ducked[:, 0]) > 1e-4
        for beat in beats:
            assert audible[beat] and not audible[beat - 40 : beat].any()


def test_ducking_lowers_only_the_steps_and_only_under_the_phrase() -> None:
    program = ClickProgram(
        FS, program_for_phases([PhaseTempo(10, 120, 120, "w")], fs=FS, chimes=False).segments
    )
    silent = np.zeros(3 * FS, np.float32)
    silent.setflags(write=False)
    spoken = program.with_phrases([Phrase(2 * FS, "quiet", silent)], duck_gain=0.5)
    plain, ducked = render(program, 8 * FS), render(spoken, 8 * FS)
    ramp = round(0.010 * FS)
    middle = slice(2 * FS + ramp, 5 * FS - ramp)
    assert np.allclose(ducked[middle], 0.5 * plain[middle], atol=1e-7)
    assert np.array_equal(ducked[: 2 * FS], plain[: 2 * FS])
    assert np.array_equal(ducked[5 * FS :], plain[5 * FS :])
    assert pytest.approx(0.501, abs=1e-3) == 10 ** (-DUCK_DB / 20)  # 6 dB


def _voice(*parts: float, fs: int = FS) -> npt.NDArray[np.float32]:
    """A synthetic phrase: loud words and quiet gaps of the given lengths, alternating."""
    chunks = []
    for i, seconds in enumerate(parts):
        n = round(seconds * fs)
        chunks.append(0.5 * np.sin(np.arange(n) * 0.3) if i % 2 == 0 else np.zeros(n))
    return np.concatenate(chunks).astype(np.float32)


def _speak_as(table: dict[str, npt.NDArray[np.float32]]):  # type: ignore[no-untyped-def]
    return lambda text, fs: table.get(text)


def test_a_less_important_phrase_that_would_be_talked_over_is_dropped() -> None:
    speak = _speak_as({"phase": _voice(2.0), "card": _voice(0.5), "later": _voice(0.5)})
    cues = [
        SpokenCue(0.0, "phase", CueImportance.PHASE),
        SpokenCue(1.0, "card", CueImportance.CARD),
        SpokenCue(3.0, "later", CueImportance.CARD),
    ]
    placed = place_phrases(cues, 100, FS, speak)
    assert [p.text for p in placed.phrases] == ["phase", "later"]
    assert placed.dropped == ("card",)
    assert placed.phrases[0].frames.shape[0] == 2 * FS  # whole


def test_a_phrase_running_into_a_more_important_one_is_cut_at_a_word_gap() -> None:
    long = _voice(0.6, 0.1, 0.7, 0.1, 0.8)  # three words, 2.3 s
    speak = _speak_as({"card": long, "phase": _voice(1.0)})
    cues = [
        SpokenCue(0.0, "card", CueImportance.CARD),
        SpokenCue(1.6, "phase", CueImportance.PHASE),
    ]
    placed = place_phrases(cues, 0, FS, speak)
    card, phase = placed.phrases
    assert phase.sample == round(1.6 * FS) and placed.dropped == ()
    # Cut 10 ms into the second gap (1.4 s .. 1.5 s): both words before it whole.
    assert card.end == round((1.4 + FADE_S) * FS) and card.end <= phase.sample
    assert np.array_equal(card.frames, long[: card.end])


def test_a_phrase_with_no_gap_in_time_is_dropped_and_the_next_kept() -> None:
    speak = _speak_as({"count": _voice(0.9), "next": _voice(0.4)})
    cues = [
        SpokenCue(0.0, "count", CueImportance.COUNT),
        SpokenCue(0.5, "next", CueImportance.COUNT),
    ]
    placed = place_phrases(cues, 0, FS, speak)
    assert [p.text for p in placed.phrases] == ["next"] and placed.dropped == ("count",)
    assert shorten(_voice(0.2, 0.1, 0.5), round(0.6 * FS), FS) is None  # < MIN_PHRASE_S left
    assert MIN_PHRASE_S > 0.2


def test_a_phrase_the_engine_cannot_say_is_left_out() -> None:
    placed = place_phrases([SpokenCue(1.0, "x", CueImportance.PHASE)], 0, FS, _speak_as({}))
    assert placed.phrases == () and placed.dropped == ("x",)


@given(
    st.lists(
        st.tuples(st.floats(0, 20), st.sampled_from(list(CueImportance)), st.floats(0.2, 4)),
        max_size=12,
    )
)
@settings(max_examples=60, deadline=None)
def test_placed_phrases_never_overlap(
    cues: list[tuple[float, CueImportance, float]],
) -> None:
    table = {f"c{i}": _voice(0.3, 0.06, seconds) for i, (_, _, seconds) in enumerate(cues)}
    spoken = [SpokenCue(at, f"c{i}", imp) for i, (at, imp, _) in enumerate(cues)]
    placed = place_phrases(spoken, 0, FS, _speak_as(table))
    for before, after in zip(placed.phrases, placed.phrases[1:], strict=False):
        assert before.end <= after.sample
    assert len(placed.phrases) + len(placed.dropped) == len(cues)
    ClickProgram(
        FS, program_for_phases([PhaseTempo(30, 100, 100, "w")], fs=FS).segments
    ).with_phrases(placed.phrases)


def test_output_with_phrases_is_identical_whatever_the_block_size(speaker: Speaker) -> None:
    phases = [PhaseTempo(6, 150, 150, "a")]
    program = program_for_phases(phases, fs=FS, settings=SoundSettings(pan=True, count_in=2))
    cues = [SpokenCue(0.5, "Switch sides.", CueImportance.SWITCH)]
    spoken, _ = with_speech(program, cues, phases_origin(phases, FS), speaker.phrase, duck=True)
    length = spoken.duration_samples
    assert length is not None
    whole = render(spoken, length)
    for size in (1, 7, 64, 1000):
        renderer, cut = Renderer(spoken), np.empty_like(whole)
        for pos in range(0, length, size):
            renderer.render(pos, cut[pos : pos + size])
        assert np.array_equal(whole.view(np.uint32), cut.view(np.uint32))


def test_overlapping_phrases_and_a_new_rate_are_refused() -> None:
    program = program_for_phases([PhaseTempo(10, 100, 100, "w")], fs=FS)
    frames = np.zeros(FS, np.float32)
    with pytest.raises(ProgramError, match="before 'a' has ended"):
        program.with_phrases([Phrase(0, "a", frames), Phrase(FS // 2, "b", frames)])
    spoken = program.with_phrases([Phrase(0, "a", frames)])
    with pytest.raises(ProgramError, match="its own rate"):
        spoken.with_sample_rate(16_000)


def test_swapping_phrases_ahead_never_starts_one_under_a_phrase_still_sounding() -> None:
    program = program_for_phases([PhaseTempo(30, 100, 100, "w")], fs=FS)
    one_s = np.zeros(FS, np.float32)
    spoken = program.with_phrases([Phrase(0, "a", one_s), Phrase(5 * FS, "b", one_s)])
    fresh = [Phrase(FS // 2, "under a", one_s), Phrase(2 * FS, "c", one_s)]
    swapped = spoken.with_chimes_after(FS // 4, spoken.chimes, fresh)
    assert [p.text for p in swapped.phrases] == ["a", "c"]  # "b" replaced, "under a" left out
    assert swapped.beats_between(0, 30 * FS) == spoken.beats_between(0, 30 * FS)
    assert spoken.with_chimes_after(FS // 4, spoken.chimes).phrases == spoken.phrases
