from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from coach.domain.plan_files.loading import (
    MAX_FILE_BYTES,
    PlanFileError,
    file_format,
    load_any,
    load_cues,
    load_plan,
    load_routine,
    plan_to_json,
    routine_to_json,
)
from coach.domain.plans import PhaseKind, SessionPlan
from coach.domain.routines import ExerciseKind, Routine, Sides

ROUTINE: dict[str, Any] = {
    "format": "walkcoach-routine",
    "version": 1,
    "id": "mine",
    "name": "Mine",
    "exercises": [
        {
            "name": "Walk",
            "purpose": "Warm up.",
            "steps": ["Walk."],
            "stop_if": "Pain.",
            "illustration": "a.svg",
            "kind": "walk",
            "duration_seconds": 60,
            "cadence": 90,
        },
        {
            "name": "Hold",
            "purpose": "Stretch.",
            "steps": ["Hold.", "Breathe."],
            "stop_if": "Pain.",
            "illustration": "b.svg",
            "sides": "left_right",
            "hold_seconds": 20,
        },
        {
            "name": "Reps",
            "purpose": "Move.",
            "steps": ["Go."],
            "stop_if": "Pain.",
            "illustration": "a.svg",
            "reps": 5,
            "sets": 2,
        },
    ],
}
PLAN: dict[str, Any] = {
    "format": "walkcoach-plan",
    "version": 1,
    "id": "p",
    "name": "P",
    "phases": [
        {"kind": "stretches", "name": "S", "routine": "mine"},
        {
            "kind": "warm_up",
            "name": "W",
            "duration_seconds": 60,
            "start_cadence": "target-10",
            "end_cadence": "target",
        },
        {"kind": "main", "name": "M", "duration_seconds": 600, "cadence": "target"},
        {
            "kind": "cool_down",
            "name": "C",
            "duration_seconds": 60,
            "start_cadence": 110,
            "end_cadence": 95,
        },
    ],
}


def write(tmp_path: Path, data: Any, name: str = "f.json", svgs: bool = True) -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2))
    if svgs:
        for svg in ("a.svg", "b.svg"):
            (tmp_path / svg).write_text("<svg/>")
    return path


def problem_of(path: Path, **kw: Any) -> str:
    with pytest.raises(PlanFileError) as info:
        load_any(path, **kw)
    assert str(path) in str(info.value)
    return str(info.value)


def test_routine_loads_into_the_domain(tmp_path: Path) -> None:
    routine = load_routine(write(tmp_path, ROUTINE))
    assert isinstance(routine, Routine) and not routine.is_default
    walk, hold, reps = routine.exercises
    assert walk.kind is ExerciseKind.WALK and walk.cadence_spm == 90
    assert hold.sides is Sides.LEFT_RIGHT and hold.steps == ("Hold.", "Breathe.")
    assert reps.reps == 5 and reps.sets == 2 and reps.hold_seconds is None


def test_plan_loads_with_relative_cadences(tmp_path: Path) -> None:
    plan = load_plan(write(tmp_path, PLAN), known_routines={"mine"})
    assert isinstance(plan, SessionPlan)
    assert [p.kind for p in plan.phases] == list(PhaseKind)
    assert plan.tempo_phases(120)[0].start_spm == 110
    assert plan.tempo_phases(120)[2].end_spm == 95


def test_round_trip_through_json(tmp_path: Path) -> None:
    routine = load_routine(write(tmp_path, ROUTINE))
    again = load_routine(write(tmp_path, routine_to_json(routine), "r2.json"))
    assert again == routine
    plan = load_plan(write(tmp_path, PLAN))
    assert load_plan(write(tmp_path, plan_to_json(plan), "p2.json")) == plan


def test_line_and_field_of_a_bad_value(tmp_path: Path) -> None:
    data = copy.deepcopy(ROUTINE)
    data["exercises"][1]["hold_seconds"] = 900
    path = write(tmp_path, data)
    line = path.read_text().splitlines().index('      "hold_seconds": 900') + 1
    message = problem_of(path)
    assert f"line {line}, exercises[1].hold_seconds: must be at most 300, not 900" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(colour="red"), "colour: is not a field this file can have"),
        (lambda d: d.pop("name"), "field name: is required but missing"),
        (lambda d: d.update(name="x" * 81), "name: is 81 characters long; at most 80 fit"),
        (lambda d: d.update(id="../etc"), "id: must be lower-case letters"),
        (
            lambda d: d["exercises"][0].update(cadence=True),
            "exercises[0].cadence: must be a whole number, not true",
        ),
        (lambda d: d["exercises"][0].update(cadence=300), "must be at most 220"),
        (
            lambda d: d["exercises"][1].update(reps=3),
            "exercises[1]: a stretch needs either hold_seconds or reps",
        ),
        (lambda d: d["exercises"][1].update(hold_seconds="20"), "must be a whole number, not '20'"),
        (lambda d: d["exercises"][1].update(sets=11), "exercises[1].sets: must be at most 10"),
        (lambda d: d["exercises"][2].update(reps=51), "exercises[2].reps: must be at most 50"),
        (
            lambda d: d["exercises"][1].update(steps=["s" * 201]),
            "exercises[1].steps[0]: is 201 characters",
        ),
        (lambda d: d["exercises"][1].update(steps=[]), "needs at least 1 item"),
        (
            lambda d: d["exercises"][1].update(sides="both"),
            "must be 'none' or 'left_right', not 'both'",
        ),
        (
            lambda d: d["exercises"][1].update(illustration="/etc/passwd"),
            "illustration: must be a file name",
        ),
        (lambda d: d["exercises"][0].update(duration_seconds=10**9), "at most 10800"),
        (lambda d: d.update(exercises=[]), "exercises: needs at least 1 item"),
        (lambda d: d.update(version=2), "version: must be 1, not 2"),
    ],
)
def test_routine_problems_are_named(tmp_path: Path, change: Any, expected: str) -> None:
    data = copy.deepcopy(ROUTINE)
    change(data)
    assert expected in problem_of(write(tmp_path, data))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["phases"][2].update(cadence="fast"),
            "phases[2].cadence: must be steps per minute",
        ),
        (lambda d: d["phases"][2].update(cadence=20), "must be from 40 to 220"),
        (lambda d: d["phases"][2].update(cadence="target-500"), "must stay within 180 steps"),
        (
            lambda d: d["phases"][1].pop("end_cadence"),
            "give either cadence, or start_cadence and end_cadence",
        ),
        (
            lambda d: d["phases"][2].pop("duration_seconds"),
            "a walking phase needs duration_seconds",
        ),
        (lambda d: d["phases"][0].update(duration_seconds=5), "takes its time from its routine"),
        (lambda d: d.update(phases=d["phases"][:1]), "a plan needs at least one walking phase"),
        (lambda d: d["phases"][2].update(duration_seconds=0), "must be at least 1"),
    ],
)
def test_plan_problems_are_named(tmp_path: Path, change: Any, expected: str) -> None:
    data = copy.deepcopy(PLAN)
    change(data)
    assert expected in problem_of(write(tmp_path, data))


def test_unknown_routine_reference(tmp_path: Path) -> None:
    path = write(tmp_path, PLAN)
    assert "phases[0].routine: no routine is called 'mine'" in problem_of(
        path, known_routines=set()
    )


def test_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, '{\n  "format": "walkcoach-plan",\n  "id": oops\n}')
    assert "line 3: is not valid JSON: Expecting value (column 9)" in problem_of(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[1, 2]", "format: must say which file it is"),
        ('{"format": "walkcoach-diary"}', "line 1, format: must say which file it is"),
        ("", "is not valid JSON"),
        ('{"a": NaN}', "NaN is not a number a file may hold"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (
            '{"format": "walkcoach-plan", "version": 1, "n": 1' + "0" * 5000 + "}",
            "is not valid JSON",
        ),
    ],
)
def test_hostile_files(tmp_path: Path, content: str, expected: str) -> None:
    assert expected in problem_of(write(tmp_path, content))


def test_not_utf8_and_missing_and_too_large(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"a": "\xff"}')
    assert "is not UTF-8 text" in problem_of(bad)
    assert "cannot be read" in problem_of(tmp_path / "gone.json")
    assert "is a folder, not a file" in problem_of(tmp_path)
    big = tmp_path / "big.json"
    big.write_text(" " * (MAX_FILE_BYTES + 1))
    assert "files over 1,000,000 are refused" in problem_of(big)


def test_missing_illustration_is_named(tmp_path: Path) -> None:
    data = copy.deepcopy(ROUTINE)
    data["exercises"][2]["illustration"] = "gone.svg"
    path = write(tmp_path, data)
    message = problem_of(path)
    assert "exercises[2].illustration: illustration file 'gone.svg' is missing" in message
    assert load_any(path, check_illustrations=False)


def test_illustrations_found_in_an_illustrations_folder(tmp_path: Path) -> None:
    path = write(tmp_path, ROUTINE, svgs=False)
    (tmp_path / "illustrations").mkdir()
    for svg in ("a.svg", "b.svg"):
        (tmp_path / "illustrations" / svg).write_text("<svg/>")
    assert load_routine(path).id == "mine"


def test_many_problems_are_summarised(tmp_path: Path) -> None:
    data = copy.deepcopy(ROUTINE)
    data.update({f"x{i}": i for i in range(30)})
    message = problem_of(write(tmp_path, data))
    assert message.count("is not a field") == 10 and "and 20 more problems" in message


def test_cues_file_problems(tmp_path: Path) -> None:
    cues = {
        "format": "walkcoach-cues",
        "version": 1,
        "cards": [
            {"id": "a", "kind": "posture", "title": "A", "text": "Calm.", "illustration": "a.svg"},
            {"id": "a", "kind": "stride", "title": "B", "text": "Calm.", "illustration": "b.svg"},
        ],
    }
    path = write(tmp_path, cues)
    assert "each cue card needs its own id" in problem_of(path)
    cues["cards"][1]["id"] = "b"
    path = write(tmp_path, cues)
    assert file_format(path) == "walkcoach-cues"
    assert [c.id for c in load_cues(path).cards] == ["a", "b"]


def test_hostile_keys_are_escaped_and_shortened(tmp_path: Path) -> None:
    data = copy.deepcopy(ROUTINE)
    data["\x1b[31mred\n"] = 1
    data["k" * 500] = 1
    message = problem_of(write(tmp_path, data))
    assert "\x1b" not in message and "\\x1b[31mred\\n: is not a field" in message
    assert "k" * 37 + "...: is not a field" in message and "k" * 41 not in message


def test_every_default_asset_validates() -> None:
    from coach.domain.plan_files.loading import (
        ASSETS_DIR,
        load_default_cues,
        load_default_plans,
        load_default_routines,
    )

    files = sorted(ASSETS_DIR.glob("*/*.json"))
    assert len(files) == 5
    for path in files:
        load_any(path, check_illustrations=False, known_routines={"warm-up"})
    routines = load_default_routines()
    plans = load_default_plans()
    assert list(routines) == ["warm-up"] and all(r.is_default for r in routines.values())
    assert {p.id: p.walking_seconds // 60 for p in plans.values()} == {
        "starter-10": 10,
        "walk-20": 20,
        "walk-30": 30,
    }
    assert all(p.routine_ids == ("warm-up",) for p in plans.values())
    assert len(load_default_cues().cards) == 13  # "feet under you" merged (issue 21)


def test_default_warm_up_follows_the_faq() -> None:
    from coach.domain.plan_files.loading import load_default_routines
    from coach.domain.routines import RoutineTimeline, StepKind

    warm_up = load_default_routines()["warm-up"]
    walk, hamstring, hip, lunges = warm_up.exercises
    assert walk.kind is ExerciseKind.WALK and walk.cadence_spm is not None
    assert walk.cadence_spm < 100  # below moderate intensity (Tudor-Locke et al., 2019)
    assert 120 <= (walk.duration_seconds or 0) <= 300
    assert "hamstring" in hamstring.name.lower() and "hip" in hip.name.lower()
    assert "lunge" in lunges.name.lower() and lunges.sides is Sides.LEFT_RIGHT
    for exercise in warm_up.exercises:
        assert 2 <= len(exercise.steps) <= 3 and exercise.stop_if.startswith("Stop if")
        assert exercise.illustration.startswith("ex-") and exercise.illustration.endswith(".svg")
        # Every "stop if" says what to do next, and a per-side stretch says which leg is left.
        assert "." in exercise.stop_if.rstrip(".") and len(exercise.stop_if.split(". ")) >= 2
        if exercise.sides is Sides.LEFT_RIGHT:
            assert "(left side: your left" in " ".join(exercise.steps)
    timeline = RoutineTimeline(warm_up)
    assert sum(s.kind is StepKind.SWITCH_SIDES for s in timeline.steps) == 3
    assert 5 * 60 <= timeline.total_s <= 8 * 60


def test_a_path_no_system_can_open(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="not a valid path"):
        load_any(tmp_path / "a\x00b.json")
