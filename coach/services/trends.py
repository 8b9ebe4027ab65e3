"""What the trends chart and the clinician's report show, loaded and computed once per change.

Pain ratings come from the store as arrays (`PainRepository.utc_seconds_and_pains`), never as
PainEntry objects, so ten years of diary load in milliseconds. All statistics come from
coach.domain.pain_series, coach.domain.trends and coach.domain.safety.state; this module only
gathers and caches them. No Qt: the Trends screen draws the model, `walkcoach report` too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

import numpy as np
from numpy.typing import NDArray

from coach.domain.dose import DoseStep, goal_history
from coach.domain.pain_series import monday_of, samples_from_utc_seconds
from coach.domain.progression import ProgressionPlan, plan_weeks
from coach.domain.safety.state import SafetyInputs, SafetyState, assess
from coach.domain.trends import TrendStatistics, compute_statistics
from coach.domain.walks import (
    HISTORY_START,
    WalkKind,
    WalkRecord,
    counts_toward_goal,
    minutes_to_seconds,
    whole_minutes,
)
from coach.services.diary import Diary
from coach.services.plans import CadencePlans
from coach.services.safety import SafetyRecord


@dataclass(frozen=True)
class TrendInputs:
    """Raw data from the store: ratings as arrays, walks per local day, the cadence plan."""

    seconds: NDArray[np.int64]
    pains: NDArray[np.int64]
    walk_days: NDArray[np.int64]
    walk_minutes: NDArray[np.float64]
    walk_cadence: NDArray[np.float64]
    """Steps/min of each walk, NaN when it had none."""
    walk_guided: NDArray[np.bool_]
    plan: ProgressionPlan | None
    safety: SafetyInputs
    """What the one safety state is decided from (coach.domain.safety.state)."""
    goals: tuple[DoseStep, ...] = ()
    """The weekly walking goal of every week since the first walk (coach.domain.dose)."""


@dataclass(frozen=True)
class WeeklyActivity:
    """One row per Monday-to-Sunday week from the first to the last week with data."""

    mondays: NDArray[np.int64]
    minutes: NDArray[np.float64]
    cadence_target: NDArray[np.float64]
    """The plan's target for the week; NaN before the plan or without one."""
    cadence_walked: NDArray[np.float64]
    """Minute-weighted mean steps/min of the week's walks; NaN with no cadence recorded."""
    goal_minutes: NDArray[np.float64]
    """The week's walking goal in minutes (coach.domain.dose); NaN before the first walk."""


@dataclass(frozen=True)
class TrendModel:
    """Everything the chart shows for one state of the store."""

    today: date
    statistics: TrendStatistics
    safety: SafetyState
    weeks: WeeklyActivity
    session_days: NDArray[np.int64]
    walk_days: NDArray[np.int64]
    walk_minutes: NDArray[np.float64]

    @property
    def first_day(self) -> int:
        """The ordinal of the first day with a rating or a walk (today when there is none)."""
        candidates = [self.today.toordinal()]
        if len(self.statistics.daily):
            candidates.append(int(self.statistics.daily.days[0]))
        if self.walk_days.size:
            candidates.append(int(self.walk_days.min()))
        return min(candidates)


def load_inputs(
    diary: Diary,
    plans: CadencePlans,
    now: datetime,
    usual_minutes: float,
    safety: SafetyRecord | None = None,
) -> TrendInputs:
    """Read everything the trends need from the diary (the safety record when given).

    `usual_minutes` is the person's usual weekly walking, where the weekly goal starts.
    """
    seconds, pains = diary.pain.utc_seconds_and_pains()
    records = diary.walks.between(HISTORY_START, now + timedelta(days=1))
    goals = goal_history(usual_minutes, records, diary.pain.walk_ratings(), now.date())
    return TrendInputs(
        seconds=seconds,
        pains=pains,
        walk_days=np.fromiter((w.started_at.date().toordinal() for w in records), np.int64),
        # Minutes toward the goal, as on Today: a walk shorter than a minute adds none.
        walk_minutes=np.fromiter((_counted_minutes(w) for w in records), np.float64),
        walk_cadence=np.fromiter((_cadence(w) for w in records), np.float64),
        walk_guided=np.fromiter((w.kind is WalkKind.GUIDED for w in records), np.bool_),
        plan=plans.active_plan(),
        safety=SafetyInputs() if safety is None else safety.inputs(),
        goals=tuple(goals),
    )


def _cadence(walk: WalkRecord) -> float:
    return float("nan") if walk.cadence_spm is None else float(walk.cadence_spm)


def build_model(inputs: TrendInputs, tz: tzinfo, today: date) -> TrendModel:
    """Statistics, safety advice and weekly activity from the inputs."""
    samples = samples_from_utc_seconds(inputs.seconds, inputs.pains, tz)
    statistics = compute_statistics(samples)
    safety = assess(inputs.safety, tz, today)
    return TrendModel(
        today=today,
        statistics=statistics,
        safety=safety,
        weeks=weekly_activity(inputs, statistics, today),
        session_days=np.unique(inputs.walk_days[inputs.walk_guided]),
        walk_days=inputs.walk_days,
        walk_minutes=inputs.walk_minutes,
    )


def weekly_activity(
    inputs: TrendInputs, statistics: TrendStatistics, today: date
) -> WeeklyActivity:
    """Walking minutes and cadence per week, every week from the first data to today's week."""
    starts = [today.toordinal()]
    if len(statistics.daily):
        starts.append(int(statistics.daily.days[0]))
    if inputs.walk_days.size:
        starts.append(int(inputs.walk_days.min()))
    first = int(monday_of(np.asarray([min(starts)], dtype=np.int64))[0])
    last = int(monday_of(np.asarray([today.toordinal()], dtype=np.int64))[0])
    mondays = np.arange(first, last + 1, 7, dtype=np.int64)
    index = (monday_of(inputs.walk_days) - first) // 7
    keep = (index >= 0) & (index < mondays.size)
    minutes = np.bincount(index[keep], inputs.walk_minutes[keep], mondays.size).astype(np.float64)
    has_cadence = keep & ~np.isnan(inputs.walk_cadence)
    weighted = np.bincount(
        index[has_cadence],
        inputs.walk_cadence[has_cadence] * inputs.walk_minutes[has_cadence],
        mondays.size,
    )
    weights = np.bincount(index[has_cadence], inputs.walk_minutes[has_cadence], mondays.size)
    with np.errstate(invalid="ignore", divide="ignore"):
        walked = np.where(weights > 0, weighted / weights, np.nan)
    goals = _goal_minutes(inputs.goals, mondays)
    return WeeklyActivity(mondays, minutes, _targets(inputs.plan, mondays), walked, goals)


def _goal_minutes(goals: tuple[DoseStep, ...], mondays: NDArray[np.int64]) -> NDArray[np.float64]:
    by_monday = {step.dose.week_start.toordinal(): step.dose.weekly_minutes for step in goals}
    return np.fromiter((by_monday.get(int(m), np.nan) for m in mondays), np.float64, mondays.size)


def _counted_minutes(walk: WalkRecord) -> float:
    return walk.minutes if counts_toward_goal(walk) else 0.0


@dataclass(frozen=True)
class GoalSummary:
    """How the weekly walking goal went over a range of days (Trends and the report)."""

    full_weeks: int
    """Weeks inside the range, already over, that had a goal."""
    weeks_met: int
    """Of those, the weeks whose whole minutes reached the goal (as Today says it)."""
    last_monday: date
    """The Monday of the range's last week."""
    last_minutes: int
    """Whole minutes walked toward the goal in that week (rounded down, as everywhere)."""
    last_goal: int | None
    """That week's goal in minutes; None before the first week of the programme."""


def goal_summary(weeks: WeeklyActivity, first: date, last: date, today: date) -> GoalSummary:
    """The goal's weeks met between first and last, and the last week's minutes and goal."""
    mondays = weeks.mondays
    sundays = mondays + 6
    # Whole minutes by the one rule (coach.domain.walks.whole_minutes), as Today shows them.
    whole = np.fromiter(
        (whole_minutes(minutes_to_seconds(float(m))) for m in weeks.minutes),
        np.float64,
        mondays.size,
    )
    full = (
        (mondays >= first.toordinal())
        & (sundays <= last.toordinal())
        & (sundays < today.toordinal())
        & ~np.isnan(weeks.goal_minutes)
    )
    met = full & (whole >= np.nan_to_num(weeks.goal_minutes, nan=np.inf))
    last_monday = last - timedelta(days=last.weekday())
    k = np.flatnonzero(mondays == last_monday.toordinal())
    goal = weeks.goal_minutes[k[0]] if k.size else np.nan
    return GoalSummary(
        full_weeks=int(full.sum()),
        weeks_met=int(met.sum()),
        last_monday=last_monday,
        last_minutes=int(whole[k[0]]) if k.size else 0,
        last_goal=None if np.isnan(goal) else int(goal),
    )


def _targets(plan: ProgressionPlan | None, mondays: NDArray[np.int64]) -> NDArray[np.float64]:
    targets = np.full(mondays.size, np.nan)
    if plan is None:
        return targets
    # plan_weeks lists every week up to the goal; every later week keeps the goal.
    weeks = plan_weeks(plan)
    by_week = np.asarray([w.target_spm for w in weeks], dtype=np.float64)
    index = (mondays - plan.start.toordinal()) // 7
    started = index >= 0
    targets[started] = by_week[np.minimum(index[started], by_week.size - 1)]
    return targets


class TrendSource:
    """Loads and computes the TrendModel, again only when the diary changed or the day did.

    GUI thread only, like the store.
    """

    def __init__(
        self,
        diary: Diary,
        plans: CadencePlans,
        safety: SafetyRecord,
        usual_minutes: Callable[[], float],
    ) -> None:
        self._diary = diary
        self._plans = plans
        self._safety = safety
        self._usual_minutes = usual_minutes
        self._key: tuple[int, date, float] | None = None
        self._model: TrendModel | None = None

    def model(self, now: datetime) -> TrendModel:
        """The model for the diary as it is now; cached while nothing changes."""
        today = now.date()
        usual = float(self._usual_minutes())
        key = (self._diary.revision, today, usual)
        if self._model is None or key != self._key:
            inputs = load_inputs(self._diary, self._plans, now, usual, self._safety)
            tz = now.tzinfo or UTC
            self._model = build_model(inputs, tz, today)
            self._key = key
        return self._model
