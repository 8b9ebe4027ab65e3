"""The guided walking session as a state machine on an injected clock.

The UI's timer only calls tick(); every change comes back as plain event objects, and
summary() can be asked at any moment, so an app closed mid-walk still saves what was walked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from coach.domain.clock import Clock
from coach.domain.pain import check_pain_value
from coach.domain.pain_monitoring import HoldReason, hold_reasons
from coach.domain.plans import (
    PhaseKind,
    PhaseTempo,
    PlannedPhase,
    SessionPlan,
    tempo_from,
    tempo_of,
)
from coach.domain.routine_player import BACK_RESTARTS_WITHIN_S, drop_stale
from coach.domain.routines import (
    Routine,
    StepKind,
    StepStarted,
    SwitchSides,
    TimelineStep,
)
from coach.domain.session_summary import (
    Halfway,
    LastMinute,
    PhaseStarted,
    RoutineCue,
    SessionEnded,
    SessionEvent,
    SessionResult,
    SessionState,
    SessionSummary,
)

__all__ = [
    "ADD_TIME_S",
    "LAST_MINUTE_S",
    "Halfway",
    "HoldReason",
    "LastMinute",
    "PhaseStarted",
    "RoutineCue",
    "SessionEnded",
    "SessionEvent",
    "SessionResult",
    "SessionState",
    "SessionSummary",
    "WalkSession",
    "hold_reasons",
]

LAST_MINUTE_S = 60.0
ADD_TIME_S = 60.0


class WalkSession:
    """Plays a plan's phases in order on a clock; see the module docstring."""

    def __init__(
        self,
        plan: SessionPlan,
        target_spm: float,
        clock: Clock,
        routines: Mapping[str, Routine] | None = None,
        pain_before: int | None = None,
    ) -> None:
        self.plan = plan
        self.target_spm = target_spm
        self.pain_before = None if pain_before is None else check_pain_value(pain_before)
        self._clock = clock
        self._phases = list(plan.planned_phases(target_spm, routines))
        self._index = 0
        self._in_phase = 0.0
        # Seconds the routine of a stretch phase is ahead of the phase clock (skip/back).
        self._routine_shift = 0.0
        self._walked = 0.0
        self._elapsed = 0.0
        self._last: float | None = None
        self._started_at: datetime | None = None
        self._state = SessionState.READY
        self._halfway_said = False
        self._last_minute_said = False

    # -- reading -------------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        """READY, RUNNING, PAUSED, FINISHED or STOPPED."""
        return self._state

    @property
    def phases(self) -> tuple[PlannedPhase, ...]:
        """The phases as they stand (skipping shortens one, adding time lengthens it)."""
        return tuple(self._phases)

    @property
    def phase_index(self) -> int:
        """Index of the current phase (the phase count once finished)."""
        return self._index

    @property
    def current_phase(self) -> PlannedPhase | None:
        """The phase playing now, None once the session is over."""
        if self._state in (SessionState.FINISHED, SessionState.STOPPED):
            return None
        return self._phases[self._index] if self._index < len(self._phases) else None

    @property
    def next_phase(self) -> PlannedPhase | None:
        """The phase after the current one."""
        nxt = self._index + 1
        if self.current_phase is None or nxt >= len(self._phases):
            return None
        return self._phases[nxt]

    @property
    def total_s(self) -> float:
        """The session's length as it now stands."""
        return sum(p.duration_s for p in self._phases)

    @property
    def elapsed_s(self) -> float:
        """Session seconds played (pauses excluded, skipped time excluded)."""
        return self._elapsed

    @property
    def phase_elapsed_s(self) -> float:
        """Seconds into the current phase."""
        return self._in_phase

    @property
    def phase_remaining_s(self) -> float:
        """Seconds left in the current phase."""
        phase = self.current_phase
        return 0.0 if phase is None else max(0.0, phase.duration_s - self._in_phase)

    @property
    def remaining_s(self) -> float:
        """Seconds left in the session."""
        if not self._is_running_or_paused() and self._state is not SessionState.READY:
            return 0.0
        return max(0.0, self.total_s - self._elapsed)

    @property
    def walked_s(self) -> float:
        """Seconds actually walked."""
        return self._walked

    @property
    def target_cadence_spm(self) -> float | None:
        """Steps/min to walk at now (ramps interpolate); None during stretches."""
        phase = self.current_phase
        if phase is None or not self._is_running_or_paused():
            return None
        if phase.timeline is not None:
            step = phase.timeline.step_at(self.routine_position_s)
            if step is None or step.kind is not StepKind.WALK or not step.exercise.cadence_spm:
                return None
            return float(step.exercise.cadence_spm)
        return phase.cadence_at(self._in_phase)

    @property
    def current_routine_step(self) -> TimelineStep | None:
        """The stretch step playing now when the phase is a routine."""
        phase = self.current_phase
        if phase is None or phase.timeline is None:
            return None
        return phase.timeline.step_at(self.routine_position_s)

    @property
    def routine_position_s(self) -> float:
        """Seconds into the stretch routine when the phase is one (after skips and backs)."""
        return self._in_phase + self._routine_shift

    def tempo_from_now(self) -> list[PhaseTempo]:
        """The metronome for the rest of the session, e.g. after a skip or an added minute."""
        phase = self.current_phase
        if phase is None:
            return []
        here = self.routine_position_s if phase.timeline is not None else self._in_phase
        return tempo_from(phase, here) + tempo_of(self._phases[self._index + 1 :])

    def summary(self) -> SessionSummary:
        """What has been done as of the last tick; safe to call at any moment.

        It never advances the clock, so no event is lost; stop() ticks first.
        """
        mains = [p for p in self._phases if p.kind is PhaseKind.MAIN]
        return SessionSummary(
            plan_id=self.plan.id,
            plan_name=self.plan.name,
            started_at=self._started_at,
            elapsed_s=self.elapsed_s,
            walked_s=self._walked,
            phases_done=self._index,
            phase_count=len(self._phases),
            main_cadence_spm=mains[0].end_spm if mains else None,
            state=self._state,
        )

    def finish(self, pain_after: int | None, new_leg_symptoms: bool = False) -> SessionResult:
        """The session's result with the pain check after it and the hold rule applied."""
        after = None if pain_after is None else check_pain_value(pain_after)
        return SessionResult(
            summary=self.summary(),
            pain_before=self.pain_before,
            pain_after=after,
            new_leg_symptoms=new_leg_symptoms,
            hold=hold_reasons(self.pain_before, after, new_leg_symptoms),
        )

    # -- driving -------------------------------------------------------------------------

    def start(self) -> list[SessionEvent]:
        """Begin the first phase."""
        if self._state is not SessionState.READY:
            return []
        self._last = self._clock.monotonic()
        self._started_at = self._clock.now()
        self._state = SessionState.RUNNING
        if not self._phases:
            return self._end(SessionState.FINISHED)
        return self._enter_phase(0)

    def tick(self) -> list[SessionEvent]:
        """Advance by the time passed since the last call and return what to announce."""
        if self._state is not SessionState.RUNNING or self._last is None:
            return []
        now = self._clock.monotonic()
        gap, self._last = now - self._last, now
        return self._advance(gap) if gap > 0 else []

    def pause(self) -> list[SessionEvent]:
        """Stop the clock of the session; what is announced up to now comes back."""
        events = self.tick()
        if self._state is SessionState.RUNNING:
            self._state = SessionState.PAUSED
        return events

    def resume(self) -> None:
        """Carry on from the pause; paused time neither plays nor counts as walked."""
        if self._state is SessionState.PAUSED:
            self._last = self._clock.monotonic()
            self._state = SessionState.RUNNING

    def toggle_pause(self) -> list[SessionEvent]:
        """Pause when running, resume when paused (the Space key)."""
        if self._state is SessionState.PAUSED:
            self.resume()
            return []
        return self.pause()

    def skip_phase(self) -> list[SessionEvent]:
        """End the current phase now; the session becomes shorter by what was left of it."""
        events = self.tick()
        phase = self.current_phase
        if phase is None or not self._is_running_or_paused():
            return events
        self._phases[self._index] = replace(phase, duration_s=self._in_phase)
        return events + self._next_phase() + self._marks()

    def add_minute(self) -> bool:
        """Add a minute to the current walking phase; False during stretches or when over.

        It does not tick, so no event is swallowed; the next tick() plays on from here.
        """
        phase = self.current_phase
        if phase is None or phase.timeline is not None or not self._is_running_or_paused():
            return False
        # A ramp keeps its slope and holds its end cadence through the extra minute.
        ramp = phase.duration_s if phase.ramp_s is None else phase.ramp_s
        self._phases[self._index] = replace(
            phase, duration_s=phase.duration_s + ADD_TIME_S, ramp_s=ramp
        )
        if self.remaining_s > LAST_MINUTE_S:
            self._last_minute_said = False
        return True

    def skip_exercise(self) -> list[SessionEvent]:
        """In a stretch phase, go to the next exercise; the phase gets shorter by the jump."""
        self.tick()
        starts = self._routine_starts()
        if starts is None:
            return []
        later = [t for t in starts if t > self.routine_position_s]
        phase = self._phases[self._index]
        assert phase.timeline is not None
        return self._move_routine(later[0] if later else phase.timeline.total_s)

    def back_exercise(self) -> list[SessionEvent]:
        """In a stretch phase, restart the exercise, or go to the previous one when just begun."""
        self.tick()
        starts = self._routine_starts()
        if starts is None:
            return []
        earlier = [t for t in starts if t <= self.routine_position_s] or [0.0]
        target = earlier[-1]
        if self.routine_position_s - target < BACK_RESTARTS_WITHIN_S and len(earlier) > 1:
            target = earlier[-2]
        return self._move_routine(target)

    def stop(self) -> list[SessionEvent]:
        """End early; what was walked up to now is kept."""
        events = self.tick()
        if not self._is_running_or_paused():
            return events
        return events + self._end(SessionState.STOPPED)

    # -- inside ---------------------------------------------------------------------------

    def _routine_starts(self) -> list[float] | None:
        phase = self.current_phase
        if phase is None or phase.timeline is None or not self._is_running_or_paused():
            return None
        return phase.timeline.exercise_starts()

    def _move_routine(self, target: float) -> list[SessionEvent]:
        # The phase clock stays put; the routine jumps, and the phase's length follows it.
        phase = self._phases[self._index]
        assert phase.timeline is not None
        jump = target - self.routine_position_s
        self._phases[self._index] = replace(phase, duration_s=phase.duration_s - jump)
        self._routine_shift += jump
        if target >= phase.timeline.total_s:
            return self._next_phase() + self._marks()
        opening = phase.timeline.events_between(target, target, inclusive=True)
        cues = [RoutineCue(e) for e in opening if isinstance(e, StepStarted | SwitchSides)]
        return [*cues, *self._marks()]

    def _is_running_or_paused(self) -> bool:
        return self._state in (SessionState.RUNNING, SessionState.PAUSED)

    def _advance(self, gap: float) -> list[SessionEvent]:
        events: list[SessionEvent] = []
        while gap > 0 and self.current_phase is not None:
            phase = self.current_phase
            left = phase.duration_s - self._in_phase
            step = min(gap, left)
            at = self.routine_position_s
            events += self._play(phase, at, at + step)
            self._elapsed += step
            gap -= step
            if step >= left:
                # Land exactly on the boundary so float sums never leave a sliver behind.
                self._in_phase = phase.duration_s
                events += self._next_phase()
            else:
                self._in_phase += step
        return events + self._marks()

    def _play(self, phase: PlannedPhase, start: float, end: float) -> list[SessionEvent]:
        if phase.timeline is None:
            self._walked += end - start
            return []
        self._walked += phase.timeline.walk_seconds_between(start, end)
        cues = drop_stale(phase.timeline.timed_between(start, end), end)
        return [RoutineCue(e) for e in cues]

    def _next_phase(self) -> list[SessionEvent]:
        if self._index + 1 >= len(self._phases):
            return self._end(SessionState.FINISHED)
        return self._enter_phase(self._index + 1)

    def _enter_phase(self, index: int) -> list[SessionEvent]:
        self._index, self._in_phase, self._routine_shift = index, 0.0, 0.0
        phase = self._phases[index]
        events: list[SessionEvent] = [PhaseStarted(index, phase)]
        if phase.timeline is not None:
            opening = phase.timeline.events_between(0.0, 0.0, inclusive=True)
            events += [RoutineCue(e) for e in opening]
        return events

    def _marks(self) -> list[SessionEvent]:
        # Checked against the length as it now stands, so skips and added minutes count.
        if not self._is_running_or_paused():
            return []
        events: list[SessionEvent] = []
        if not self._halfway_said and self._elapsed >= self.total_s / 2:
            self._halfway_said = True
            events.append(Halfway())
        if not self._last_minute_said and self.remaining_s <= LAST_MINUTE_S:
            self._last_minute_said = True
            events.append(LastMinute())
        return events

    def _end(self, state: SessionState) -> list[SessionEvent]:
        self._state = state
        if state is SessionState.FINISHED:
            self._index, self._in_phase = len(self._phases), 0.0
        return [SessionEnded(self.summary())]
