"""The person's own plans and routines: JSON files in the data folder, beside the diary.

Screens read and write them through this module, never through coach.storage: the plan
files here; the routine files and their illustrations through coach.storage.routine_files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coach.domain.plan_files.loading import (
    PlanFileError,
    load_default_plans,
    load_default_routines,
    load_plan,
    plan_to_json,
)
from coach.domain.plans import SessionPlan
from coach.domain.routines import Routine
from coach.storage.paths import data_dir, ensure_private_dir
from coach.storage.routine_files import (
    delete_routine,
    export_routine,
    illustration_path,
    import_routine,
    load_user_routines,
    restore_routine,
    save_routine,
    write_private_text,
)

__all__ = [
    "PlanList",
    "delete_routine",
    "export_routine",
    "illustration_path",
    "import_routine",
    "load_plans",
    "load_routines",
    "load_user_routines",
    "plans_dir",
    "restore_routine",
    "save_routine",
    "save_user_plan",
]


def plans_dir() -> Path:
    """The private folder of the user's own plans, created if missing."""
    return ensure_private_dir(data_dir() / "plans")


def load_routines() -> dict[str, Routine]:
    """The app's routines and the user's readable ones, by id.

    The Stretches screen reports unreadable routine files; here a plan simply has no
    stretches when its routine cannot be read.
    """
    routines = load_default_routines()
    for routine_id, routine in load_user_routines()[0].items():
        routines.setdefault(routine_id, routine)
    return routines


@dataclass(frozen=True)
class PlanList:
    """Every plan to offer, and the messages of user plan files that could not be read."""

    plans: tuple[SessionPlan, ...]
    problems: tuple[str, ...]


def load_plans(known_routines: set[str] | None = None) -> PlanList:
    """The default plans, then the user's plans from plans_dir(); bad files become messages."""
    plans = list(load_default_plans().values())
    problems: list[str] = []
    taken = {p.id for p in plans}
    folder = data_dir() / "plans"  # reading never creates it (the data folder may be read-only)
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            plan = load_plan(path, known_routines=known_routines)
        except PlanFileError as error:
            problems.append(str(error))
            continue
        if plan.id not in taken:
            plans.append(plan)
            taken.add(plan.id)
    return PlanList(tuple(plans), tuple(problems))


def save_user_plan(plan: SessionPlan) -> Path:
    """Write a plan to plans_dir() as <id>.json, mode 0600; plan_to_json validates it first."""
    text = plan_to_json(plan)
    path = plans_dir() / f"{plan.id}.json"
    write_private_text(path, text)
    return path
