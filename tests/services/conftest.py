"""A real store in the test's private data folder, and the services on it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coach.domain.clock import FakeClock
from coach.services.wiring import StoreServices, services_on
from coach.storage.database import open_store


@pytest.fixture
def services(private_data_dir: Path) -> Iterator[StoreServices]:
    """The services of a fresh store, closed afterwards."""
    store = open_store(clock=FakeClock(datetime(2026, 11, 23, 20, 15, tzinfo=UTC)))
    yield services_on(store)
    store.close()
