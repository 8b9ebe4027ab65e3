"""The block renderer: the one place sound is made, for the engine and for export alike.

Every sound is pre-rendered at construction with its stereo gains baked in; `render` only
clears the block, adds slices of those arrays at exact sample offsets and scales in place.
A sample's value depends only on its absolute position, never on how the stream is cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from coach.audio.programs.model import Beat, ChimeKind, ClickProgram, Foot
from coach.audio.sounds import chime_sound, count_in_sound, step_sound
from coach.audio.source import FloatBlock

Frames = npt.NDArray[np.float32]
"""A read-only pre-rendered sound, shape (samples, channels)."""


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
        self._voices = _voices(
            program.sample_rate, program.left_sound, program.right_sound, program.pan, channels
        )
        self._volume = np.float32(program.volume)
        fade = program.fade_samples
        ramp = 0.5 - 0.5 * np.cos(np.pi * (np.arange(fade, dtype=np.float64) + 0.5) / fade)
        self._fade_in = ramp.astype(np.float32)[:, None]
        self._fade_out = ramp[::-1].astype(np.float32)[:, None]
        self._accent_every = program.accent_every

    def render(self, start_sample: int, out: FloatBlock) -> None:
        """Write frames start_sample .. start_sample + len(out) into out (audio thread)."""
        out.fill(0.0)
        end = start_sample + out.shape[0]
        program = self.program
        voices = self._voices
        for beat in program.beats_between(start_sample - voices.longest_step + 1, end):
            _mix(self._step_frames(beat), beat.sample, start_sample, out)
        for chime in program.chimes_between(start_sample - voices.longest_chime + 1, end):
            _mix(voices.chimes[chime.kind], chime.sample, start_sample, out)
        if self._volume != 1.0:
            out *= self._volume
        _scale(out, start_sample, 0, self._fade_in)
        if program.stop_sample is not None:
            _scale(out, start_sample, program.stop_sample, self._fade_out)
            silent_from = program.stop_sample + self._fade_out.shape[0] - start_sample
            if silent_from < out.shape[0]:
                out[max(0, silent_from) :] = 0.0

    def _step_frames(self, beat: Beat) -> Frames:
        if beat.index < 0:
            return self._voices.count_in
        accent = self._accent_every > 0 and beat.index % self._accent_every == 0
        foot = Foot.LEFT if beat.index % 2 == 0 else Foot.RIGHT
        return self._voices.steps[(foot, accent)]


def _mix(frames: Frames, at: int, block_start: int, out: FloatBlock) -> None:
    """Add the part of a sound starting at sample `at` that falls inside the block, in place."""
    lo = max(at, block_start)
    hi = min(at + frames.shape[0], block_start + out.shape[0])
    if hi > lo:
        out[lo - block_start : hi - block_start] += frames[lo - at : hi - at]


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
