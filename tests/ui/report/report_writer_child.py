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
from coach.storage.cadence_repo import CadenceRepository
from coach.storage.database import open_store
from coach.storage.pain_repo import PainRepository
from coach.storage.safety_repo import SafetyRepository
from coach.storage.walks_repo import WalkRepository
from coach.ui.report.clinician_report import gather_report, write_report


def main() -> None:
    out = Path(sys.argv[1])
    app = QApplication([sys.argv[0]])
    now = SystemClock().now()
    with open_store() as store:
        data = gather_report(
            PainRepository(store), WalkRepository(store), CadenceRepository(store),
            SafetyRepository(store), now.date() - timedelta(days=83), now.date(), now, 60,
        )  # fmt: skip
    while True:
        write_report(data, out)
        print("wrote", flush=True)
    del app


if __name__ == "__main__":
    main()
