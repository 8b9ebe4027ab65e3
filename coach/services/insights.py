"""The insights of the whole diary, gathered without Qt for the Trends screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from coach.domain.insights import Difference, before_and_after_guided, morning_after_walking
from coach.services.diary import Diary

_DIARY_START = datetime(1900, 1, 1, tzinfo=UTC)
"""Before any entry the app accepts: the whole diary is read."""


@dataclass(frozen=True)
class Insights:
    """Morning pain after walking days against days without; pain after guided walks
    against before them."""

    morning: Difference
    guided: Difference


def gather_insights(diary: Diary, now: datetime, tz: tzinfo) -> Insights:
    """Both insights over every rating and walk in the diary up to now."""
    end = now + timedelta(days=1)
    entries = diary.pain.between(_DIARY_START, end)
    walks = diary.walks.between(_DIARY_START, end)
    return Insights(
        morning_after_walking(entries, walks, tz), before_and_after_guided(entries, walks, tz)
    )
