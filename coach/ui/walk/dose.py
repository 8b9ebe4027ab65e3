"""This week's walking dose for the Walk and Today screens, from the walks in the store.

Kept apart from walk.data so Today (the first screen painted) need not load the plan files
and their schema library at start-up.
"""

from __future__ import annotations

from datetime import timedelta

from coach.domain.dose import DoseStep, WeekProgress, goal_history, week_progress
from coach.domain.pain import PainEntry
from coach.domain.walks import HISTORY_START, WalkRecord
from coach.services.errors import StoreError
from coach.ui.services import AppServices

HISTORY_DAYS = 400
"""How far back the walk history looks: a year of walking and a little more."""


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


def current_dose(services: AppServices) -> tuple[DoseStep, WeekProgress]:
    """This week's walking-dose goal (replayed from the first walk ever) and the progress so far.

    The replay is coach.domain.dose.goal_history over the whole history, as on Trends and in
    the report, so the goal is the same number everywhere.
    """
    now = services.clock.now()
    try:
        walks = services.walks.between(HISTORY_START, now + timedelta(days=1))
        ratings = services.pain.walk_ratings()
    except StoreError:
        walks, ratings = [], {}
    usual = float(services.preferences.current.usual_walk_minutes_per_week)
    step = goal_history(usual, walks, ratings, now.date())[-1]
    return step, week_progress(step.dose, walks)
