"""Synthesized sounds: shape, level, and feet that can be told apart by measurement."""

from __future__ import annotations

import itertools

import numpy as np
import numpy.typing as npt
import pytest

from coach.audio.programs.beats import Foot
from coach.audio.programs.model import MAX_SOUND_SECONDS, ChimeKind
from coach.audio.sounds import chime_sound, count_in_sound, step_sound
from coach.domain.preferences import SOUND_NAMES

FS = 48_000


def dominant_hz(wave: npt.NDArray[np.float32], fs: int = FS) -> float:
    spectrum = np.abs(np.fft.rfft(wave, 1 << 16))
    return float(np.argmax(spectrum) * fs / (1 << 16))


def centroid_hz(wave: npt.NDArray[np.float32], fs: int = FS) -> float:
    spectrum = np.abs(np.fft.rfft(wave, 1 << 16))
    freqs = np.fft.rfftfreq(1 << 16, 1 / fs)
    return float((spectrum * freqs).sum() / spectrum.sum())


def all_sounds(fs: int) -> list[npt.NDArray[np.float32]]:
    steps = [
        step_sound(name, foot, fs, accent=accent)
        for name in SOUND_NAMES
        for foot in Foot
        for accent in (False, True)
    ]
    return [*steps, count_in_sound(fs), *(chime_sound(kind, fs) for kind in ChimeKind)]


@pytest.mark.parametrize("fs", [8000, 44_100, 48_000])
def test_every_sound_is_clean_float32_with_a_sharp_onset(fs: int) -> None:
    for wave in all_sounds(fs):
        assert wave.dtype == np.float32
        assert 0 < np.abs(wave).max() <= 1.0
        assert abs(wave[0]) >= 0.1 * np.abs(wave).max()  # detectable on its first sample
        assert wave[-1] == 0.0  # ends in silence, so clicks never leave a step behind
        assert wave.size <= MAX_SOUND_SECONDS * fs
        assert not wave.flags.writeable


@pytest.mark.parametrize("name", SOUND_NAMES)
def test_left_and_right_steps_differ_measurably(name: str) -> None:
    left = step_sound(name, Foot.LEFT, FS)
    right = step_sound(name, Foot.RIGHT, FS)
    assert dominant_hz(right) > 1.2 * dominant_hz(left)
    assert centroid_hz(right) > 1.1 * centroid_hz(left)


@pytest.mark.parametrize("name", SOUND_NAMES)
def test_accent_is_louder_and_brighter(name: str) -> None:
    for foot in Foot:
        plain = step_sound(name, foot, FS)
        accent = step_sound(name, foot, FS, accent=True)
        assert np.sqrt(np.mean(accent**2)) > 1.1 * np.sqrt(np.mean(plain**2))
        assert centroid_hz(accent) > centroid_hz(plain)


def test_the_four_step_sounds_are_different_from_each_other() -> None:
    peaks = {name: dominant_hz(step_sound(name, Foot.LEFT, FS)) for name in SOUND_NAMES}
    for a, b in itertools.combinations(SOUND_NAMES, 2):
        assert abs(peaks[a] - peaks[b]) > 50, (a, b)


def test_count_in_does_not_sound_like_any_step() -> None:
    count_in = dominant_hz(count_in_sound(FS))
    for name in SOUND_NAMES:
        for foot in Foot:
            assert abs(dominant_hz(step_sound(name, foot, FS)) - count_in) > 100


def test_each_chime_kind_has_its_own_figure() -> None:
    chimes = {kind: chime_sound(kind, FS) for kind in ChimeKind}
    for a, b in itertools.combinations(ChimeKind, 2):
        difference = np.abs(chimes[a] - chimes[b]).max()
        assert difference > 0.1, (a, b)
    # Chimes are soft next to the steps.
    assert max(np.abs(c).max() for c in chimes.values()) <= 0.5


def test_sounds_are_made_once_per_sample_rate() -> None:
    assert step_sound("beep", Foot.LEFT, FS) is step_sound("beep", Foot.LEFT, FS)
    assert chime_sound(ChimeKind.END, FS) is chime_sound(ChimeKind.END, FS)
    assert step_sound("beep", Foot.LEFT, 8000).size < step_sound("beep", Foot.LEFT, FS).size


def test_unknown_sound_is_refused() -> None:
    with pytest.raises(ValueError, match="cowbell"):
        step_sound("cowbell", Foot.LEFT, FS)


def test_the_loudest_step_on_top_of_any_chime_cannot_clip() -> None:
    loudest_step = max(
        np.abs(step_sound(name, foot, FS, accent=True)).max()
        for name in SOUND_NAMES
        for foot in Foot
    )
    loudest_chime = max(np.abs(chime_sound(kind, FS)).max() for kind in ChimeKind)
    assert loudest_step + loudest_chime <= 1.0
    assert np.abs(count_in_sound(FS)).max() + loudest_chime <= 1.0
