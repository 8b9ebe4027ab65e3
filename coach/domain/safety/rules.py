"""The diary's rules for a professional's look and for a flare, in pure Python (no numpy).

- Worsening: the last 7 days average 2 points or more above the 3 weeks before. Two points
  (or 30 %) is the smallest change on the 0-10 scale that matters to people with back pain
  (Ostelo et al., Spine 2008;33(1):90-94); the 7/21-day windows and their minimum rated days
  are our own choice: a week is the shortest span that evens out day-to-day ups and downs, and
  three weeks before it show the person's usual level (docs/safety.md).
- Flare: a rating of 9 or 10, or a day 3 or more points above one of the 3 days before it.
  A flare is a short worsening that people with back pain recognise (Costa et al., J Pain
  2019;20(11):1267-1275); the numbers are our own choice: 9/10 is near the top of the scale,
  and 3 points within days is half as much again as the 2-point smallest change that matters.

The words never name a condition; coach.domain.safety.urgency holds what to do for each sign.
coach.domain.safety.state combines these rules into the one safety state.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Protocol

from coach.domain.safety.red_flags import RED_FLAG_KEYS, RED_FLAGS
from coach.domain.safety.urgency import LEG_SYMPTOMS_AFTER_WALK

# --- Texts shown to users (one place) -------------------------------------------------------
WORSENING_REASON = (
    "Your pain has risen clearly. In the 7 days to {day}: average {current}. "
    "The 3 weeks before: average {previous}. That is {rise} points higher."
)
SIGN_REASON = "On {day} you noted: {signs}."
UNKNOWN_FLAG_LABEL = "a warning sign"
LEG_SYMPTOMS_LABEL = "new numbness or weakness in a leg after a walk"
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# ---------------------------------------------------------------------------------------------

CURRENT_DAYS = 7
CURRENT_MIN_DAYS = 4
PREVIOUS_DAYS = 21
PREVIOUS_MIN_DAYS = 6
"""The 3 weeks before the last 7 days need ratings on 6 days (about two a week)."""
WORSENING_POINTS = 2.0
"""Ostelo et al. 2008: 2 points is the smallest change in pain that matters."""
FLARE_PAIN = 9
"""A single rating this high is a flare (our choice: the top tenth of the 0-10 scale)."""
FLARE_RISE = 3.0
"""A day this many points above one of the FLARE_WITHIN_DAYS before it is a flare."""
FLARE_WITHIN_DAYS = 3
"""The rise counts when it happened over 1-3 days (the issue's "2-3 days", and overnight)."""
FLARE_SHOWN_DAYS = 3
"""The flare advice shows on the day of the flare and the 2 days after it."""
FLAG_LABELS: Mapping[str, str] = {flag.key: flag.short for flag in RED_FLAGS} | {
    LEG_SYMPTOMS_AFTER_WALK: LEG_SYMPTOMS_LABEL
}
"""Plain words for each sign key, from the onboarding list in coach.domain.safety.red_flags."""


class WindowMeans(Protocol):
    """Daily pain values that can average a range of days (DailySeries or DayRatings)."""

    def window_mean(self, first_day: int, last_day: int) -> tuple[float, int]:
        """Mean of the daily values from first_day to last_day (ordinals) and how many days."""
        ...


@dataclass(frozen=True)
class DayRatings:
    """Each local day's mean and highest rating, in pure Python (the safety state's input)."""

    days: tuple[int, ...]
    means: tuple[float, ...]
    highest: tuple[int, ...]

    @classmethod
    def from_ratings(cls, ratings: Iterable[tuple[datetime, int]], tz: tzinfo) -> DayRatings:
        """Group (time, pain) ratings by local day in tz."""
        by_day: dict[int, list[int]] = {}
        for at, pain in ratings:
            by_day.setdefault(at.astimezone(tz).date().toordinal(), []).append(pain)
        days = tuple(sorted(by_day))
        means = tuple(sum(by_day[d]) / len(by_day[d]) for d in days)
        return cls(days, means, tuple(max(by_day[d]) for d in days))

    def window_mean(self, first_day: int, last_day: int) -> tuple[float, int]:
        """Mean of the daily values from first_day to last_day (ordinals) and how many days."""
        lo = bisect.bisect_left(self.days, first_day)
        hi = bisect.bisect_right(self.days, last_day)
        if hi <= lo:
            return float("nan"), 0
        return sum(self.means[lo:hi]) / (hi - lo), hi - lo

    def index(self, day: int) -> int | None:
        """Where a day ordinal sits in `days`, or None without ratings that day."""
        i = bisect.bisect_left(self.days, day)
        return i if i < len(self.days) and self.days[i] == day else None


@dataclass(frozen=True)
class Worsening:
    """The numbers behind the worsening rule on one day, rounded to one decimal as shown."""

    current: float
    previous: float
    day: date | None = None

    @property
    def rise(self) -> float:
        """How many points the last 7 days sit above the 3 weeks before."""
        return round(self.current - self.previous, 1)

    @property
    def applies(self) -> bool:
        """Whether the rise is 2 points or more."""
        return self.rise >= WORSENING_POINTS

    def reason(self) -> str:
        """The numbers in words, for every screen that shows the rule."""
        day = day_words(self.day) if self.day else "today"
        return WORSENING_REASON.format(
            day=day,
            current=f"{self.current:.1f}",
            previous=f"{self.previous:.1f}",
            rise=f"{self.rise:.1f}",
        )


@dataclass(frozen=True)
class Flare:
    """A flare on one day: the highest rating that day and the rise it made, if any."""

    day: date
    highest: int
    rise: float


def check_worsening(daily: WindowMeans, today: date) -> Worsening | None:
    """The last 7 days (ending today) against the 21 days before them, or None if either
    window has too few rated days. Compare `.applies` to see whether the rule fires."""
    end = today.toordinal()
    current, n_current = daily.window_mean(end - CURRENT_DAYS + 1, end)
    prev_last = end - CURRENT_DAYS
    previous, n_previous = daily.window_mean(prev_last - PREVIOUS_DAYS + 1, prev_last)
    if n_current < CURRENT_MIN_DAYS or n_previous < PREVIOUS_MIN_DAYS:
        return None
    return Worsening(current=round(current, 1), previous=round(previous, 1), day=today)


def first_worsening(daily: DayRatings, today: date) -> Worsening | None:
    """The first day (up to today) on which the worsening rule fired, with its numbers."""
    if not daily.days:
        return None
    first = daily.days[0] + CURRENT_DAYS  # the earliest day with a previous window
    for ordinal in range(first, today.toordinal() + 1):
        worsening = check_worsening(daily, date.fromordinal(ordinal))
        if worsening is not None and worsening.applies:
            return worsening
    return None


def recent_flare(daily: DayRatings, today: date) -> Flare | None:
    """The latest flare within FLARE_SHOWN_DAYS (today included), or None."""
    end = today.toordinal()
    for ordinal in range(end, end - FLARE_SHOWN_DAYS, -1):
        i = daily.index(ordinal)
        if i is None:
            continue
        before = [daily.means[j] for j in range(i) if daily.days[j] >= ordinal - FLARE_WITHIN_DAYS]
        rise = daily.means[i] - min(before) if before else 0.0
        if daily.highest[i] >= FLARE_PAIN or rise >= FLARE_RISE:
            return Flare(date.fromordinal(ordinal), daily.highest[i], round(rise, 1))
    return None


def flag_words(flags: Iterable[str], labels: Mapping[str, str] = FLAG_LABELS) -> str:
    """The flags as words, in the onboarding list's order; unknown keys read 'a warning sign'."""
    order = {key: i for i, key in enumerate((*RED_FLAG_KEYS, LEG_SYMPTOMS_AFTER_WALK))}
    keys = sorted(set(flags), key=lambda k: (order.get(k, len(order)), k))
    words = list(dict.fromkeys(labels.get(key, UNKNOWN_FLAG_LABEL) for key in keys))
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def sign_reason(day: date, signs: Iterable[str]) -> str:
    """'On Monday 6 April you noted: ...' for signs noted on one day."""
    return SIGN_REASON.format(day=day_words(day), signs=flag_words(signs))


def day_words(day: date) -> str:
    """'Monday 6 April': our own names, so the process locale cannot mix languages."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
