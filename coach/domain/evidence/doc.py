"""Render the evidence table as docs/evidence.md: `python -m coach.domain.evidence.doc`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from coach.domain.evidence.sources import Evidence
from coach.domain.evidence.table import EVIDENCE

DOC_PATH = Path(__file__).resolve().parents[3] / "docs" / "evidence.md"

HEADER = """# Every number the app acts on, and where it comes from

This page is generated from `coach/domain/evidence/table.py` (run
`python -m coach.domain.evidence.doc`); `tests/domain/evidence/test_evidence.py` fails when a
number in the code changes without its row, when a row has no source, or when this page is out
of date.
A row says "Our own choice" plainly, with the reason, where no study sets the number.

| Where | Value | What it does | Source |
| --- | --- | --- | --- |
"""

FOOTER = """
## Claims we dropped

- "Everyday walking is usually 100-120 steps/min" was cited to Tudor-Locke et al. 2019, which
  sets intensity thresholds only. Observed pedestrians average about 115 steps/min
  (Tudor-Locke and Rowe, Sports Med 2012); the app now says only that.
- "Kinder to your lower back", "often easier on the back" and "pulls less on the pelvis" had no
  source and are gone from every text.
- The WalkBack trial (Pocovi et al. 2024) lengthened the time to the next activity-limiting
  episode (median 208 against 112 days, hazard ratio 0.72); the code no longer says it
  "halved" recurrence.
"""


def _value(value: object) -> str:
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int | float) for v in value)
    ):
        return f"{value[0]:g}-{value[1]:g}"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render(rows: Sequence[Evidence] = EVIDENCE) -> str:
    """The whole page as Markdown."""
    lines = [
        f"| `{row.where}` | {_cell(_value(row.value))} | {_cell(row.what)} | {_cell(row.origin)} |"
        for row in rows
    ]
    return HEADER + "\n".join(lines) + "\n" + FOOTER


def main() -> int:
    """Write docs/evidence.md from the table."""
    DOC_PATH.write_text(render(), encoding="utf-8")
    print(DOC_PATH)
    return 0


if __name__ == "__main__":
    sys.exit(main())
