"""An imported walk's cadence trace as a BLOB: compact enough for years of 1 Hz walks.

Little-endian float32 pairs (seconds after the start, steps/min), 8 bytes a sample: a
3-hour walk at one sample a second is 86 KB. float32 keeps the offset to 4 ms over a day
and the cadence to 0.00001 steps/min, far finer than any watch records.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence

from coach.domain.walk_files.model import CadenceSample

_PAIR_BYTES = 8


def encode_trace(samples: Sequence[CadenceSample]) -> bytes | None:
    """The samples as stored; None (SQL NULL) for a walk without cadence."""
    if not samples:
        return None
    values = array("f", (v for s in samples for v in (s.offset_s, s.steps_per_min)))
    if sys.byteorder == "big":
        values.byteswap()
    return values.tobytes()


def decode_trace(blob: bytes | None) -> tuple[CadenceSample, ...]:
    """The samples of a stored trace; raises ValueError for a BLOB that is not one."""
    if not blob:
        return ()
    if len(blob) % _PAIR_BYTES:
        raise ValueError(f"a cadence trace of {len(blob)} bytes is not whole samples")
    values = array("f")
    values.frombytes(blob)
    if sys.byteorder == "big":
        values.byteswap()
    return tuple(CadenceSample(values[i], values[i + 1]) for i in range(0, len(values), 2))
