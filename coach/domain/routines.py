"""Stretch routines and the exact timeline of steps, cues and durations they play as."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum

COUNTDOWN_FROM = 3
"""Ticks sound in the last three seconds of every step."""


class Sides(StrEnum):
    """Whether an exercise is done once or once per side."""

    NONE = "none"
    LEFT_RIGHT = "left_right"


class ExerciseKind(StrEnum):
    """A stretch held or repeated in place, or an easy walk to the metronome."""

    STRETCH = "stretch"
    WALK = "walk"


class Side(StrEnum):
    """The side a per-side step works."""

    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Exercise:
    """One exercise: what it is for, how to do it, when to stop, and how long it takes.

    A stretch has either `hold_seconds` or `reps` (each rep lasting `seconds_per_rep`);
    a walk has `duration_seconds` and `cadence_spm` for the metronome.
    """

    name: str
    purpose: str
    steps: tuple[str, ...]
    stop_if: str
    illustration: str
    kind: ExerciseKind = ExerciseKind.STRETCH
    sides: Sides = Sides.NONE
    hold_seconds: int | None = None
    reps: int | None = None
    seconds_per_rep: int = 4
    sets: int = 1
    prep_seconds: int = 5
    rest_seconds: int = 10
    switch_seconds: int = 5
    duration_seconds: int | None = None
    cadence_spm: int | None = None

    @property
    def work_seconds(self) -> int:
        """Seconds of one hold, one set of reps, or the whole walk."""
        if self.kind is ExerciseKind.WALK:
            return self.duration_seconds or 0
        if self.hold_seconds is not None:
            return self.hold_seconds
        return (self.reps or 0) * self.seconds_per_rep


@dataclass(frozen=True)
class Routine:
    """A named sequence of exercises; defaults shipped with the app are never edited."""

    id: str
    name: str
    description: str
    exercises: tuple[Exercise, ...]
    is_default: bool = False


_COPY_SUFFIX = re.compile(r"-copy(-\d+)?$")


def editable_copy(routine: Routine, taken_ids: Collection[str], name: str = "") -> Routine:
    """A user-owned copy of a routine with a fresh id (and a new name if none is given)."""
    base = _COPY_SUFFIX.sub("", routine.id)[:50] + "-copy"
    new_id, n = base, 2
    while new_id in taken_ids or new_id == routine.id:
        new_id, n = f"{base}-{n}", n + 1
    new_name = name or f"{routine.name} (copy)"[:80]
    return replace(routine, id=new_id, name=new_name, is_default=False)


def editable(routine: Routine, taken_ids: Collection[str]) -> Routine:
    """The routine itself if the user owns it, else a copy: editing a default makes a copy."""
    return editable_copy(routine, taken_ids) if routine.is_default else routine


class StepKind(StrEnum):
    """What the person is doing during one timeline step."""

    PREPARE = "prepare"
    HOLD = "hold"
    REPS = "reps"
    WALK = "walk"
    SWITCH_SIDES = "switch_sides"
    REST = "rest"


@dataclass(frozen=True)
class TimelineStep:
    """One step of a routine as played: when it starts, how long it lasts, and for what."""

    index: int
    kind: StepKind
    exercise_index: int
    exercise: Exercise
    start_s: float
    duration_s: float
    side: Side | None = None
    set_number: int = 1

    @property
    def end_s(self) -> float:
        """When the step ends, in seconds from the start of the routine."""
        return self.start_s + self.duration_s


@dataclass(frozen=True)
class StepStarted:
    """A step began: show it, and chime."""

    step: TimelineStep


@dataclass(frozen=True)
class Countdown:
    """One of the last three seconds of a step: tick."""

    seconds_left: int
    step: TimelineStep


@dataclass(frozen=True)
class SwitchSides:
    """Time to change to the other side; `step` is the switch step."""

    to_side: Side
    step: TimelineStep


@dataclass(frozen=True)
class RoutineFinished:
    """The last step ended."""

    total_s: float


RoutineEvent = StepStarted | Countdown | SwitchSides | RoutineFinished
"""Everything a routine announces; the UI maps each to a chime or a screen change."""


@dataclass(frozen=True)
class TimedEvent:
    """An event and the routine second at which it is announced."""

    at_s: float
    event: RoutineEvent


def _exercise_steps(exercise: Exercise) -> Iterator[tuple[StepKind, float, Side | None, int]]:
    """(kind, seconds, side, set) for one exercise, without the rest after it."""
    if exercise.prep_seconds > 0:
        yield StepKind.PREPARE, exercise.prep_seconds, None, 1
    if exercise.kind is ExerciseKind.WALK:
        yield StepKind.WALK, exercise.work_seconds, None, 1
        return
    work = StepKind.HOLD if exercise.hold_seconds is not None else StepKind.REPS
    for set_number in range(1, exercise.sets + 1):
        if set_number > 1 and exercise.rest_seconds > 0:
            yield StepKind.REST, exercise.rest_seconds, None, set_number
        if exercise.sides is Sides.NONE:
            yield work, exercise.work_seconds, None, set_number
            continue
        yield work, exercise.work_seconds, Side.LEFT, set_number
        if exercise.switch_seconds > 0:
            yield StepKind.SWITCH_SIDES, exercise.switch_seconds, Side.RIGHT, set_number
        yield work, exercise.work_seconds, Side.RIGHT, set_number


def _build_steps(routine: Routine) -> tuple[TimelineStep, ...]:
    steps: list[TimelineStep] = []
    clock = 0.0
    last = len(routine.exercises) - 1
    for ex_index, exercise in enumerate(routine.exercises):
        parts = list(_exercise_steps(exercise))
        if ex_index < last and exercise.rest_seconds > 0:
            parts.append((StepKind.REST, exercise.rest_seconds, None, exercise.sets))
        for kind, seconds, side, set_number in parts:
            if seconds <= 0:
                continue
            steps.append(
                TimelineStep(len(steps), kind, ex_index, exercise, clock, seconds, side, set_number)
            )
            clock += seconds
    return tuple(steps)


def _step_events(step: TimelineStep) -> Iterator[TimedEvent]:
    yield TimedEvent(step.start_s, StepStarted(step))
    if step.kind is StepKind.SWITCH_SIDES and step.side is not None:
        yield TimedEvent(step.start_s, SwitchSides(step.side, step))
    for left in range(COUNTDOWN_FROM, 0, -1):
        if step.end_s - left >= step.start_s:
            yield TimedEvent(step.end_s - left, Countdown(left, step))


class RoutineTimeline:
    """The exact sequence of steps a routine plays, with what is announced when."""

    def __init__(self, routine: Routine) -> None:
        self.routine = routine
        self.steps: tuple[TimelineStep, ...] = _build_steps(routine)
        self.total_s: float = self.steps[-1].end_s if self.steps else 0.0
        events = [e for step in self.steps for e in _step_events(step)]
        events.append(TimedEvent(self.total_s, RoutineFinished(self.total_s)))
        self.events: tuple[TimedEvent, ...] = tuple(events)

    def step_at(self, t: float) -> TimelineStep | None:
        """The step playing at routine second t (None once the routine is over)."""
        for step in self.steps:
            if step.start_s <= t < step.end_s:
                return step
        return None

    def timed_between(
        self, after: float, until: float, *, inclusive: bool = False
    ) -> list[TimedEvent]:
        """Events announced in (after, until], or [after, until] when inclusive, in order."""
        return [
            e
            for e in self.events
            if (after <= e.at_s if inclusive else after < e.at_s) and e.at_s <= until
        ]

    def events_between(
        self, after: float, until: float, *, inclusive: bool = False
    ) -> list[RoutineEvent]:
        """The events of timed_between() without their times."""
        return [e.event for e in self.timed_between(after, until, inclusive=inclusive)]

    def exercise_starts(self) -> list[float]:
        """The routine second at which each exercise's first step begins."""
        starts: dict[int, float] = {}
        for step in self.steps:
            starts.setdefault(step.exercise_index, step.start_s)
        return [starts[i] for i in sorted(starts)]

    def walk_seconds_between(self, after: float, until: float) -> float:
        """Seconds of walking steps that fall between two routine seconds."""
        return sum(
            max(0.0, min(until, s.end_s) - max(after, s.start_s))
            for s in self.steps
            if s.kind is StepKind.WALK
        )
