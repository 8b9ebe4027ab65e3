"""The diary service saves each change in one transaction and reports what changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coach.domain.clock import FakeClock
from coach.domain.pain import PainContext, PainEntry
from coach.domain.walks import WalkKind, WalkRecord
from coach.services.changes import Change
from coach.services.errors import ReadOnlyStoreError
from coach.services.wiring import StoreServices, services_on
from coach.storage.database import open_read_only, open_store

STARTED = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
WALK = WalkRecord(STARTED, 1200.0, WalkKind.GUIDED, cadence_spm=104.0)
BEFORE = PainEntry(at=STARTED, pain=4, context=PainContext.BEFORE_WALK)
AFTER = PainEntry(at=STARTED + timedelta(minutes=21), pain=3, context=PainContext.AFTER_WALK)


@pytest.fixture
def services(private_data_dir: Path) -> Iterator[StoreServices]:
    """The services of a fresh store in the test's data folder, closed afterwards."""
    store = open_store(clock=FakeClock(datetime(2026, 11, 23, 20, 15, tzinfo=UTC)))
    yield services_on(store)
    store.close()


def _heard(services: StoreServices) -> list[frozenset[Change]]:
    heard: list[frozenset[Change]] = []
    services.changes.subscribe(heard.append)
    return heard


def test_a_walk_and_its_ratings_are_saved_linked_and_reported_once(
    services: StoreServices,
) -> None:
    heard = _heard(services)
    walk = services.diary.add_walk(WALK, (BEFORE, AFTER))
    saved = services.diary.pain.latest(5)
    assert [(e.context, e.walk_id) for e in saved] == [
        (PainContext.AFTER_WALK, walk.id),
        (PainContext.BEFORE_WALK, walk.id),
    ]
    assert services.diary.walks.latest(5) == [walk]
    assert heard == [frozenset({Change.WALKS, Change.PAIN})]


def test_a_rating_that_cannot_be_saved_takes_the_walk_back_with_it(
    services: StoreServices,
) -> None:
    heard = _heard(services)
    already_saved = PainEntry(at=STARTED, pain=2, id=99)  # add() refuses an entry with an id
    with pytest.raises(ValueError, match="already saved"):
        services.diary.add_walk(WALK, (BEFORE, already_saved))
    assert services.diary.walks.latest(5) == []
    assert services.diary.pain.count() == 0
    assert heard == []


def test_pain_changes_are_reported_and_undone(services: StoreServices) -> None:
    heard = _heard(services)
    saved = services.diary.add_pain(PainEntry(at=STARTED, pain=5))
    assert saved.id is not None
    services.diary.update_pain(PainEntry(at=STARTED, pain=6, id=saved.id))
    deleted = services.diary.delete_pain(saved.id)
    services.diary.restore_pain(deleted)
    assert [e.pain for e in services.diary.pain.latest(5)] == [6]
    assert heard == [frozenset({Change.PAIN})] * 4


def test_a_read_only_diary_refuses_a_walk_and_reports_nothing(services: StoreServices) -> None:
    path = services.diary.path
    services.diary.store.close()
    read_only = open_read_only(path)
    try:
        on = services_on(read_only)
        heard = _heard(on)
        assert not on.diary.can_save()
        with pytest.raises(ReadOnlyStoreError):
            on.diary.add_walk(WALK, (BEFORE,))
        assert heard == []
    finally:
        read_only.close()
