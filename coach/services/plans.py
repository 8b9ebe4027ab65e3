"""The cadence baseline and the progression plan: read them, save them, report the change."""

from __future__ import annotations

from datetime import datetime

from coach.domain.cadence_records import CadenceBaseline
from coach.domain.progression import ProgressionPlan
from coach.domain.tap_estimate import TapEstimate
from coach.services.changes import Change, ChangeFeed
from coach.storage.cadence_repo import CadenceRepository
from coach.storage.database import Store


class CadencePlans:
    """The measured cadence and the active progression plan; every save reports PLANS."""

    def __init__(self, store: Store, changes: ChangeFeed) -> None:
        self._repo = CadenceRepository(store)
        self._changes = changes

    def latest_baseline(self) -> CadenceBaseline | None:
        """The newest measured cadence, or None before the first measurement."""
        return self._repo.latest_baseline()

    def active_plan(self) -> ProgressionPlan | None:
        """The plan being followed, or None."""
        return self._repo.active_plan()

    def save_baseline(self, estimate: TapEstimate, at: datetime) -> int:
        """Save a cadence measured by tapping; its id."""
        saved = self._repo.save_baseline(estimate, at)
        self._changes.report(Change.PLANS)
        return saved

    def save_plan(self, plan: ProgressionPlan, at: datetime) -> None:
        """Start following a plan (it replaces the active one)."""
        self._repo.save_plan(plan, at)
        self._changes.report(Change.PLANS)

    def update_active_plan(self, plan: ProgressionPlan) -> None:
        """Save changes to the active plan (say, held for a week)."""
        self._repo.update_active_plan(plan)
        self._changes.report(Change.PLANS)
