"""Command-line subcommands of `walkcoach`, one module each with add_parser(subparsers)."""

COMMAND_MODULES: tuple[str, ...] = (
    "export_audio",
    "validate",
    "export_data",
    "import_data",
    "import_walk",
    "report",
    "restore",
    "backup",
)
"""Modules under coach.commands that each register one subcommand."""
