"""What a walking session announces (events), what it did (a summary valid at any moment),
and the pain-monitoring rule applied after it (coach.domain.pain_monitoring)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from coach.domain.pain_monitoring import HoldReason
from coach.domain.plans import PlannedPhase
from coach.domain.routines import RoutineEvent
from coach.domain.walks import WalkKind, WalkRecord


class SessionState(StrEnum):
    """Where the session is in its life."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


@dataclass(frozen=True)
class SessionSummary:
    """What has been done so far; valid at any moment, including mid-walk."""

    plan_id: str
    plan_name: str
    started_at: datetime | None
    elapsed_s: float
    walked_s: float
    phases_done: int
    phase_count: int
    main_cadence_spm: float | None
    state: SessionState

    @property
    def walked_minutes(self) -> float:
        """Minutes actually walked; pauses, stretches and skipped time do not count."""
        return self.walked_s / 60.0

    @property
    def completed(self) -> bool:
        """True when every phase ran to its end or was skipped through."""
        return self.state is SessionState.FINISHED

    def to_walk_record(self, new_leg_symptoms: bool = False) -> WalkRecord | None:
        """The guided walk to save, or None if the session never started."""
        if self.started_at is None:
            return None
        return WalkRecord(
            started_at=self.started_at,
            duration_s=self.walked_s,
            kind=WalkKind.GUIDED,
            cadence_spm=self.main_cadence_spm,
            plan_name=self.plan_name,
            new_leg_symptoms=new_leg_symptoms,
        )


@dataclass(frozen=True)
class SessionResult:
    """The end of a session with the pain check after it."""

    summary: SessionSummary
    pain_before: int | None
    pain_after: int | None
    new_leg_symptoms: bool
    hold: tuple[HoldReason, ...]

    @property
    def holds(self) -> bool:
        """True when the next suggested walk should hold rather than progress."""
        return bool(self.hold)


@dataclass(frozen=True)
class PhaseStarted:
    """A new phase began (chime); `index` counts from 0."""

    index: int
    phase: PlannedPhase


@dataclass(frozen=True)
class Halfway:
    """Half the session's time has passed."""


@dataclass(frozen=True)
class LastMinute:
    """One minute of the session is left."""


@dataclass(frozen=True)
class RoutineCue:
    """A cue from the stretch routine playing as the current phase."""

    event: RoutineEvent


@dataclass(frozen=True)
class SessionEnded:
    """The session ended, by finishing or by an early stop."""

    summary: SessionSummary


SessionEvent = PhaseStarted | Halfway | LastMinute | RoutineCue | SessionEnded
"""Everything a session announces."""
