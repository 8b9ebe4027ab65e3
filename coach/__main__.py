"""The `walkcoach` command: the app by default, subcommands for scripting."""

from __future__ import annotations

import argparse
import importlib
import sys

from coach import APP_NAME, __version__
from coach.commands import COMMAND_MODULES


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(prog="walkcoach", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start the app, open the store, show the window, report and exit",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"coach.commands.{name}").add_parser(subparsers)
    return parser


GUI_ARGUMENTS: tuple[list[str], ...] = ([], ["--self-test"])
"""Argument lists that start the app itself; they skip importing every subcommand module."""

QT_FREE_START_MODULES = (
    "coach.services.wiring",
    "coach.storage.preferences_repo",
    "coach.domain.dose",
)
"""The store, services and domain modules the first paint needs, imported before PySide6.

PySide6 reads the whole source of every module imported after it (it looks for the word
PySide6 to set its __feature__ switches); these never use Qt, and importing them first saves
about 8 ms of CPU before the first paint (benchmarks/startup.py, docs/performance.md).
"""


def main(argv: list[str] | None = None) -> int:
    """Run the app or a subcommand and return the process exit code."""
    arguments = sys.argv[1:] if argv is None else argv
    if arguments in GUI_ARGUMENTS:
        # The subcommands pull in numpy, pydantic schemas and file formats (~0.3 s on a
        # 2-core machine) that the window does not need before it first paints.
        return start_app(self_test=bool(arguments))
    args = build_parser().parse_args(arguments)
    if args.command is None:
        return start_app(self_test=args.self_test)
    exit_code: int = args.handler(args)
    return exit_code


def start_app(self_test: bool) -> int:
    """Import the Qt-free layers, then the app, and run it."""
    for name in QT_FREE_START_MODULES:
        importlib.import_module(name)
    from coach.app import run_app

    return run_app(self_test=self_test)


if __name__ == "__main__":
    sys.exit(main())
