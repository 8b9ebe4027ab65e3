"""Between the file schema and the domain: models to routines, plans and cues, and back."""

from __future__ import annotations

from typing import Any

from coach.domain.cues import CueCard, CueCatalogue, CueKind
from coach.domain.plan_files.schema import (
    PLAN_FORMAT,
    ROUTINE_FORMAT,
    CuesModel,
    ExerciseModel,
    PhaseModel,
    PlanModel,
    RoutineModel,
)
from coach.domain.plans import Cadence, Phase, PhaseKind, SessionPlan
from coach.domain.routines import Exercise, ExerciseKind, Routine, Sides


def exercise_from(model: ExerciseModel) -> Exercise:
    """The domain exercise for a validated file entry."""
    return Exercise(
        name=model.name,
        purpose=model.purpose,
        steps=tuple(model.steps),
        stop_if=model.stop_if,
        illustration=model.illustration,
        kind=ExerciseKind(model.kind),
        sides=Sides(model.sides),
        hold_seconds=model.hold_seconds,
        reps=model.reps,
        seconds_per_rep=model.seconds_per_rep,
        sets=model.sets,
        prep_seconds=model.prep_seconds,
        rest_seconds=model.rest_seconds,
        switch_seconds=model.switch_seconds,
        duration_seconds=model.duration_seconds,
        cadence_spm=model.cadence,
    )


def routine_from(model: RoutineModel, is_default: bool = False) -> Routine:
    """The domain routine for a validated file."""
    exercises = tuple(exercise_from(e) for e in model.exercises)
    return Routine(model.id, model.name, model.description, exercises, is_default)


def _cadence(value: int | str | None) -> Cadence | None:
    return None if value is None else Cadence.parse(value)


def phase_from(model: PhaseModel) -> Phase:
    """The domain phase for a validated file entry; a steady cadence starts and ends alike."""
    start = _cadence(model.cadence if model.cadence is not None else model.start_cadence)
    end = _cadence(model.cadence if model.cadence is not None else model.end_cadence)
    return Phase(
        kind=PhaseKind(model.kind),
        name=model.name,
        duration_s=model.duration_seconds or 0,
        start_cadence=start,
        end_cadence=end,
        routine_id=model.routine,
    )


def plan_from(model: PlanModel, is_default: bool = False) -> SessionPlan:
    """The domain plan for a validated file."""
    phases = tuple(phase_from(p) for p in model.phases)
    return SessionPlan(model.id, model.name, model.description, phases, is_default)


def cues_from(model: CuesModel) -> CueCatalogue:
    """The cue catalogue for a validated file."""
    cards = tuple(
        CueCard(c.id, CueKind(c.kind), c.title, c.text, c.illustration) for c in model.cards
    )
    return CueCatalogue(cards)


def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    """The file form of an exercise, leaving out what does not apply to its kind."""
    out: dict[str, Any] = {
        "name": exercise.name,
        "purpose": exercise.purpose,
        "steps": list(exercise.steps),
        "stop_if": exercise.stop_if,
        "illustration": exercise.illustration,
        "kind": exercise.kind.value,
        "prep_seconds": exercise.prep_seconds,
        "rest_seconds": exercise.rest_seconds,
    }
    if exercise.kind is ExerciseKind.WALK:
        out |= {"duration_seconds": exercise.duration_seconds, "cadence": exercise.cadence_spm}
        return out
    out |= {"sides": exercise.sides.value, "sets": exercise.sets}
    if exercise.sides is Sides.LEFT_RIGHT:
        out["switch_seconds"] = exercise.switch_seconds
    if exercise.hold_seconds is not None:
        out["hold_seconds"] = exercise.hold_seconds
    else:
        out |= {"reps": exercise.reps, "seconds_per_rep": exercise.seconds_per_rep}
    return out


def routine_to_dict(routine: Routine) -> dict[str, Any]:
    """The file form of a routine (for saving and export)."""
    return {
        "format": ROUTINE_FORMAT,
        "version": 1,
        "id": routine.id,
        "name": routine.name,
        "description": routine.description,
        "exercises": [exercise_to_dict(e) for e in routine.exercises],
    }


def phase_to_dict(phase: Phase) -> dict[str, Any]:
    """The file form of a phase."""
    out: dict[str, Any] = {"kind": phase.kind.value, "name": phase.name}
    if not phase.is_walk:
        out["routine"] = phase.routine_id
        return out
    out["duration_seconds"] = phase.duration_s
    start, end = phase.start_cadence, phase.end_cadence
    if start is not None and (end is None or end == start):
        out["cadence"] = start.to_json()
    elif start is not None and end is not None:
        out |= {"start_cadence": start.to_json(), "end_cadence": end.to_json()}
    return out


def plan_to_dict(plan: SessionPlan) -> dict[str, Any]:
    """The file form of a plan (for saving and export)."""
    return {
        "format": PLAN_FORMAT,
        "version": 1,
        "id": plan.id,
        "name": plan.name,
        "description": plan.description,
        "phases": [phase_to_dict(p) for p in plan.phases],
    }
