"""The click program: an immutable description of where every step and chime sounds.

Beat positions are pure arithmetic on the sample counter. Each tempo segment has a beat
phase, the integral of steps/min over time, and beat k sits where that phase reaches k,
rounded once (half up) to a sample. Steady segments use exact rationals, so
`start + round(k * fs * 60 / spm)` holds with no drift at any length; ramps solve a quadratic
in float64 and then check the rounding exactly, so no rounding ever accumulates.
"""

from __future__ import annotations

import bisect
import enum
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

from coach.domain.plans import PhaseTempo
from coach.domain.preferences import SOUND_NAMES

SPM_MIN = 40
SPM_MAX = 220
"""Cadences a program accepts, in steps per minute."""

MAX_SOUND_SECONDS = 1.5
"""No step, count-in or chime sound is longer than this; the tail after a program's end."""

_HALF = Fraction(1, 2)


class ProgramError(ValueError):
    """A click program that cannot be built; the message says what and why."""


class Foot(enum.Enum):
    """Which foot a step belongs to."""

    LEFT = "left"
    RIGHT = "right"


class ChimeKind(enum.Enum):
    """The soft chimes that mark moments of a session."""

    PHASE_CHANGE = "phase_change"
    HALFWAY = "halfway"
    LAST_MINUTE = "last_minute"
    END = "end"
    CUE = "cue"  # a softer single note: the cue card changed
    TICK = "tick"  # one of the last three seconds of a routine step
    SWITCH_SIDES = "switch_sides"  # a per-side exercise moves to the other side


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


@dataclass(frozen=True)
class Chime:
    """A chime of one kind starting at an exact sample."""

    sample: int
    kind: ChimeKind


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


@dataclass(frozen=True)
class BeatInfo:
    """The beat in effect at a sample, for lighting the footprint on screen."""

    index: int
    foot: Foot | None
    sample: int
    next_sample: int | None


class _Timeline:
    """Exact beat arithmetic for one stepping segment, in integers (internal).

    phase(x), the beats elapsed x samples after begin, is a rational polynomial. Scaled by a
    common denominator L and sampled at half samples it becomes the integer function
    F(h) = 4 * L * phase(h / 2), so the audio thread never builds a Fraction.
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
        """Tempo n samples after begin."""
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
        beats = t / self.scale
        estimate = 2 * beats / (self.a / self.scale) if self.b == 0 else self._solve(beats)
        m = math.floor(estimate + 0.5)
        # The float estimate is within a hair of the truth; make the rounding exact:
        # beat k rounds to m when phase(m - 1/2) <= k - phase0 < phase(m + 1/2).
        while m > 0 and self._f(2 * m - 1) > 4 * t:
            m -= 1
        while self._f(2 * m + 1) <= 4 * t:
            m += 1
        return m

    def _solve(self, beats: float) -> float:
        """Float root of linear * x + square * x**2 = beats, in its cancellation-free form."""
        a, b = self.a / self.scale, self.b / self.scale
        return 2 * beats / (a + math.sqrt(a * a + 4 * b * beats))

    def k_range(self, start: int, end: int) -> range:
        """Beat numbers k whose sample lies in [start, end)."""
        lo = self.k_lo
        if start > self.begin:
            lo = max(lo, self._ceil_beat(2 * (start - self.begin) - 1))
        hi = self._ceil_beat(2 * (end - self.begin) - 1)
        if self.k_hi is not None:
            hi = min(hi, self.k_hi)
        return range(lo, max(lo, hi))


@dataclass(frozen=True)
class ClickProgram:
    """Everything the renderer plays: tempo segments, chimes, sounds, levels and the stop.

    Immutable: the `with_*` methods return a new program that is identical before the
    sample they are given, so swapping programs mid-stream never changes what already played.
    """

    sample_rate: int
    segments: tuple[TempoSegment, ...]
    chimes: tuple[Chime, ...] = ()
    left_sound: str = "woodblock"
    right_sound: str = "woodblock"
    volume: float = 0.7
    pan: bool = False
    accent_every: int = 0
    count_in: int = 0
    fade_seconds: float = 0.005
    stop_sample: int | None = None
    # Lookup tables derived once at construction (on the GUI thread), so the audio thread
    # only ever reads them: no lazy initialisation and no locks there.
    _begins: list[int] = field(init=False, repr=False, compare=False)
    _chime_samples: list[int] = field(init=False, repr=False, compare=False)
    _timelines: tuple[_Timeline | None, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _validate(self)
        chimes = tuple(sorted(self.chimes, key=lambda c: c.sample))
        object.__setattr__(self, "chimes", chimes)
        object.__setattr__(self, "_begins", [s.begin for s in self.segments])
        object.__setattr__(self, "_chime_samples", [c.sample for c in chimes])
        object.__setattr__(self, "_timelines", self._chain_timelines())

    @property
    def fade_samples(self) -> int:
        """Length of the fade at the start and at a stop, in samples."""
        return max(1, round(self.fade_seconds * self.sample_rate))

    @property
    def duration_samples(self) -> int | None:
        """Samples until the stream is silent for good, or None if it never ends."""
        natural = None
        last = self.segments[-1]
        if not last.has_steps:
            end = max(last.begin, self.chimes[-1].sample if self.chimes else 0)
            natural = end + round(MAX_SOUND_SECONDS * self.sample_rate)
        if self.stop_sample is None:
            return natural
        stopped = self.stop_sample + self.fade_samples
        return stopped if natural is None else min(natural, stopped)

    # -- queries ------------------------------------------------------------------------

    def beats_between(self, start: int, end: int) -> list[Beat]:
        """The beats whose sample lies in [start, end), in order; cost grows with that count."""
        if self.stop_sample is not None:
            end = min(end, self.stop_sample)
        return list(self._iter_beats(start, end))

    def beat_at(self, sample: int) -> BeatInfo | None:
        """The last beat at or before sample and when the next one comes; None without steps."""
        if self.spm_at(sample) is None or sample < self._first_step_begin:
            return None
        found = self._last_beat_at_or_before(sample)
        if found is None:
            return None
        nxt = next(self._iter_beats(sample + 1, self._horizon(sample)), None)
        if nxt is not None and self.stop_sample is not None and nxt.sample >= self.stop_sample:
            nxt = None
        return BeatInfo(found.index, found.foot, found.sample, None if nxt is None else nxt.sample)

    def spm_at(self, sample: int) -> float | None:
        """Tempo at sample in steps/min; None in a phase without steps or after the stop."""
        if self.stop_sample is not None and sample >= self.stop_sample:
            return None
        i = max(0, bisect.bisect_right(self._begins, sample) - 1)
        timeline = self._timelines[i]
        if timeline is None:
            return None
        return timeline.spm(sample - timeline.begin)

    def chimes_between(self, start: int, end: int) -> list[Chime]:
        """The chimes starting in [start, end), in order."""
        if self.stop_sample is not None:
            end = min(end, self.stop_sample)
        lo = bisect.bisect_left(self._chime_samples, start)
        hi = bisect.bisect_left(self._chime_samples, end)
        return list(self.chimes[lo : max(lo, hi)])

    # -- changes --------------------------------------------------------------------------

    def with_tempo(self, at_sample: int, spm: float) -> ClickProgram:
        """A copy whose tempo becomes spm from the next beat after at_sample.

        The next beat comes one new period after the last beat, so none is lost or doubled.
        Raises ProgramError in a phase without steps or after the stop.
        """
        at = self._change_point(at_sample)
        return self._with_segment(TempoSegment(at, spm, spm))

    def with_ramp(self, at_sample: int, to_spm: float, seconds: float) -> ClickProgram:
        """A copy that glides linearly from the current tempo to to_spm over seconds."""
        at = self._change_point(at_sample)
        current = self.spm_at(at)
        assert current is not None
        if not 0 < seconds <= 24 * 3600:
            raise ProgramError(f"A ramp lasts more than 0 s and at most a day, not {seconds} s.")
        ramp = max(1, round(seconds * self.sample_rate))
        return self._with_segment(TempoSegment(at, current, to_spm, ramp))

    def with_stop(self, at_sample: int) -> ClickProgram:
        """A copy that fades out over a few milliseconds from at_sample, then stays silent."""
        at = max(0, at_sample)
        if self.stop_sample is not None:
            at = min(at, self.stop_sample)
        return replace(self, stop_sample=at)

    def with_chimes_after(self, at_sample: int, chimes: Sequence[Chime]) -> ClickProgram:
        """A copy with every segment and every chime before at_sample, and these chimes after.

        Only the chimes move: the beats stay where they were to the sample. Chimes given
        for a point before at_sample are left out, since that part has already been heard.
        """
        kept = [c for c in self.chimes if c.sample < at_sample]
        ahead = [c for c in chimes if c.sample >= at_sample]
        return replace(self, chimes=(*kept, *ahead))

    def with_sample_rate(self, sample_rate: int) -> ClickProgram:
        """The same program at another sample rate, every position rescaled and rounded."""

        def scale(n: int) -> int:
            return math.floor(Fraction(n * sample_rate, self.sample_rate) + _HALF)

        segments = tuple(
            replace(s, begin=scale(s.begin), ramp_samples=scale(s.ramp_samples))
            for s in self.segments
        )
        chimes = tuple(replace(c, sample=scale(c.sample)) for c in self.chimes)
        stop = None if self.stop_sample is None else scale(self.stop_sample)
        return replace(
            self, sample_rate=sample_rate, segments=segments, chimes=chimes, stop_sample=stop
        )

    # -- internals ------------------------------------------------------------------------

    @property
    def _first_step_begin(self) -> int:
        return self.segments[0].begin

    def _chain_timelines(self) -> tuple[_Timeline | None, ...]:
        """Per segment, its beat arithmetic chained to the beats before it."""
        result: list[_Timeline | None] = []
        last: Beat | None = None
        next_index = -self.count_in
        for i, seg in enumerate(self.segments):
            end = self.segments[i + 1].begin if i + 1 < len(self.segments) else None
            if not seg.has_steps:
                result.append(None)
                last = None
                continue
            phase0 = _phase0(seg, self.sample_rate, last, result)
            k_lo = 0 if last is None else 1
            timeline = _Timeline(seg, self.sample_rate, end, phase0, k_lo)
            timeline.index0 = next_index if timeline.k_lo == 0 else next_index - 1
            k_hi = timeline.k_hi
            if k_hi is not None and k_hi > timeline.k_lo:
                last = Beat(timeline.index0 + k_hi - 1, seg.begin + timeline.offset(k_hi - 1))
                next_index = last.index + 1
            result.append(timeline)
        return tuple(result)

    def _iter_beats(self, start: int, end: int) -> Iterator[Beat]:
        if end <= start:
            return
        # A beat may round half a sample past its segment's edge, hence the one-sample slack.
        first = max(0, bisect.bisect_right(self._begins, start - 1) - 1)
        last = bisect.bisect_right(self._begins, end)
        for timeline in self._timelines[first:last]:
            if timeline is None:
                continue
            for k in timeline.k_range(start, end):
                yield Beat(timeline.index0 + k, timeline.begin + timeline.offset(k))

    def _last_beat_at_or_before(self, sample: int) -> Beat | None:
        i = bisect.bisect_right(self._begins, sample + 1) - 1
        while i >= 0:
            timeline = self._timelines[i]
            if timeline is not None:
                ks = timeline.k_range(timeline.begin, sample + 1)
                if len(ks):
                    k = ks[-1]
                    return Beat(timeline.index0 + k, timeline.begin + timeline.offset(k))
            i -= 1
        return None

    def _horizon(self, sample: int) -> int:
        """A sample far enough ahead to hold the next beat, if there is one."""
        i = bisect.bisect_right(self._begins, sample)
        step = 60 * self.sample_rate // SPM_MIN + 2
        if i < len(self.segments):
            return max(self.segments[i].begin, sample) + step
        return sample + step

    def _change_point(self, at_sample: int) -> int:
        at = max(at_sample, self._first_step_begin)
        if self.stop_sample is not None and at >= self.stop_sample:
            raise ProgramError("The metronome has stopped; start a new program instead.")
        if self.spm_at(at) is None:
            raise ProgramError("There are no steps at this point of the session to change.")
        return at

    def _with_segment(self, segment: TempoSegment) -> ClickProgram:
        i = bisect.bisect_right(self._begins, segment.begin) - 1
        keep = (
            self.segments[: i + 1] if self.segments[i].begin < segment.begin else self.segments[:i]
        )
        return replace(self, segments=(*keep, segment, *self.segments[i + 1 :]))


def _phase0(
    seg: TempoSegment, fs: int, last: Beat | None, done: list[_Timeline | None]
) -> Fraction:
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


def _validate(program: ClickProgram) -> None:
    fs = program.sample_rate
    if not 8000 <= fs <= 192_000:
        raise ProgramError(f"Sample rate must be between 8000 and 192000 Hz, not {fs}.")
    if not program.segments:
        raise ProgramError("A program needs at least one tempo segment.")
    if program.segments[0].begin < 0:
        raise ProgramError("The first tempo segment cannot start before sample 0.")
    for before, after in zip(program.segments, program.segments[1:], strict=False):
        if after.begin <= before.begin:
            raise ProgramError("Tempo segments must start at increasing samples.")
    for seg in program.segments:
        _check_segment(seg)
    for name in (program.left_sound, program.right_sound):
        if name not in SOUND_NAMES:
            raise ProgramError(f"Sound must be one of {', '.join(SOUND_NAMES)}, not '{name}'.")
    if not 0.0 <= program.volume <= 1.0:
        raise ProgramError(f"Volume must be between 0 and 1, not {program.volume}.")
    if not 0 <= program.count_in <= 16:
        raise ProgramError(f"Count-in must be 0 to 16 beats, not {program.count_in}.")
    if program.accent_every < 0:
        raise ProgramError(f"Accent spacing cannot be negative ({program.accent_every}).")
    if not 0.003 <= program.fade_seconds <= 0.010:
        raise ProgramError(f"Fades last 3 to 10 ms, not {program.fade_seconds * 1000:g} ms.")


def _check_segment(seg: TempoSegment) -> None:
    if seg.start_spm is None:
        if seg.end_spm is not None:
            raise ProgramError("A segment without steps cannot have an end tempo.")
        return
    for spm in (seg.start_spm, seg.end_spm if seg.end_spm is not None else seg.start_spm):
        check_spm(spm)
    if seg.ramp_samples < 0:
        raise ProgramError("A ramp cannot last a negative time.")


def check_spm(spm: float) -> float:
    """Return spm if it is a cadence a program accepts, else raise ProgramError saying why."""
    if not (isinstance(spm, int | float) and math.isfinite(spm) and SPM_MIN <= spm <= SPM_MAX):
        raise ProgramError(f"Cadence must be between {SPM_MIN} and {SPM_MAX} steps/min, not {spm}.")
    return float(spm)


# -- builders ------------------------------------------------------------------------------

LEAD_SECONDS = 0.05
"""Silence before the first sound, so the start fade never touches a click."""


@dataclass(frozen=True)
class SoundSettings:
    """How steps sound: one sound per foot, level, stereo pan, accent and count-in."""

    left_sound: str = "woodblock"
    right_sound: str = "woodblock"
    volume: float = 0.7
    pan: bool = False
    accent_every: int = 0
    count_in: int = 0


def steady_program(
    spm: float, fs: int, settings: SoundSettings = SoundSettings(), *, lead_s: float = LEAD_SECONDS
) -> ClickProgram:
    """An endless steady metronome at spm, starting after a short lead."""
    check_spm(spm)
    return ClickProgram(
        sample_rate=fs,
        segments=(TempoSegment(_lead(lead_s, fs), spm, spm),),
        **_settings_fields(settings),
    )


def program_for_phases(
    phases: Sequence[PhaseTempo],
    *,
    fs: int,
    settings: SoundSettings = SoundSettings(),
    lead_s: float = LEAD_SECONDS,
    chimes: bool = True,
    elapsed_s: float = 0.0,
    cue_chimes_s: Sequence[float] = (),
) -> ClickProgram:
    """A finite program for session phases, with the count-in before the first steps.

    Chimes: a phase change where the phase name changes, halfway and one minute before the
    end (when they do not crowd another chime), and the end. elapsed_s says how much of
    the session ran before these phases (resuming), so halfway means the whole session's.
    cue_chimes_s: seconds from the start of these phases where a cue card changes (a soft
    CUE chime, left out where it would crowd another chime or fall outside the phases).
    """
    if not phases:
        raise ProgramError("A session needs at least one phase.")
    for phase in phases:
        _check_phase(phase)
    offsets = _phase_offsets(phases, fs)
    first_steps, count_in_len = _count_in_length(phases, settings.count_in, fs)
    origin = phases_origin(phases, fs, settings, lead_s)
    bounds = [origin + off for off in offsets]
    segments = [
        _segment_for(p, b, nxt) for p, b, nxt in zip(phases, bounds, bounds[1:], strict=False)
    ]
    segments.append(TempoSegment(bounds[-1], None))
    if first_steps is not None and count_in_len:
        # The count-in replaces the silence just before the first steps.
        count_in_at = bounds[first_steps] - count_in_len
        spm = phases[first_steps].start_spm
        segments = [s for s in segments if not count_in_at <= s.begin < bounds[first_steps]]
        segments.append(TempoSegment(count_in_at, spm, spm))
        segments.sort(key=lambda s: s.begin)
    if segments[0].begin > 0 and not segments[0].has_steps:
        segments[0] = replace(segments[0], begin=0)
    elapsed = _samples(elapsed_s, fs, "Elapsed time")
    chime_list = _session_chimes(phases, bounds, fs, elapsed) if chimes else []
    if chimes:
        chime_list = _with_cue_chimes(chime_list, cue_chimes_s, bounds, fs)
    return ClickProgram(
        sample_rate=fs,
        segments=tuple(segments),
        chimes=tuple(chime_list),
        **_settings_fields(settings),
    )


def phases_origin(
    phases: Sequence[PhaseTempo],
    fs: int,
    settings: SoundSettings = SoundSettings(),
    lead_s: float = LEAD_SECONDS,
) -> int:
    """The sample at which program_for_phases starts the first phase (after lead and count-in).

    Session second s of these phases sounds at sample origin + s * fs, so a player can read
    its position in the session from the program's position.
    """
    offsets = _phase_offsets(phases, fs)
    first_steps, count_in_len = _count_in_length(phases, settings.count_in, fs)
    origin = _lead(lead_s, fs)
    if first_steps is not None:
        origin += max(0, count_in_len - offsets[first_steps])
    return origin


def _count_in_length(phases: Sequence[PhaseTempo], beats: int, fs: int) -> tuple[int | None, int]:
    """Which phase steps first (None if none does) and the count-in's length in samples."""
    first = next((i for i, p in enumerate(phases) if p.start_spm is not None), None)
    if first is None or not beats:
        return first, 0
    spm = phases[first].start_spm
    assert spm is not None
    return first, math.floor(Fraction(beats * 60 * fs) / Fraction(spm) + _HALF)


def _phase_offsets(phases: Sequence[PhaseTempo], fs: int) -> list[int]:
    """Phase boundaries in samples from the session start, rounded from exact seconds."""
    offsets = [0]
    total = Fraction(0)
    for phase in phases:
        total += Fraction(phase.duration_s)
        offsets.append(math.floor(total * fs + _HALF))
    return offsets


def _segment_for(phase: PhaseTempo, begin: int, end: int) -> TempoSegment:
    if phase.start_spm is None:
        return TempoSegment(begin, None)
    end_spm = phase.end_spm if phase.end_spm is not None else phase.start_spm
    ramp = end - begin if end_spm != phase.start_spm else 0
    return TempoSegment(begin, phase.start_spm, end_spm, ramp)


def _session_chimes(
    phases: Sequence[PhaseTempo], bounds: list[int], fs: int, elapsed: int
) -> list[Chime]:
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


def _with_cue_chimes(
    chimes: list[Chime], cue_s: Sequence[float], bounds: list[int], fs: int
) -> list[Chime]:
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


def _check_phase(phase: PhaseTempo) -> None:
    if not (math.isfinite(phase.duration_s) and 0 < phase.duration_s <= 24 * 3600):
        where = f" '{phase.name}'" if phase.name else ""
        raise ProgramError(
            f"Phase{where} must last more than 0 s and at most a day, not {phase.duration_s} s."
        )
    if phase.start_spm is None:
        if phase.end_spm is not None:
            raise ProgramError(f"Phase '{phase.name}' has an end cadence but no start cadence.")
        return
    check_spm(phase.start_spm)
    if phase.end_spm is not None:
        check_spm(phase.end_spm)


def _lead(lead_s: float, fs: int) -> int:
    return _samples(lead_s, fs, "The lead before the first sound", 10)


def _samples(seconds: float, fs: int, what: str, most: float = 24 * 3600) -> int:
    if not (math.isfinite(seconds) and 0 <= seconds <= most):
        raise ProgramError(f"{what} must be 0 to {most:g} s, not {seconds}.")
    return round(seconds * fs)


def _settings_fields(settings: SoundSettings) -> dict[str, Any]:
    return {
        "left_sound": settings.left_sound,
        "right_sound": settings.right_sound,
        "volume": settings.volume,
        "pan": settings.pan,
        "accent_every": settings.accent_every,
        "count_in": settings.count_in,
    }
