"""`walkcoach export --out FOLDER_OR_FILE [--format csv|json]`: the whole diary to files.

CSV writes two files (pain ratings and walks); JSON writes one. Files are private (0600).
Exit 0 when written, 2 when the target cannot be written, 1 when the diary cannot be opened.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coach.commands.store_access import open_for_reading
from coach.domain.clock import SystemClock
from coach.services.errors import StoreError
from coach.services.transfer import EXPORT_FORMATS, export_diary, format_for
from coach.services.wiring import services_on

EXIT_OK = 0
EXIT_STORE = 1
EXIT_BAD_INPUT = 2


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the export subcommand."""
    parser = subparsers.add_parser(
        "export",
        help="export the pain diary and walks to CSV or JSON",
        description=(
            "Export every pain rating and walk. A folder gets dated files; a file name ending "
            "in .csv gets the ratings (walks beside it, NAME-walks.csv), .json gets both."
        ),
    )
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FOLDER_OR_FILE",
        help="a folder (created if missing) or a file name ending in .csv or .json",
    )  # fmt: skip
    parser.add_argument(
        "--format", choices=EXPORT_FORMATS, default=None, dest="file_format",
        help="csv (two files: ratings and walks) or json (one file); default from --out",
    )  # fmt: skip
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Open the store in the data folder, export, print the files written; the exit code."""
    clock = SystemClock()
    target: Path = args.out
    file_format = format_for(target, args.file_format)
    try:
        store = open_for_reading(clock)
    except StoreError as error:
        print(error, file=sys.stderr)
        return EXIT_STORE
    try:
        today = clock.now().date()
        written = export_diary(services_on(store).diary, target, file_format, today)
    except OSError as error:
        print(f"Could not write to {target}: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except StoreError as error:
        print(error, file=sys.stderr)
        return EXIT_STORE
    finally:
        store.close()
    for path in written:
        print(path)
    return EXIT_OK
