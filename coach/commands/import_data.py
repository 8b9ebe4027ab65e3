"""`walkcoach import FILE [--yes] [--day-first | --month-first]`: add ratings from a diary file.

Prints what would be added, skipped as duplicate and rejected (row, column, reason). Saves
only with --yes, or after a yes on a terminal: a backup first, then all rows or none.
Exit 0 when done (or nothing to do, or declined), 2 for a file that cannot be imported,
1 when the diary cannot be opened or saved.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC
from pathlib import Path

from coach.domain.clock import SystemClock
from coach.domain.diary.decoding import DiaryImportError, read_diary_file
from coach.domain.diary.import_preview import ImportPreview, preview_import
from coach.services.diary import Diary
from coach.services.errors import StoreError
from coach.services.transfer import apply_import, diary_contents
from coach.services.wiring import services_on
from coach.storage.database import open_store

EXIT_OK = 0
EXIT_STORE = 1
EXIT_BAD_INPUT = 2
SHOWN_ROWS = 50


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the import subcommand."""
    parser = subparsers.add_parser(
        "import",
        help="import pain ratings from a diary CSV file or a JSON export",
        description=(
            "Import a diary file: our own CSV or JSON export, or a simple date,pain[,note] CSV. "
            "Shows a "
            "preview; saves only with --yes or after you confirm. A backup is taken first."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the diary file (CSV or JSON)")
    parser.add_argument("--yes", action="store_true", help="import without asking")
    order = parser.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first", action="store_const", const=True, dest="day_first",
        help="read dates like 05/04/2026 as 5 April",
    )  # fmt: skip
    order.add_argument(
        "--month-first", action="store_const", const=False, dest="day_first",
        help="read dates like 05/04/2026 as May 4",
    )  # fmt: skip
    parser.set_defaults(handler=run, day_first=None)


def summary_lines(preview: ImportPreview) -> list[str]:
    """The preview as plain lines: counts, notes, then the rejected rows with their reasons."""
    lines = [
        f"To add: {len(preview.to_add)}",
        f"Already in the diary (skipped): {len(preview.duplicates)}",
        f"Rejected: {preview.rejected_total}",
    ]
    lines += [f"Note: {note}" for note in preview.notes]
    for row in preview.rejected[:SHOWN_ROWS]:
        column = f", column {row.column}" if row.column else ""
        lines.append(f"  row {row.row}{column}: {row.reason}")
    if preview.rejected_total > SHOWN_ROWS:
        lines.append(f"  … and {preview.rejected_total - SHOWN_ROWS} more rejected rows")
    return lines


def confirmed(args: argparse.Namespace, count: int) -> bool:
    """--yes, or a yes typed on a terminal; never asks when input is not a terminal."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print("Nothing saved. Run again with --yes to import.")
        return False
    answer = input(f"Import {count} rating(s)? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def run(args: argparse.Namespace) -> int:
    """Preview the file against the diary, print it, import when confirmed; the exit code."""
    clock = SystemClock()
    try:
        data = read_diary_file(args.file)
        store = open_store(clock=clock)
    except DiaryImportError as error:
        print(f"Cannot import: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except StoreError as error:
        print(error, file=sys.stderr)
        return EXIT_STORE
    try:
        return _import(args, data, services_on(store).diary, clock)
    finally:
        store.close()


def _import(args: argparse.Namespace, data: bytes, diary: Diary, clock: SystemClock) -> int:
    now = clock.now()
    try:
        contents = diary_contents(diary)
        preview = preview_import(
            data, now.tzinfo or UTC, contents.keys, now=now,
            day_first=args.day_first, known_walk_ids=contents.walk_ids,
        )  # fmt: skip
    except DiaryImportError as error:
        print(f"Cannot import {args.file}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print("\n".join(summary_lines(preview)))
    if not preview.to_add or not confirmed(args, len(preview.to_add)):
        return EXIT_OK
    try:
        result = apply_import(diary, preview, clock.now())
    except StoreError as error:
        print(error, file=sys.stderr)
        return EXIT_STORE
    print(f"Imported {result.added} rating(s). Backup taken first: {result.backup}")
    return EXIT_OK
