"""The one safety state every screen reads: is the walking plan paused, why, and what to say.

Warning signs (noted at the introduction, in the diary, or as new numbness or weakness in a
leg after a walk) and the worsening rule (coach.domain.safety.rules) start it. It ends only when
the person says that a clinician has checked it: that choice is saved with its date, and
only signs and ratings after it count from then on, so the level the clinician saw becomes
the new starting point. A flare never pauses the plan; it brings calm advice instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from coach.domain.safety.rules import (
    DayRatings,
    Flare,
    Worsening,
    day_words,
    first_worsening,
    recent_flare,
    sign_reason,
)
from coach.domain.safety.urgency import PAUSED_LINE, Urgency, most_urgent, words_for

# --- Texts shown to users (one place) -------------------------------------------------------
FLARE_TITLE = "A flare-up: go gently for a few days"
FLARE_TEXT = (
    "Keep gently active: everyday things and short, easy walks help more than rest in bed. "
    "Walk by time, not by pain, and make walks shorter for a few days. "
    "See a doctor if it has not started to ease within a week, keeps getting worse, or you "
    "notice any warning sign."
)
FLARE_REASON_HIGH = "On {day} you rated your pain {pain}/10."
FLARE_REASON_RISE = "On {day} your pain was {rise} points higher than a few days before."
CLEARED_LINE = "On {day} you said a clinician had checked your back."
# ---------------------------------------------------------------------------------------------

FLARE_EASES_WITHIN_DAYS = 7
"""Our own choice, said in FLARE_TEXT: a flare not easing within a week needs a doctor."""


@dataclass(frozen=True)
class SignReport:
    """Warning signs noted at one moment (a diary rating, the introduction, after a walk)."""

    at: datetime
    signs: frozenset[str]


@dataclass(frozen=True)
class SafetyInputs:
    """Everything the state is decided from, as the store hands it over."""

    reports: tuple[SignReport, ...] = ()
    ratings: tuple[tuple[datetime, int], ...] = ()
    cleared: tuple[datetime, ...] = ()


@dataclass(frozen=True)
class SafetyMessage:
    """One message: title, what to do, and the reason in words or numbers."""

    urgency: Urgency
    title: str
    text: str
    reason: str


@dataclass(frozen=True)
class SafetyState:
    """Whether the plan is paused and why; `message` is what every screen shows."""

    urgency: Urgency
    signs: tuple[tuple[date, frozenset[str]], ...]
    worsening: Worsening | None
    flare: Flare | None
    cleared_at: datetime | None

    @property
    def active(self) -> bool:
        """True while the walking plan is paused (until a clinician has checked)."""
        return self.urgency is not Urgency.NONE

    @property
    def hold_plan(self) -> bool:
        """The walking plan does not move on while the state is active."""
        return self.active

    @property
    def message(self) -> SafetyMessage | None:
        """The one message for this state, None when it is not active."""
        if not self.active:
            return None
        words = words_for(self.urgency)
        reasons = [sign_reason(day, signs) for day, signs in self.signs]
        if self.worsening is not None:
            reasons.append(self.worsening.reason())
        return SafetyMessage(
            self.urgency, words.title, f"{words.action} {PAUSED_LINE}", " ".join(reasons)
        )

    @property
    def messages(self) -> tuple[SafetyMessage, ...]:
        """The message as a tuple (empty when not active)."""
        message = self.message
        return () if message is None else (message,)

    @property
    def flare_message(self) -> SafetyMessage | None:
        """Calm advice for a flare in the last few days, None without one."""
        flare = self.flare
        if flare is None:
            return None
        if flare.highest >= 9:
            reason = FLARE_REASON_HIGH.format(day=day_words(flare.day), pain=flare.highest)
        else:
            reason = FLARE_REASON_RISE.format(day=day_words(flare.day), rise=f"{flare.rise:g}")
        return SafetyMessage(Urgency.NONE, FLARE_TITLE, FLARE_TEXT, reason)

    def cleared_line(self) -> str:
        """'On <day> you said a clinician had checked your back.', or "" if never."""
        if self.cleared_at is None:
            return ""
        return CLEARED_LINE.format(day=day_words(self.cleared_at.date()))


CLEAR = SafetyState(Urgency.NONE, (), None, None, None)
"""Nothing noted: the plan runs as usual."""


def assess(inputs: SafetyInputs, tz: tzinfo, today: date) -> SafetyState:
    """The state today from the inputs; times after today are ignored."""
    cleared_at = max(inputs.cleared, default=None)

    def counts(at: datetime) -> bool:
        after_clearance = cleared_at is None or at > cleared_at
        return after_clearance and at.astimezone(tz).date() <= today

    signs = _signs_by_day((r for r in inputs.reports if counts(r.at)), tz)
    ratings = [(at, pain) for at, pain in inputs.ratings if counts(at)]
    worsening = first_worsening(DayRatings.from_ratings(ratings, tz), today)
    everything = [(at, pain) for at, pain in inputs.ratings if at.astimezone(tz).date() <= today]
    flare = recent_flare(DayRatings.from_ratings(everything, tz), today)
    keys = [key for _day, day_signs in signs for key in day_signs]
    urgency = max(most_urgent(keys), Urgency.SOON if worsening else Urgency.NONE)
    local_clearance = cleared_at.astimezone(tz) if cleared_at else None
    return SafetyState(urgency, signs, worsening, flare, local_clearance)


def history_lines(inputs: SafetyInputs, tz: tzinfo, first: date, last: date) -> tuple[str, ...]:
    """Signs noted (by day) and clinicians' checks from first to last, oldest first, in words."""
    reports = [r for r in inputs.reports if first <= r.at.astimezone(tz).date() <= last]
    events = [(datetime.combine(day, time(0), tz), sign_reason(day, signs))
              for day, signs in _signs_by_day(reports, tz)]  # fmt: skip
    for at in inputs.cleared:
        local = at.astimezone(tz)
        if first <= local.date() <= last:
            events.append((local, CLEARED_LINE.format(day=day_words(local.date()))))
    return tuple(line for _at, line in sorted(events, key=lambda event: event[0]))


def _signs_by_day(
    reports: Iterable[SignReport], tz: tzinfo
) -> tuple[tuple[date, frozenset[str]], ...]:
    """Signs grouped by local day, newest day first."""
    by_day: dict[date, set[str]] = {}
    for report in reports:
        if report.signs:
            by_day.setdefault(report.at.astimezone(tz).date(), set()).update(report.signs)
    return tuple((day, frozenset(by_day[day])) for day in sorted(by_day, reverse=True))


def reports_from(entries: Sequence[tuple[datetime, frozenset[str]]]) -> tuple[SignReport, ...]:
    """SignReports from (time, signs) pairs, leaving out the ones without signs."""
    return tuple(SignReport(at, signs) for at, signs in entries if signs)
