"""Property tests: every parser, fed mutated files, returns a checked walk or a WalkFileError."""

from __future__ import annotations

import math
from datetime import UTC
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from walk_file_builders import FitWalk, fit_bytes, gpx_text, tcx_text

from coach.domain.walk_files.model import MAX_STEPS_PER_MIN, WalkFile, WalkFileError
from coach.domain.walk_files.reading import parse_walk

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DATA = Path(__file__).parent / "data"

SEEDS = {
    ".fit": fit_bytes(FitWalk(cadence=(55,) * 40, fraction=0.5, pauses={20: 90})),
    ".gpx": gpx_text((56,) * 30).encode(),
    ".tcx": tcx_text((56,) * 30).encode(),
}
REAL = (DATA / "garmin-fenix-5-run.fit").read_bytes()


def walk_or_reason(data: bytes, suffix: str) -> WalkFile | None:
    """Parse; a WalkFileError with a reason is fine, any other exception fails the test."""
    try:
        walk = parse_walk(data, suffix, UTC)
    except WalkFileError as error:
        assert str(error).strip()
        return None
    assert walk.start.tzinfo is not None
    assert math.isfinite(walk.duration_s) and walk.duration_s >= 0
    for sample in walk.cadence:
        assert 0 < sample.steps_per_min <= MAX_STEPS_PER_MIN
    return walk


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed with a few bytes changed, cut, or inserted."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif data:
            del data[at : at + draw(st.integers(1, 32))]
    return bytes(data)


@FUZZ
@given(st.data(), st.sampled_from(sorted(SEEDS)))
def test_mutated_generated_files(data: st.DataObject, suffix: str) -> None:
    walk_or_reason(data.draw(mutated(SEEDS[suffix])), suffix)


@FUZZ
@given(mutated(REAL))
def test_mutated_real_fit_file(data: bytes) -> None:
    walk_or_reason(data, ".fit")


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([".fit", ".gpx", ".tcx", ""]))
def test_arbitrary_bytes(data: bytes, suffix: str) -> None:
    walk_or_reason(data, suffix)


@FUZZ
@given(st.text(max_size=400))
def test_text_inside_a_gpx_cadence(value: str) -> None:
    text = gpx_text((56,) * 5).replace("<x:cad>56</x:cad>", f"<x:cad>{_escape(value)}</x:cad>", 1)
    walk_or_reason(text.encode(), ".gpx")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 149), st.sampled_from([None, 0.0, 0.25, 0.5, 0.75]))
def test_fit_steps_are_always_twice_the_strides_plus_the_fraction(
    strides: int, fraction: float | None
) -> None:
    walk = parse_walk(fit_bytes(FitWalk(cadence=(strides,) * 5, fraction=fraction)), ".fit", UTC)
    expected = 2 * (strides + (fraction or 0.0))
    assert {s.steps_per_min for s in walk.cadence} == {expected}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")
