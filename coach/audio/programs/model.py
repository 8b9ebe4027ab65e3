"""The click program: an immutable description of where every step and chime sounds.

A program is tempo segments (their beat arithmetic lives in beats.py), chimes, the sound
settings and an optional stop. The `with_*` methods return changed copies, and the audio
thread asks it for the beats and chimes of a block without building any object.
"""

from __future__ import annotations

import bisect
import enum
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

from coach.audio.programs.beats import (
    Beat,
    BeatBuffer,
    Foot,
    TempoSegment,
    Timeline,
    chain_timelines,
)
from coach.domain.cadence_range import CADENCE_MAX, CADENCE_MIN
from coach.domain.preferences import SOUND_NAMES

MAX_SOUND_SECONDS = 1.5
"""No step, count-in or chime sound is longer than this; the tail after a program's end."""
LEAD_SECONDS = 0.05
"""Silence before the first sound, so the start fade never touches a click."""

_HALF = Fraction(1, 2)


class ProgramError(ValueError):
    """A click program that cannot be built; the message says what and why."""


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
class Chime:
    """A chime of one kind starting at an exact sample."""

    sample: int
    kind: ChimeKind


@dataclass(frozen=True)
class Phrase:
    """A spoken phrase starting at an exact sample: its text and its pre-rendered samples.

    `frames` is a read-only one-dimensional float32 array, already at the program's sample
    rate and voice level; the renderer adds it to every channel.
    """

    sample: int
    text: str
    frames: Any = field(compare=False, repr=False)

    @property
    def end(self) -> int:
        """The first sample after the phrase."""
        return self.sample + int(self.frames.shape[0])


@dataclass(frozen=True)
class BeatInfo:
    """The beat in effect at a sample, for lighting the footprint on screen."""

    index: int
    foot: Foot | None
    sample: int
    next_sample: int | None


@dataclass(frozen=True)
class SoundSettings:
    """How steps sound: one sound per foot, level, stereo pan, accent and count-in."""

    left_sound: str = "woodblock"
    right_sound: str = "woodblock"
    volume: float = 0.7
    pan: bool = False
    accent_every: int = 0
    count_in: int = 0


DEFAULT_SOUND = SoundSettings()
"""Woodblock on both feet at 70 %, centred, no accent and no count-in."""


@dataclass(frozen=True)
class ClickProgram:
    """Everything the renderer plays: tempo segments, chimes, sound settings and the stop.

    Immutable: the `with_*` methods return a new program that is identical before the
    sample they are given, so swapping programs mid-stream never changes what already played.
    """

    sample_rate: int
    segments: tuple[TempoSegment, ...]
    chimes: tuple[Chime, ...] = ()
    sound: SoundSettings = DEFAULT_SOUND
    fade_seconds: float = 0.005
    stop_sample: int | None = None
    phrases: tuple[Phrase, ...] = ()
    """Spoken phrases in time order, none overlapping the next (programs/speech.py)."""
    duck_gain: float = 1.0
    """Gain on the steps while a phrase sounds (1.0: no ducking); chimes are never ducked."""
    # Lookup tables derived once at construction (on the GUI thread), so the audio thread
    # only ever reads them: no lazy initialisation and no locks there.
    _begins: list[int] = field(init=False, repr=False, compare=False)
    chime_samples: list[int] = field(init=False, repr=False, compare=False)
    """The chimes' samples, in order (read by the audio thread, never changed)."""
    _timelines: tuple[Timeline | None, ...] = field(init=False, repr=False, compare=False)
    phrase_samples: list[int] = field(init=False, repr=False, compare=False)
    """The phrases' first samples, in order (read by the audio thread, never changed)."""

    def __post_init__(self) -> None:
        _validate(self)
        chimes = tuple(sorted(self.chimes, key=lambda c: c.sample))
        object.__setattr__(self, "chimes", chimes)
        object.__setattr__(self, "_begins", [s.begin for s in self.segments])
        object.__setattr__(self, "chime_samples", [c.sample for c in chimes])
        object.__setattr__(self, "phrase_samples", [p.sample for p in self.phrases])
        timelines = chain_timelines(self.segments, self.sample_rate, self.sound.count_in)
        object.__setattr__(self, "_timelines", timelines)

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
            if self.phrases:
                natural = max(natural, self.phrases[-1].end)
        if self.stop_sample is None:
            return natural
        stopped = self.stop_sample + self.fade_samples
        return stopped if natural is None else min(natural, stopped)

    # -- the audio thread's queries: integers in, integers out, nothing built -------------

    def fill_beats(self, start: int, end: int, out: BeatBuffer) -> None:
        """Write the beats whose sample lies in [start, end) into out, in order (audio thread).

        out must hold `beats_capacity(end - start, ...)` beats; the renderer sizes it.
        """
        out.count = 0
        stop = self.stop_sample
        if stop is not None and end > stop:
            end = stop
        if end <= start:
            return
        begins = self._begins
        # A beat may round half a sample past its segment's edge, hence the one-sample slack.
        i = bisect.bisect_right(begins, start - 1) - 1
        if i < 0:
            i = 0
        last = bisect.bisect_right(begins, end)
        timelines = self._timelines
        while i < last:
            timeline = timelines[i]
            if timeline is not None:
                timeline.fill(start, end, out)
            i += 1

    def chime_index(self, sample: int) -> int:
        """Index in `chimes` of the first chime at or after sample; chimes from the stop on
        never sound, so past it the index stays put (audio thread)."""
        stop = self.stop_sample
        if stop is not None and sample > stop:
            sample = stop
        return bisect.bisect_left(self.chime_samples, sample)

    # -- queries (GUI thread) -------------------------------------------------------------

    def beats_between(self, start: int, end: int) -> list[Beat]:
        """The beats whose sample lies in [start, end), in order; cost grows with that count."""
        if self.stop_sample is not None:
            end = min(end, self.stop_sample)
        return list(self._iter_beats(start, end))

    def beat_at(self, sample: int) -> BeatInfo | None:
        """The last beat at or before sample and when the next one comes; None without steps."""
        if self.spm_at(sample) is None or sample < self.segments[0].begin:
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
        lo, hi = self.chime_index(start), self.chime_index(end)
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

    def with_chimes_after(
        self, at_sample: int, chimes: Sequence[Chime], phrases: Sequence[Phrase] | None = None
    ) -> ClickProgram:
        """A copy with every segment and every chime before at_sample, and these chimes after.

        Only the chimes (and, when given, the phrases) move: the beats stay where they were
        to the sample. Chimes given for a point before at_sample are left out, since that
        part has already been heard; so is a phrase that would start while one begun
        before at_sample still sounds.
        """
        kept = [c for c in self.chimes if c.sample < at_sample]
        ahead = [c for c in chimes if c.sample >= at_sample]
        if phrases is None:
            return replace(self, chimes=(*kept, *ahead))
        said = [p for p in self.phrases if p.sample < at_sample]
        free_from = max(at_sample, said[-1].end if said else 0)
        coming = [p for p in phrases if p.sample >= free_from]
        return replace(self, chimes=(*kept, *ahead), phrases=(*said, *coming))

    def with_phrases(self, phrases: Sequence[Phrase], duck_gain: float = 1.0) -> ClickProgram:
        """A copy that also says these phrases (in order, none overlapping); steps unchanged."""
        return replace(self, phrases=tuple(phrases), duck_gain=duck_gain)

    def phrase_index(self, sample: int) -> int:
        """Index of the last phrase starting at or before sample, or -1 (audio thread)."""
        return bisect.bisect_right(self.phrase_samples, sample) - 1

    def with_sound(self, sound: SoundSettings) -> ClickProgram:
        """A copy that sounds as `sound` says; the count-in stays, since it numbers the beats."""
        return replace(self, sound=replace(sound, count_in=self.sound.count_in))

    def with_sample_rate(self, sample_rate: int) -> ClickProgram:
        """The same program at another sample rate, every position rescaled and rounded.

        Spoken phrases are samples made for one rate, so a program with phrases refuses:
        build it at the rate it will play at instead.
        """
        if self.phrases and sample_rate != self.sample_rate:
            raise ProgramError("A program with spoken phrases plays only at its own rate.")

        def scale(n: int) -> int:
            return round_half_up(Fraction(n * sample_rate, self.sample_rate))

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

    def _iter_beats(self, start: int, end: int) -> Iterator[Beat]:
        if end <= start:
            return
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
        step = 60 * self.sample_rate // CADENCE_MIN + 2
        if i < len(self.segments):
            return max(self.segments[i].begin, sample) + step
        return sample + step

    def _change_point(self, at_sample: int) -> int:
        at = max(at_sample, self.segments[0].begin)
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
    _check_sound(program.sound)
    _check_phrases(program)
    if not 0.003 <= program.fade_seconds <= 0.010:
        raise ProgramError(f"Fades last 3 to 10 ms, not {program.fade_seconds * 1000:g} ms.")


def _check_phrases(program: ClickProgram) -> None:
    for before, after in zip(program.phrases, program.phrases[1:], strict=False):
        if after.sample < before.end:
            raise ProgramError(
                f"The phrase '{after.text}' would start before '{before.text}' has ended."
            )
    if program.phrases and program.phrases[0].sample < 0:
        raise ProgramError("A phrase cannot start before sample 0.")
    if not 0.0 < program.duck_gain <= 1.0:
        raise ProgramError(f"Ducking gain must be above 0 and at most 1, not {program.duck_gain}.")


def _check_sound(sound: SoundSettings) -> None:
    for name in (sound.left_sound, sound.right_sound):
        if name not in SOUND_NAMES:
            raise ProgramError(f"Sound must be one of {', '.join(SOUND_NAMES)}, not '{name}'.")
    if not 0.0 <= sound.volume <= 1.0:
        raise ProgramError(f"Volume must be between 0 and 1, not {sound.volume}.")
    if not 0 <= sound.count_in <= 16:
        raise ProgramError(f"Count-in must be 0 to 16 beats, not {sound.count_in}.")
    if sound.accent_every < 0:
        raise ProgramError(f"Accent spacing cannot be negative ({sound.accent_every}).")


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
    if not (
        isinstance(spm, int | float) and math.isfinite(spm) and CADENCE_MIN <= spm <= CADENCE_MAX
    ):
        raise ProgramError(
            f"Cadence must be between {CADENCE_MIN} and {CADENCE_MAX} steps/min, not {spm}."
        )
    return float(spm)


def lead_samples(lead_s: float, fs: int) -> int:
    """The silence before a program's first sound, in samples (at most 10 s)."""
    return seconds_to_samples(lead_s, fs, "The lead before the first sound", 10)


def seconds_to_samples(seconds: float, fs: int, what: str, most: float = 24 * 3600) -> int:
    """Seconds as whole samples; ProgramError naming `what` outside 0 .. most seconds."""
    if not (math.isfinite(seconds) and 0 <= seconds <= most):
        raise ProgramError(f"{what} must be 0 to {most:g} s, not {seconds}.")
    return round(seconds * fs)


def round_half_up(value: Fraction) -> int:
    """An exact rational rounded half up to an integer (samples are placed this way)."""
    return math.floor(value + _HALF)
