"""The read-out for the day under the pointer: its rating, 7-day average and walking."""

from __future__ import annotations

from datetime import date

import numpy as np

from coach.domain.pain_series import monday_of
from coach.domain.safety.rules import DAY_NAMES, MONTH_NAMES
from coach.domain.walks import duration_words, minutes_to_seconds
from coach.services.trends import TrendModel
from coach.ui.charts import texts


def day_words(day: date) -> str:
    """'Tuesday 3 November 2026', in our own names whatever the locale."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def date_words(day: date) -> str:
    """'3 November 2026'."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def describe_day(model: TrendModel, day: int) -> str:
    """All numbers of one day (an ordinal), joined into one calm line."""
    stats = model.statistics
    parts = [texts.HOVER_DAY.format(day=day_words(date.fromordinal(day)))]
    daily = stats.daily
    i = int(np.searchsorted(daily.days, day))
    if i < len(daily) and int(daily.days[i]) == day:
        count = int(daily.counts[i])
        pain = f"{float(daily.means[i]):.1f}".removesuffix(".0")
        template = texts.HOVER_PAIN_ONE if count == 1 else texts.HOVER_PAIN_MANY
        parts.append(template.format(pain=pain, count=count))
    else:
        parts.append(texts.HOVER_NO_PAIN)
    rolling = stats.rolling
    j = day - int(rolling.days[0]) if rolling.days.size else -1
    if 0 <= j < rolling.days.size and not np.isnan(rolling.values[j]):
        parts.append(texts.HOVER_ROLLING.format(value=f"{float(rolling.values[j]):.1f}"))
    walked = float(model.walk_minutes[model.walk_days == day].sum())
    if walked > 0:
        parts.append(texts.HOVER_WALKED.format(duration=duration_words(minutes_to_seconds(walked))))
    weeks = model.weeks
    k = int(np.searchsorted(weeks.mondays, monday_of(np.asarray([day], dtype=np.int64))[0]))
    if k < weeks.mondays.size and weeks.minutes[k] > 0:
        week = duration_words(minutes_to_seconds(float(weeks.minutes[k])))
        goal = weeks.goal_minutes[k]
        if np.isnan(goal):
            parts.append(texts.HOVER_WEEK.format(duration=week))
        else:
            parts.append(texts.HOVER_WEEK_GOAL.format(duration=week, goal=int(goal)))
    return parts[0] + " " + texts.HOVER_SEPARATOR.join(parts[1:])
