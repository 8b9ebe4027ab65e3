"""Write a click program to an audio file with the same renderer the engine plays.

WAV (16-bit PCM) uses only the standard library; FLAC goes through `soundfile`
(a dependency; export still says what to do should it be missing). The file is rendered in
chunks, so an hour never sits in memory, streamed into a private temporary file beside the
target (coach.storage.private_files, the app's one writer) and renamed into place only
when complete and flushed to disk.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from coach.audio.programs.model import ClickProgram
from coach.audio.renderer import Renderer
from coach.storage.private_files import writing_private

FORMATS: tuple[str, ...] = (".wav", ".flac")
"""File name endings export understands, each naming its format."""

MAX_EXPORT_SECONDS = 12 * 3600
"""Longest export accepted; far beyond any walk, short of filling a disk by mistake."""

_CHUNK_FRAMES = 1 << 16


class ExportError(ValueError):
    """An export that cannot be done; the message says what to change."""


class _Writer(Protocol):
    def write(self, frames: npt.NDArray[np.int16]) -> None: ...


def export_audio(
    program: ClickProgram,
    path: str | os.PathLike[str],
    *,
    seconds: float | None = None,
    sample_rate: int | None = None,
    channels: int = 2,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Render program to path (.wav, or .flac with soundfile) and return the path written.

    seconds cuts the program (with the usual short fade) or is required for an endless one;
    sample_rate rescales the program to another rate; progress gets the fraction done.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"Save as .wav or .flac, not '{target.name}'.")
    if sample_rate is not None and sample_rate != program.sample_rate:
        program = program.with_sample_rate(sample_rate)
    if channels not in (1, 2):
        raise ExportError(f"Export writes 1 or 2 channels, not {channels}.")
    program, total = _bounded(program, seconds)
    if not target.parent.is_dir():
        raise ExportError(f"The folder {target.parent} does not exist.")
    renderer = Renderer(program, channels)
    with writing_private(target) as handle:
        opener = _open_flac if suffix == ".flac" else _open_wav
        with opener(handle, program.sample_rate, channels) as writer:
            _write_all(renderer, writer, total, progress)
    return target


def _bounded(program: ClickProgram, seconds: float | None) -> tuple[ClickProgram, int]:
    """The program made finite, and its length in samples."""
    natural = program.duration_samples
    if seconds is None:
        if natural is None:
            raise ExportError("This metronome never ends by itself; say how long to export.")
        total = natural
    else:
        if not 0 < seconds <= MAX_EXPORT_SECONDS:
            raise ExportError(
                f"Export length must be more than 0 and at most {MAX_EXPORT_SECONDS // 3600} "
                f"hours, not {seconds:g} s."
            )
        total = max(program.fade_samples + 1, round(seconds * program.sample_rate))
        if natural is None or natural > total:
            # End softly inside the file instead of cutting a click in half.
            program = program.with_stop(total - program.fade_samples)
    if total > MAX_EXPORT_SECONDS * program.sample_rate:
        raise ExportError("This export would be longer than 12 hours.")
    return program, total


def _write_all(
    renderer: Renderer, writer: _Writer, total: int, progress: Callable[[float], None] | None
) -> None:
    block = np.zeros((_CHUNK_FRAMES, renderer.channels), np.float32)
    pcm = np.zeros((_CHUNK_FRAMES, renderer.channels), np.int16)
    position = 0
    while position < total:
        size = min(_CHUNK_FRAMES, total - position)
        renderer.render(position, block[:size])
        _to_pcm16(block[:size], pcm[:size])
        writer.write(pcm[:size])
        position += size
        if progress is not None:
            progress(position / total)


def _to_pcm16(block: npt.NDArray[np.float32], out: npt.NDArray[np.int16]) -> None:
    """Scale to 16-bit, rounding to nearest and clipping anything past full scale."""
    scaled = np.rint(block * np.float32(32767.0))
    np.clip(scaled, -32768, 32767, out=scaled)
    out[...] = scaled


class _WavWriter:
    def __init__(self, wav: wave.Wave_write) -> None:
        self._wav = wav

    def write(self, frames: npt.NDArray[np.int16]) -> None:
        self._wav.writeframes(frames.astype("<i2", copy=False).tobytes())


@contextlib.contextmanager
def _open_wav(handle: Any, sample_rate: int, channels: int) -> Iterator[_Writer]:
    with wave.open(handle, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        yield _WavWriter(wav)


@contextlib.contextmanager
def _open_flac(handle: Any, sample_rate: int, channels: int) -> Iterator[_Writer]:
    try:
        soundfile = importlib.import_module("soundfile")
    except ImportError:
        raise ExportError(
            "FLAC needs the optional 'soundfile' package (pip install soundfile); "
            "save as .wav instead, which always works."
        ) from None
    with soundfile.SoundFile(
        handle, "w", samplerate=sample_rate, channels=channels, format="FLAC", subtype="PCM_16"
    ) as flac:
        yield flac
