"""Clocks that the domain runs on, so tests can drive time by hand."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """A source of monotonic seconds and of the current wall-clock time."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards."""
        ...

    def now(self) -> datetime:
        """The current time, timezone-aware."""
        ...


class SystemClock:
    """The real clock of the machine."""

    def monotonic(self) -> float:
        """Seconds from time.monotonic()."""
        return time.monotonic()

    def now(self) -> datetime:
        """The local time with its UTC offset."""
        return datetime.now(UTC).astimezone()


class FakeClock:
    """A clock that only moves when a test calls advance()."""

    def __init__(self, start: datetime | None = None) -> None:
        self._wall = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        self._mono = 0.0

    def monotonic(self) -> float:
        """Seconds advanced so far."""
        return self._mono

    def now(self) -> datetime:
        """The start time plus what has been advanced."""
        return self._wall + timedelta(seconds=self._mono)

    def advance(self, seconds: float) -> None:
        """Move time forward by the given seconds."""
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._mono += seconds
