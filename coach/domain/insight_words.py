"""The insights in words: each difference with its interval, or "not enough days yet to say",
and always that it is an association in the person's own diary, not proof."""

from __future__ import annotations

from coach.domain.insights import Difference

# --- Texts shown to users (one place; tests/ui/test_text_numbers.py reads them) -----------
MORNING_FOUND = (
    "Mornings after a day with 10 minutes or more of walking: on waking your pain averaged "
    "{a}, against {b} after days without ({days_a} and {days_b} days), {size} "
    "(90 % interval {low} to {high})."
)
MORNING_NOT_ENOUGH = (
    "Mornings after a day with 10 minutes or more of walking, against after a day without: "
    "not enough days yet to say. This needs 10 days of each with a rating on waking; so far "
    "there are {days_a} and {days_b}."
)
GUIDED_FOUND = (
    "Guided walks: your pain after them averaged {a}, against {b} before ({days_a} days), "
    "{size} (90 % interval {low} to {high})."
)
GUIDED_NOT_ENOUGH = (
    "Pain before and after guided walks: not enough days yet to say. This needs 10 days "
    "with a rating before and after a guided walk; so far there are {days_a}."
)
LOWER = "{points} points lower"
HIGHER = "{points} points higher"
SAME = "about the same"
CAVEAT = (
    "These are associations in your own diary, not proof that one causes the other: a good "
    "day can make a walk more likely as much as a walk can make a good day. The interval "
    "shows how much the difference could move with other days like yours."
)
# ---------------------------------------------------------------------------------------------


def difference_words(found: Difference, enough: str, not_enough: str) -> str:
    """One insight: the two means, the difference in words and its interval, or not enough."""
    if found.diff is None or found.low is None or found.high is None:
        return not_enough.format(days_a=found.days_a, days_b=found.days_b)
    assert found.mean_a is not None and found.mean_b is not None
    # From the rounded means, so the words' own numbers always add up.
    diff = round(round(found.mean_a, 1) - round(found.mean_b, 1), 1)
    points = f"{abs(diff):.1f}"
    size = SAME if diff == 0 else (LOWER if diff < 0 else HIGHER).format(points=points)
    return enough.format(
        a=f"{found.mean_a:.1f}",
        b=f"{found.mean_b:.1f}",
        days_a=found.days_a,
        days_b=found.days_b,
        size=size,
        low=_signed(found.low),
        high=_signed(found.high),
    )


def _signed(value: float) -> str:
    """'-1.2', '+0.3', '0.0': the sign shows which way the interval's ends lie."""
    text = f"{value:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text.replace("-", "\u2212")


def morning_words(found: Difference) -> str:
    """Mornings after a walking day against after a day without, in words."""
    return difference_words(found, MORNING_FOUND, MORNING_NOT_ENOUGH)


def guided_words(found: Difference) -> str:
    """Pain after guided walks against before them, in words."""
    return difference_words(found, GUIDED_FOUND, GUIDED_NOT_ENOUGH)
