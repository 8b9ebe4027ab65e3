"""The pain-monitoring rule after a walk, and which walk to ask about the next morning.

The pain-monitoring model (Thomeé, Phys Ther 1997;77(12):1690-1703; Silbernagel et al., Am J
Sports Med 2007;35(6):897-906) lets pain rise a little with exercise: up to 5 on the 0-10
scale during or just after it is acceptable, as long as it has settled by the next morning.
Pain above 5, or pain that has not settled by the next morning, means the next session is
made easier. Physiotherapists use it to dose walking and exercise in back pain too; it
replaces a per-walk "2 points" rule, which borrowed Ostelo's smallest change that matters
over a course of treatment, not a reaction to one walk.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta, tzinfo
from enum import StrEnum

from coach.domain.pain import check_pain_value
from coach.domain.walks import WalkRecord, counts_toward_goal

PAIN_LIMIT = 5
"""Pain up to 5/10 during or just after a walk is acceptable (Silbernagel et al. 2007)."""


class HoldReason(StrEnum):
    """Why the next walk should be easier rather than longer."""

    PAIN_ABOVE_LIMIT = "pain_above_limit"
    NOT_SETTLED = "not_settled"
    NEW_LEG_SYMPTOMS = "new_leg_symptoms"


def rose_too_far(pain_before: int | None, pain_after: int | None) -> bool:
    """True when pain after the walk went above 5/10 and above where it started."""
    if pain_after is None:
        return False
    after = check_pain_value(pain_after)
    before = None if pain_before is None else check_pain_value(pain_before)
    return after > PAIN_LIMIT and (before is None or after > before)


def hold_reasons(
    pain_before: int | None,
    pain_after: int | None,
    new_leg_symptoms: bool,
    settled_next_morning: bool | None = None,
) -> tuple[HoldReason, ...]:
    """Every reason the rule gives for an easier next walk (empty: carry on as planned)."""
    reasons: list[HoldReason] = []
    if rose_too_far(pain_before, pain_after):
        reasons.append(HoldReason.PAIN_ABOVE_LIMIT)
    if settled_next_morning is False:
        reasons.append(HoldReason.NOT_SETTLED)
    if new_leg_symptoms:
        reasons.append(HoldReason.NEW_LEG_SYMPTOMS)
    return tuple(reasons)


def walk_to_ask_about(walks: Iterable[WalkRecord], tz: tzinfo, today: date) -> WalkRecord | None:
    """Yesterday's last walk that counts and has no next-morning answer yet, or None."""
    yesterday = today - timedelta(days=1)
    waiting = [
        w
        for w in walks
        if w.id is not None
        and w.settled_next_morning is None
        and counts_toward_goal(w)
        and w.started_at.astimezone(tz).date() == yesterday
    ]
    return max(waiting, key=lambda w: w.started_at, default=None)
