"""A date axis whose labels never overlap: one level of ticks, spaced from the pixel width.

pyqtgraph's DateAxisItem mixes two levels (month names and every fifth day) whose labels can
run into each other ("Nov03"). Here the axis tries steps from one day to ten years and takes
the first whose distance in pixels holds the widest label it would draw, plus a gap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from coach.domain.pain_series import EPOCH_ORDINAL, SECONDS_PER_DAY
from coach.domain.safety.rules import MONTH_NAMES

LABEL_GAP_PX = 14
"""Free space between two neighbouring labels."""
WIDEST_DAY = date(2026, 9, 28)
WIDEST_MONTH = date(2026, 9, 1)


def _short_month(day: date) -> str:
    return MONTH_NAMES[day.month - 1][:3]


def _day_label(day: date) -> str:
    return f"{day.day} {_short_month(day)}"


def _month_label(day: date) -> str:
    return f"{_short_month(day)} {day.year}"


def _year_label(day: date) -> str:
    return str(day.year)


@dataclass(frozen=True)
class Step:
    """Ticks every `count` days, weeks (Mondays), months or years, and how they are labelled."""

    days: float
    """About how many days apart the ticks are."""
    keeps: Callable[[date], bool]
    label: Callable[[date], str]


def _every_days(n: int) -> Step:
    return Step(n, lambda d: d.toordinal() % n == 0, _day_label)


def _every_weeks(n: int) -> Step:
    return Step(7 * n, lambda d: d.weekday() == 0 and (d.toordinal() // 7) % n == 0, _day_label)


def _every_months(n: int) -> Step:
    return Step(30.44 * n, lambda d: d.day == 1 and (d.month - 1) % n == 0, _month_label)


def _every_years(n: int) -> Step:
    return Step(365.25 * n, lambda d: d.day == 1 and d.month == 1 and d.year % n == 0, _year_label)


STEPS = (
    _every_days(1), _every_days(2), _every_weeks(1), _every_weeks(2), _every_months(1),
    _every_months(2), _every_months(3), _every_months(6), _every_years(1), _every_years(2),
    _every_years(5), _every_years(10), _every_years(50),
)  # fmt: skip


def _x_day(x: float) -> int:
    return int(x // SECONDS_PER_DAY) + EPOCH_ORDINAL


class DayAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """A bottom date axis (x = seconds since 1970, UTC days) with non-overlapping labels."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom", utcOffset=0)
        self.step = STEPS[-1]

    def _metrics(self) -> QFontMetrics:
        metrics = getattr(self, "fontMetrics", None)  # set by generateDrawSpecs before ticks
        return metrics if metrics is not None else QFontMetrics(self.font())

    def choose_step(self, first_x: float, last_x: float, width_px: float) -> Step:
        """The finest step whose ticks are at least a label's width (plus a gap) apart."""
        if width_px <= 0 or last_x <= first_x:
            return STEPS[-1]
        px_per_day = width_px * SECONDS_PER_DAY / (last_x - first_x)
        metrics = self._metrics()
        for step in STEPS:
            widest = max(
                metrics.horizontalAdvance(step.label(d)) for d in (WIDEST_DAY, WIDEST_MONTH)
            )
            shortest_gap = step.days * 0.9 if step.days >= 28 else step.days  # short months
            if shortest_gap * px_per_day >= widest + LABEL_GAP_PX:
                return step
        return STEPS[-1]

    def tickValues(
        self, min_val: float, max_val: float, size: float
    ) -> list[tuple[float, list[float]]]:
        """One level of ticks at the chosen step (pyqtgraph's hook)."""
        self.step = self.choose_step(min_val, max_val, size)
        first, last = _x_day(min_val), _x_day(max_val)
        if last - first > 200_000:  # beyond any diary: no ticks rather than a long loop
            return [(self.step.days * SECONDS_PER_DAY, [])]
        ticks = [
            float((day - EPOCH_ORDINAL) * SECONDS_PER_DAY)
            for day in range(first, last + 1)
            if min_val <= (day - EPOCH_ORDINAL) * SECONDS_PER_DAY <= max_val
            and self.step.keeps(date.fromordinal(day))
        ]
        return [(self.step.days * SECONDS_PER_DAY, ticks)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        """The labels of the chosen step (pyqtgraph's hook)."""
        return [self.step.label(date.fromordinal(_x_day(v))) for v in values]
