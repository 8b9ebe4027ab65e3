"""`walkcoach report --from DATE --to DATE --out FILE.pdf`: the clinician's report as a PDF.

Opens the diary in the data folder (COACH_DATA_DIR moves it), draws offscreen when there is
no display, and writes the same report as the Trends screen's button (file mode 0600).
Exit 0 when written, 2 for bad dates or a bad output path, 1 when the diary cannot be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from coach.services.errors import StoreError

if TYPE_CHECKING:
    from coach.services.report_data import ReportData

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
DEFAULT_DAYS = 84
"""Without --from, the report covers the 12 weeks that end on --to."""

BAD_DATE = "{option} must be a date like 2026-11-23, not {value!r}."
ENDS_BEFORE = "The period ends ({last}) before it starts ({first}); swap --from and --to."
IN_FUTURE = "--to is {last}, after today ({today}); the diary has nothing from the future."
NO_FOLDER = "The folder for {out} does not exist; create it first or choose another place."
WROTE = "Wrote {out} ({first} to {last})."
FAILED = "Could not make the report: {error}"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the report subcommand."""
    parser = subparsers.add_parser(
        "report",
        help="write the pain and walking report for a clinician as a PDF",
        description=(
            "Write the one-page pain and walking report for a doctor or physiotherapist. "
            "Dates are YYYY-MM-DD; the period includes both days."
        ),
    )
    parser.add_argument(
        "--from", dest="first", metavar="DATE", help="first day (default: 12 weeks before --to)"
    )
    parser.add_argument("--to", dest="last", metavar="DATE", help="last day (default: today)")
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE.pdf", help="the PDF to write"
    )
    parser.set_defaults(handler=run)


def parse_day(option: str, value: str) -> date:
    """An ISO date, or ValueError with a message naming the option."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(BAD_DATE.format(option=option, value=value)) from None


def period(first: str | None, last: str | None, today: date) -> tuple[date, date]:
    """The checked period from the options; ValueError saying what is wrong."""
    end = today if last is None else parse_day("--to", last)
    start = end - timedelta(days=DEFAULT_DAYS - 1) if first is None else parse_day("--from", first)
    if end < start:
        raise ValueError(ENDS_BEFORE.format(first=start, last=end))
    if end > today:
        raise ValueError(IN_FUTURE.format(last=end, today=today))
    return start, end


def run(args: argparse.Namespace) -> int:
    """Check the options, open the store, write the PDF; the process exit code."""
    from coach.domain.clock import SystemClock

    now = SystemClock().now()
    out: Path = args.out.expanduser()
    try:
        first, last = period(args.first, args.last, now.date())
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    if not out.parent.is_dir():
        print(NO_FOLDER.format(out=out), file=sys.stderr)
        return EXIT_USAGE
    try:
        _write(out, first, last, now)
    except (OSError, ValueError, StoreError) as error:  # ReportError is a ValueError
        print(FAILED.format(error=error), file=sys.stderr)
        return EXIT_FAILED
    print(WROTE.format(out=out, first=first, last=last))
    return EXIT_OK


def _write(out: Path, first: date, last: date, now: datetime) -> None:
    from coach.commands.store_access import open_for_reading
    from coach.services.report_data import gather_report
    from coach.services.wiring import services_on
    from coach.storage.preferences_repo import PreferencesRepository

    with open_for_reading() as store:
        on = services_on(store)
        usual = PreferencesRepository(store).load()[0].usual_walk_minutes_per_week
        data = gather_report(on.diary, on.plans, on.safety, first, last, now, usual)
    _draw(data, out)


def _draw(data: ReportData, out: Path) -> None:
    """Draw the gathered report to out: the only part that needs Qt."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from PySide6.QtWidgets import QApplication

    from coach.ui.report.clinician_report import write_report

    app = QApplication.instance() or QApplication([sys.argv[0]])
    write_report(data, out)
    del app
