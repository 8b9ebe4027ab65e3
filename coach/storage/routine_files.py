"""The user's own routine files in the data folder's `routines/` folder (files 0600).

Defaults in assets/ are never written. Every file is read through load_routine, so a bad
one gives a PlanFileError naming the file, field and problem and never stops the others.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from coach.domain.file_reading import FileRefusedError, read_regular_file
from coach.domain.plan_files.loading import (
    ILLUSTRATIONS_DIR,
    MAX_FILE_BYTES,
    PlanFileError,
    Problem,
    illustration_source,
    load_routine,
    routine_to_json,
)
from coach.domain.routines import Routine, editable_copy
from coach.storage.paths import data_dir, ensure_private_dir
from coach.storage.private_files import write_private

ROUTINES_FOLDER = "routines"
"""The folder, inside the data folder, holding the user's routine files."""


def routines_dir() -> Path:
    """The private folder of user routines, created if missing."""
    return ensure_private_dir(data_dir() / ROUTINES_FOLDER)


def routine_path(routine_id: str) -> Path:
    """Where the user routine with this id is saved."""
    return routines_dir() / f"{routine_id}.json"


def load_user_routines() -> tuple[dict[str, Routine], list[PlanFileError]]:
    """The user's routines by id, and a PlanFileError for each file that could not be used."""
    routines: dict[str, Routine] = {}
    problems: list[PlanFileError] = []
    folder = data_dir() / ROUTINES_FOLDER  # reading never creates it (the folder may be read-only)
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            routine = load_routine(path)
        except PlanFileError as error:
            problems.append(error)
            continue
        routines[routine.id] = routine
    return routines, problems


def write_private_text(path: Path, text: str) -> None:
    """Write text (UTF-8) to path with mode 0600 through write_private: a crash keeps the old."""
    write_private(path, text.encode("utf-8"))


def save_routine(routine: Routine) -> Path:
    """Save a user routine (schema-checked first); refuses a default."""
    if routine.is_default:
        raise ValueError("Routines that come with the app are never changed; save a copy.")
    path = routine_path(routine.id)
    write_private_text(path, routine_to_json(routine))
    return path


def delete_routine(routine_id: str) -> str:
    """Delete a user routine's file and return its text, so the delete can be undone."""
    path = routine_path(routine_id)
    text = path.read_text(encoding="utf-8")
    path.unlink()
    return text


def restore_routine(routine_id: str, text: str) -> Path:
    """Write back a deleted routine's text (undo)."""
    path = routine_path(routine_id)
    write_private_text(path, text)
    return path


def import_routine(source: Path, taken_ids: Collection[str]) -> Routine:
    """Check a routine file and save it as a user routine; PlanFileError when it is bad.

    An id already in use gets a copy's id, so an import never replaces anything, and
    illustrations found beside the file are copied along so the saved routine still loads.
    """
    routine = load_routine(source)
    if routine.id in taken_ids:
        routine = editable_copy(routine, taken_ids, name=routine.name)
    _copy_illustrations(routine, Path(source).parent)
    save_routine(routine)
    return routine


def export_routine(routine: Routine, target: Path) -> None:
    """Write a routine's file wherever the user chose (mode 0600)."""
    write_private_text(Path(target), routine_to_json(routine))


def illustration_path(name: str) -> Path:
    """The illustration file for a name: the user's copy first, then the app's."""
    user = data_dir() / ROUTINES_FOLDER
    for folder in (user / "illustrations", user, ILLUSTRATIONS_DIR):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return ILLUSTRATIONS_DIR / name


def _copy_illustrations(routine: Routine, folder: Path) -> None:
    """Copy the routine's own illustrations; a link, FIFO or device is refused, naming it."""
    target_dir = ensure_private_dir(routines_dir() / "illustrations")
    for exercise in routine.exercises:
        if (ILLUSTRATIONS_DIR / exercise.illustration).is_file():
            continue  # the app's own picture is used, as it always has been
        source = illustration_source(folder / "routine.json", exercise.illustration)
        if source is None:
            continue
        try:
            data = read_regular_file(source, MAX_FILE_BYTES)
        except FileRefusedError as error:
            raise PlanFileError([Problem(str(source), "", None, str(error))]) from None
        write_private(target_dir / exercise.illustration, data)
