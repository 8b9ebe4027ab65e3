"""`walkcoach validate FILE...`: check plan, routine and cue files before using them.

Exit 0 with "valid" for each file when all are valid; exit 2 with every problem otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterable
from pathlib import Path

from coach.domain.cues import CueCatalogue
from coach.domain.plan_files.loading import (
    PlanFileError,
    load_any,
    load_default_routines,
    load_routine,
)
from coach.domain.plans import SessionPlan
from coach.domain.routines import Routine

EXIT_VALID = 0
EXIT_INVALID = 2


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the validate subcommand."""
    parser = subparsers.add_parser(
        "validate",
        help="check plan, routine and cue files",
        description=(
            "Check walking plan, stretch routine and cue card files. Exit status 0 when all "
            "are valid, 2 when any is not (each problem names the file, line, field and reason)."
        ),
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a .json file")
    parser.add_argument(
        "--skip-illustrations",
        action="store_true",
        help="do not check that the illustration files exist",
    )
    parser.set_defaults(handler=run)


def _routine_ids(paths: Iterable[Path]) -> set[str]:
    """Ids of the routines among these files; files that are not valid routines are skipped."""
    ids: set[str] = set()
    for path in paths:
        with contextlib.suppress(PlanFileError):  # a plan or cue file is not a routine either
            ids.add(load_routine(path, check_illustrations=False).id)
    return ids


def _known_routines(files: list[Path]) -> set[str]:
    """Routines a plan may name: the app's, those given, and those beside the plans."""
    known: set[str] = set()
    with contextlib.suppress(PlanFileError):
        known |= set(load_default_routines())
    folders = {f.parent for f in files if f.is_file()}
    siblings = [p for folder in sorted(folders) for p in sorted(folder.glob("*.json"))]
    return known | _routine_ids(dict.fromkeys([*files, *siblings]))  # each file read once


def describe(loaded: Routine | SessionPlan | CueCatalogue) -> str:
    """A few words on what a valid file holds."""
    if isinstance(loaded, Routine):
        return f"routine '{loaded.name}', {len(loaded.exercises)} exercises"
    if isinstance(loaded, SessionPlan):
        return f"plan '{loaded.name}', {len(loaded.phases)} phases"
    return f"{len(loaded.cards)} cue cards"


def run(args: argparse.Namespace) -> int:
    """Check every file and report; the process exit code."""
    files: list[Path] = args.files
    known = _known_routines(files)
    failed = 0
    for path in files:
        try:
            loaded = load_any(
                path, check_illustrations=not args.skip_illustrations, known_routines=known
            )
        except PlanFileError as error:
            failed += 1
            print(error, file=sys.stderr)
            continue
        print(f"{path}: valid ({describe(loaded)})")
    if failed:
        print(f"{failed} of {len(files)} file(s) not valid.", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_VALID
