"""The clinician's report for the screenshots: the PDF of the sample data's last 12 weeks,
and its first page as report-page1.png when pdftoppm (poppler-utils) is installed."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

from coach.services.report_data import gather_report
from coach.ui.report.clinician_report import write_report
from coach.ui.services import AppServices

REPORT_DAYS = 84
PAGE_DPI = 110
PDFTOPPM_TIMEOUT_S = 120


def render_report_page(out_dir: Path, services: AppServices) -> list[Path]:
    """Write the report beside the throwaway store and its first page as a PNG in out_dir.

    Without pdftoppm only the PDF is made (and not listed): looking at it is then up to you.
    """
    now = services.clock.now()
    last = now.date()
    data = gather_report(
        services.diary, services.cadence, services.safety,
        last - timedelta(days=REPORT_DAYS - 1), last, now,
        services.preferences.current.usual_walk_minutes_per_week,
    )  # fmt: skip
    pdf = write_report(data, Path(services.store.path).parent / "report.pdf")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return []
    stem = out_dir / "report-page1"
    subprocess.run(
        [pdftoppm, "-r", str(PAGE_DPI), "-png", "-f", "1", "-l", "1", "-singlefile",
         str(pdf), str(stem)],
        check=True,
        timeout=PDFTOPPM_TIMEOUT_S,
    )  # fmt: skip
    return [stem.with_suffix(".png")]
