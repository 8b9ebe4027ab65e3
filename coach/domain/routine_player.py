"""Plays a routine timeline on an injected clock; the UI's timer only calls tick()."""

from __future__ import annotations

from coach.domain.clock import Clock
from coach.domain.routines import (
    Countdown,
    Exercise,
    RoutineEvent,
    RoutineFinished,
    RoutineTimeline,
    StepStarted,
    TimedEvent,
    TimelineStep,
)

STALL_S = 1.5
"""Cues older than this when a late tick finally comes are dropped, not played in a burst."""

BACK_RESTARTS_WITHIN_S = 3.0
"""Back within this many seconds of an exercise's start goes to the previous exercise."""


def drop_stale(timed: list[TimedEvent], until: float) -> list[RoutineEvent]:
    """Events worth announcing at routine second `until`.

    After a stall (a suspended or busy app) a burst of old ticks would only confuse: keep
    what fell in the last STALL_S seconds, the latest step start and the finish.
    """
    starts = [t for t in timed if isinstance(t.event, StepStarted)]
    latest_start = starts[-1] if starts else None
    return [
        t.event
        for t in timed
        if t.at_s >= until - STALL_S or t is latest_start or isinstance(t.event, RoutineFinished)
    ]


class RoutinePlayer:
    """Where a person is in a routine, advanced by the clock while running and not paused."""

    def __init__(self, timeline: RoutineTimeline, clock: Clock) -> None:
        self.timeline = timeline
        self._clock = clock
        self._position = 0.0
        self._last: float | None = None
        self._paused = False
        self._finished = False

    @property
    def started(self) -> bool:
        """True once start() was called."""
        return self._last is not None

    @property
    def paused(self) -> bool:
        """True while paused."""
        return self._paused

    @property
    def finished(self) -> bool:
        """True once the last step has ended."""
        return self._finished

    @property
    def position_s(self) -> float:
        """Seconds into the routine."""
        return self._position

    def start(self) -> list[RoutineEvent]:
        """Begin at the first step and return its opening events."""
        if self.started:
            return []
        self._last = self._clock.monotonic()
        return self._jump_to(0.0)

    def tick(self) -> list[RoutineEvent]:
        """Advance by the time passed since the last call and return what to announce."""
        if self._last is None or self._finished:
            return []
        now = self._clock.monotonic()
        gap = now - self._last
        self._last = now
        if self._paused or gap <= 0:
            return []
        before = self._position
        self._position = min(self.timeline.total_s, before + gap)
        timed = self.timeline.timed_between(before, self._position)
        self._finished = self._position >= self.timeline.total_s
        return drop_stale(timed, self._position)

    def pause(self) -> list[RoutineEvent]:
        """Stop the countdown where it is; returns what was due up to now."""
        events = self.tick()
        self._paused = True
        return events

    def resume(self) -> None:
        """Carry on from where it was paused; paused time is not played."""
        if self._last is not None:
            self._last = self._clock.monotonic()
        self._paused = False

    def skip(self) -> list[RoutineEvent]:
        """Go to the start of the next exercise (or finish after the last one)."""
        self.tick()
        later = [s for s in self.timeline.exercise_starts() if s > self._position]
        return self._jump_to(later[0] if later else self.timeline.total_s)

    def back(self) -> list[RoutineEvent]:
        """Restart the current exercise, or go to the previous one when just started."""
        self.tick()
        starts = self.timeline.exercise_starts()
        earlier = [s for s in starts if s <= self._position]
        if not earlier:
            return self._jump_to(0.0)
        target = earlier[-1]
        if self._position - target < BACK_RESTARTS_WITHIN_S and len(earlier) > 1:
            target = earlier[-2]
        return self._jump_to(target)

    def _jump_to(self, position: float) -> list[RoutineEvent]:
        self._position = position
        self._finished = position >= self.timeline.total_s
        if self._finished:
            return [RoutineFinished(self.timeline.total_s)]
        # Only the openings of the step landed on, never the ticks that belong to its end.
        events = self.timeline.events_between(position, position, inclusive=True)
        return [e for e in events if not isinstance(e, Countdown | RoutineFinished)]

    @property
    def current_step(self) -> TimelineStep | None:
        """The step playing now (None when finished)."""
        return None if self._finished else self.timeline.step_at(self._position)

    @property
    def next_step(self) -> TimelineStep | None:
        """The step after the current one, if any."""
        current = self.current_step
        if current is None or current.index + 1 >= len(self.timeline.steps):
            return None
        return self.timeline.steps[current.index + 1]

    @property
    def next_exercise(self) -> Exercise | None:
        """The exercise after the one playing now, if any."""
        current = self.current_step
        if current is None:
            return None
        later = self.timeline.routine.exercises[current.exercise_index + 1 :]
        return later[0] if later else None

    @property
    def step_remaining_s(self) -> float:
        """Seconds left in the current step."""
        current = self.current_step
        return 0.0 if current is None else current.end_s - self._position

    @property
    def remaining_s(self) -> float:
        """Seconds left in the whole routine."""
        return max(0.0, self.timeline.total_s - self._position)
