"""Chime and cue timing for a session: phase changes, halfway, last minute, end, cue cards."""

from __future__ import annotations

import math
from collections.abc import Sequence

from coach.audio.programs.model import MAX_SOUND_SECONDS, Chime, ChimeKind
from coach.domain.plans import PhaseTempo


def session_chimes(
    phases: Sequence[PhaseTempo], bounds: Sequence[int], fs: int, elapsed: int
) -> list[Chime]:
    """Phase changes, the end, and halfway and the last minute where they crowd no other.

    bounds are the phases' edges in samples; elapsed is how much of the session ran before
    them (resuming), so halfway means the whole session's.
    """
    start, end = bounds[0] - elapsed, bounds[-1]
    # A ramp followed by its hold is one phase to the walker: chime only when the name changes.
    chimes = [
        Chime(bounds[i], ChimeKind.PHASE_CHANGE)
        for i in range(1, len(phases))
        if not phases[i].name or phases[i].name != phases[i - 1].name
    ]
    chimes.append(Chime(end, ChimeKind.END))
    gap = round(MAX_SOUND_SECONDS * fs)
    optional = [Chime(start + (end - start) // 2, ChimeKind.HALFWAY)]
    if end - start >= 2 * 60 * fs:
        optional.append(Chime(end - 60 * fs, ChimeKind.LAST_MINUTE))
    for chime in optional:
        # A chime on top of another sounds like a mistake; the phase change says enough.
        # One that fell before a resumed session's restart has already sounded.
        if chime.sample >= bounds[0] and all(abs(chime.sample - o.sample) >= gap for o in chimes):
            chimes.append(chime)
    return sorted(chimes, key=lambda c: c.sample)


def with_cue_chimes(
    chimes: Sequence[Chime], cue_s: Sequence[float], bounds: Sequence[int], fs: int
) -> list[Chime]:
    """The chimes plus a soft CUE chime at each cue-card change that crowds no other chime."""
    gap = round(MAX_SOUND_SECONDS * fs)
    out = list(chimes)
    for seconds in cue_s:
        if not math.isfinite(seconds):
            continue
        sample = bounds[0] + round(seconds * fs)
        # A cue chime on top of a phase chime would blur both; the phase change wins.
        if bounds[0] <= sample < bounds[-1] and all(abs(sample - o.sample) >= gap for o in out):
            out.append(Chime(sample, ChimeKind.CUE))
    return sorted(out, key=lambda c: c.sample)
