"""FIT activity files (Garmin and most watches), read with fitdecode.

Only activity files are walks: a settings, course or monitoring file is refused by its own
declared type. The checksum is checked; a truncated or damaged file is refused whole, with
the byte where reading stopped, rather than importing the part before it.
"""

from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

import fitdecode

from coach.domain.walk_files.cadence import (
    check_sport,
    sport_name,
    steps_per_min,
    unit_from_label,
)
from coach.domain.walk_files.model import Point, WalkFile, WalkFileError, build_walk

FIT_FORMAT = "fit"

# fitdecode is a third-party decoder handed hostile bytes: besides its own errors, a broken
# file can surface as any of these from inside it. Each becomes one plain reason.
_DECODE_ERRORS = (
    fitdecode.FitError,
    AssertionError,  # fitdecode checks some record headers with assert
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    OverflowError,
    struct.error,
)

_MAX_OFFSET = timedelta(hours=14)
_OFFSET_STEP_S = 15 * 60


def is_fit(data: bytes) -> bool:
    """Whether the bytes start with a FIT file header ('.FIT' at bytes 8 to 11)."""
    return len(data) >= 12 and data[8:12] == b".FIT"


@dataclass
class _Totals:
    """What the messages of one FIT file say about the walk, gathered as they are read."""

    file_type: str | None = None
    manufacturer: str = ""
    product: str = ""
    sports: list[str] = field(default_factory=list)
    start: datetime | None = None
    timer_s: float | None = None
    distance_m: float | None = None
    local_offset: timedelta | None = None
    points: list[Point] = field(default_factory=list)
    unknown_units: set[str] = field(default_factory=set)


def read_fit(data: bytes, local_zone: tzinfo, now: datetime | None = None) -> WalkFile:
    """The walk in a FIT activity file; raises WalkFileError saying why it is not imported.

    local_zone gives the walk its offset when the file does not record its local time.
    """
    totals = _Totals()
    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            check_crc=fitdecode.CrcCheck.RAISE,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as reader:
            for frame in reader:
                if isinstance(frame, fitdecode.FitDataMessage):
                    _take(frame, totals)
    except WalkFileError:
        raise
    except _DECODE_ERRORS as error:
        raise WalkFileError(_damage(error)) from None
    return _walk(totals, local_zone, now)


def _damage(error: Exception) -> str:
    found = re.search(r"@\s*(\d+)", str(error))
    where = f" at byte {found[1]}" if found else ""
    detail = re.sub(r"^FIT parsing error\s*", "", re.sub(r"\s*@\s*\d+:?", "", str(error)))
    if isinstance(error, fitdecode.FitCRCError):
        return "its checksum does not match its contents: the file is damaged"
    if isinstance(error, fitdecode.FitEOFError):
        return f"it ends part-way through{where} (cut short while copying or recording)"
    if isinstance(error, fitdecode.FitHeaderError):
        return f"it is damaged{where}: {detail or 'a FIT header that cannot be read'}"
    return f"it is damaged{where} and cannot be read ({detail})"


def _take(message: fitdecode.FitDataMessage, totals: _Totals) -> None:
    name = message.name
    if name == "file_id":
        _file_id(message, totals)
        if totals.file_type != "activity":
            kind = str(totals.file_type or "unknown").replace("_", " ")
            raise WalkFileError(f"it is a FIT {kind} file, not a recorded activity")
    elif name == "record":
        _record(message, totals)
    elif name == "session":
        _session(message, totals)
    elif name == "sport":
        totals.sports.append(sport_name(str(_value(message, "sport") or "")))
    elif name == "activity":
        _activity(message, totals)


def _file_id(message: fitdecode.FitDataMessage, totals: _Totals) -> None:
    totals.file_type = str(_value(message, "type"))
    totals.manufacturer = str(_value(message, "manufacturer") or "")
    product = _value(message, "garmin_product") or _value(message, "product")
    totals.product = "" if product is None else str(product)


def _record(message: fitdecode.FitDataMessage, totals: _Totals) -> None:
    """One record as a Point, its fields read in one pass (a 3-hour walk has 10,800).

    Cadence: the standard field (declared 'rpm': strides) with its fraction, else a
    developer field named cadence whose declared unit we know.
    """
    at = distance = None
    cadence: tuple[float, str] | None = None
    developer: tuple[float, str] | None = None
    fraction = 0.0
    for data in message.fields:
        name, value = data.name, data.value
        if value is None:
            continue
        if name == "timestamp":
            at = value
        elif name == "distance":
            distance = value
        elif name == "fractional_cadence":
            fraction = float(value)
        elif "adence" in name and isinstance(value, int | float):
            # Fields expanded from components have no definition of their own: never developer's.
            if not getattr(data.field_def, "is_dev", False):
                if name == "cadence":
                    cadence = (float(value), str(data.units or ""))
            elif developer is None and "cadence" in name.lower():
                developer = (float(value), str(data.units or ""))
    if not isinstance(at, datetime):
        return  # a record without a time cannot be placed in the walk
    spm = _in_steps(cadence, fraction, totals) if cadence else None
    if spm is None and developer:
        spm = _in_steps(developer, 0.0, totals)
    totals.points.append(Point(at, float(distance) if distance is not None else None, spm))


def _in_steps(field: tuple[float, str], fraction: float, totals: _Totals) -> float | None:
    value, units = field
    unit = unit_from_label(units)
    if unit is None:
        totals.unknown_units.add(units or "no unit")
        return None
    return steps_per_min(value, unit, fraction)


def _session(message: fitdecode.FitDataMessage, totals: _Totals) -> None:
    totals.sports.insert(0, sport_name(str(_value(message, "sport") or "")))
    start = _value(message, "start_time")
    if isinstance(start, datetime) and (totals.start is None or start < totals.start):
        totals.start = start
    timer = _value(message, "total_timer_time")
    if timer is not None:
        totals.timer_s = (totals.timer_s or 0.0) + float(timer)
    distance = _value(message, "total_distance")
    if distance is not None:
        totals.distance_m = (totals.distance_m or 0.0) + float(distance)


def _activity(message: fitdecode.FitDataMessage, totals: _Totals) -> None:
    utc = _value(message, "timestamp")
    local = _value(message, "local_timestamp")
    if isinstance(utc, datetime) and isinstance(local, datetime):
        # fitdecode labels the local clock time UTC; the difference is the walk's offset.
        seconds = round((local - utc).total_seconds() / _OFFSET_STEP_S) * _OFFSET_STEP_S
        offset = timedelta(seconds=seconds)
        if abs(offset) <= _MAX_OFFSET:
            totals.local_offset = offset


def _walk(totals: _Totals, local_zone: tzinfo, now: datetime | None) -> WalkFile:
    if totals.file_type is None:
        raise WalkFileError("it has no FIT file description, so it is not an activity")
    sport = next((s for s in totals.sports if s != "unspecified"), "unspecified")
    for each in totals.sports:
        check_sport(each)
    zone = timezone(totals.local_offset) if totals.local_offset is not None else local_zone
    points = [Point(p.at.astimezone(zone), p.distance_m, p.steps_per_min) for p in totals.points]
    start = totals.start.astimezone(zone) if totals.start else None
    notes = []
    if totals.unknown_units and not any(p.steps_per_min for p in points):
        units = ", ".join(sorted(totals.unknown_units))
        notes.append(f"its cadence is in a unit we do not know ({units}), so it is left out")
    return build_walk(
        FIT_FORMAT,
        points,
        sport=sport,
        device=_device(totals),
        duration_s=totals.timer_s,
        distance_m=totals.distance_m,
        start=start,
        notes=notes,
        now=now,
    )


def _device(totals: _Totals) -> str:
    maker = totals.manufacturer.replace("_", " ").strip()
    words = [maker[:1].upper() + maker[1:], totals.product.replace("_", " ")]
    return " ".join(w for w in words if w and w != "None")


def _value(message: fitdecode.FitDataMessage, name: str) -> Any:
    """The value of a field, or None when the message does not have it."""
    return message.get_value(name, fallback=None) if message.has_field(name) else None
