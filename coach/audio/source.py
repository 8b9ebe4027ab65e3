"""The contract between whatever makes sound and the engine that plays it."""

from __future__ import annotations

from typing import Protocol

import numpy as np
import numpy.typing as npt

FloatBlock = npt.NDArray[np.float32]
"""A block of audio frames: shape (frames, channels), float32 in -1..1."""


class BlockSource(Protocol):
    """Renders any stretch of a stream, addressed by its absolute sample position.

    `render` is called on the audio thread: it must only write into `out` (no allocation,
    no locks, no logging) and must give the same samples however the stream is cut into
    blocks.
    """

    sample_rate: int
    channels: int

    def render(self, start_sample: int, out: FloatBlock) -> None:
        """Write frames start_sample .. start_sample + len(out) into out."""
        ...
