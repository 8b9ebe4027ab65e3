"""Every application service on one open store, built one way for the app and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from coach.services.changes import ChangeFeed
from coach.services.checkins import CheckIns
from coach.services.diary import Diary
from coach.services.plans import CadencePlans
from coach.services.safety import SafetyRecord
from coach.storage.database import Store


@dataclass(frozen=True)
class StoreServices:
    """The diary, the cadence plans, the safety record and the weekly check-ins, reporting to one
    change feed."""

    changes: ChangeFeed
    diary: Diary
    plans: CadencePlans
    safety: SafetyRecord
    checkins: CheckIns


def services_on(store: Store) -> StoreServices:
    """The services of an open store (the caller still closes the store)."""
    changes = ChangeFeed()
    return StoreServices(
        changes,
        Diary(store, changes),
        CadencePlans(store, changes),
        SafetyRecord(store, changes),
        CheckIns(store, changes),
    )
