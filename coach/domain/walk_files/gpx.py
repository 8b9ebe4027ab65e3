"""GPX 1.0 and 1.1 tracks (phones, Strava, most watches' exports), from the safe XML tree.

Read straight from the tree defusedxml built (coach.domain.walk_files.xml_safe) rather than
parsed a second time by gpxpy: one parse of a 3-hour track instead of two, and every byte
of XML from strangers goes through the parser that refuses DTDs.

Cadence comes only from extensions whose namespace declares its unit: Garmin's
TrackPointExtension v1 and v2 (`cad`, revolutions per minute: for a foot, strides) and
Cluetrust's gpxdata (`cadence`, also revolutions per minute). GPX times are UTC by the
standard; a time without a zone is read as UTC.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, tzinfo
from xml.etree.ElementTree import Element

from coach.domain.walk_files.cadence import CadenceUnit, check_sport, sport_name, steps_per_min
from coach.domain.walk_files.model import Point, WalkFile, WalkFileError, build_walk
from coach.domain.walk_files.xml_safe import local_name, namespace

GPX_FORMAT = "gpx"

CADENCE_ELEMENTS: dict[tuple[str, str], CadenceUnit] = {
    ("http://www.garmin.com/xmlschemas/TrackPointExtension/v1", "cad"): CadenceUnit.STRIDES,
    ("http://www.garmin.com/xmlschemas/TrackPointExtension/v2", "cad"): CadenceUnit.STRIDES,
    ("http://www.cluetrust.com/XML/GPXDATA/1/0", "cadence"): CadenceUnit.STRIDES,
}
"""Extension elements holding cadence, by (namespace, name), with the unit their schema gives."""

_CADENCE_NAMES = frozenset({"cad", "cadence"})
EARTH_RADIUS_M = 6_371_008.8
"""The mean Earth radius (IUGG), for the distance between track points."""


def read_gpx(root: Element, local_zone: tzinfo, now: datetime | None = None) -> WalkFile:
    """The walk in a GPX document's tracks; raises WalkFileError saying why not."""
    ns = namespace(root.tag)
    q = f"{{{ns}}}" if ns else ""
    tracks = root.findall(f"{q}trk")
    if not tracks:
        raise WalkFileError("it holds no track (only routes or waypoints), so it is no walk")
    sports = {sport_name(t.findtext(f"{q}type") or "") for t in tracks}
    for sport in sorted(sports):
        check_sport(sport)
    unknown: set[str] = set()
    points, distance = _track_points(tracks, q, local_zone, unknown)
    notes = []
    if unknown and not any(p.steps_per_min for p in points):
        where = ", ".join(sorted(unknown))
        notes.append(f"its cadence is in an extension we do not know ({where}), so it is left out")
    return build_walk(
        GPX_FORMAT,
        points,
        sport=next(iter(sorted(sports - {"unspecified"})), "unspecified"),
        device=" ".join(root.get("creator", "").split())[:80],
        distance_m=distance if points else None,
        notes=notes,
        now=now,
    )


def _track_points(
    tracks: list[Element], q: str, zone: tzinfo, unknown: set[str]
) -> tuple[list[Point], float]:
    """Every track point in order, and the distance walked along each segment (metres)."""
    points: list[Point] = []
    distance = 0.0
    for segment in (s for t in tracks for s in t.findall(f"{q}trkseg")):
        previous: tuple[float, float] | None = None
        for element in segment.findall(f"{q}trkpt"):
            number = len(points) + 1
            position = _position(element, number)
            if previous is not None:
                distance += _metres(previous, position)
            previous = position
            points.append(_point(element, q, zone, unknown, number))
    return points, distance


def _point(element: Element, q: str, zone: tzinfo, unknown: set[str], number: int) -> Point:
    text = (element.findtext(f"{q}time") or "").strip()
    try:
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        reason = "no time" if not text else f"a time that cannot be read ({text[:40]!r})"
        raise WalkFileError(f"point {number} has {reason}, so its minutes are not known") from None
    at = at if at.tzinfo else at.replace(tzinfo=UTC)
    extensions = element.find(f"{q}extensions")
    spm = _cadence(extensions, unknown) if extensions is not None else None
    return Point(at.astimezone(zone), None, spm)


def _position(element: Element, number: int) -> tuple[float, float]:
    try:
        lat, lon = float(element.get("lat", "")), float(element.get("lon", ""))
    except ValueError:
        raise WalkFileError(f"point {number} has no readable position") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise WalkFileError(f"point {number} is off the globe (lat {lat}, lon {lon})")
    return lat, lon


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _cadence(extensions: Element, unknown: set[str]) -> float | None:
    for child in extensions.iter():
        name = local_name(child.tag)
        if name not in _CADENCE_NAMES:
            continue
        unit = CADENCE_ELEMENTS.get((namespace(child.tag), name))
        if unit is None:
            unknown.add(f"{namespace(child.tag) or 'no namespace'} {name}")
            continue
        try:
            return steps_per_min(float((child.text or "").strip()), unit)
        except ValueError:
            raise WalkFileError(f"its cadence {child.text!r:.20} is not a number") from None
    return None
