from __future__ import annotations

import pytest

from coach.domain.plans import (
    Cadence,
    CadenceError,
    Phase,
    PhaseKind,
    PhaseTempo,
    SessionPlan,
    tempo_of,
)
from coach.domain.routines import Exercise, ExerciseKind, Routine

WARM = Phase(PhaseKind.WARM_UP, "Warm-up", 300, Cadence.parse("target-15"), Cadence.parse("target"))
MAIN = Phase(PhaseKind.MAIN, "Walk", 600, Cadence.parse("target"), Cadence.parse("target"))
COOL = Phase(PhaseKind.COOL_DOWN, "Cool-down", 120, Cadence.parse("target"), Cadence.parse(90))
STRETCH = Phase(PhaseKind.STRETCHES, "Stretches", routine_id="warm-up")
PLAN = SessionPlan("p", "Plan", "", (STRETCH, WARM, MAIN, COOL))

ROUTINE = Routine(
    "warm-up",
    "Warm-up",
    "",
    (
        Exercise(
            "Walk",
            "p",
            ("s",),
            "x",
            "a.svg",
            ExerciseKind.WALK,
            duration_seconds=60,
            cadence_spm=90,
            prep_seconds=5,
            rest_seconds=10,
        ),
        Exercise("Stretch", "p", ("s",), "x", "b.svg", hold_seconds=20, prep_seconds=5),
    ),
)


@pytest.mark.parametrize(
    ("text", "target", "spm"),
    [
        (100, 120, 100),
        ("target", 110, 110),
        ("target-10", 110, 100),
        ("target+5", 110, 115),
        ("target-100", 110, 40),
        (300, 110, 220),
    ],
)
def test_cadence_resolves_and_clamps(text: int | str, target: float, spm: float) -> None:
    assert Cadence.parse(text).resolve(target) == spm


@pytest.mark.parametrize("bad", ["fast", "target*2", "target-", "", "100", True, 1.5])
def test_cadence_refuses_other_forms(bad: object) -> None:
    with pytest.raises(CadenceError):
        Cadence.parse(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [100, "target", "target-10", "target+5"])
def test_cadence_round_trips(value: int | str) -> None:
    assert Cadence.parse(value).to_json() == value


def test_plan_totals_and_routine_ids() -> None:
    assert PLAN.walking_seconds == 1020
    assert PLAN.routine_ids == ("warm-up",)


def test_tempo_phases_without_routines_drop_the_stretches() -> None:
    assert PLAN.tempo_phases(110) == [
        PhaseTempo(300, 95, 110, "Warm-up"),
        PhaseTempo(600, 110, 110, "Walk"),
        PhaseTempo(120, 110, 90, "Cool-down"),
    ]


def test_tempo_phases_expand_the_routine_walk_clicks_and_stretches_are_quiet() -> None:
    tempo = PLAN.tempo_phases(110, {"warm-up": ROUTINE})
    assert tempo[:4] == [
        PhaseTempo(5, None, None, "Stretches: Walk"),
        PhaseTempo(60, 90, 90, "Stretches: Walk"),
        PhaseTempo(10, None, None, "Stretches: Walk"),
        PhaseTempo(25, None, None, "Stretches: Stretch"),
    ]
    assert sum(t.duration_s for t in tempo) == 100 + 1020


def test_planned_phase_cadence_ramps_linearly_then_holds() -> None:
    warm = PLAN.planned_phases(110)[0]
    assert warm.cadence_at(0) == 95
    assert warm.cadence_at(150) == 102.5
    assert warm.cadence_at(300) == 110
    assert warm.cadence_at(400) == 110
    assert tempo_of([]) == []
