"""When the cue card changes during the rest of a walk, for the soft chimes."""

from __future__ import annotations

import math

from coach.domain.cues import CueSchedule
from coach.domain.session import WalkSession


def cue_change_times(session: WalkSession, schedule: CueSchedule) -> list[float]:
    """Seconds from now at which the card changes during a walking phase (for soft chimes)."""
    now = session.elapsed_s
    start = now - session.phase_elapsed_s
    out: list[float] = []
    for phase in session.phases[session.phase_index :]:
        end = start + phase.duration_s
        if phase.timeline is None:
            slot = math.floor(max(start, now) / schedule.interval_s) + 1
            while slot * schedule.interval_s < end:
                at = slot * schedule.interval_s
                if schedule.changed_between(at - 1e-3, at):
                    out.append(at - now)
                slot += 1
        start = end
    return out
