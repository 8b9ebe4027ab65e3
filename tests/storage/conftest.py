"""Fixtures for the store tests: a fake clock and a fresh store in the test's data folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coach.domain.clock import FakeClock
from coach.storage.database import Store, open_store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 23, 20, 15, tzinfo=UTC))


@pytest.fixture
def db_path(private_data_dir: Path) -> Path:
    return private_data_dir / "walking-coach.sqlite3"


@pytest.fixture
def store(db_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = open_store(db_path, clock=clock)
    yield opened
    opened.close()
