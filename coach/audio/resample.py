"""Band-limited resampling with numpy alone, for speech made at the engine's own rate."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

_PAD = 256  # silence before the speech, so the FFT's wrap-around never reaches it


def resample(
    wave: npt.NDArray[np.float32], from_rate: int, to_rate: int
) -> npt.NDArray[np.float32]:
    """The wave at to_rate: its spectrum cut or zero-padded, so nothing aliases (GUI thread).

    The FFT length is padded to a multiple of from_rate / gcd whose other factors are 2, 3
    and 5, so both transforms are fast and the output length is exact.
    """
    if from_rate == to_rate or wave.size == 0:
        return np.asarray(wave, dtype=np.float32).copy()
    step_in = from_rate // math.gcd(from_rate, to_rate)
    step_out = to_rate // math.gcd(from_rate, to_rate)
    pad_steps = -(-_PAD // step_in)  # a whole number of steps, so it maps to whole samples
    k = _smooth_at_least(-(-wave.size // step_in) + 2 * pad_steps)
    n, m = k * step_in, k * step_out
    padded = np.zeros(n)
    padded[pad_steps * step_in : pad_steps * step_in + wave.size] = wave
    spectrum = np.fft.rfft(padded)
    out_spectrum = np.zeros(m // 2 + 1, dtype=np.complex128)
    keep = min(spectrum.size, out_spectrum.size)
    out_spectrum[:keep] = spectrum[:keep]
    out = np.fft.irfft(out_spectrum, m) * (m / n)
    pad = pad_steps * step_out
    length = round(wave.size * to_rate / from_rate)
    return out[pad : pad + length].astype(np.float32)


def _smooth_at_least(n: int) -> int:
    """The smallest number at least n whose only prime factors are 2, 3 and 5."""
    best = 1 << max(0, (n - 1).bit_length())
    p5 = 1
    while p5 < best:
        p35 = p5
        while p35 < best:
            p = p35
            while p < n:
                p *= 2
            best = min(best, p)
            p35 *= 3
        p5 *= 5
    return best
