"""`walkcoach restore [BACKUP] [--list] [--yes]`: bring back a verified backup as the diary.

Without BACKUP the newest backup that passes its check is used. The diary in place is
moved aside first (never overwritten), and damaged copies the restore answers are marked
kept, exactly as when the app's recovery offer restores. Exit 0 when restored (or listed,
or declined), 1 when it cannot be done, 2 for a backup that is not there or damaged.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coach.domain.clock import SystemClock
from coach.storage.backups import integrity_problem
from coach.storage.errors import StoreError
from coach.storage.paths import database_path
from coach.storage.recovery import has_content
from coach.storage.restore import (
    find_backup,
    list_backups,
    newest_good_backup,
    restore_and_resolve,
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

NO_BACKUPS = "There are no backups in {folder}."
LISTED = "{when}  {state}  {path}"
GOOD = "good"
DAMAGED = "damaged ({problem})"
ASK = "Your diary at {path} will be moved aside (not deleted) for {backup}. Go on? [y/N] "
DAMAGED_BACKUP = "The backup {backup} cannot be restored: it is damaged ({problem})."
NOT_ASKED = "Nothing changed. Run again with --yes to restore {backup}."
RESTORED = "Restored {backup} as your diary at {path} ({rows} pain ratings)."


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the restore subcommand."""
    parser = subparsers.add_parser(
        "restore",
        help="restore the diary from a backup (the newest good one by default)",
        description=(
            "Restore your diary from a verified backup. The diary in place is moved aside, "
            "never deleted. --list shows every backup and whether it passes its check."
        ),
    )
    parser.add_argument("backup", nargs="?", metavar="BACKUP", help="a backup file or its name")
    parser.add_argument("--list", action="store_true", help="list the backups, newest first")
    parser.add_argument("--yes", action="store_true", help="do not ask before replacing the diary")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """List or restore; the process exit code."""
    try:
        database = database_path()
        if args.list:
            return _list(database)
        backup = find_backup(args.backup, database) if args.backup else newest_good_backup(database)
    except StoreError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT if args.backup else EXIT_FAILED
    problem = integrity_problem(backup)
    if problem is not None:
        print(DAMAGED_BACKUP.format(backup=backup, problem=problem), file=sys.stderr)
        return EXIT_BAD_INPUT
    if has_content(database) and not _confirmed(args, database, backup):
        return EXIT_OK
    try:
        with restore_and_resolve(backup, database, clock=SystemClock()) as store:
            rows = len(store.query("SELECT id FROM pain_entries"))
    except StoreError as error:
        print(error, file=sys.stderr)
        return EXIT_FAILED
    print(RESTORED.format(backup=backup, path=database, rows=rows))
    return EXIT_OK


def _list(database: Path) -> int:
    backups = list_backups(database)
    if not backups:
        print(NO_BACKUPS.format(folder=database.parent / "backups"))
    for info in backups:
        state = GOOD if info.problem is None else DAMAGED.format(problem=info.problem)
        when = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(LISTED.format(when=when, state=state, path=info.path))
    return EXIT_OK


def _confirmed(args: argparse.Namespace, database: Path, backup: Path) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print(NOT_ASKED.format(backup=backup))
        return False
    return input(ASK.format(path=database, backup=backup)).strip().lower() in ("y", "yes")
