"""Realistic sample diary data for screenshots and demos, always in a throwaway store."""

from __future__ import annotations

from datetime import datetime, timedelta

from coach.domain.pain import PainContext, PainEntry, PainLocation
from coach.domain.walks import WalkKind, WalkRecord
from coach.ui.services import AppServices

SAMPLE_WEEKS = 6

# (days before now, minutes, cadence): a gradual build-up over six weeks, WalkBack style.
_WALKS = [
    (d, m, c)
    for week in range(SAMPLE_WEEKS)
    for d, m, c in [
        (week * 7 + 1, 10 + 3 * (SAMPLE_WEEKS - week), 104 + (SAMPLE_WEEKS - week)),
        (week * 7 + 3, 8 + 2 * (SAMPLE_WEEKS - week), 103 + (SAMPLE_WEEKS - week)),
        (week * 7 + 5, 12 + 3 * (SAMPLE_WEEKS - week), 105 + (SAMPLE_WEEKS - week)),
    ]
]

_NOTES = {
    0: "Less stiff than yesterday.",
    1: "A bit stiff getting up.",
    3: "Long day at the desk; sore by the evening.",
    6: "",
    9: "Slept badly.",
}


def fill_sample_data(services: AppServices) -> None:
    """Save six weeks of walks and daily pain ratings that slowly improve."""
    now = services.clock.now()
    for days_ago, minutes, cadence in _WALKS:
        started = _at(now, days_ago, hour=17, minute=30)
        if started > now:
            continue
        services.walks.add(
            WalkRecord(
                started_at=started,
                duration_s=minutes * 60,
                kind=WalkKind.GUIDED,
                cadence_spm=cadence,
                plan_name="Starter walk",
            )
        )
    for days_ago in range(SAMPLE_WEEKS * 7, -1, -1):
        pain = 3 + round(3 * days_ago / (SAMPLE_WEEKS * 7)) + (1 if days_ago % 5 == 3 else 0)
        services.pain.add(
            PainEntry(
                at=_at(now, days_ago, hour=7, minute=40),
                pain=min(pain, 10),
                context=PainContext.ON_WAKING,
                location=PainLocation.LOWER_BACK_CENTRE,
                note=_NOTES.get(days_ago, ""),
            )
        )
    services.pain.add(
        PainEntry(
            at=_at(now, 1, hour=18, minute=5),
            pain=3,
            context=PainContext.AFTER_WALK,
            location=PainLocation.LOWER_BACK_LEFT,
            note="Felt looser after the walk.",
        )
    )


def _at(now: datetime, days_ago: int, hour: int, minute: int) -> datetime:
    return (now - timedelta(days=days_ago)).replace(hour=hour, minute=minute, second=0)
