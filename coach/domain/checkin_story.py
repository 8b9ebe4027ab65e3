"""The weekly check-in's change in words, said the same on Trends and in the clinician's report.

Compares the latest scored check-in with the first one. Both are rounded to one decimal
before comparing, so the words and the numbers they show always agree.
"""

from __future__ import annotations

from coach.domain.change_story import date_words
from coach.domain.checkin import WeeklyCheckin, change_threshold, scored

# --- Texts shown to users (one place; tests/ui/test_text_numbers.py reads them) -----------
NONE_YET = "Weekly check-in: none answered yet."
ONE_SO_FAR = (
    "Weekly check-in: one so far, {score} on {day}. A second one, in a later week, "
    "shows the change."
)
BETTER = (
    "Weekly check-in: {latest} on {latest_day}, down {diff} from {first} on {first_day}. "
    "That is a change large enough to matter ({threshold} points or more)."
)
WORSE = (
    "Weekly check-in: {latest} on {latest_day}, up {diff} from {first} on {first_day}. "
    "That is a change large enough to matter ({threshold} points or more)."
)
NOT_YET = (
    "Weekly check-in: {latest} on {latest_day}, against {first} on {first_day}. Not yet a "
    "change large enough to matter ({threshold} points or more)."
)
RULE = (
    "The score is the mean of the questions answered (0 to 10, lower is better); a change "
    "that matters is 30 % of the first score and at least 1 point."
)
# ---------------------------------------------------------------------------------------------


def checkin_story(checkins: list[WeeklyCheckin]) -> str:
    """The first and the latest check-in scores with their dates, and whether the change matters."""
    found = scored(checkins)
    if not found:
        return NONE_YET
    first = found[0]
    assert first.score is not None
    if len(found) == 1:
        return ONE_SO_FAR.format(
            score=f"{first.score:.1f}", day=date_words(first.answered_at.date())
        )
    latest = found[-1]
    assert latest.score is not None
    b, r = round(first.score, 1), round(latest.score, 1)
    threshold = round(change_threshold(b), 1)
    diff = round(r - b, 1)
    template = BETTER if diff <= -threshold else WORSE if diff >= threshold else NOT_YET
    return template.format(
        latest=f"{r:.1f}",
        latest_day=date_words(latest.answered_at.date()),
        diff=f"{abs(diff):.1f}",
        first=f"{b:.1f}",
        first_day=date_words(first.answered_at.date()),
        threshold=f"{threshold:.1f}",
    )
