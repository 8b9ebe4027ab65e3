"""The check-in service: due until answered or skipped, saves report CHECKINS."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coach.domain.checkin import CheckinError
from coach.domain.clock import FakeClock
from coach.services.changes import Change
from coach.services.wiring import StoreServices, services_on
from coach.storage.database import open_store

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def services(private_data_dir: Path) -> Iterator[StoreServices]:
    store = open_store(clock=FakeClock(MONDAY))
    yield services_on(store)
    store.close()


def test_due_until_answered_then_due_again_next_week(services: StoreServices) -> None:
    heard: list[frozenset[Change]] = []
    services.changes.subscribe(heard.append)
    checkins = services.checkins
    assert checkins.is_due(MONDAY, "monday")
    saved = checkins.answer(MONDAY + timedelta(days=1), "monday", (5, None, 3))
    assert saved.score == 4.0
    assert not checkins.is_due(MONDAY + timedelta(days=6), "monday")
    assert checkins.is_due(MONDAY + timedelta(days=7), "monday")
    assert heard == [frozenset({Change.CHECKINS})]


def test_a_skip_stops_asking_but_never_replaces_answers(services: StoreServices) -> None:
    checkins = services.checkins
    checkins.skip(MONDAY, "monday")
    assert not checkins.is_due(MONDAY, "monday")
    answered = checkins.answer(MONDAY + timedelta(hours=2), "monday", (4, 4, 4))  # replaces it
    assert checkins.skip(MONDAY + timedelta(hours=3), "monday") == answered
    assert [c.score for c in checkins.all()] == [4.0]


def test_answers_off_the_scale_save_nothing(services: StoreServices) -> None:
    with pytest.raises(CheckinError, match="0 to 10"):
        services.checkins.answer(MONDAY, "monday", (4, 12, 4))
    assert services.checkins.all() == []
