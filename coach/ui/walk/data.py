"""What the Walk screen reads and saves: the cues, the week's dose, the target, and the walk.

The plans and routines files are read and written by coach.services.user_files.

No widgets here: the screen's pages call these with AppServices, so tests can use them too.
"""

from __future__ import annotations

from coach.domain.cues import CueCatalogue
from coach.domain.dose import next_dose, suggest_plan
from coach.domain.pain import PainEntry
from coach.domain.plan_files.loading import load_default_cues
from coach.domain.plans import SessionPlan
from coach.domain.session import SessionResult
from coach.domain.walks import WalkKind, WalkRecord
from coach.ui.services import AppServices
from coach.ui.walk.dose import current_dose, recent_walks, walk_pains


def load_cues() -> CueCatalogue:
    """The cue cards shipped with the app."""
    return load_default_cues()


def target_cadence(services: AppServices) -> tuple[int, bool]:
    """The main walk's cadence and whether it comes from the progression plan."""
    from_plan = services.plan_target()
    if from_plan is not None:
        return from_plan, True
    return services.preferences.current.default_cadence_spm, False


def next_suggestion(
    services: AppServices, plans: tuple[SessionPlan, ...], walked: SessionPlan, holds: bool
) -> SessionPlan | None:
    """The plan for the next walk: next week's dose grows only when nothing holds it, and
    after a walk that held, the next is easier: the longest plan shorter than the one just
    walked, or the same one when it is already the shortest."""
    if holds:
        shorter = [p for p in plans if p.walking_seconds < walked.walking_seconds]
        return max(shorter, key=lambda p: p.walking_seconds, default=walked)
    step, progress = current_dose(services)
    return suggest_plan(next_dose(step.dose, progress.minutes_done, holds).dose, plans)


def save_result(
    services: AppServices, result: SessionResult, note_before: str, note_after: str
) -> WalkRecord | None:
    """Save the walk with the pain before and after it, all or nothing; None if never started."""
    return services.diary.add_session(result, note_before, note_after, services.clock.now())


def guided_history(
    services: AppServices,
) -> list[tuple[WalkRecord, PainEntry | None, PainEntry | None]]:
    """Guided walks newest first, with their pain before and after."""
    walks = [w for w in recent_walks(services) if w.kind is WalkKind.GUIDED]
    pains = walk_pains(services, walks)
    rows = []
    for walk in reversed(walks):
        pair = pains.get(walk.id or -1, {})
        rows.append((walk, pair.get("before_walk"), pair.get("after_walk")))
    return rows


def pain_rise(result: SessionResult) -> int:
    """How many points pain rose (0 when not rated or not risen)."""
    if result.pain_before is None or result.pain_after is None:
        return 0
    return max(0, result.pain_after - result.pain_before)
