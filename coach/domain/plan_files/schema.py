"""The one schema of routine, plan and cue files (pydantic v2, strict, no unknown keys).

Every number and text is bounded so a hostile file cannot make the app hang or draw a
screen of nonsense. loading.py turns these models into domain objects.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    model_validator,
)

from coach.domain.cadence_range import CADENCE_MAX, CADENCE_MIN
from coach.domain.plans import Cadence, CadenceError
from coach.domain.text_rules import unsafe_character

ROUTINE_FORMAT = "walkcoach-routine"
PLAN_FORMAT = "walkcoach-plan"
CUES_FORMAT = "walkcoach-cues"

MAX_DURATION_S = 3 * 60 * 60
"""No phase or walk in a file lasts longer than three hours."""

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,59}$"
ILLUSTRATION_PATTERN = r"^[a-z0-9][a-z0-9-]{0,78}\.svg$"


def _one_line(text: str) -> str:
    if (found := unsafe_character(text)) is not None:
        raise ValueError(f"must not hold control or text-direction characters ({found})")
    return text


def _paragraph(text: str) -> str:
    if (found := unsafe_character(text, multiline=True)) is not None:
        raise ValueError(f"must not hold control or text-direction characters ({found})")
    return text


Name = Annotated[str, StringConstraints(min_length=1, max_length=80), AfterValidator(_one_line)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_one_line)]
Description = Annotated[str, StringConstraints(max_length=500), AfterValidator(_paragraph)]
Identifier = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Illustration = Annotated[str, StringConstraints(pattern=ILLUSTRATION_PATTERN)]
Seconds = Annotated[int, Field(ge=1, le=MAX_DURATION_S)]


def _cadence(value: Any) -> int | str:
    """Accept 40-220 steps/min or 'target', 'target+N', 'target-N'."""
    try:
        cadence = Cadence.parse(value)
    except CadenceError:
        raise ValueError(
            f"must be steps per minute ({CADENCE_MIN}-{CADENCE_MAX}) or 'target', "
            "'target+N' or 'target-N'"
        ) from None
    if cadence.absolute is not None and not CADENCE_MIN <= cadence.absolute <= CADENCE_MAX:
        raise ValueError(f"must be from {CADENCE_MIN} to {CADENCE_MAX} steps per minute")
    if abs(cadence.offset) > CADENCE_MAX - CADENCE_MIN:
        raise ValueError(f"must stay within {CADENCE_MAX - CADENCE_MIN} steps of the target")
    return cadence.to_json()


CadenceValue = Annotated[int | str, PlainValidator(_cadence)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ExerciseModel(_Strict):
    """One exercise of a routine file."""

    name: Name
    purpose: Line
    steps: list[Line] = Field(min_length=1, max_length=5)
    stop_if: Line
    illustration: Illustration
    kind: Literal["stretch", "walk"] = "stretch"
    sides: Literal["none", "left_right"] = "none"
    hold_seconds: int | None = Field(default=None, ge=5, le=300)
    reps: int | None = Field(default=None, ge=1, le=50)
    seconds_per_rep: int = Field(default=4, ge=1, le=30)
    sets: int = Field(default=1, ge=1, le=10)
    prep_seconds: int = Field(default=5, ge=0, le=120)
    rest_seconds: int = Field(default=10, ge=0, le=300)
    switch_seconds: int = Field(default=5, ge=0, le=60)
    duration_seconds: Seconds | None = None
    cadence: int | None = Field(default=None, ge=CADENCE_MIN, le=CADENCE_MAX)

    @model_validator(mode="after")
    def _fits_its_kind(self) -> ExerciseModel:
        if self.kind == "walk":
            if self.duration_seconds is None or self.cadence is None:
                raise ValueError("a walk needs duration_seconds and cadence")
            if self.hold_seconds is not None or self.reps is not None:
                raise ValueError("a walk has a duration, not hold_seconds or reps")
            if self.sides != "none":
                raise ValueError("a walk has no sides")
            return self
        if (self.hold_seconds is None) == (self.reps is None):
            raise ValueError("a stretch needs either hold_seconds or reps (not both)")
        if self.duration_seconds is not None or self.cadence is not None:
            raise ValueError("duration_seconds and cadence belong to walks, not stretches")
        return self


class RoutineModel(_Strict):
    """A routine file."""

    format: Literal["walkcoach-routine"]
    version: Literal[1]
    id: Identifier
    name: Name
    description: Description = ""
    exercises: list[ExerciseModel] = Field(min_length=1, max_length=30)


class PhaseModel(_Strict):
    """One phase of a plan file."""

    kind: Literal["stretches", "warm_up", "main", "cool_down"]
    name: Name
    duration_seconds: Seconds | None = None
    cadence: CadenceValue | None = None
    start_cadence: CadenceValue | None = None
    end_cadence: CadenceValue | None = None
    routine: Identifier | None = None

    @model_validator(mode="after")
    def _fits_its_kind(self) -> PhaseModel:
        cadences = (self.cadence, self.start_cadence, self.end_cadence)
        if self.kind == "stretches":
            if self.routine is None:
                raise ValueError("a stretches phase needs the id of its routine")
            if self.duration_seconds is not None or any(c is not None for c in cadences):
                raise ValueError("a stretches phase takes its time from its routine")
            return self
        if self.routine is not None:
            raise ValueError("only a stretches phase has a routine")
        if self.duration_seconds is None:
            raise ValueError("a walking phase needs duration_seconds")
        steady = self.cadence is not None
        ramp = (self.start_cadence is not None, self.end_cadence is not None)
        if steady == any(ramp) or (not steady and not all(ramp)):
            raise ValueError("give either cadence, or start_cadence and end_cadence")
        return self


class PlanModel(_Strict):
    """A plan file."""

    format: Literal["walkcoach-plan"]
    version: Literal[1]
    id: Identifier
    name: Name
    description: Description = ""
    phases: list[PhaseModel] = Field(min_length=1, max_length=20)

    @model_validator(mode="after")
    def _walks_somewhere(self) -> PlanModel:
        walking = [p.duration_seconds or 0 for p in self.phases if p.kind != "stretches"]
        if not walking:
            raise ValueError("a plan needs at least one walking phase")
        if sum(walking) > MAX_DURATION_S:
            raise ValueError("a plan walks three hours at most")
        if sum(p.kind == "stretches" for p in self.phases) > 1:
            raise ValueError("a plan has at most one stretches phase")
        return self


class CueModel(_Strict):
    """One cue card of a cues file."""

    id: Identifier
    kind: Literal["posture", "stride"]
    title: Annotated[str, StringConstraints(min_length=1, max_length=40), AfterValidator(_one_line)]
    text: Line
    illustration: Illustration


class CuesModel(_Strict):
    """A cues file."""

    format: Literal["walkcoach-cues"]
    version: Literal[1]
    cards: list[CueModel] = Field(min_length=1, max_length=60)

    @model_validator(mode="after")
    def _unique_ids(self) -> CuesModel:
        ids = [c.id for c in self.cards]
        if len(set(ids)) != len(ids):
            raise ValueError("each cue card needs its own id")
        return self
