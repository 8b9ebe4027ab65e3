"""The weekly walking-dose goal: from the user's usual walking, gently up to 5 x 30 minutes.

WalkBack (Pocovi et al., Lancet 2024): an individualised, progressive walking programme
building to at least 5 walks of 30 minutes a week nearly doubled the time to the next episode
of activity-limiting back pain (median 208 against 112 days). The
walking group reported more lower-limb complaints, so the goal grows gently (+10 % a week)
and holds in any week that the hold rule fired or the goal was not nearly reached.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from coach.domain.pain import PainContext
from coach.domain.pain_monitoring import hold_reasons
from coach.domain.walks import WalkRecord, minutes_in_week, week_start

if TYPE_CHECKING:
    # Only suggest_plan's annotation: the plan and routine types (about 10 ms of dataclasses)
    # stay off the start path, where Today needs only the dose maths.
    from coach.domain.plans import SessionPlan

GOAL_WALKS_PER_WEEK = 5
GOAL_MINUTES_PER_WALK = 30
GOAL_WEEKLY_MINUTES = GOAL_WALKS_PER_WEEK * GOAL_MINUTES_PER_WALK

WEEKLY_GROWTH = 0.10
"""The weekly goal grows by a tenth (our own choice: no study compares growth rates for walking
with back pain; small, as WalkBack's walkers had more leg complaints)."""

MIN_WEEKLY_MINUTES = 20
"""Somebody who walks little starts at two walks of ten minutes (our own choice)."""

MIN_MINUTES_PER_WALK = 10
"""Our own choice: long enough to settle into the beat, short enough for a bad day."""

MET_SHARE = 0.8
"""A week counts as done when at least this share of its goal was walked (our own choice: one
bad day should not hold the plan back). Every number's source: docs/evidence.md."""

NEAR_LENGTH_SHARE = 0.8
"""A walk counts as one of the week's "walks of about N minutes" when it lasts at least this
share of N: our own choice, the same allowance a week gets (MET_SHARE), so a walk cut a few
minutes short still counts and a walk of a few minutes does not."""


@dataclass(frozen=True)
class WeeklyDose:
    """The walking goal of one Monday-to-Sunday week."""

    week_start: date
    weekly_minutes: int

    @property
    def minutes_per_walk(self) -> int:
        """Minutes each walk lasts: the goal spread over up to five walks, 10 to 30 each."""
        spread = math.ceil(self.weekly_minutes / GOAL_WALKS_PER_WEEK)
        return min(GOAL_MINUTES_PER_WALK, max(MIN_MINUTES_PER_WALK, spread))

    @property
    def walks_per_week(self) -> int:
        """How many walks make up the week's goal (1 to 5)."""
        walks = math.ceil(self.weekly_minutes / self.minutes_per_walk)
        return min(GOAL_WALKS_PER_WEEK, max(1, walks))

    @property
    def at_goal(self) -> bool:
        """True once the goal is 5 walks of 30 minutes."""
        return self.weekly_minutes >= GOAL_WEEKLY_MINUTES


class DoseDecision(StrEnum):
    """Why a week's goal is what it is."""

    START = "start"
    PROGRESS = "progress"
    HOLD_SYMPTOMS = "hold_symptoms"
    HOLD_NOT_DONE = "hold_not_done"
    AT_GOAL = "at_goal"


@dataclass(frozen=True)
class DoseStep:
    """A week's goal and the decision that set it."""

    dose: WeeklyDose
    decision: DoseDecision


def starting_dose(usual_minutes_per_week: float, any_day: date) -> WeeklyDose:
    """The first week's goal: the user's usual walking, within 20 and 150 minutes."""
    usual = 0.0 if math.isnan(usual_minutes_per_week) else usual_minutes_per_week
    usual = min(float(GOAL_WEEKLY_MINUTES), max(float(MIN_WEEKLY_MINUTES), usual))
    minutes = math.ceil(usual)
    return WeeklyDose(week_start(any_day), minutes)


def next_dose(current: WeeklyDose, walked_minutes: float, hold: bool) -> DoseStep:
    """The following week's goal after a week with this much walking and hold flag."""
    following = current.week_start + timedelta(days=7)
    if hold:
        return DoseStep(WeeklyDose(following, current.weekly_minutes), DoseDecision.HOLD_SYMPTOMS)
    if walked_minutes < MET_SHARE * current.weekly_minutes:
        return DoseStep(WeeklyDose(following, current.weekly_minutes), DoseDecision.HOLD_NOT_DONE)
    if current.at_goal:
        return DoseStep(WeeklyDose(following, GOAL_WEEKLY_MINUTES), DoseDecision.AT_GOAL)
    grown = max(current.weekly_minutes + 1, math.ceil(current.weekly_minutes * (1 + WEEKLY_GROWTH)))
    return DoseStep(WeeklyDose(following, min(GOAL_WEEKLY_MINUTES, grown)), DoseDecision.PROGRESS)


def dose_history(
    usual_minutes_per_week: float,
    first_day: date,
    walks: Iterable[WalkRecord],
    hold_weeks: Collection[date],
    today: date,
) -> list[DoseStep]:
    """Every week's goal, replayed week by week from the programme's first week to today's.

    This is the one weekly walking goal: Today, Walk, Trends and the report all read it.
    `hold_weeks` holds the Mondays of weeks in which the pain-monitoring rule asked for an
    easier walk (see hold_weeks); a week without enough walking holds too.
    """
    walks = list(walks)
    holds = {week_start(d) for d in hold_weeks}
    steps = [DoseStep(starting_dose(usual_minutes_per_week, first_day), DoseDecision.START)]
    this_monday = week_start(today)
    while steps[-1].dose.week_start < this_monday:
        monday = steps[-1].dose.week_start
        steps.append(next_dose(steps[-1].dose, minutes_in_week(walks, monday), monday in holds))
    return steps


def goal_history(
    usual_minutes_per_week: float,
    walks: Sequence[WalkRecord],
    ratings: Mapping[int, Mapping[PainContext, int]],
    today: date,
) -> list[DoseStep]:
    """The weekly goal of every week from the first walk's week (or today's) to today's.

    `walks` is the whole walking history and `ratings` the pain rated with each walk (by walk
    id), so every screen and the report replay the same weeks and show the same goal.
    """
    first = min((w.started_at.date() for w in walks), default=today)
    return dose_history(usual_minutes_per_week, first, walks, hold_weeks(walks, ratings), today)


def hold_weeks(
    walks: Iterable[WalkRecord], ratings: Mapping[int, Mapping[PainContext, int]]
) -> set[date]:
    """Mondays of weeks in which the pain-monitoring rule asked for an easier walk.

    `ratings` maps a walk's id to the pain rated before and after it (by context).
    """
    weeks: set[date] = set()
    for walk in walks:
        pair = ratings.get(walk.id if walk.id is not None else -1, {})
        before = pair.get(PainContext.BEFORE_WALK)
        after = pair.get(PainContext.AFTER_WALK)
        if hold_reasons(before, after, walk.new_leg_symptoms, walk.settled_next_morning):
            weeks.add(week_start(walk.started_at.date()))
    return weeks


@dataclass(frozen=True)
class WeekProgress:
    """How far this week's walking has come toward its goal."""

    minutes_done: float
    walks_done: int
    minutes_goal: int
    walks_goal: int

    @property
    def share(self) -> float:
        """Minutes done as a share of the goal, capped at 1."""
        return min(1.0, self.minutes_done / self.minutes_goal) if self.minutes_goal else 1.0


def week_progress(dose: WeeklyDose, walks: Iterable[WalkRecord]) -> WeekProgress:
    """Minutes and walks done in the dose's week."""
    sunday = dose.week_start + timedelta(days=6)
    week = [w for w in walks if dose.week_start <= w.started_at.date() <= sunday]
    return WeekProgress(
        minutes_done=minutes_in_week(week, dose.week_start),
        walks_done=sum(1 for w in week if near_dose_length(w, dose)),
        minutes_goal=dose.weekly_minutes,
        walks_goal=dose.walks_per_week,
    )


def near_dose_length(walk: WalkRecord, dose: WeeklyDose) -> bool:
    """Whether the walk counts as one of the week's walks of about `minutes_per_walk`."""
    return walk.duration_s >= NEAR_LENGTH_SHARE * dose.minutes_per_walk * 60


def suggest_plan(dose: WeeklyDose, plans: Sequence[SessionPlan]) -> SessionPlan | None:
    """The longest plan whose walking fits one walk of the dose, else the shortest plan."""
    if not plans:
        return None
    limit = dose.minutes_per_walk * 60
    fitting = [p for p in plans if p.walking_seconds <= limit]
    if fitting:
        return max(fitting, key=lambda p: p.walking_seconds)
    return min(plans, key=lambda p: p.walking_seconds)
