"""Realistic sample data for screenshots and demos, always in a throwaway store.

A year of diary: pain that starts around 6, eases over the months with day-to-day wobble,
a two-week flare in late spring that settles again, and a few missed days; walks that build
up gently toward five 30-minute walks a week (WalkBack-style), guided sessions with pain
rated before and after, and a cadence plan started a few months in. Fixed seed: the same
data every time.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from coach.domain.pain import PainContext, PainEntry, PainLocation
from coach.domain.progression import ProgressionPlan, make_plan, this_week_target
from coach.domain.tap_tempo import estimate_cadence
from coach.domain.walks import WalkKind, WalkRecord, week_start
from coach.ui.services import AppServices

SAMPLE_DAYS = 364
SEED = 7
PLAN_STARTED_DAYS_AGO = 150
BASELINE_SPM = 102
FLARE_DAYS_AGO = range(190, 176, -1)
CLEARED_DAYS_AGO = 170
"""Two weeks of a flare, about six months ago, that settles again."""

_NOTES = {
    362: "Stiff all morning; hard to put socks on.",
    330: "First walk round the block in weeks.",
    300: "Better after walking than before.",
    260: "Long drive to see family; sore by the evening.",
    189: "Lifted the garden pots. Sore again.",
    183: "Easing off; short walks only this week.",
    150: "Started the cadence plan: slightly quicker, shorter steps.",
    120: "Walked to the shops and back without stopping.",
    60: "Slept badly.",
    21: "Long day at the desk; sore by the evening.",
    1: "A bit stiff getting up.",
    0: "Less stiff than yesterday.",
}


def _level(days_ago: int) -> float:
    """The underlying pain level: 6.2 a year ago easing to about 3, plus the flare."""
    progress = 1 - days_ago / SAMPLE_DAYS
    level = 6.2 - 3.3 * float(progress**0.8)
    if days_ago in FLARE_DAYS_AGO:
        level += 2.4 * min(1.0, (190 - days_ago) / 4) * (days_ago - 176) / 14 + 0.8
    return level


def _walk_minutes(days_ago: int) -> int:
    """Length of a walk: 10 minutes at first, 30 after about six months."""
    progress = min(1.0, (SAMPLE_DAYS - days_ago) / 200)
    return int(10 + 20 * progress)


def fill_sample_data(services: AppServices) -> None:
    """Save a year of walks and pain ratings (see the module docstring)."""
    now = services.clock.now()
    rng = random.Random(SEED)
    plan_start = week_start((now - timedelta(days=PLAN_STARTED_DAYS_AGO)).date())
    plan = make_plan(BASELINE_SPM, plan_start)
    services.cadence.save_plan(plan, _at(now, PLAN_STARTED_DAYS_AGO, 20, 0))
    for days_ago in range(SAMPLE_DAYS, -1, -1):
        level = _level(days_ago)
        if rng.random() > 0.08 or days_ago < 3:  # a few days are missed
            _rate(services, now, days_ago, level, rng)
        walks_a_week = 3 if days_ago > 250 else 4 if days_ago > 160 else 5
        if days_ago in FLARE_DAYS_AGO and days_ago > 183:
            continue  # no walks in the worst days of the flare
        if (SAMPLE_DAYS - days_ago) % 7 < walks_a_week and days_ago > 0:
            _walk(services, now, days_ago, level, plan, rng)
        if days_ago == CLEARED_DAYS_AGO:
            # After the spring flare paused the plan, a clinician checked: as most people's do.
            services.safety.add_clearance(_at(now, days_ago, 18, 0))


def _rate(
    services: AppServices, now: datetime, days_ago: int, level: float, rng: random.Random
) -> None:
    pain = round(min(10.0, max(0.0, rng.gauss(level, 0.9))))
    services.pain.add(
        PainEntry(
            at=_at(now, days_ago, 7, rng.randint(10, 55)),
            pain=pain,
            context=PainContext.ON_WAKING,
            location=PainLocation.LOWER_BACK_CENTRE,
            note=_NOTES.get(days_ago, ""),
        )
    )
    evening = _at(now, days_ago, 21, rng.randint(0, 40))
    if rng.random() < 0.3 and evening <= now:
        services.pain.add(
            PainEntry(
                at=evening,
                pain=round(min(10.0, max(0.0, rng.gauss(level + 0.6, 1.0)))),
                context=PainContext.EVENING,
                location=PainLocation.LOWER_BACK_LEFT,
            )
        )


def _walk(
    services: AppServices,
    now: datetime,
    days_ago: int,
    level: float,
    plan: ProgressionPlan,
    rng: random.Random,
) -> None:
    started = _at(now, days_ago, 17, 30)
    minutes = _walk_minutes(days_ago) + rng.randint(-4, 6)
    day = started.date()
    target = this_week_target(plan, day) if days_ago <= PLAN_STARTED_DAYS_AGO else BASELINE_SPM
    cadence = target + rng.choice((-2, -1, 0, 0, 1))
    guided = days_ago % 2 == 0
    walk = services.walks.add(
        WalkRecord(
            started_at=started,
            duration_s=minutes * 60,
            kind=WalkKind.GUIDED if guided else WalkKind.METRONOME,
            cadence_spm=cadence,
            plan_name="Starter walk" if guided else "",
        )
    )
    if guided:  # guided sessions ask for pain before and after
        for context, offset, change in (
            (PainContext.BEFORE_WALK, -2, 0.3),
            (PainContext.AFTER_WALK, minutes + 3, -0.4),
        ):
            services.pain.add(
                PainEntry(
                    at=started + timedelta(minutes=offset),
                    pain=round(min(10.0, max(0.0, rng.gauss(level + change, 0.8)))),
                    context=context,
                    location=PainLocation.LOWER_BACK_CENTRE,
                    walk_id=walk.id,
                )
            )


def _at(now: datetime, days_ago: int, hour: int, minute: int) -> datetime:
    return (now - timedelta(days=days_ago)).replace(hour=hour, minute=minute, second=0)


def fill_sample_baseline(services: AppServices, spm: int = 102, days_ago: int = 151) -> None:
    """Save a tapped baseline cadence, measured just before the sample cadence plan began."""
    # Twelve taps with a little human jitter, 60/spm seconds apart.
    jitter = (0.0, 0.012, -0.008, 0.004, -0.011, 0.007, 0.0, -0.005, 0.009, -0.003, 0.006, 0.0)
    taps = [i * 60 / spm + shift for i, shift in enumerate(jitter)]
    measured = (services.clock.now() - timedelta(days=days_ago)).replace(hour=18, minute=10)
    services.cadence.save_baseline(estimate_cadence(taps), measured)
