"""The weekly walking goal shown on Today, derived from how much the user usually walks."""

from __future__ import annotations

import math

STARTER_GOAL_MINUTES = 30
"""The smallest weekly goal: a few short walks, reachable even on a bad week (our own choice)."""

TARGET_MINUTES = 150
"""5 walks of 30 minutes a week: the goal of the WalkBack trial (Pocovi et al., Lancet 2024),
whose walkers went nearly twice as long before their next episode of back pain."""

STEP_UP = 0.10
"""Progress gently: about 10 % above the usual week (our own choice), because WalkBack's walkers
had more lower-limb complaints, so building up must be gradual. Sources: docs/evidence.md."""


def weekly_goal_minutes(usual_minutes_per_week: float) -> int:
    """This week's goal: a little above the usual week, never below 30 or pushed past 150.

    Someone who already walks more than 150 minutes keeps their own amount as the goal.
    """
    usual = max(0.0, float(usual_minutes_per_week))
    if usual >= TARGET_MINUTES:
        return int(math.ceil(usual / 5) * 5)
    stepped = math.ceil(usual * (1 + STEP_UP) / 5) * 5
    return int(min(TARGET_MINUTES, max(STARTER_GOAL_MINUTES, stepped)))
