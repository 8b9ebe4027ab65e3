"""Beat arithmetic: where each step of a tempo segment falls, in integers, and beat buffers.

Each tempo segment has a beat phase, the integral of steps/min over time, and beat k sits
where that phase reaches k, rounded once (half up) to a sample. Steady segments use exact
rationals, so `start + round(k * fs * 60 / spm)` holds with no drift at any length; ramps
take an integer square root and then check the rounding exactly, so no rounding ever
accumulates and the audio thread never builds a Fraction or a float.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction


class Foot(enum.Enum):
    """Which foot a step belongs to."""

    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class TempoSegment:
    """Tempo from sample `begin` until the next segment: steady, a ramp, or no steps at all.

    A ramp goes linearly from start_spm to end_spm over ramp_samples, then holds end_spm.
    start_spm None means a stretch of the session without steps.
    """

    begin: int
    start_spm: float | None
    end_spm: float | None = None
    ramp_samples: int = 0

    @property
    def has_steps(self) -> bool:
        """Whether steps sound during this segment."""
        return self.start_spm is not None


@dataclass(frozen=True, slots=True)
class Beat:
    """One beat: its stream-wide index (negative during the count-in) and its sample."""

    index: int
    sample: int

    @property
    def foot(self) -> Foot | None:
        """LEFT for even steps, RIGHT for odd ones, None for count-in beats."""
        if self.index < 0:
            return None
        return Foot.LEFT if self.index % 2 == 0 else Foot.RIGHT


class BeatBuffer:
    """Room for the beats of one block, made once on the GUI thread, refilled on the audio one.

    After a fill, beats 0 .. count - 1 are (indices[i], samples[i]), in order.
    """

    __slots__ = ("count", "indices", "samples")

    def __init__(self, capacity: int) -> None:
        self.indices = [0] * capacity
        self.samples = [0] * capacity
        self.count = 0

    @property
    def capacity(self) -> int:
        """How many beats one fill can hold."""
        return len(self.samples)


def beats_capacity(window: int, fs: int, segments: int, fastest_spm: int) -> int:
    """The most beats any `window` samples can hold, each segment's edge adding one."""
    return window * fastest_spm // (60 * fs) + 2 + segments


class Timeline:
    """Exact beat arithmetic for one stepping segment, in integers.

    phase(x), the beats elapsed x samples after begin, is a rational polynomial. Scaled by a
    common denominator L and sampled at half samples it becomes the integer function
    F(h) = 4 * L * phase(h / 2), so the audio thread only ever does integer arithmetic.
    """

    def __init__(
        self, seg: TempoSegment, fs: int, end: int | None, phase0: Fraction, k_lo: int
    ) -> None:
        assert seg.start_spm is not None
        s0 = Fraction(seg.start_spm)
        s1 = Fraction(seg.end_spm if seg.end_spm is not None else seg.start_spm)
        self.begin = seg.begin
        self.ramp = seg.ramp_samples if s1 != s0 else 0
        self.s0, self.s1 = float(s0), float(s1)
        rate = Fraction(1, 60 * fs)  # beats per sample at 1 step/min
        linear = s0 * rate  # phase = linear * x before and without a ramp
        square = (s1 - s0) * rate / (2 * self.ramp) if self.ramp else Fraction(0)
        after = s1 * rate  # phase slope once the ramp is over
        at_end = linear * self.ramp + square * self.ramp * self.ramp
        self.scale = math.lcm(*(q.denominator for q in (linear, square, after, at_end, phase0)))
        self.a, self.b, self.c, self.e, self.p0 = (
            int(q * self.scale) for q in (linear, square, after, at_end, phase0)
        )
        self.k_lo = k_lo
        # Beats whose exact position lies before the next segment belong to this one.
        self.k_hi = None if end is None else max(k_lo, self._ceil_beat(2 * (end - self.begin)))
        self.index0 = 0

    def _f(self, h: int) -> int:
        """4 * L * phase(h / 2): the scaled phase at a half-sample point."""
        if self.ramp == 0 or h <= 0:
            return 2 * self.a * h
        if h <= 2 * self.ramp:
            return 2 * self.a * h + self.b * h * h
        return 4 * self.e + 2 * self.c * (h - 2 * self.ramp)

    def _ceil_beat(self, h: int) -> int:
        """ceil(phase(h / 2) + phase0): the first beat number at or after that point."""
        return -((-(self._f(h) + 4 * self.p0)) // (4 * self.scale))

    def spm(self, n: int) -> float:
        """Tempo n samples after begin (GUI thread)."""
        if self.ramp == 0 or n <= 0:
            return self.s0
        if n >= self.ramp:
            return self.s1
        return self.s0 + (self.s1 - self.s0) * n / self.ramp

    def offset(self, k: int) -> int:
        """Sample offset of beat k from begin: where the phase reaches k, rounded half up."""
        t = self.scale * k - self.p0  # L * (k - phase0)
        if self.ramp == 0:
            return (2 * t + self.a) // (2 * self.a)
        if t >= self.e:
            return self.ramp + (2 * (t - self.e) + self.c) // (2 * self.c)
        # In the ramp a * x + b * x**2 = t; its cancellation-free root is
        # x = 2t / (a + sqrt(a**2 + 4bt)), estimated here with an integer square root.
        root = self.a + math.isqrt(max(0, self.a * self.a + 4 * self.b * t))
        m = (4 * t + root) // (2 * root)
        # The estimate is within a sample or two of the truth; make the rounding exact:
        # beat k rounds to m when phase(m - 1/2) <= k - phase0 < phase(m + 1/2).
        while m > 0 and self._f(2 * m - 1) > 4 * t:
            m -= 1
        while self._f(2 * m + 1) <= 4 * t:
            m += 1
        return m

    def first_k(self, start: int) -> int:
        """The first beat number whose sample is at or after start."""
        if start <= self.begin:
            return self.k_lo
        return max(self.k_lo, self._ceil_beat(2 * (start - self.begin) - 1))

    def end_k(self, end: int) -> int:
        """One past the last beat number whose sample is before end."""
        hi = self._ceil_beat(2 * (end - self.begin) - 1)
        return hi if self.k_hi is None or hi < self.k_hi else self.k_hi

    def k_range(self, start: int, end: int) -> range:
        """Beat numbers k whose sample lies in [start, end) (GUI thread)."""
        lo = self.first_k(start)
        return range(lo, max(lo, self.end_k(end)))

    def fill(self, start: int, end: int, out: BeatBuffer) -> None:
        """Append the beats in [start, end) to out, building no object (audio thread)."""
        k = self.first_k(start)
        hi = self.end_k(end)
        n = out.count
        capacity = len(out.samples)
        while k < hi and n < capacity:
            out.indices[n] = self.index0 + k
            out.samples[n] = self.begin + self.offset(k)
            n += 1
            k += 1
        out.count = n


def chain_timelines(
    segments: Sequence[TempoSegment], fs: int, count_in: int
) -> tuple[Timeline | None, ...]:
    """Per segment, its beat arithmetic chained to the beats before it (None without steps)."""
    result: list[Timeline | None] = []
    last: Beat | None = None
    next_index = -count_in
    for i, seg in enumerate(segments):
        end = segments[i + 1].begin if i + 1 < len(segments) else None
        if not seg.has_steps:
            result.append(None)
            last = None
            continue
        timeline = Timeline(seg, fs, end, _phase0(seg, fs, last, result), 0 if last is None else 1)
        timeline.index0 = next_index if timeline.k_lo == 0 else next_index - 1
        k_hi = timeline.k_hi
        if k_hi is not None and k_hi > timeline.k_lo:
            last = Beat(timeline.index0 + k_hi - 1, seg.begin + timeline.offset(k_hi - 1))
            next_index = last.index + 1
        result.append(timeline)
    return tuple(result)


def _phase0(seg: TempoSegment, fs: int, last: Beat | None, done: list[Timeline | None]) -> Fraction:
    """Beat phase already elapsed at a segment's start, measured from the last beat."""
    if last is None:
        return Fraction(0)
    previous = done[-1]
    # The old tempo's next beat landing exactly on the boundary keeps its place.
    if (
        previous is not None
        and previous.k_hi is not None
        and previous.begin + previous.offset(previous.k_hi) == seg.begin
    ):
        return Fraction(1)
    assert seg.start_spm is not None
    elapsed = Fraction(seg.start_spm) * (seg.begin - last.sample) / (60 * fs)
    return min(Fraction(1), elapsed)
