"""The block renderer: the one place sound is made, for the engine and for export alike.

Every sound is pre-rendered at construction with its stereo gains baked in; `render` only
clears the block, adds slices of those arrays at exact sample offsets and scales in place.
A sample's value depends only on its absolute position, never on how the stream is cut.

In steady state `render` builds no object of its own: the beats of a block go into a
BeatBuffer made at construction, chimes are found by index, and each sound is picked from a
tuple by integer arithmetic. What remains per block is the interpreter's own temporaries
(integers, numpy views of the slices being mixed), all freed before it returns;
tests/audio/test_render_allocations.py holds it to that.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from coach.audio.programs.beats import BeatBuffer, Foot, beats_capacity
from coach.audio.programs.model import ChimeKind, ClickProgram
from coach.audio.sounds import chime_sound, count_in_sound, step_sound
from coach.audio.source import FloatBlock
from coach.domain.cadence_range import CADENCE_MAX

Frames = npt.NDArray[np.float32]
"""A read-only pre-rendered sound, shape (samples, channels)."""
BLOCK_HINT = 4096
"""Frames per block the beat buffer is first sized for; a longer block grows it once."""


@dataclass(frozen=True)
class _Voices:
    """Every pre-rendered sound a program can play, with its channel gains applied."""

    steps: dict[tuple[Foot, bool], Frames]
    count_in: Frames
    chimes: dict[ChimeKind, Frames]
    longest_step: int
    longest_chime: int


class Renderer:
    """Renders a ClickProgram block by block; implements BlockSource.

    Built on the GUI thread (it pre-renders, cheaply after the first time per sound set);
    `render` runs on the audio thread and allocates no sample buffers.
    """

    def __init__(self, program: ClickProgram, channels: int = 2) -> None:
        if channels not in (1, 2):
            raise ValueError(f"The renderer writes 1 or 2 channels, not {channels}.")
        self.program = program
        self.sample_rate = program.sample_rate
        self.channels = channels
        sound = program.sound
        voices = _voices(
            program.sample_rate, sound.left_sound, sound.right_sound, sound.pan, channels
        )
        self._voices = voices
        # Step sounds by (index % 2) + 2 * accented, and each chime's sound by its place.
        self._steps = tuple(voices.steps[(f, accent)] for accent in (False, True) for f in Foot)
        self._chime_frames = tuple(voices.chimes[c.kind] for c in program.chimes)
        self._volume = np.float32(sound.volume)
        fade = program.fade_samples
        ramp = ramp_curve(fade)
        self._fade_in = ramp.astype(np.float32)[:, None]
        self._fade_out = ramp[::-1].astype(np.float32)[:, None]
        self._accent_every = sound.accent_every
        # Ducking glides over 10 ms at each edge of a phrase, so the gain change never clicks.
        self._duck = np.float32(program.duck_gain)
        duck_ramp = max(1, round(0.010 * program.sample_rate))
        glide = 1.0 - (1.0 - program.duck_gain) * ramp_curve(duck_ramp)
        self._duck_in = glide.astype(np.float32)
        self._duck_out = np.ascontiguousarray(glide[::-1], dtype=np.float32)
        self._beats = BeatBuffer(self._beats_capacity(BLOCK_HINT))

    def render(self, start_sample: int, out: FloatBlock) -> None:
        """Write frames start_sample .. start_sample + len(out) into out (audio thread)."""
        out.fill(0.0)
        frames = out.shape[0]
        end = start_sample + frames
        program = self.program
        voices = self._voices
        beats = self._beats
        if beats.capacity < self._beats_capacity(frames):  # a longer block than ever before
            beats = self._beats = BeatBuffer(self._beats_capacity(frames))
        program.fill_beats(start_sample - voices.longest_step + 1, end, beats)
        i = 0
        while i < beats.count:
            _mix(self._step_frames(beats.indices[i]), beats.samples[i], start_sample, out)
            i += 1
        phrases = program.phrases
        if phrases and self._duck != 1.0:
            self._duck_steps(start_sample, out)
        chime_samples = program.chime_samples
        i = program.chime_index(start_sample - voices.longest_chime + 1)
        last = program.chime_index(end)
        while i < last:
            _mix(self._chime_frames[i], chime_samples[i], start_sample, out)
            i += 1
        if phrases:
            # Phrases never overlap, so those in the block follow the last one begun before it.
            i = max(0, program.phrase_index(start_sample))
            while i < len(phrases) and phrases[i].sample < end:
                _mix_mono(phrases[i].frames, phrases[i].sample, start_sample, out)
                i += 1
        if self._volume != 1.0:
            out *= self._volume
        _scale(out, start_sample, 0, self._fade_in)
        if program.stop_sample is not None:
            _scale(out, start_sample, program.stop_sample, self._fade_out)
            silent_from = program.stop_sample + self._fade_out.shape[0] - start_sample
            if silent_from < out.shape[0]:
                out[max(0, silent_from) :] = 0.0

    def _duck_steps(self, start_sample: int, out: FloatBlock) -> None:
        """Lower the steps under each phrase in the block, with short ramps at its edges."""
        program = self.program
        phrases = program.phrases
        end = start_sample + out.shape[0]
        ramp = self._duck_in.shape[0]
        i = max(0, program.phrase_index(start_sample))
        while i < len(phrases) and phrases[i].sample < end:
            begin, stop = phrases[i].sample, phrases[i].end
            if stop - begin >= 2 * ramp:
                _scale_mono(out, start_sample, begin, self._duck_in)
                lo = max(begin + ramp, start_sample)
                hi = min(stop - ramp, end)
                if hi > lo:
                    out[lo - start_sample : hi - start_sample] *= self._duck
                _scale_mono(out, start_sample, stop - ramp, self._duck_out)
            i += 1

    def _step_frames(self, index: int) -> Frames:
        if index < 0:
            return self._voices.count_in
        every = self._accent_every
        accented = every > 0 and index % every == 0
        return self._steps[(index & 1) + (2 if accented else 0)]

    def _beats_capacity(self, frames: int) -> int:
        window = frames + self._voices.longest_step
        return beats_capacity(window, self.sample_rate, len(self.program.segments), CADENCE_MAX)


def ramp_curve(n: int) -> npt.NDArray[np.float64]:
    """A raised-cosine rise from near 0 to near 1 over n samples (fades and ducking)."""
    return 0.5 - 0.5 * np.cos(np.pi * (np.arange(n, dtype=np.float64) + 0.5) / n)


def _mix(frames: Frames, at: int, block_start: int, out: FloatBlock) -> None:
    """Add the part of a sound starting at sample `at` that falls inside the block, in place."""
    lo = max(at, block_start)
    hi = min(at + frames.shape[0], block_start + out.shape[0])
    if hi > lo:
        out[lo - block_start : hi - block_start] += frames[lo - at : hi - at]


def _mix_mono(frames: Frames, at: int, block_start: int, out: FloatBlock) -> None:
    """Add a one-channel sound to every channel, one channel at a time.

    Adding a (n, 1) array to (n, 2) would broadcast, and numpy buffers a broadcast in-place
    operation: about 9 KiB per call, which the audio thread must not allocate.
    """
    lo = max(at, block_start)
    hi = min(at + frames.shape[0], block_start + out.shape[0])
    if hi > lo:
        for channel in range(out.shape[1]):
            out[lo - block_start : hi - block_start, channel] += frames[lo - at : hi - at]


def _scale_mono(out: FloatBlock, block_start: int, at: int, curve: Frames) -> None:
    """Multiply every channel, in place, by the part of a one-channel curve starting at `at`."""
    lo = max(at, block_start)
    hi = min(at + curve.shape[0], block_start + out.shape[0])
    if hi > lo:
        for channel in range(out.shape[1]):
            out[lo - block_start : hi - block_start, channel] *= curve[lo - at : hi - at]


def _scale(out: FloatBlock, block_start: int, at: int, curve: Frames) -> None:
    """Multiply the block, in place, by the part of a fade curve starting at `at`."""
    lo = max(at, block_start)
    hi = min(at + curve.shape[0], block_start + out.shape[0])
    if hi > lo:
        out[lo - block_start : hi - block_start] *= curve[lo - at : hi - at]


@lru_cache(maxsize=16)
def _voices(fs: int, left: str, right: str, pan: bool, channels: int) -> _Voices:
    """Pre-render every sound with its gains; shared by renderers with the same settings."""
    centre = np.ones(channels, dtype=np.float32)
    if channels == 2 and pan:
        gains = {
            Foot.LEFT: np.array([1.0, 0.0], np.float32),
            Foot.RIGHT: np.array([0.0, 1.0], np.float32),
        }
    else:
        gains = {Foot.LEFT: centre, Foot.RIGHT: centre}
    names = {Foot.LEFT: left, Foot.RIGHT: right}
    steps = {
        (foot, accent): _frames(step_sound(names[foot], foot, fs, accent=accent), gains[foot])
        for foot in Foot
        for accent in (False, True)
    }
    chimes = {kind: _frames(chime_sound(kind, fs), centre) for kind in ChimeKind}
    count_in = _frames(count_in_sound(fs), centre)
    return _Voices(
        steps=steps,
        count_in=count_in,
        chimes=chimes,
        longest_step=max(f.shape[0] for f in (*steps.values(), count_in)),
        longest_chime=max(f.shape[0] for f in chimes.values()),
    )


def _frames(wave: npt.NDArray[np.float32], gains: npt.NDArray[np.float32]) -> Frames:
    frames = np.ascontiguousarray(wave[:, None] * gains[None, :], dtype=np.float32)
    frames.setflags(write=False)
    return frames
