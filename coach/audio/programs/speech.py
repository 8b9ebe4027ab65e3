"""Spoken phrases placed in a program: each cue at an exact sample, none overlapping the next.

The rule when a phrase would still be sounding as the next one starts (docs/audio.md,
"Speech"): a less important next phrase is dropped; otherwise this phrase is cut at its last
word gap that ends in time, with a 10 ms fade, and dropped if no such gap leaves at least
0.3 s of it. A phrase the engine cannot say is left out, and its chime still sounds.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from coach.audio.programs.beats import TempoSegment
from coach.audio.programs.model import LEAD_SECONDS, ClickProgram, Phrase, round_half_up
from coach.domain.spoken_script import CueImportance, SpokenCue

Speak = Callable[[str, int], "npt.NDArray[np.float32] | None"]
"""Renders a text at a sample rate to mono samples, or None when it cannot (Speaker.phrase)."""

DUCK_DB = 6.0
"""How far steps are lowered under speech when ducking is on: clearly softer, never gone."""
MIN_PHRASE_S = 0.3
"""A phrase cut shorter than this says too little to keep."""
FADE_S = 0.010
GAP_S = 0.050
"""Quiet at least this long (below 2 % of the phrase's peak) is a gap between words."""
_WINDOW_S = 0.005


@dataclass(frozen=True)
class _Candidate:
    sample: int
    importance: CueImportance
    text: str
    frames: npt.NDArray[np.float32]

    @property
    def end(self) -> int:
        return self.sample + int(self.frames.shape[0])


@dataclass(frozen=True)
class Placed:
    """The phrases that will sound, and the texts left out by the fitting rule or the engine."""

    phrases: tuple[Phrase, ...]
    dropped: tuple[str, ...]


def place_phrases(cues: Sequence[SpokenCue], origin: int, fs: int, speak: Speak) -> Placed:
    """Render each cue and place it at origin + at_s * fs (rounded half up), fitted by the rule."""
    dropped: list[str] = []
    candidates: list[_Candidate] = []
    for cue in cues:
        if not math.isfinite(cue.at_s) or cue.at_s < 0:
            continue
        frames = speak(cue.text, fs)
        if frames is None or frames.size == 0:
            dropped.append(cue.text)
            continue
        sample = origin + round_half_up(Fraction(cue.at_s) * fs)
        candidates.append(_Candidate(sample, cue.importance, cue.text, frames))
    candidates.sort(key=lambda c: (c.sample, -c.importance))
    return _fit(candidates, fs, dropped)


def with_speech(
    program: ClickProgram,
    cues: Sequence[SpokenCue],
    origin: int,
    speak: Speak,
    *,
    duck: bool = False,
) -> tuple[ClickProgram, Placed]:
    """The program with the cues spoken in it (steps ducked by DUCK_DB if duck), and the plan."""
    placed = place_phrases(cues, origin, program.sample_rate, speak)
    gain = 10 ** (-DUCK_DB / 20) if duck else 1.0
    return program.with_phrases(placed.phrases, duck_gain=gain), placed


def sample_program(text: str, frames: npt.NDArray[np.float32], fs: int) -> ClickProgram:
    """A program that only says one phrase after the usual lead (Settings' "Say a sample")."""
    lead = round(LEAD_SECONDS * fs)
    return ClickProgram(
        fs, (TempoSegment(0, None),), phrases=(Phrase(lead, text, _frozen(frames)),)
    )


def _fit(candidates: list[_Candidate], fs: int, dropped: list[str]) -> Placed:
    pending = deque(candidates)
    kept: list[Phrase] = []
    while pending:
        phrase = pending.popleft()
        # Whatever is less important and would be talked over gives way.
        while (
            pending and pending[0].sample < phrase.end and pending[0].importance < phrase.importance
        ):
            dropped.append(pending.popleft().text)
        if pending and pending[0].sample < phrase.end:
            frames = shorten(phrase.frames, pending[0].sample - phrase.sample, fs)
            if frames is None:
                dropped.append(phrase.text)
                continue
            phrase = _Candidate(phrase.sample, phrase.importance, phrase.text, frames)
        kept.append(Phrase(phrase.sample, phrase.text, _frozen(phrase.frames)))
    return Placed(tuple(kept), tuple(dropped))


def shorten(frames: npt.NDArray[np.float32], room: int, fs: int) -> npt.NDArray[np.float32] | None:
    """The phrase cut 10 ms into its last word gap that fits in room samples, faded; or None.

    The fade lies inside the gap, so every word before it is kept whole.
    """
    window = max(1, round(_WINDOW_S * fs))
    usable = min(frames.shape[0], room) // window * window
    if usable <= 0:
        return None
    level = np.abs(frames[:usable]).reshape(-1, window).max(axis=1)
    quiet = level < 0.02 * float(np.abs(frames).max())
    need = max(1, round(GAP_S / _WINDOW_S))
    fade = max(1, round(FADE_S * fs))  # shorter than a gap, so the fade stays inside it
    cut = None
    run = 0
    for i, is_quiet in enumerate(quiet):
        run = run + 1 if is_quiet else 0
        if run == need:  # a gap begins at window i - need + 1: fade out from there
            cut = (i - need + 1) * window + fade
    if cut is None or cut < MIN_PHRASE_S * fs:
        return None
    out = frames[:cut].copy()
    out[cut - fade :] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)
    return out


def _frozen(frames: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    out = np.ascontiguousarray(frames, dtype=np.float32).reshape(-1)
    out.setflags(write=False)
    return out
