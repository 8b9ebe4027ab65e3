"""This week's walking dose for the Walk and Today screens, from the walks in the store.

Kept apart from walk_data so Today (the first screen painted) need not load the plan files
and their schema library at start-up.
"""

from __future__ import annotations

from datetime import date, timedelta

from coach.domain.dose import DoseStep, WeekProgress, dose_for_week, week_progress
from coach.domain.pain import PainContext, PainEntry
from coach.domain.pain_monitoring import hold_reasons
from coach.domain.walks import WalkRecord, week_start
from coach.services.errors import StoreError
from coach.ui.services import AppServices

HISTORY_DAYS = 400
"""How far back the dose replay and the history look: a year of walking and a little more."""


def recent_walks(services: AppServices) -> list[WalkRecord]:
    """Walks of the last HISTORY_DAYS, oldest first."""
    now = services.clock.now()
    try:
        return services.walks.between(now - timedelta(days=HISTORY_DAYS), now + timedelta(1))
    except StoreError:
        return []


def walk_pains(services: AppServices, walks: list[WalkRecord]) -> dict[int, dict[str, PainEntry]]:
    """The before and after ratings linked to each walk, by walk id and context."""
    if not walks:
        return {}
    start = walks[0].started_at - timedelta(days=1)
    end = services.clock.now() + timedelta(days=1)
    linked: dict[int, dict[str, PainEntry]] = {}
    for entry in services.pain.between(start, end):
        if entry.walk_id is not None:
            linked.setdefault(entry.walk_id, {})[entry.context.value] = entry
    return linked


def hold_weeks(walks: list[WalkRecord], pains: dict[int, dict[str, PainEntry]]) -> set[date]:
    """Mondays of weeks in which the pain-monitoring rule asked for an easier walk."""
    weeks: set[date] = set()
    for walk in walks:
        pair = pains.get(walk.id or -1, {})
        before, after = pair.get(PainContext.BEFORE_WALK.value), pair.get("after_walk")
        if hold_reasons(
            None if before is None else before.pain,
            None if after is None else after.pain,
            walk.new_leg_symptoms,
            walk.settled_next_morning,
        ):
            weeks.add(week_start(walk.started_at.date()))
    return weeks


def current_dose(services: AppServices) -> tuple[DoseStep, WeekProgress]:
    """This week's walking-dose goal (replayed from the first walk) and the progress so far."""
    walks = recent_walks(services)
    today = services.clock.now().date()
    first = walks[0].started_at.date() if walks else today
    usual = float(services.preferences.current.usual_walk_minutes_per_week)
    step = dose_for_week(usual, first, walks, hold_weeks(walks, walk_pains(services, walks)), today)
    return step, week_progress(step.dose, walks)
