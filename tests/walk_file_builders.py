"""Walk files with known contents for the import tests: FIT written with fit-tool, GPX and TCX
as text. Each builder takes one cadence value per second (None: no cadence in that point)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fit_tool.base_type import BaseType
from fit_tool.developer_field import DeveloperField
from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.activity_message import ActivityMessage
from fit_tool.profile.messages.developer_data_id_message import DeveloperDataIdMessage
from fit_tool.profile.messages.event_message import EventMessage
from fit_tool.profile.messages.field_description_message import FieldDescriptionMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import Event, EventType, FileType, Manufacturer, Sport

FIT_EPOCH_S = 631065600
"""Seconds from 1970 to the FIT epoch (1989-12-31 00:00 UTC), for fit-tool's raw local time."""

START = datetime(2026, 11, 2, 7, 30, tzinfo=UTC)


@dataclass
class FitWalk:
    """What a generated FIT file holds; the defaults make a 10-minute walk at 55 strides/min."""

    cadence: Sequence[float | None] = (55,) * 600
    fraction: float | None = None
    sport: Sport | None = Sport.WALKING
    file_type: FileType = FileType.ACTIVITY
    start: datetime = START
    local_offset: timedelta | None = timedelta(hours=1)
    dev_cadence: Sequence[float] | None = None
    dev_units: str = "spm"
    standard_cadence: bool = True
    pauses: dict[int, int] = field(default_factory=dict)
    """Second index -> seconds of pause inserted before that record (timer stopped)."""
    session: bool = True
    times: Sequence[int] | None = None
    """Seconds of each record after the start, instead of one a second (with pauses)."""


def fit_bytes(walk: FitWalk) -> bytes:
    """The FIT file for the walk."""
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    t0 = _ms(walk.start)
    file_id = FileIdMessage()
    file_id.type = walk.file_type
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 2697  # fenix 5
    file_id.time_created = t0
    builder.add(file_id)
    if walk.dev_cadence is not None:
        _describe_dev_cadence(builder, walk.dev_units)
    _event(builder, t0, EventType.START)
    offset_s, distance, last = 0, 0.0, t0
    for i, value in enumerate(walk.cadence):
        if i in walk.pauses:
            _event(builder, t0 + (offset_s) * 1000, EventType.STOP_ALL)
            offset_s += walk.pauses[i]
            _event(builder, t0 + offset_s * 1000, EventType.START)
        second = walk.times[i] if walk.times is not None else offset_s
        builder.add(_record(walk, i, value, t0 + second * 1000, distance))
        distance += 1.2
        last = t0 + second * 1000
        offset_s += 1
    _event(builder, last, EventType.STOP_ALL)
    if walk.session:
        builder.add(_session(walk, t0, last, distance))
        builder.add(_activity(walk, last))
    return builder.build().to_bytes()


def _describe_dev_cadence(builder: FitFileBuilder, units: str) -> None:
    dev = DeveloperDataIdMessage()
    dev.application_id = b"walkcoach-tests!"
    dev.developer_data_index = 0
    builder.add(dev)
    description = FieldDescriptionMessage()
    description.developer_data_index = 0
    description.field_definition_number = 0
    description.fit_base_type_id = BaseType.UINT8
    description.field_name = "Cadence"
    description.units = units
    builder.add(description)


def _record(walk: FitWalk, i: int, value: float | None, ms: int, distance: float) -> RecordMessage:
    dev_fields = []
    if walk.dev_cadence is not None:
        dev = DeveloperField(developer_data_index=0, field_id=0, size=1)
        dev.set_value(0, int(walk.dev_cadence[i]))
        dev_fields.append(dev)
    record = RecordMessage(developer_fields=dev_fields)
    record.timestamp = ms
    record.distance = distance
    if value is not None and walk.standard_cadence:
        record.cadence = int(value)
        if walk.fraction is not None:
            record.fractional_cadence = walk.fraction
    return record


def _event(builder: FitFileBuilder, ms: int, kind: EventType) -> None:
    event = EventMessage()
    event.event = Event.TIMER
    event.event_type = kind
    event.timestamp = ms
    builder.add(event)


def _session(walk: FitWalk, t0: int, last: int, distance: float) -> SessionMessage:
    session = SessionMessage()
    session.timestamp = last
    session.start_time = t0
    session.total_timer_time = float(len(walk.cadence))
    session.total_elapsed_time = (last - t0) / 1000
    session.total_distance = distance
    if walk.sport is not None:
        session.sport = walk.sport
    return session


def _activity(walk: FitWalk, last: int) -> ActivityMessage:
    activity = ActivityMessage()
    activity.timestamp = last
    activity.total_timer_time = float(len(walk.cadence))
    activity.num_sessions = 1
    if walk.local_offset is not None:
        activity.local_timestamp = (
            last // 1000 - FIT_EPOCH_S + int(walk.local_offset.total_seconds())
        )
    return activity


def _ms(at: datetime) -> int:
    return round(at.timestamp() * 1000)


TPX_V1 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
TPX_V2 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2"
GPXDATA = "http://www.cluetrust.com/XML/GPXDATA/1/0"


def gpx_text(
    cadence: Sequence[float | None] = (55,) * 600,
    *,
    namespace: str = TPX_V1,
    element: str = "cad",
    sport: str | None = "walking",
    start: datetime = START,
    times: Sequence[float] | None = None,
    creator: str = "Test watch",
    prologue: str = "",
) -> str:
    """A GPX 1.1 track, one point a second (or at `times`), cadence in the given extension."""
    points = []
    for i, value in enumerate(cadence):
        at = start + timedelta(seconds=times[i] if times is not None else i)
        ext = (
            f"<extensions><x:TrackPointExtension><x:{element}>{value}</x:{element}>"
            "</x:TrackPointExtension></extensions>"
            if value is not None
            else ""
        )
        points.append(
            f'<trkpt lat="{51.5 + i * 1e-5:.6f}" lon="-0.1"><ele>10</ele>'
            f"<time>{at.isoformat().replace('+00:00', 'Z')}</time>{ext}</trkpt>"
        )
    kind = f"<type>{sport}</type>" if sport is not None else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prologue}'
        f'<gpx version="1.1" creator="{creator}" xmlns="http://www.topografix.com/GPX/1/1" '
        f'xmlns:x="{namespace}"><trk><name>Walk</name>{kind}<trkseg>'
        + "".join(points)
        + "</trkseg></trk></gpx>\n"
    )


def tcx_text(
    cadence: Sequence[float | None] = (55,) * 600,
    *,
    sport: str = "Other",
    run_cadence: bool = True,
    start: datetime = START,
) -> str:
    """A TCX activity of one lap, one point a second; cadence as RunCadence or as Cadence."""
    points = []
    for i, value in enumerate(cadence):
        at = (start + timedelta(seconds=i)).isoformat().replace("+00:00", "Z")
        if value is None:
            extra = ""
        elif run_cadence:
            extra = (
                f"<Extensions><ax:TPX><ax:RunCadence>{value}</ax:RunCadence></ax:TPX></Extensions>"
            )
        else:
            extra = f"<Cadence>{value}</Cadence>"
        points.append(
            f"<Trackpoint><Time>{at}</Time><DistanceMeters>{i * 1.2:.1f}</DistanceMeters>"
            f"{extra}</Trackpoint>"
        )
    first = start.isoformat().replace("+00:00", "Z")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"'
        ' xmlns:ax="http://www.garmin.com/xmlschemas/ActivityExtension/v2">'
        f'<Activities><Activity Sport="{sport}"><Id>{first}</Id><Lap StartTime="{first}">'
        f"<TotalTimeSeconds>{len(cadence)}</TotalTimeSeconds>"
        f"<DistanceMeters>{len(cadence) * 1.2:.1f}</DistanceMeters><Track>"
        + "".join(points)
        + "</Track></Lap><Creator><Name>Polar Test</Name></Creator></Activity></Activities>"
        "</TrainingCenterDatabase>\n"
    )


def write(folder: Path, name: str, content: bytes | str) -> Path:
    """Write a walk file into folder and return its path."""
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path
