"""Synthesized sounds: steps per foot (plain and accented), the count-in and the chimes.

Every sound is made once per sample rate with numpy and cached as a read-only float32 array.
Each starts at full strength on its first sample (the onset is exact to the sample), decays,
and ends at exactly zero so the stream is silent between sounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from coach.audio.programs.beats import Foot
from coach.audio.programs.model import MAX_SOUND_SECONDS, ChimeKind

Wave = npt.NDArray[np.float32]
"""A mono sound: float32 samples, peak at most 1."""


@dataclass(frozen=True)
class _Voice:
    """A step sound's recipe: partial frequencies (Hz) with weights, decay and length."""

    left_hz: tuple[float, ...]
    right_hz: tuple[float, ...]
    weights: tuple[float, ...]
    decay_s: float
    length_s: float
    peak: float


# Left is pitched lower than right in every sound, so the feet can be told apart by ear
# and by measurement; the inharmonic partials give each sound its own character. Peaks
# leave headroom: an accent (x1.5) on top of a chime stays below full scale at volume 1.
_VOICES: dict[str, _Voice] = {
    "woodblock": _Voice((720.0, 1987.0), (960.0, 2650.0), (1.0, 0.45), 0.018, 0.08, 0.45),
    "click": _Voice((2000.0, 3100.0), (2600.0, 4030.0), (1.0, 0.6), 0.004, 0.03, 0.45),
    "soft_tick": _Voice((1100.0,), (1450.0,), (1.0,), 0.010, 0.06, 0.28),
    "beep": _Voice((660.0, 1320.0), (880.0, 1760.0), (1.0, 0.15), 0.060, 0.09, 0.35),
}

_ACCENT_GAIN = 1.5
CHIME_PEAK = 0.3
"""Chimes stay soft; with the loudest accent (0.675) a step on a chime still peaks below 1."""
CUE_CHIME_SHARE = 0.5
"""The cue chime is half as loud as the others: a nudge to glance at the card, no more."""
_TAPER_S = 0.002
_ONSET_LEVEL = 0.35


def step_sound(name: str, foot: Foot, sample_rate: int, *, accent: bool = False) -> Wave:
    """The sound of one step of the given foot; the accent is louder and brighter."""
    return _step_sound(name, foot, sample_rate, accent)


@lru_cache(maxsize=64)
def _step_sound(name: str, foot: Foot, sample_rate: int, accent: bool) -> Wave:
    try:
        voice = _VOICES[name]
    except KeyError:
        raise ValueError(f"Unknown step sound '{name}'.") from None
    freqs = voice.left_hz if foot is Foot.LEFT else voice.right_hz
    weights = voice.weights
    peak = voice.peak
    if accent:
        # An octave above the main partial makes the accent brighter as well as louder.
        freqs = (*freqs, 2 * freqs[0])
        weights = (*weights, 0.35)
        peak = peak * _ACCENT_GAIN
    tone = _partials(freqs, weights, voice.length_s, sample_rate)
    return _finish(tone * _envelope(tone.size, sample_rate, voice.decay_s), peak)


@lru_cache(maxsize=8)
def count_in_sound(sample_rate: int) -> Wave:
    """The count-in beat: a high, dry double partial unlike any step sound."""
    tone = _partials((1568.0, 3136.0, 4704.0), (1.0, 0.5, 0.25), 0.05, sample_rate)
    return _finish(tone * _envelope(tone.size, sample_rate, 0.012), 0.5)


# Notes (Hz) and their start times (s) for each chime: soft bells, each kind its own figure.
_CHIME_NOTES: dict[ChimeKind, tuple[tuple[float, float], ...]] = {
    ChimeKind.PHASE_CHANGE: ((659.3, 0.0), (880.0, 0.16)),
    ChimeKind.HALFWAY: ((784.0, 0.0), (784.0, 0.22)),
    ChimeKind.LAST_MINUTE: ((987.8, 0.0), (880.0, 0.16), (784.0, 0.32)),
    ChimeKind.END: ((523.3, 0.0), (659.3, 0.12), (784.0, 0.24), (1046.5, 0.36)),
    ChimeKind.CUE: ((698.5, 0.0),),
    ChimeKind.TICK: ((1174.7, 0.0),),
    ChimeKind.SWITCH_SIDES: ((880.0, 0.0), (659.3, 0.14), (880.0, 0.28)),
}
# A countdown tick is a short dry pip, so three in a row never blur into one bell.
_CHIME_DECAY_S: dict[ChimeKind, float] = {ChimeKind.TICK: 0.04}
_BELL_DECAY_S = 0.28
_BELL_PARTIALS = (1.0, 2.0, 2.76, 5.4)
_BELL_WEIGHTS = (1.0, 0.35, 0.2, 0.06)


@lru_cache(maxsize=16)
def chime_sound(kind: ChimeKind, sample_rate: int) -> Wave:
    """The soft bell figure for one kind of chime, at most MAX_SOUND_SECONDS long."""
    length = int(MAX_SOUND_SECONDS * sample_rate)
    out = np.zeros(length, dtype=np.float64)
    decay = _CHIME_DECAY_S.get(kind, _BELL_DECAY_S)
    for hz, start_s in _CHIME_NOTES[kind]:
        start = round(start_s * sample_rate)
        note_len = length - start
        freqs = tuple(hz * p for p in _BELL_PARTIALS)
        note = _partials(freqs, _BELL_WEIGHTS, note_len / sample_rate, sample_rate)
        out[start:] += note[:note_len] * _envelope(note_len, sample_rate, decay)
    peak = CHIME_PEAK * CUE_CHIME_SHARE if kind is ChimeKind.CUE else CHIME_PEAK
    return _finish(out, peak)


def _partials(
    freqs: tuple[float, ...], weights: tuple[float, ...], length_s: float, sample_rate: int
) -> npt.NDArray[np.float64]:
    """Cosine partials (cosine so the first sample is at full strength)."""
    n = round(length_s * sample_rate)
    t = np.arange(n, dtype=np.float64) / sample_rate
    tone = np.zeros(n, dtype=np.float64)
    for hz, weight in zip(freqs, weights, strict=True):
        if hz < sample_rate / 2:
            tone += weight * np.cos(2 * np.pi * hz * t)
    return tone


def _envelope(n: int, sample_rate: int, decay_s: float) -> npt.NDArray[np.float64]:
    """A sharp attack from a clear onset level, exponential decay, a short taper to zero."""
    t = np.arange(n, dtype=np.float64) / sample_rate
    attack = np.minimum(1.0, _ONSET_LEVEL + (1 - _ONSET_LEVEL) * t / 0.0008)
    env = attack * np.exp(-t / decay_s)
    taper = min(n - 1, round(_TAPER_S * sample_rate))
    if taper > 0:
        env[-taper - 1 :] *= np.linspace(1.0, 0.0, taper + 1)
    return env


def _finish(sound: npt.NDArray[np.float64], peak: float) -> Wave:
    """Scale to the wanted peak and freeze as float32."""
    top = float(np.max(np.abs(sound)))
    scaled = (sound * (peak / top)).astype(np.float32)
    scaled[-1] = 0.0
    scaled.setflags(write=False)
    return scaled
