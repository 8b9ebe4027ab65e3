"""GPX and TCX walk files: cadence by declared extension, sports, and hostile XML."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from walk_file_builders import GPXDATA, START, TPX_V1, TPX_V2, gpx_text, tcx_text

from coach.domain.walk_files.model import WalkFile, WalkFileError
from coach.domain.walk_files.reading import parse_walk


def gpx(text: str) -> WalkFile:
    return parse_walk(text.encode("utf-8"), ".gpx", UTC)


def tcx(text: str) -> WalkFile:
    return parse_walk(text.encode("utf-8"), ".tcx", UTC)


@pytest.mark.parametrize(
    ("namespace", "element"), [(TPX_V1, "cad"), (TPX_V2, "cad"), (GPXDATA, "cadence")]
)
def test_gpx_cadence_extensions_declare_strides_so_steps_are_twice(
    namespace: str, element: str
) -> None:
    walk = gpx(gpx_text((56,) * 120, namespace=namespace, element=element))
    assert {s.steps_per_min for s in walk.cadence} == {112.0}


def test_gpx_cadence_in_an_unknown_extension_is_left_out_and_said() -> None:
    walk = gpx(gpx_text((112,) * 60, namespace="http://example.com/steps"))
    assert walk.cadence == ()
    assert "an extension we do not know (http://example.com/steps cad)" in walk.notes[0]


def test_gpx_walk_has_its_minutes_distance_and_creator() -> None:
    walk = gpx(gpx_text((56,) * 600))
    assert walk.start == START and walk.duration_s == 599.0
    # 600 points 0.00001 degrees of latitude apart: 599 x 1.112 m.
    assert walk.distance_m == pytest.approx(599 * 1.112, rel=0.001)
    assert walk.device == "Test watch" and walk.sport == "walking"


def test_gpx_without_cadence_or_type_imports_minutes_and_says_cadence_is_missing() -> None:
    walk = gpx(gpx_text((None,) * 300, sport=None))
    assert walk.sport == "unspecified" and walk.duration_s == 299.0
    assert walk.cadence == () and "no cadence" in walk.notes[0]


def test_gpx_pauses_over_a_minute_are_not_walking_time() -> None:
    times = [*range(100), *range(400, 500)]  # a 5-minute stop after 100 s
    walk = gpx(gpx_text((56,) * 200, times=times))
    assert walk.duration_s == 198.0
    assert [s.offset_s for s in walk.cadence][99:101] == [99.0, 400.0]


@pytest.mark.parametrize(
    ("sport", "words"),
    [
        ("cycling", "cycling"),
        ("Ride", "cycling"),
        ("swimming", "swimming"),
        ("kayaking", "kayaking"),
    ],
)
def test_gpx_other_sports_are_refused(sport: str, words: str) -> None:
    with pytest.raises(WalkFileError, match=f"this is a {words} activity"):
        gpx(gpx_text(sport=sport))


@pytest.mark.parametrize("sport", ["Walk", "hiking", "running", "9"])
def test_gpx_walked_or_unnamed_sports_are_imported(sport: str) -> None:
    assert gpx(gpx_text(sport=sport)).duration_s == 599.0


def test_gpx_times_going_backwards_are_refused() -> None:
    times = [*range(50), 10, *range(51, 60)]
    with pytest.raises(WalkFileError, match="times go backwards at point 51"):
        gpx(gpx_text((56,) * 60, times=times))


def test_gpx_without_times_is_refused() -> None:
    text = gpx_text((56,) * 3).replace("<time>", "<desc>").replace("</time>", "</desc>")
    with pytest.raises(WalkFileError, match="point 1 has no time"):
        gpx(text)


def test_gpx_times_without_a_zone_are_utc_shown_in_the_computers_zone() -> None:
    text = gpx_text((56,) * 3).replace("Z</time>", "</time>")
    zone = START.astimezone().tzinfo
    walk = parse_walk(text.encode(), ".gpx", zone or UTC)
    assert walk.start == START


def test_gpx_with_only_waypoints_is_no_walk() -> None:
    text = (
        '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="1" lon="2"/></gpx>'
    )
    with pytest.raises(WalkFileError, match="holds no track"):
        gpx(text)


BILLION_LAUGHS = (
    '<!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>\n"
)


@pytest.mark.parametrize(
    "prologue",
    [
        BILLION_LAUGHS,
        '<!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n',
        '<!DOCTYPE gpx SYSTEM "http://example.com/gpx.dtd">\n',
    ],
)
def test_xml_with_a_dtd_or_entities_is_refused_before_anything_is_expanded(prologue: str) -> None:
    with pytest.raises(WalkFileError, match="declares a DTD or entities"):
        gpx(gpx_text((56,) * 3, prologue=prologue))
    with pytest.raises(WalkFileError, match="declares a DTD or entities"):
        tcx(tcx_text((56,) * 3).replace("?>\n", "?>\n" + prologue.replace("gpx", "x"), 1))


def test_xml_that_is_not_well_formed_says_where() -> None:
    with pytest.raises(WalkFileError, match=r"not well-formed XML .*line 2"):
        gpx(gpx_text((56,) * 3)[:-20])


def test_tcx_run_cadence_and_cadence_are_strides() -> None:
    assert tcx(tcx_text((56,) * 60)).steps_per_min_median == 112.0
    assert tcx(tcx_text((56,) * 60, run_cadence=False)).steps_per_min_median == 112.0


def test_tcx_walk_takes_its_laps_totals_and_creator() -> None:
    walk = tcx(tcx_text((56,) * 600))
    assert walk.start == START and walk.duration_s == 600.0
    assert walk.distance_m == pytest.approx(720.0) and walk.device == "Polar Test"
    assert walk.sport == "unspecified"  # TCX has no walking: walks are "Other"


def test_tcx_biking_is_refused() -> None:
    with pytest.raises(WalkFileError, match="this is a cycling activity"):
        tcx(tcx_text(sport="Biking"))


def test_tcx_running_is_imported_without_cadence_when_there_is_none() -> None:
    walk = tcx(tcx_text((None,) * 60, sport="Running"))
    assert walk.sport == "running" and walk.cadence == () and walk.duration_s == 60.0


def test_tcx_cadence_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(WalkFileError, match="its RunCadence 'fast' is not a number"):
        tcx(tcx_text(("fast",) * 3))  # type: ignore[arg-type]


def test_tcx_without_an_activity_is_no_walk() -> None:
    text = (
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
        'TrainingCenterDatabase/v2"><Courses/></TrainingCenterDatabase>'
    )
    with pytest.raises(WalkFileError, match="holds no activity"):
        tcx(text)


def test_tcx_start_keeps_the_computers_zone_for_utc_times() -> None:
    zone = START.astimezone().tzinfo or UTC
    walk = parse_walk(tcx_text().encode(), ".tcx", zone)
    assert walk.start == START
    assert walk.start.utcoffset() == START.astimezone(zone).utcoffset()
    assert walk.cadence[1].offset_s == timedelta(seconds=1).total_seconds()


def test_gpx_1_0_and_no_namespace_are_read_too() -> None:
    older = gpx_text((56,) * 60).replace("GPX/1/1", "GPX/1/0").replace('"1.1"', '"1.0"')
    bare = gpx_text((56,) * 60).replace(' xmlns="http://www.topografix.com/GPX/1/1"', "")
    assert gpx(older).steps_per_min_median == gpx(bare).steps_per_min_median == 112.0
