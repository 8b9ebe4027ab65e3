"""`walkcoach backup`: take a verified backup of the diary now (never thinned away).

Exit 0 with the backup's path, 1 when the diary cannot be opened or the copy written.
"""

from __future__ import annotations

import argparse
import sys

from coach.storage.errors import StoreError
from coach.storage.restore import backup_on_request

EXIT_OK = 0
EXIT_FAILED = 1
TOOK = "Backup taken and checked: {path}"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the backup subcommand."""
    parser = subparsers.add_parser(
        "backup",
        help="take a checked backup of the diary now",
        description=(
            "Copy the diary into the backups folder now and check the copy. Backups taken "
            "this way are kept until you delete them."
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Take the backup; the process exit code."""
    try:
        path = backup_on_request()
    except StoreError as error:
        print(error, file=sys.stderr)
        return EXIT_FAILED
    print(TOOK.format(path=path))
    return EXIT_OK
