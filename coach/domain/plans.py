"""Session plans: stretches, a warm-up ramp, the main walk and a cool-down, as data."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from coach.domain.cadence_range import CADENCE_MAX, CADENCE_MIN
from coach.domain.routines import Routine, RoutineTimeline, StepKind

_RELATIVE = re.compile(r"^target(?:([+-])(\d{1,3}))?$")


class CadenceError(ValueError):
    """A cadence that is neither a number of steps/min nor 'target', 'target+N', 'target-N'."""


@dataclass(frozen=True)
class Cadence:
    """A cadence in steps/min: absolute, or an offset from the target the user works toward.

    Relative cadences let the main walk follow the progression plan's target.
    """

    absolute: int | None = None
    offset: int = 0

    @classmethod
    def parse(cls, value: int | str) -> Cadence:
        """Read 105, "target", "target+5" or "target-10"."""
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(absolute=value)
        match = _RELATIVE.match(value) if isinstance(value, str) else None
        if match is None:
            raise CadenceError(
                f"cadence must be steps per minute or 'target', 'target+N', 'target-N', "
                f"not {value!r}"
            )
        sign, number = match.groups()
        return cls(offset=0 if number is None else int(number) * (-1 if sign == "-" else 1))

    def resolve(self, target_spm: float) -> float:
        """Steps/min for this target, kept within walking range."""
        raw = float(self.absolute) if self.absolute is not None else target_spm + self.offset
        return min(float(CADENCE_MAX), max(float(CADENCE_MIN), raw))

    def to_json(self) -> int | str:
        """The form this cadence takes in a plan file."""
        if self.absolute is not None:
            return self.absolute
        if self.offset == 0:
            return "target"
        return f"target{self.offset:+d}"


TARGET = Cadence()
"""The user's target cadence itself."""


class PhaseKind(StrEnum):
    """The part of a session a phase is."""

    STRETCHES = "stretches"
    WARM_UP = "warm_up"
    MAIN = "main"
    COOL_DOWN = "cool_down"


@dataclass(frozen=True)
class Phase:
    """One phase of a plan: a stretch routine by id, or a walk at a steady or ramped cadence."""

    kind: PhaseKind
    name: str
    duration_s: int = 0
    start_cadence: Cadence | None = None
    end_cadence: Cadence | None = None
    routine_id: str | None = None

    @property
    def is_walk(self) -> bool:
        """True for walking phases, False for stretches."""
        return self.kind is not PhaseKind.STRETCHES


@dataclass(frozen=True)
class PhaseTempo:
    """The tempo of one phase, as the audio renderer plays it.

    A steady phase has start == end (or end None), a ramp start != end, and a phase without
    steps (stretches) has start None.
    """

    duration_s: float
    start_spm: float | None
    end_spm: float | None
    name: str = ""


@dataclass(frozen=True)
class PlannedPhase:
    """A phase resolved for one target cadence, ready to play."""

    kind: PhaseKind
    name: str
    duration_s: float
    start_spm: float | None
    end_spm: float | None
    timeline: RoutineTimeline | None = None
    ramp_s: float | None = None

    def cadence_at(self, elapsed_s: float) -> float | None:
        """Target steps/min this far into the phase: ramps move linearly, then hold.

        The ramp spans `ramp_s` when set (time added to a phase holds the end cadence),
        else the whole phase.
        """
        if self.start_spm is None or self.end_spm is None:
            return None
        span = self.duration_s if self.ramp_s is None else self.ramp_s
        if span <= 0:
            return self.end_spm
        share = min(1.0, max(0.0, elapsed_s / span))
        return self.start_spm + (self.end_spm - self.start_spm) * share


@dataclass(frozen=True)
class SessionPlan:
    """A named sequence of phases; defaults shipped with the app are never edited."""

    id: str
    name: str
    description: str
    phases: tuple[Phase, ...]
    is_default: bool = False

    @property
    def walking_seconds(self) -> int:
        """Seconds of walking phases (stretches excluded)."""
        return sum(p.duration_s for p in self.phases if p.is_walk)

    @property
    def routine_ids(self) -> tuple[str, ...]:
        """Ids of the routines the stretch phases refer to."""
        return tuple(p.routine_id for p in self.phases if p.routine_id)

    def planned_phases(
        self, target_spm: float, routines: Mapping[str, Routine] | None = None
    ) -> tuple[PlannedPhase, ...]:
        """Phases resolved for a target cadence; a stretch phase whose routine is unknown
        is left out, so a plan simply has no stretches until its routine exists."""
        out: list[PlannedPhase] = []
        for phase in self.phases:
            if not phase.is_walk:
                routine = (routines or {}).get(phase.routine_id or "")
                if routine is not None:
                    timeline = RoutineTimeline(routine)
                    out.append(
                        PlannedPhase(phase.kind, phase.name, timeline.total_s, None, None, timeline)
                    )
                continue
            start = phase.start_cadence.resolve(target_spm) if phase.start_cadence else None
            end = phase.end_cadence.resolve(target_spm) if phase.end_cadence else start
            out.append(PlannedPhase(phase.kind, phase.name, phase.duration_s, start, end))
        return tuple(out)

    def tempo_phases(
        self, target_spm: float, routines: Mapping[str, Routine] | None = None
    ) -> list[PhaseTempo]:
        """The whole session as metronome stretches for the audio renderer."""
        return tempo_of(self.planned_phases(target_spm, routines))


def tempo_of(phases: tuple[PlannedPhase, ...] | list[PlannedPhase]) -> list[PhaseTempo]:
    """Metronome stretches for planned phases; a routine's walks click, its stretches are quiet."""
    out: list[PhaseTempo] = []
    for phase in phases:
        if phase.timeline is None:
            out += walk_tempo(phase, 0.0)
            continue
        for step in phase.timeline.steps:
            spm = (
                float(step.exercise.cadence_spm)
                if step.kind is StepKind.WALK and step.exercise.cadence_spm
                else None
            )
            name = f"{phase.name}: {step.exercise.name}"
            last = out[-1] if out else None
            if spm is None and last is not None and last.start_spm is None and last.name == name:
                out[-1] = PhaseTempo(last.duration_s + step.duration_s, None, None, name)
            else:
                out.append(PhaseTempo(step.duration_s, spm, spm, name))
    return out


def walk_tempo(phase: PlannedPhase, from_s: float) -> list[PhaseTempo]:
    """Metronome stretches for the rest of a walking phase, from `from_s` seconds into it."""
    span = phase.duration_s if phase.ramp_s is None else min(phase.ramp_s, phase.duration_s)
    out: list[PhaseTempo] = []
    if from_s < span:
        out.append(PhaseTempo(span - from_s, phase.cadence_at(from_s), phase.end_spm, phase.name))
    held_from = max(span, from_s)
    if held_from < phase.duration_s:
        end = phase.end_spm
        out.append(PhaseTempo(phase.duration_s - held_from, end, end, phase.name))
    return out


def tempo_from(phase: PlannedPhase, from_s: float) -> list[PhaseTempo]:
    """Metronome stretches for the rest of any phase, from `from_s` seconds into it
    (into its routine for a stretch phase)."""
    if phase.timeline is None:
        return walk_tempo(phase, from_s)
    out: list[PhaseTempo] = []
    for step in phase.timeline.steps:
        if step.end_s <= from_s:
            continue
        cadence = step.exercise.cadence_spm if step.kind is StepKind.WALK else None
        spm = None if cadence is None else float(cadence)
        left = step.end_s - max(step.start_s, from_s)
        out.append(PhaseTempo(left, spm, spm, f"{phase.name}: {step.exercise.name}"))
    return out
