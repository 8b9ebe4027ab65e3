"""The weekly check-in: three 0-10 questions of our own, a score, and when it is due.

Not a validated questionnaire (docs/checkin.md says why we do not reproduce the PEG). The
score is the mean of the answered questions; with fewer than MIN_ANSWERED answers there is
no score. A check-in week starts on the person's chosen weekday; a second check-in in the
same week replaces the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

CHECKIN_MIN = 0
CHECKIN_MAX = 10
QUESTION_KEYS: tuple[str, ...] = ("pain", "enjoyment", "activity")
"""Average back pain this week; how much it got in the way of enjoying life; of daily activity."""
MIN_ANSWERED = 2
"""A score needs at least two of the three answers: one answer is a single rating, not a mean."""

WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
"""The check-in weekday setting's choices, in date.weekday() order."""


class CheckinError(ValueError):
    """A check-in that cannot be saved; the message says which answer and why."""


@dataclass(frozen=True)
class WeeklyCheckin:
    """One week's answers (None where skipped), or a skipped week (`skipped`, no answers)."""

    week_start: date
    answered_at: datetime
    answers: tuple[int | None, int | None, int | None] = (None, None, None)
    skipped: bool = False
    id: int | None = None

    def __post_init__(self) -> None:
        if self.answered_at.tzinfo is None:
            raise CheckinError("A check-in's time must include its time zone.")
        if len(self.answers) != len(QUESTION_KEYS):
            raise CheckinError(f"A check-in has {len(QUESTION_KEYS)} answers.")
        for key, value in zip(QUESTION_KEYS, self.answers, strict=True):
            _check_answer(key, value)
        if self.skipped and any(v is not None for v in self.answers):
            raise CheckinError("A skipped check-in holds no answers.")

    @property
    def answered(self) -> int:
        """How many of the three questions were answered."""
        return sum(v is not None for v in self.answers)

    @property
    def score(self) -> float | None:
        """The mean of the answered questions, or None with fewer than MIN_ANSWERED."""
        given = [v for v in self.answers if v is not None]
        if self.skipped or len(given) < MIN_ANSWERED:
            return None
        return sum(given) / len(given)


def _check_answer(key: str, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise CheckinError(f"The {key} answer must be a whole number from 0 to 10, not {value!r}.")
    if not CHECKIN_MIN <= value <= CHECKIN_MAX:
        raise CheckinError(f"The {key} answer must be from 0 to 10, not {value}.")


def week_start(today: date, weekday: str) -> date:
    """The first day of the check-in week holding today: the last `weekday` on or before it."""
    if weekday not in WEEKDAYS:
        raise CheckinError(f"The check-in day must be one of {', '.join(WEEKDAYS)}.")
    back = (today.weekday() - WEEKDAYS.index(weekday)) % 7
    return today - timedelta(days=back)


def is_due(today: date, weekday: str, done_weeks: set[date]) -> bool:
    """Whether to ask: this check-in week has neither answers nor a skip yet."""
    return week_start(today, weekday) not in done_weeks


CHANGE_FRACTION = 0.30
"""A change of 30 % of the first score counts as one that matters (IMMPACT, Dworkin et al.
2008: a 30 % drop is a moderately important improvement; Ostelo et al. 2008 for pain and
function in low back pain)."""
CHANGE_FLOOR_POINTS = 1.0
"""Never less than 1 point, so a low first score cannot turn a fraction of a step into a change."""


def change_threshold(first_score: float) -> float:
    """Points of change that matter from this first score: 30 %, at least 1 point."""
    return max(CHANGE_FLOOR_POINTS, CHANGE_FRACTION * first_score)


def scored(checkins: list[WeeklyCheckin]) -> list[WeeklyCheckin]:
    """The check-ins with a score, oldest week first."""
    return sorted((c for c in checkins if c.score is not None), key=lambda c: c.week_start)
