"""`walkcoach import-walk FILE… [--yes] [--json]`: add walks from watch and phone files.

Prints, for each file, whether its walk will be added, is already in the diary, or is
refused and why; then saves only with --yes, or after a yes on a terminal: a backup first,
then every new walk or none. --json prints one JSON object per file and line instead.
Exit 0 when every file was added or already there (or nothing was saved because nobody
said yes), 2 when one or more files were refused (the others are still saved), 1 when the
diary cannot be opened or saved.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from coach.domain.clock import SystemClock
from coach.domain.walk_files.preview import FileOutcome, FileStatus, WalkImportPreview
from coach.domain.walk_files.reading import EXTENSIONS
from coach.domain.walks import duration_words
from coach.services.diary import Diary
from coach.services.errors import StoreError
from coach.services.walk_import import apply_walk_import, preview_walk_files
from coach.services.wiring import services_on
from coach.storage.database import open_store

EXIT_OK = 0
EXIT_STORE = 1
EXIT_REFUSED = 2


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the import-walk subcommand."""
    parser = subparsers.add_parser(
        "import-walk",
        help="import walks from watch and phone files (FIT, GPX, TCX)",
        description=(
            f"Import walks from {', '.join(EXTENSIONS)} files. Shows what will be added, what is "
            "already there and what cannot be read; saves only with --yes or after you "
            "confirm, all walks or none. A backup is taken first."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path, help="walk files")
    parser.add_argument("--yes", action="store_true", help="import without asking")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object per file (JSON Lines)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Preview the files against the diary, print it, save when confirmed; the exit code."""
    clock = SystemClock()
    try:
        store = open_store(clock=clock)
    except StoreError as error:
        print(error, file=sys.stderr)
        return EXIT_STORE
    try:
        return _import(args, services_on(store).diary, clock)
    finally:
        store.close()


def _import(args: argparse.Namespace, diary: Diary, clock: SystemClock) -> int:
    preview = preview_walk_files(diary, args.files, clock.now())
    talk = sys.stderr if args.json else sys.stdout
    if not args.json:
        print("\n".join(preview_lines(preview)), file=talk)
    saved = False
    if preview.to_add and _confirmed(args, len(preview.to_add), talk):
        try:
            result = apply_walk_import(diary, preview, clock.now())
        except StoreError as error:
            print(error, file=sys.stderr)
            return EXIT_STORE
        saved = True
        print(f"Imported {result.added} walk(s). Backup taken first: {result.backup}", file=talk)
    if args.json:
        for outcome in preview.outcomes:
            print(json.dumps(json_object(outcome, saved), ensure_ascii=False))
    return EXIT_REFUSED if preview.count(FileStatus.REJECTED) else EXIT_OK


def preview_lines(preview: WalkImportPreview) -> list[str]:
    """The preview as plain lines: one per file (notes below it), then the counts."""
    lines = []
    for outcome in preview.outcomes:
        lines.append(f"{outcome.status.value:<9}  {outcome.path}: {_summary(outcome)}")
        if outcome.walk is not None:
            lines += [f"           note: {note}" for note in outcome.walk.notes]
    lines += [
        f"To add: {preview.count(FileStatus.ADDED)}",
        f"Already in the diary (skipped): {preview.count(FileStatus.DUPLICATE)}",
        f"Refused: {preview.count(FileStatus.REJECTED)}",
    ]
    return lines


def _summary(outcome: FileOutcome) -> str:
    walk = outcome.walk
    if walk is None:
        return outcome.reason
    parts = [f"{walk.start:%Y-%m-%d %H:%M %z}", duration_words(walk.duration_s), walk.sport]
    if walk.distance_m is not None:
        parts.append(f"{walk.distance_m / 1000:.2f} km")
    median = walk.steps_per_min_median
    parts.append(f"{median:.0f} steps/min" if median is not None else "no cadence")
    if walk.device:
        parts.append(walk.device)
    return ", ".join(parts)


def json_object(outcome: FileOutcome, saved: bool) -> dict[str, Any]:
    """One file's line of --json: what it holds and what the import did with it."""
    walk = outcome.walk
    median = walk.steps_per_min_median if walk else None
    data: dict[str, Any] = {
        "file": str(outcome.path),
        "status": outcome.status.value,
        "saved": saved and outcome.status is FileStatus.ADDED,
        "start": walk.start.isoformat() if walk else None,
        "duration_s": round(walk.duration_s, 3) if walk else None,
        "distance_m": round(walk.distance_m, 2) if walk and walk.distance_m is not None else None,
        "sport": walk.sport if walk else None,
        "device": walk.device if walk else None,
        "steps_per_min_median": round(median, 1) if median is not None else None,
        "cadence_samples": len(walk.cadence) if walk else 0,
        "notes": list(walk.notes) if walk else [],
    }
    if outcome.reason:
        data["reason"] = outcome.reason
    return data


def _confirmed(args: argparse.Namespace, count: int, talk: TextIO) -> bool:
    """--yes, or a yes typed on a terminal; never asks when input is not a terminal."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print("Nothing saved. Run again with --yes to import.", file=talk)
        return False
    # The question goes where the messages go, so --json keeps stdout for JSON alone.
    print(f"Import {count} walk(s)? [y/N] ", end="", file=talk, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")
