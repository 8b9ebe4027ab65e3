"""When the diary says a professional should look: clear worsening, or a red flag reported.

Either one puts the walking plan on hold (`SafetyAdvice.hold_plan`). The words never name a
condition; they say what was seen, in numbers, and who to see. docs/trends.md has the rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from enum import StrEnum

from coach.domain.pain import PainEntry
from coach.domain.pain_series import DailySeries, daily_series, samples_from_entries
from coach.domain.red_flags import RED_FLAG_KEYS, RED_FLAGS

# --- Texts shown to users (one place) -------------------------------------------------------
WORSENING_TITLE = "Your pain has gone up"
WORSENING_TEXT = (
    "Your pain has risen clearly over the last week. Please see a doctor or physiotherapist "
    "before you go on with the walking plan. The plan is paused until then; you can still "
    "log your pain."
)
WORSENING_REASON = (
    "Last 7 days: average {current}. The 3 weeks before: average {previous}. "
    "That is {rise} points higher."
)
RED_FLAG_TITLE = "Please see a doctor promptly"
RED_FLAG_TEXT = (
    "You noted a warning sign that needs a professional's look, not a walking programme. "
    "Please see a doctor or physiotherapist promptly, today if you can. "
    "The walking plan is paused."
)
RED_FLAG_REASON = "On {day} you noted: {signs}."
UNKNOWN_FLAG_LABEL = "a warning sign"
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
RED_FLAG_WINDOW_DAYS = 14
"""A red flag noted within the last 14 days (today included) holds the plan."""
FLAG_LABELS: Mapping[str, str] = {flag.key: flag.short for flag in RED_FLAGS}
"""Plain words for each red-flag key, from the onboarding list in coach.domain.red_flags."""


class Urgency(StrEnum):
    """How soon the person should see a professional."""

    NONE = "none"
    SOON = "soon"
    PROMPTLY = "promptly"


@dataclass(frozen=True)
class Worsening:
    """The numbers behind the worsening rule, rounded to one decimal as shown."""

    current: float
    previous: float

    @property
    def rise(self) -> float:
        """How many points the last 7 days sit above the 3 weeks before."""
        return round(self.current - self.previous, 1)

    @property
    def applies(self) -> bool:
        """Whether the rise is 2 points or more."""
        return self.rise >= WORSENING_POINTS


@dataclass(frozen=True)
class RedFlagReport:
    """Warning signs noted on one day."""

    day: date
    flags: frozenset[str]


@dataclass(frozen=True)
class SafetyMessage:
    """One message for the person: title, what to do, and the reason in numbers or words."""

    urgency: Urgency
    title: str
    text: str
    reason: str


@dataclass(frozen=True)
class SafetyAdvice:
    """All that applies today; `hold_plan` is what the walking plan reads."""

    messages: tuple[SafetyMessage, ...]
    worsening: Worsening | None
    red_flags: tuple[RedFlagReport, ...]

    @property
    def hold_plan(self) -> bool:
        """True when worsening or a recent red flag means the plan should not move on."""
        return bool(self.messages)

    @property
    def urgency(self) -> Urgency:
        """The most urgent of the messages."""
        if any(m.urgency is Urgency.PROMPTLY for m in self.messages):
            return Urgency.PROMPTLY
        return Urgency.SOON if self.messages else Urgency.NONE


def check_worsening(daily: DailySeries, today: date) -> Worsening | None:
    """The last 7 days (ending today) against the 21 days before them, or None if either
    window has too few rated days. Compare `.applies` to see whether the rule fires."""
    end = today.toordinal()
    current, n_current = daily.window_mean(end - CURRENT_DAYS + 1, end)
    prev_last = end - CURRENT_DAYS
    previous, n_previous = daily.window_mean(prev_last - PREVIOUS_DAYS + 1, prev_last)
    if n_current < CURRENT_MIN_DAYS or n_previous < PREVIOUS_MIN_DAYS:
        return None
    return Worsening(current=round(current, 1), previous=round(previous, 1))


def recent_red_flags(
    entries: Iterable[PainEntry], tz: tzinfo, today: date
) -> tuple[RedFlagReport, ...]:
    """Warning signs noted in the last RED_FLAG_WINDOW_DAYS days, one report per day, newest
    first; entries after today are ignored."""
    first = today - timedelta(days=RED_FLAG_WINDOW_DAYS - 1)
    by_day: dict[date, set[str]] = {}
    for entry in entries:
        if entry.red_flags:
            day = entry.at.astimezone(tz).date()
            if first <= day <= today:
                by_day.setdefault(day, set()).update(entry.red_flags)
    return tuple(RedFlagReport(d, frozenset(by_day[d])) for d in sorted(by_day, reverse=True))


def flag_words(flags: Iterable[str], labels: Mapping[str, str] = FLAG_LABELS) -> str:
    """The flags as words, in the onboarding list's order; unknown keys read 'a warning sign'."""
    order = {key: i for i, key in enumerate(RED_FLAG_KEYS)}
    keys = sorted(set(flags), key=lambda k: (order.get(k, len(order)), k))
    words = list(dict.fromkeys(labels.get(key, UNKNOWN_FLAG_LABEL) for key in keys))
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def assess_safety(
    daily: DailySeries,
    entries: Iterable[PainEntry],
    tz: tzinfo,
    today: date,
    flag_labels: Mapping[str, str] = FLAG_LABELS,
) -> SafetyAdvice:
    """What the diary says today: red-flag messages first (promptly), then worsening.

    `daily` is the daily series of the same entries; `flag_labels` maps red-flag keys to
    plain words (default: the onboarding list's short names).
    """
    messages: list[SafetyMessage] = []
    reports = recent_red_flags(entries, tz, today)
    if reports:
        reason = " ".join(
            RED_FLAG_REASON.format(day=_day_words(r.day), signs=flag_words(r.flags, flag_labels))
            for r in reports
        )
        messages.append(SafetyMessage(Urgency.PROMPTLY, RED_FLAG_TITLE, RED_FLAG_TEXT, reason))
    worsening = check_worsening(daily, today)
    if worsening is not None and worsening.applies:
        reason = WORSENING_REASON.format(
            current=f"{worsening.current:.1f}",
            previous=f"{worsening.previous:.1f}",
            rise=f"{worsening.rise:.1f}",
        )
        messages.append(SafetyMessage(Urgency.SOON, WORSENING_TITLE, WORSENING_TEXT, reason))
    return SafetyAdvice(tuple(messages), worsening, reports)


def assess_diary(
    entries: Iterable[PainEntry],
    tz: tzinfo,
    today: date,
    flag_labels: Mapping[str, str] = FLAG_LABELS,
) -> SafetyAdvice:
    """assess_safety for a list of entries, building their daily series first."""
    items = list(entries)
    daily = daily_series(samples_from_entries(items, tz))
    return assess_safety(daily, items, tz, today, flag_labels)


def _day_words(day: date) -> str:
    """'Monday 6 April': our own names, so the process locale cannot mix languages."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
