"""Saving pain ratings and walks: each save one transaction, each reporting what changed.

The one place screens and the command line save to the diary, so the same save is written
once: a walk and the ratings before and after it go in together or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from coach.domain.pain import PainContext, PainEntry
from coach.domain.walks import WalkRecord
from coach.services.changes import Change, ChangeFeed
from coach.storage.database import Store
from coach.storage.pain_repo import PainRepository
from coach.storage.walks_repo import DeletedWalk, WalkRepository

if TYPE_CHECKING:  # the session modules load with the Walk screen, not at the first paint
    from coach.domain.session_summary import SessionResult


class Diary:
    """The pain diary and the walks; reads through `pain` and `walks`, saves through methods.

    Raises StoreError (coach.services.errors) when the store cannot save, ValueError for an
    entry that cannot be saved as given. GUI thread only, like the store.
    """

    def __init__(self, store: Store, changes: ChangeFeed) -> None:
        self.store = store
        self.changes = changes
        self.pain = PainRepository(store)
        self.walks = WalkRepository(store)

    @property
    def path(self) -> Path:
        """The diary file."""
        return self.store.path

    @property
    def revision(self) -> int:
        """A count that grows with every row the store changes: equal counts, equal data.

        The app has one connection to the store, so sqlite3's total_changes sees every save.
        """
        return self.store.connection.total_changes

    def can_save(self) -> bool:
        """Whether anything can be saved now; False while a damaged copy is open read-only."""
        return not self.store.read_only

    def add_pain(self, entry: PainEntry) -> PainEntry:
        """Save a new rating and return it with its id."""
        saved = self.pain.add(entry)
        self.changes.report(Change.PAIN)
        return saved

    def update_pain(self, entry: PainEntry) -> PainEntry:
        """Save changes to a rating (matched by id)."""
        saved = self.pain.update(entry)
        self.changes.report(Change.PAIN)
        return saved

    def delete_pain(self, entry_id: int) -> PainEntry:
        """Delete a rating and return it as it was, so restore_pain can undo the delete."""
        deleted = self.pain.delete(entry_id)
        self.changes.report(Change.PAIN)
        return deleted

    def restore_pain(self, entry: PainEntry) -> PainEntry:
        """Put a deleted rating back with its old id."""
        restored = self.pain.restore(entry)
        self.changes.report(Change.PAIN)
        return restored

    def add_walk(self, walk: WalkRecord, ratings: Sequence[PainEntry] = ()) -> WalkRecord:
        """Save a walk and the ratings linked to it in one transaction; the walk with its id.

        A crash or failure part-way saves nothing: never a walk without its ratings.
        """
        with self.store.transaction():  # the repositories' own transactions nest inside
            saved = self.walks.add(walk)
            for rating in ratings:
                self.pain.add(replace(rating, walk_id=saved.id))
        self.changes.report(Change.WALKS, *((Change.PAIN,) if ratings else ()))
        return saved

    def add_session(
        self, result: SessionResult, note_before: str, note_after: str, now: datetime
    ) -> WalkRecord | None:
        """Save a guided walk with the pain before and after it; None if it never started."""
        record = result.summary.to_walk_record(result.new_leg_symptoms)
        if record is None:
            return None
        ratings = (
            (result.pain_before, PainContext.BEFORE_WALK, note_before.strip(), record.started_at),
            (result.pain_after, PainContext.AFTER_WALK, note_after.strip(), now),
        )
        entries = [
            PainEntry(at=at, pain=pain, context=context, note=note)
            for pain, context, note, at in ratings
            if pain is not None
        ]
        return self.add_walk(record, entries)

    def delete_imported_walk(self, walk_id: int) -> DeletedWalk:
        """Delete an imported walk; returns it with its trace, so restore_walk can undo."""
        deleted = self.walks.delete_imported(walk_id)
        self.changes.report(Change.WALKS)
        return deleted

    def restore_walk(self, deleted: DeletedWalk) -> WalkRecord:
        """Put a deleted walk back with its old id and cadence trace."""
        restored = self.walks.restore(deleted)
        self.changes.report(Change.WALKS)
        return restored

    def set_settled(self, walk_id: int, settled: bool) -> None:
        """Save the next morning's answer for a walk: had the pain settled?"""
        self.walks.set_settled(walk_id, settled)
        self.changes.report(Change.WALKS)
