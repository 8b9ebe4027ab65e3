"""Datetimes as ISO 8601 text with their UTC offset, and index-friendly time windows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# No real time zone is further than 14 h from UTC; a day of margin also covers made-up ones.
_OFFSET_MARGIN = timedelta(hours=24)


def to_text(moment: datetime) -> str:
    """The time as fixed-width ISO 8601 with its own UTC offset, e.g. ...T20:15:00.000000+01:00.

    The offset is kept (not converted to UTC) so a diary entry keeps the local day it was
    written on; the fixed width keeps the text sortable within one offset.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"A stored time must include its time zone, not {moment!r}.")
    return moment.isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    """Parse a stored time; ValueError when it is not ISO 8601 with an offset."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"The stored time {text!r} has no time zone.")
    return moment


def candidate_window(start: datetime, end: datetime) -> tuple[str, str]:
    """Text bounds that include every stored time between start and end, whatever its offset.

    Stored text begins with the local wall time, which is at most a day from UTC, so
    comparing text against widened UTC wall times can use the index; callers then keep
    exactly the rows with start <= time < end.
    """
    low = (start.astimezone(UTC) - _OFFSET_MARGIN).replace(tzinfo=None)
    high = (end.astimezone(UTC) + _OFFSET_MARGIN).replace(tzinfo=None)
    return low.isoformat(timespec="microseconds"), high.isoformat(timespec="microseconds")


def require_aware(moment: datetime, what: str) -> None:
    """Raise ValueError unless the datetime carries a time zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must include its time zone, not {moment!r}.")
