"""The warning-sign record: signs noted and clinicians' checks, read and saved."""

from __future__ import annotations

from datetime import datetime

from coach.domain.safety.state import SafetyInputs
from coach.services.changes import Change, ChangeFeed
from coach.storage.database import Store
from coach.storage.safety_repo import SafetyRepository


class SafetyRecord:
    """What the one safety state is decided from; every save reports SAFETY."""

    def __init__(self, store: Store, changes: ChangeFeed) -> None:
        self._repo = SafetyRepository(store)
        self._changes = changes

    def inputs(self) -> SafetyInputs:
        """Every sign noted and every check, for coach.domain.safety.state.assess."""
        return self._repo.inputs()

    def add_signs(self, at: datetime, signs: frozenset[str]) -> None:
        """Note warning signs the person ticked (say, in the first-run check)."""
        self._repo.add_signs(at, signs)
        self._changes.report(Change.SAFETY)

    def add_clearance(self, at: datetime) -> None:
        """Note that a clinician has checked the signs noted so far."""
        self._repo.add_clearance(at)
        self._changes.report(Change.SAFETY)
