"""FIT walk files: the real fixtures, and generated walks whose cadence and units we know."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from fit_tool.profile.profile_type import FileType, Sport
from walk_file_builders import START, FitWalk, fit_bytes

from coach.domain.walk_files.model import WalkFileError
from coach.domain.walk_files.reading import WalkFileRefused, parse_walk, read_walk_file

DATA = Path(__file__).parent / "data"


def read(walk: FitWalk):
    return parse_walk(fit_bytes(walk), ".fit", UTC)


def test_fenix_5_cadence_is_twice_what_garmins_own_decoder_shows() -> None:
    walk = read_walk_file(DATA / "garmin-fenix-5-run.fit", UTC)
    with (DATA / "garmin-fenix-5-run-records.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    # The CSV (Garmin's FIT SDK decoder) shows the record's cadence: strides per minute.
    expected = [2.0 * int(r["cadence"]) for r in rows if int(r["cadence"]) > 0]
    assert [s.steps_per_min for s in walk.cadence] == pytest.approx(expected, abs=1.0)
    assert walk.sport == "running"
    assert walk.device == "Garmin fenix5"
    assert walk.start == datetime(2017, 6, 11, 7, 34, 9, tzinfo=timezone(timedelta(hours=-7)))
    assert walk.duration_s == pytest.approx(56.887)
    assert walk.distance_m == pytest.approx(157.56)


def test_fenix_2_run_is_read_whole() -> None:
    walk = read_walk_file(DATA / "activity-small-fenix2-run.fit", UTC)
    assert walk.duration_s == pytest.approx(2832.0)
    assert walk.distance_m == pytest.approx(9008.22)
    assert walk.start.utcoffset() == timedelta(hours=2)  # from the file's own local time
    # The session's average, 81 strides/min (Garmin: avg_running_cadence), is about 162 steps.
    assert walk.steps_per_min_median == pytest.approx(166, abs=4)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("garmin-edge-820-bike.fit", "this is a cycling activity"),
        ("Settings.fit", "it is a FIT settings file, not a recorded activity"),
        ("activity-unexpected-eof.fit", "it ends part-way through at byte 768"),
        ("activity-settings-corruptheader.fit", "it is damaged at byte 771"),
        ("strava-android-app-201.10-b1218918.fit", "it is damaged at byte 7471"),
    ],
)
def test_real_files_that_are_not_walks_are_refused_by_name(name: str, words: str) -> None:
    with pytest.raises(WalkFileRefused) as caught:
        read_walk_file(DATA / name, UTC)
    assert str(caught.value).startswith(f"{DATA / name}: ")
    assert words in caught.value.reason


def test_standard_cadence_is_strides_so_steps_are_twice_it_plus_the_fraction() -> None:
    walk = read(FitWalk(cadence=(55,) * 60, fraction=0.5))
    assert {s.steps_per_min for s in walk.cadence} == {111.0}


def test_a_developer_field_in_steps_per_minute_is_taken_as_it_is() -> None:
    walk = read(FitWalk(cadence=(0,) * 60, dev_cadence=(112,) * 60, standard_cadence=False))
    assert walk.steps_per_min_median == 112.0


def test_a_developer_field_in_strides_per_minute_is_doubled() -> None:
    walk = read(
        FitWalk(
            cadence=(0,) * 60,
            dev_cadence=(56,) * 60,
            dev_units="strides/min",
            standard_cadence=False,
        )
    )
    assert walk.steps_per_min_median == 112.0


def test_the_unit_decides_not_the_size_of_the_number() -> None:
    # 110 as strides would be a sprint, as steps a brisk walk: each file says which it is.
    as_strides = read(FitWalk(cadence=(110,) * 60))
    as_steps = read(FitWalk((0,) * 60, dev_cadence=(110,) * 60, standard_cadence=False))
    assert as_strides.steps_per_min_median == 220.0
    assert as_steps.steps_per_min_median == 110.0


def test_a_cadence_field_in_an_unknown_unit_is_left_out_and_said() -> None:
    walk = read(
        FitWalk((0,) * 60, dev_cadence=(56,) * 60, dev_units="furlongs", standard_cadence=False)
    )
    assert walk.cadence == ()
    assert walk.notes == ("its cadence is in a unit we do not know (furlongs), so it is left out",)


def test_a_walk_without_cadence_keeps_its_minutes_and_distance_and_says_so() -> None:
    walk = read(FitWalk(cadence=(None,) * 600))
    assert walk.cadence == () and walk.steps_per_min_median is None
    assert walk.duration_s == 600.0 and walk.distance_m == pytest.approx(720.0)
    assert any("no cadence" in note for note in walk.notes)


@pytest.mark.parametrize("sport", [Sport.WALKING, Sport.HIKING, Sport.RUNNING, Sport.GENERIC])
def test_walked_sports_are_imported(sport: Sport) -> None:
    assert read(FitWalk(sport=sport)).duration_s == 600.0


@pytest.mark.parametrize(
    ("sport", "words"),
    [
        (Sport.CYCLING, "this is a cycling activity"),
        (Sport.SWIMMING, "this is a swimming activity"),
        (Sport.ROWING, "this is a rowing activity"),
    ],
)
def test_other_sports_are_refused_with_the_reason(sport: Sport, words: str) -> None:
    with pytest.raises(WalkFileError, match=words):
        read(FitWalk(sport=sport))


def test_a_monitoring_file_is_not_an_activity() -> None:
    with pytest.raises(WalkFileError, match="FIT monitoring a file, not a recorded activity"):
        read(FitWalk(file_type=FileType.MONITORING_A))


def test_pauses_are_not_walking_time_and_leave_a_gap_in_the_trace() -> None:
    walk = read(FitWalk(cadence=(55,) * 600, pauses={300: 120}))
    assert walk.duration_s == 600.0  # the timer's time, without the 2-minute pause
    offsets = [s.offset_s for s in walk.cadence]
    assert offsets[299:301] == [299.0, 420.0]


def test_the_walk_keeps_the_offset_the_watch_recorded() -> None:
    walk = read(FitWalk(local_offset=timedelta(hours=-5)))
    assert walk.start == START and walk.start.utcoffset() == timedelta(hours=-5)


def test_without_a_local_time_the_walk_gets_the_computers_zone() -> None:
    zone = timezone(timedelta(hours=9))
    walk = parse_walk(fit_bytes(FitWalk(local_offset=None)), ".fit", zone)
    assert walk.start.utcoffset() == timedelta(hours=9)


def test_a_recording_without_a_session_is_timed_from_its_records() -> None:
    walk = read(FitWalk(cadence=(55,) * 120, session=False, sport=None))
    assert walk.duration_s == 119.0 and walk.sport == "unspecified"


def test_times_going_backwards_are_refused() -> None:
    times = list(range(60))
    times[30] = 10
    with pytest.raises(WalkFileError, match="times go backwards at point 31"):
        read(FitWalk(cadence=(55,) * 60, times=times))


def test_an_impossible_cadence_is_refused_not_imported() -> None:
    with pytest.raises(WalkFileError, match="records 420 steps/min"):
        read(FitWalk(cadence=(210,) * 60))


def test_a_changed_byte_fails_the_checksum() -> None:
    data = bytearray(fit_bytes(FitWalk()))
    data[len(data) // 2] ^= 0x55
    with pytest.raises(WalkFileError, match=r"checksum|damaged"):
        parse_walk(bytes(data), ".fit", UTC)


def test_a_walk_from_the_future_is_refused() -> None:
    start = datetime(2030, 1, 1, tzinfo=UTC)
    with pytest.raises(WalkFileError, match="still to come"):
        parse_walk(fit_bytes(FitWalk(start=start)), ".fit", UTC, now=START)


def test_a_wrong_file_checksum_is_named() -> None:
    data = bytearray(fit_bytes(FitWalk(cadence=(55,) * 30)))
    data[-1] ^= 0xFF  # the last two bytes are the file's CRC
    with pytest.raises(WalkFileError, match="its checksum does not match its contents"):
        parse_walk(bytes(data), ".fit", UTC)
