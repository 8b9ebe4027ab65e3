"""Child process for the report crash test: writes the report to one path again and again.

Run: python report_writer_child.py OUT.pdf (COACH_DATA_DIR set). Prints "wrote" after each
complete write, so the parent knows writing is under way, and never stops by itself.
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from coach.domain.clock import SystemClock
from coach.services.report_data import gather_report
from coach.services.wiring import services_on
from coach.storage.database import open_store
from coach.ui.report.clinician_report import write_report


def main() -> None:
    out = Path(sys.argv[1])
    app = QApplication([sys.argv[0]])
    now = SystemClock().now()
    with open_store() as store:
        on = services_on(store)
        data = gather_report(
            on.diary, on.plans, on.safety, now.date() - timedelta(days=83), now.date(), now, 60
        )
    while True:
        write_report(data, out)
        print("wrote", flush=True)
    del app


if __name__ == "__main__":
    main()
