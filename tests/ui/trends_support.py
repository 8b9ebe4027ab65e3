"""Helpers for the trends tests: fill a real store with a diary quickly and predictably."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from coach.domain.pain import PainContext, PainEntry
from coach.domain.pain_series import DailySeries, daily_series, samples_from_entries
from coach.domain.walks import WalkKind, WalkRecord
from coach.ui.services import AppServices


def add_days(
    services: AppServices,
    pain_for_day: Callable[[int], int],
    days: int,
    per_day: int = 1,
    notes: dict[int, str] | None = None,
) -> None:
    """Ratings on each of the last `days` days (days_ago from days-1 down to 0)."""
    now = services.clock.now()
    for days_ago in range(days - 1, -1, -1):
        for k in range(per_day):
            at = now - timedelta(days=days_ago, hours=k * 3)
            note = (notes or {}).get(days_ago, "") if k == 0 else ""
            services.pain.add(PainEntry(at=at, pain=pain_for_day(days_ago), note=note,
                                        context=PainContext.ON_WAKING))  # fmt: skip


def add_walks(services: AppServices, days_ago: Sequence[int], minutes: float = 20) -> None:
    """Guided walks of `minutes` at 108 steps/min on the given days."""
    now = services.clock.now()
    for ago in days_ago:
        started = now - timedelta(days=ago, hours=1)
        services.walks.add(WalkRecord(started, minutes * 60, WalkKind.GUIDED, cadence_spm=108))


def domain_daily(services: AppServices) -> DailySeries:
    """The daily series the domain computes from the stored entries as PainEntry objects."""
    now = services.clock.now()
    entries = services.pain.between(datetime(1970, 1, 1, tzinfo=now.tzinfo), now + timedelta(1))
    assert now.tzinfo is not None
    return daily_series(samples_from_entries(entries, now.tzinfo))


def today(services: AppServices) -> date:
    """The fake clock's date."""
    return services.clock.now().date()
