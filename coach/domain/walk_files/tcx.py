"""TCX activities (Garmin Training Center, Polar and Strava exports), from the safe XML tree.

A Trackpoint's `Cadence` (revolutions per minute by the TCX schema) and Garmin's
ActivityExtension `RunCadence` (strides per minute) are both one foot's cycle for a walker,
so steps/min is twice either. TCX names only three sports: Running, Biking and Other.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from xml.etree.ElementTree import Element

from coach.domain.walk_files.cadence import CadenceUnit, check_sport, sport_name, steps_per_min
from coach.domain.walk_files.model import Point, WalkFile, WalkFileError, build_walk

TCX_FORMAT = "tcx"
TCX_NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
ACTIVITY_EXTENSION_NS = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"

CADENCE_ELEMENTS: dict[tuple[str, str], CadenceUnit] = {
    (TCX_NS, "Cadence"): CadenceUnit.STRIDES,
    (ACTIVITY_EXTENSION_NS, "RunCadence"): CadenceUnit.STRIDES,
}
"""Elements holding a Trackpoint's cadence, by (namespace, name), with their schema's unit."""

_T = f"{{{TCX_NS}}}"


def read_tcx(root: Element, local_zone: tzinfo, now: datetime | None = None) -> WalkFile:
    """The walk in a TCX document's first activity; raises WalkFileError saying why not."""
    activity = root.find(f"{_T}Activities/{_T}Activity")
    if activity is None:
        raise WalkFileError("it holds no activity (perhaps a course or workout), so it is no walk")
    sport = sport_name(activity.get("Sport", ""))
    check_sport(sport)
    laps = activity.findall(f"{_T}Lap")
    points = [
        _point(tp, local_zone, number)
        for number, tp in enumerate(activity.iter(f"{_T}Trackpoint"), start=1)
    ]
    timer = [_number(lap, "TotalTimeSeconds") for lap in laps]
    distance = [_number(lap, "DistanceMeters") for lap in laps]
    start = _time(laps[0].get("StartTime", ""), local_zone) if laps else None
    return build_walk(
        TCX_FORMAT,
        points,
        sport=sport,
        device=_device(activity),
        duration_s=sum(t for t in timer if t is not None) if laps and None not in timer else None,
        distance_m=sum(d for d in distance if d is not None) if any(distance) else None,
        start=start,
        now=now,
    )


def _point(trackpoint: Element, zone: tzinfo, number: int) -> Point:
    at = _time(trackpoint.findtext(f"{_T}Time", ""), zone)
    if at is None:
        raise WalkFileError(f"point {number} has no readable time, so its minutes are not known")
    return Point(at, _number(trackpoint, "DistanceMeters"), _cadence(trackpoint))


def _cadence(trackpoint: Element) -> float | None:
    for (ns, name), unit in CADENCE_ELEMENTS.items():
        element = next(trackpoint.iter(f"{{{ns}}}{name}"), None)
        if element is not None and (element.text or "").strip():
            return steps_per_min(_float(element.text or "", name), unit)
    return None


def _number(element: Element, name: str) -> float | None:
    text = element.findtext(f"{_T}{name}")
    return None if text is None or not text.strip() else _float(text, name)


def _float(text: str, name: str) -> float:
    try:
        return float(text.strip())
    except ValueError:
        raise WalkFileError(f"its {name} {text.strip()[:20]!r} is not a number") from None


def _time(text: str, zone: tzinfo) -> datetime | None:
    try:
        at = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(zone)


def _device(activity: Element) -> str:
    name = activity.findtext(f"{_T}Creator/{_T}Name") or ""
    return " ".join(name.split())[:80]
