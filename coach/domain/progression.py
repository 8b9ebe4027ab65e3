"""The cadence progression plan: weekly steps from a measured baseline toward a goal.

The 5-10 % goal comes from running gait retraining (Heiderscheit et al., Med Sci Sports Exerc
2011: step rate +5 % and +10 %); no walking or back-pain study sets it. The WalkBack trial
(Pocovi et al., Lancet 2024) saw more lower-limb complaints in its walking group, so each
weekly step is small (2-3 %, our own choice; the 7.5 % default is the middle of the range)
and any week can be held. Every number: docs/evidence.md.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from coach.domain.preferences import Range
from coach.domain.units import METRIC_RANGES, OutOfRangeError, Quantity, check_range, round_to
from coach.domain.walks import week_start

GOAL_PERCENT = Range(5, 10)
DEFAULT_GOAL_PERCENT = 7.5
STEP_PERCENT = Range(2, 3)
DEFAULT_STEP_PERCENT = 2.5
PLAN_FORMAT_VERSION = 1
_CADENCE = METRIC_RANGES[Quantity.CADENCE]


class PlanError(ValueError):
    """A plan that cannot be made or read; the message says what is wrong."""


@dataclass(frozen=True)
class WeekTarget:
    """One week of a plan: its Monday, its cadence target and whether it is held."""

    week_start: date
    target_spm: int
    held: bool


@dataclass(frozen=True)
class ProgressionPlan:
    """Weekly cadence targets from baseline_spm to goal_spm, starting the week of start.

    Week 0 (the week of `start`) already takes the first step. `holds` are the Mondays of
    held weeks: a held week repeats the previous target and every later week moves back
    by one.
    """

    baseline_spm: int
    goal_spm: int
    start: date
    step_percent: float = DEFAULT_STEP_PERCENT
    holds: tuple[date, ...] = ()

    def __post_init__(self) -> None:
        check_range(Quantity.CADENCE, self.baseline_spm)
        highest = min(_CADENCE.high, _round_spm(self.baseline_spm * (1 + GOAL_PERCENT.high / 100)))
        if not self.baseline_spm <= self.goal_spm <= highest:
            raise OutOfRangeError(
                "goal_spm", self.goal_spm, self.baseline_spm, highest, "steps/min", "The goal"
            )
        _check_percent("step_percent", self.step_percent, STEP_PERCENT, "The weekly step")
        if self.start.weekday() != 0:
            raise PlanError(f"A plan starts on a Monday, not on {self.start.isoformat()}.")
        if any(d.weekday() != 0 or d < self.start for d in self.holds) or list(
            self.holds
        ) != sorted(set(self.holds)):
            raise PlanError("Held weeks must be distinct Mondays, in order, from the start on.")

    @property
    def schedule(self) -> tuple[int, ...]:
        """The targets after 0, 1, 2 ... steps: the baseline first, the goal last."""
        targets = [self.baseline_spm]
        while targets[-1] < self.goal_spm:
            targets.append(min(self.goal_spm, targets[-1] + _step_spm(targets[-1], self)))
        return tuple(targets)

    def week_index(self, day: date) -> int:
        """Which week of the plan a day falls in: 0 for the first, negative before it."""
        return (week_start(day) - self.start).days // 7

    def target_for_week(self, index: int) -> int:
        """The cadence target of week `index` (the baseline before the plan starts)."""
        if index < 0:
            return self.baseline_spm
        held = sum(1 for d in self.holds if self.week_index(d) <= index)
        schedule = self.schedule
        return schedule[min(index + 1 - held, len(schedule) - 1)]

    def to_dict(self) -> dict[str, Any]:
        """The plan as plain values (ints, floats, ISO dates) for storage."""
        return {
            "version": PLAN_FORMAT_VERSION,
            "baseline_spm": self.baseline_spm,
            "goal_spm": self.goal_spm,
            "start": self.start.isoformat(),
            "step_percent": self.step_percent,
            "holds": [d.isoformat() for d in self.holds],
        }


def make_plan(
    baseline_spm: float,
    start: date,
    goal_percent: float = DEFAULT_GOAL_PERCENT,
    step_percent: float = DEFAULT_STEP_PERCENT,
) -> ProgressionPlan:
    """A plan from a measured baseline toward goal_percent (5-10 %) above it.

    Starts the week of `start`; the baseline is rounded to whole steps/min and the goal is
    kept within 220 steps/min. Raises OutOfRangeError for values outside their ranges.
    """
    baseline = _round_spm(check_range(Quantity.CADENCE, baseline_spm))
    _check_percent("goal_percent", goal_percent, GOAL_PERCENT, "The goal")
    goal = min(int(_CADENCE.high), _round_spm(baseline * (1 + goal_percent / 100)))
    return ProgressionPlan(baseline, goal, week_start(start), step_percent)


def this_week_target(plan: ProgressionPlan, today: date) -> int:
    """The cadence target for the week that contains today."""
    return plan.target_for_week(plan.week_index(today))


def hold_week(plan: ProgressionPlan, day: date) -> ProgressionPlan:
    """The plan with the week of `day` held.

    Holding a held week, or a week after the goal is reached (its target is the goal
    already), changes nothing, so every recorded hold delays the goal by one week.
    """
    monday = week_start(day)
    if monday < plan.start:
        raise PlanError("A week before the plan starts cannot be held.")
    if monday in plan.holds or monday > goal_week(plan):
        return plan
    return replace(plan, holds=tuple(sorted((*plan.holds, monday))))


def release_hold(plan: ProgressionPlan, day: date) -> ProgressionPlan:
    """The plan with the hold on the week of `day` taken back (if there was one)."""
    monday = week_start(day)
    return replace(plan, holds=tuple(d for d in plan.holds if d != monday))


def goal_week(plan: ProgressionPlan) -> date:
    """The Monday of the first week whose target is the goal."""
    index = 0
    while plan.target_for_week(index) < plan.goal_spm:
        index += 1
    return plan.start + timedelta(weeks=index)


def plan_weeks(plan: ProgressionPlan) -> tuple[WeekTarget, ...]:
    """Every week from the start to the week the goal is reached, with its target."""
    last = plan.week_index(goal_week(plan))
    return tuple(
        WeekTarget(
            plan.start + timedelta(weeks=i),
            plan.target_for_week(i),
            plan.start + timedelta(weeks=i) in plan.holds,
        )
        for i in range(last + 1)
    )


def plan_from_dict(data: Mapping[str, Any]) -> ProgressionPlan:
    """A plan from the plain values of to_dict(); raises PlanError saying what is wrong."""
    if data.get("version") != PLAN_FORMAT_VERSION:
        raise PlanError(f"Unknown cadence plan format: {data.get('version')!r}.")
    try:
        plan = ProgressionPlan(
            baseline_spm=_whole(data["baseline_spm"]),
            goal_spm=_whole(data["goal_spm"]),
            start=date.fromisoformat(data["start"]),
            step_percent=float(data["step_percent"]),
            holds=tuple(date.fromisoformat(d) for d in data["holds"]),
        )
    except KeyError as missing:
        raise PlanError(f"The saved cadence plan has no {missing.args[0]}.") from None
    except (TypeError, ValueError) as error:
        raise PlanError(f"The saved cadence plan could not be read: {error}") from None
    return plan


def _step_spm(previous: int, plan: ProgressionPlan) -> int:
    # A whole number of steps/min, at least 1 so the plan moves, and never more than 3 %
    # of the previous target: rounding must not turn a 2.5 % step into a 4 % one.
    nominal = _round_spm(previous * plan.step_percent / 100)
    return max(1, min(nominal, math.floor(previous * STEP_PERCENT.high / 100 + 1e-9)))


def _round_spm(value: float) -> int:
    return int(round_to(value, 1.0))


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{value!r} is not a whole number of steps/min")
    return value


def _check_percent(field: str, value: float, bounds: Range, label: str) -> None:
    if not bounds.low <= value <= bounds.high:
        raise OutOfRangeError(field, value, bounds.low, bounds.high, "%", label)
