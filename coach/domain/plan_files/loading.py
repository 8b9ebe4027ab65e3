"""Loading routine, plan and cue files: the only error that ever leaves is PlanFileError.

A bad file gets messages naming the file, the field (e.g. `exercises[2].hold_seconds`),
the line when it can be found, and the reason in plain words; it never stops the app.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from coach.domain.cues import CueCatalogue
from coach.domain.file_reading import (
    FileRefusedError,
    is_app_file,
    read_regular_file,
    refusal,
)
from coach.domain.json_lines import find_line, find_lines
from coach.domain.plan_files.convert import (
    cues_from,
    plan_from,
    plan_to_dict,
    routine_from,
    routine_to_dict,
)
from coach.domain.plan_files.errors import describe_error, dotted
from coach.domain.plan_files.schema import (
    CUES_FORMAT,
    PLAN_FORMAT,
    ROUTINE_FORMAT,
    CuesModel,
    PlanModel,
    RoutineModel,
)
from coach.domain.plans import SessionPlan
from coach.domain.routines import Routine
from coach.resources import assets_dir

MAX_FILE_BYTES = 1_000_000
"""Plan, routine and cue files are a few kilobytes; anything over a megabyte is refused."""

MAX_PROBLEMS = 10
"""Messages listed per file; more are summarised, so a hostile file cannot flood a screen."""

MAX_ENTRIES = 200
"""Keys per object and items per list: the schemas need under 60, so more is refused at once
(a hostile file of 90,000 unknown keys would otherwise cost a second in error details)."""

ASSETS_DIR = assets_dir()
"""The folder of the default plans, routines, cues and illustrations shipped with the app."""

ILLUSTRATIONS_DIR = ASSETS_DIR / "illustrations"

_Model = TypeVar("_Model", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (field path and line) and why."""

    file: str
    field: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(self.field if self.line is not None else f"field {self.field}")
        return f"{', '.join(where)}: {self.reason}"


class PlanFileError(ValueError):
    """A routine, plan or cue file that cannot be used; str() lists every problem."""

    def __init__(self, problems: Sequence[Problem], more: int = 0) -> None:
        self.problems = tuple(problems)
        lines = [str(p) for p in self.problems]
        if more:
            lines.append(f"... and {more} more problem{'s' if more > 1 else ''} not listed.")
        super().__init__("\n".join(lines))


def _fail(path: Path, reason: str, field: str = "", line: int | None = None) -> PlanFileError:
    return PlanFileError([Problem(str(path), field, line, reason)])


def _read_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file (no link, FIFO or device) of at most the limit."""
    try:
        return read_regular_file(path, MAX_FILE_BYTES, follow_links=is_app_file(path))
    except FileRefusedError as error:
        if error.size is not None:
            raise _fail(
                path, f"is {error.size:,} bytes; files over {MAX_FILE_BYTES:,} are refused"
            ) from None
        raise _fail(path, str(error)) from None
    except ValueError:  # a path with a NUL byte in it
        raise _fail(path, "cannot be read (the name is not a valid path)") from None


def _read_text(path: Path) -> str:
    data = _read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _fail(path, f"is not UTF-8 text (bad byte at position {error.start})") from None


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number a file may hold")


def parse_json(text: str, path: Path) -> Any:
    """The JSON value in text, or PlanFileError with the line and column of the fault."""
    try:
        return json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        raise _fail(
            path, f"is not valid JSON: {error.msg} (column {error.colno})", "", error.lineno
        ) from None
    except RecursionError:
        raise _fail(path, "is nested too deeply to be a plan or routine") from None
    except ValueError as error:
        raise _fail(path, f"is not valid JSON: {error}") from None


def _oversized(data: Any) -> tuple[tuple[str | int, ...], int] | None:
    """The path and size of the first object or list with more than MAX_ENTRIES entries."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict | list) and len(value) > MAX_ENTRIES:
            return loc, len(value)
        if isinstance(value, dict):
            stack.extend(((*loc, key), child) for key, child in value.items())
        elif isinstance(value, list):
            stack.extend(((*loc, i), child) for i, child in enumerate(value))
    return None


def _validate(model: type[_Model], data: Any, text: str, path: Path) -> _Model:
    if (oversized := _oversized(data)) is not None:
        loc, size = oversized
        reason = f"has {size:,} entries; at most {MAX_ENTRIES} fit, so it was not checked further"
        raise _fail(path, reason, dotted(loc), find_line(text, loc) if loc else None)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        details = error.errors(include_url=False)
    except RecursionError:
        raise _fail(path, "is nested too deeply to be a plan or routine") from None
    listed = details[:MAX_PROBLEMS]
    lines = find_lines(text, [detail["loc"] for detail in listed])  # one pass for all
    problems = []
    for detail in listed:
        field, reason = describe_error(detail)
        problems.append(Problem(str(path), field, lines[tuple(detail["loc"])], reason))
    raise PlanFileError(problems, more=max(0, len(details) - MAX_PROBLEMS))


def _load(path: Path, model: type[_Model]) -> tuple[_Model, str]:
    path = Path(path)
    text = _read_text(path)
    return _validate(model, parse_json(text, path), text, path), text


def _check_illustrations(
    path: Path, text: str, names: Sequence[tuple[Sequence[str | int], str]]
) -> None:
    """Every illustration must exist beside the file, in its illustrations/ or in the app's.

    The first one found must be a regular file: a link (to /etc/shadow, say) or a FIFO is
    named as a problem, never taken as the picture.
    """
    bad = [
        (tuple(loc), reason)
        for loc, name in names
        if (reason := _illustration_problem(path, name)) is not None
    ]
    if bad:
        lines = find_lines(text, [loc for loc, _reason in bad[:MAX_PROBLEMS]])
        problems = [
            Problem(str(path), dotted(loc), lines[loc], f"illustration file {reason}")
            for loc, reason in bad[:MAX_PROBLEMS]
        ]
        raise PlanFileError(problems, more=max(0, len(bad) - MAX_PROBLEMS))


def illustration_source(path: Path, name: str) -> Path | None:
    """The first file named name beside path, in its illustrations/ or the app's (maybe a link)."""
    for folder in (path.parent, path.parent / "illustrations", ILLUSTRATIONS_DIR):
        candidate = folder / name
        if candidate.is_symlink() or candidate.exists():
            return candidate
    return None


def _illustration_problem(path: Path, name: str) -> str | None:
    source = illustration_source(path, name)
    if source is None:
        return f"'{name}' is missing"
    reason = refusal(source, follow_links=is_app_file(source))
    if reason is None and source.stat().st_size > MAX_FILE_BYTES:
        reason = f"is {source.stat().st_size:,} bytes; files over {MAX_FILE_BYTES:,} are refused"
    return None if reason is None else f"{source} {reason}"


def load_routine(
    path: Path, *, check_illustrations: bool = True, is_default: bool = False
) -> Routine:
    """A routine from its file, or PlanFileError."""
    model, text = _load(path, RoutineModel)
    if check_illustrations:
        names = [
            (("exercises", i, "illustration"), e.illustration)
            for i, e in enumerate(model.exercises)
        ]
        _check_illustrations(Path(path), text, names)
    return routine_from(model, is_default)


def load_plan(
    path: Path, *, known_routines: Collection[str] | None = None, is_default: bool = False
) -> SessionPlan:
    """A plan from its file, or PlanFileError; routine ids are checked when known are given."""
    model, text = _load(path, PlanModel)
    if known_routines is not None:
        for i, phase in enumerate(model.phases):
            if phase.routine is not None and phase.routine not in known_routines:
                loc = ("phases", i, "routine")
                raise _fail(
                    Path(path),
                    f"no routine is called '{phase.routine}'",
                    dotted(loc),
                    find_line(text, loc),
                )
    return plan_from(model, is_default)


def load_cues(path: Path, *, check_illustrations: bool = True) -> CueCatalogue:
    """A cue catalogue from its file, or PlanFileError."""
    model, text = _load(path, CuesModel)
    if check_illustrations:
        names = [(("cards", i, "illustration"), c.illustration) for i, c in enumerate(model.cards)]
        _check_illustrations(Path(path), text, names)
    return cues_from(model)


_FORMATS = (ROUTINE_FORMAT, PLAN_FORMAT, CUES_FORMAT)


def file_format(path: Path) -> str:
    """The format a file says it has, or PlanFileError."""
    path = Path(path)
    text = _read_text(path)
    data = parse_json(text, path)
    kind = data.get("format") if isinstance(data, dict) else None
    if kind not in _FORMATS:
        known = ", ".join(f"'{k}'" for k in _FORMATS)
        line = find_line(text, ("format",)) if isinstance(data, dict) and "format" in data else None
        raise _fail(path, f"must say which file it is: {known}", "format", line)
    return str(kind)


def load_any(
    path: Path, *, check_illustrations: bool = True, known_routines: Collection[str] | None = None
) -> Routine | SessionPlan | CueCatalogue:
    """A routine, plan or cue catalogue, chosen by the file's "format" key."""
    kind = file_format(path)
    if kind == PLAN_FORMAT:
        return load_plan(path, known_routines=known_routines)
    if kind == ROUTINE_FORMAT:
        return load_routine(path, check_illustrations=check_illustrations)
    return load_cues(path, check_illustrations=check_illustrations)


def routine_to_json(routine: Routine) -> str:
    """A routine as the text of its file, checked against the schema first."""
    data = routine_to_dict(routine)
    _validate(RoutineModel, data, "", Path(f"routine '{routine.id}'"))
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def plan_to_json(plan: SessionPlan) -> str:
    """A plan as the text of its file, checked against the schema first."""
    data = plan_to_dict(plan)
    _validate(PlanModel, data, "", Path(f"plan '{plan.id}'"))
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def load_default_routines(*, check_illustrations: bool = False) -> dict[str, Routine]:
    """The routines shipped in assets/routines, by id, marked as defaults."""
    routines = (
        load_routine(p, check_illustrations=check_illustrations, is_default=True)
        for p in _files(ASSETS_DIR / "routines")
    )
    return {r.id: r for r in routines}


def load_default_plans() -> dict[str, SessionPlan]:
    """The plans shipped in assets/plans, by id, marked as defaults."""
    known = load_default_routines().keys()
    plans = (
        load_plan(p, known_routines=known, is_default=True) for p in _files(ASSETS_DIR / "plans")
    )
    return {p.id: p for p in plans}


def load_default_cues(*, check_illustrations: bool = False) -> CueCatalogue:
    """The cue cards shipped in assets/cues/cues.json."""
    return load_cues(ASSETS_DIR / "cues" / "cues.json", check_illustrations=check_illustrations)
