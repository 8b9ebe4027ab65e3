"""The weekly check-in: is one due, save the answers or a skip, read them back."""

from __future__ import annotations

from datetime import datetime

from coach.domain.checkin import WeeklyCheckin, week_start
from coach.services.changes import Change, ChangeFeed
from coach.storage.checkin_repo import CheckinRepository
from coach.storage.database import Store


class CheckIns:
    """The weekly check-ins; every save reports CHECKINS. GUI thread only, like the store.

    Raises StoreError (coach.services.errors) when the store cannot save, CheckinError for
    answers off the 0-10 scale.
    """

    def __init__(self, store: Store, changes: ChangeFeed) -> None:
        self._repo = CheckinRepository(store)
        self._changes = changes

    def all(self) -> list[WeeklyCheckin]:
        """Every check-in, skipped weeks included, oldest week first."""
        return self._repo.all()

    def this_week(self, now: datetime, weekday: str) -> WeeklyCheckin | None:
        """The check-in (or skip) of the check-in week holding now, if there is one."""
        return self._repo.for_week(week_start(now.date(), weekday))

    def is_due(self, now: datetime, weekday: str) -> bool:
        """Whether to ask now: this check-in week has neither answers nor a skip yet."""
        return self.this_week(now, weekday) is None

    def answer(
        self, now: datetime, weekday: str, answers: tuple[int | None, int | None, int | None]
    ) -> WeeklyCheckin:
        """Save this week's answers (None for a skipped question); replaces any earlier one."""
        checkin = WeeklyCheckin(week_start(now.date(), weekday), now, answers)
        saved = self._repo.save(checkin)
        self._changes.report(Change.CHECKINS)
        return saved

    def skip(self, now: datetime, weekday: str) -> WeeklyCheckin:
        """Note that this week's check-in was skipped, so Today stops asking until next week.

        Answers already given this week are kept: a skip never replaces them.
        """
        existing = self.this_week(now, weekday)
        if existing is not None and not existing.skipped:
            return existing
        saved = self._repo.save(WeeklyCheckin(week_start(now.date(), weekday), now, skipped=True))
        self._changes.report(Change.CHECKINS)
        return saved
