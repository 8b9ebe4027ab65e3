"""The loader never raises anything but PlanFileError, whatever a file holds."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain.plan_files.loading import ASSETS_DIR, PlanFileError, load_any
from coach.domain.routines import RoutineTimeline

# The shipped files are the starting points that mutations break in every way.
ROUTINE: dict[str, Any] = json.loads((ASSETS_DIR / "routines" / "warm-up.json").read_text())
PLAN: dict[str, Any] = json.loads((ASSETS_DIR / "plans" / "walk-20.json").read_text())
CUES: dict[str, Any] = json.loads((ASSETS_DIR / "cues" / "cues.json").read_text())
SVGS = [e["illustration"] for e in ROUTINE["exercises"]] + [
    c["illustration"] for c in CUES["cards"]
]

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=300)
)
JSONISH = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=20), inner, max_size=6)
    ),
    max_leaves=30,
)
FIELDS = st.sampled_from(
    [
        "id",
        "name",
        "format",
        "version",
        "exercises",
        "phases",
        "steps",
        "hold_seconds",
        "reps",
        "sets",
        "sides",
        "kind",
        "cadence",
        "start_cadence",
        "duration_seconds",
        "illustration",
        "routine",
        "prep_seconds",
        "cards",
        "title",
        "text",
    ]
)


def _load(content: bytes) -> object:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.json"
        path.write_bytes(content)
        for svg in SVGS:
            (Path(folder) / svg).write_text("<svg/>")
        try:
            result = load_any(path, known_routines={"warm-up"})
        except PlanFileError as error:
            message = str(error)
            assert str(path) in message and error.problems
            assert all(c.isprintable() or c == "\n" for c in message.replace(str(path), ""))
            return None
        # Whatever loads must also play.
        if hasattr(result, "exercises"):
            assert RoutineTimeline(result).total_s >= 0  # type: ignore[arg-type]
        return result


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes(content: bytes) -> None:
    _load(content)


@settings(max_examples=150, deadline=None)
@given(JSONISH)
def test_arbitrary_json_values(value: Any) -> None:
    _load(json.dumps(value).encode())


def _mutate(base: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    doc = copy.deepcopy(base)
    for _ in range(data.draw(st.integers(1, 4))):
        target: Any = doc
        # Walk down to a random object inside the document, then set a random field.
        for _depth in range(data.draw(st.integers(0, 3))):
            children = [
                v
                for v in (target.values() if isinstance(target, dict) else target)
                if isinstance(v, dict | list) and v
            ]
            if not children:
                break
            target = data.draw(st.sampled_from(children))
        if isinstance(target, dict):
            target[data.draw(FIELDS)] = data.draw(JSONISH)
        elif isinstance(target, list):
            target[data.draw(st.integers(0, len(target) - 1))] = data.draw(JSONISH)
    return doc


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_routines_and_plans(data: st.DataObject) -> None:
    base = data.draw(st.sampled_from([ROUTINE, PLAN, CUES]))
    _load(json.dumps(_mutate(base, data)).encode())


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_mangled_text(data: st.DataObject) -> None:
    text = json.dumps(data.draw(st.sampled_from([ROUTINE, PLAN, CUES])), indent=2)
    cut = data.draw(st.integers(0, len(text)))
    junk = data.draw(st.text(max_size=5))
    _load((text[:cut] + junk + text[cut + len(junk) :]).encode())


def test_unmutated_defaults_load_with_their_illustrations_present() -> None:
    for doc in (ROUTINE, PLAN, CUES):
        assert _load(json.dumps(doc).encode()) is not None
