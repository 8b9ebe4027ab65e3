"""Where the numbers come from: the sources the app cites, and the shape of one table row.

The table itself is `coach.domain.evidence.table.EVIDENCE`. Every number the app acts on has
a row there: its value, what it does, and either a published source or the plain words "our
own choice" with the reason. tests/domain/evidence/test_evidence.py checks each row against the
constant it names and renders the table into docs/evidence.md.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from typing import Any

from coach.domain.preferences import Range
from coach.resources import assets_dir

OWN_CHOICE = "Our own choice"

TUDOR_LOCKE_2019 = (
    "Tudor-Locke C et al. Walking cadence (steps/min) and intensity in 21-40 year olds: "
    "CADENCE-adults. Int J Behav Nutr Phys Act 2019;16:8. doi:10.1186/s12966-019-0769-6"
)
TUDOR_LOCKE_ROWE_2012 = (
    "Tudor-Locke C, Rowe DA. Using cadence to study free-living ambulatory behaviour. "
    "Sports Med 2012;42(5):381-398. doi:10.2165/11599170-000000000-00000 (pedestrians observed "
    "in real life averaged 115 steps/min)"
)
HEIDERSCHEIT_2011 = (
    "Heiderscheit BC et al. Effects of step rate manipulation on joint mechanics during "
    "running. Med Sci Sports Exerc 2011;43(2):296-302 (step rate +5 % and +10 %; a running "
    "gait-retraining study, not a walking or back-pain one)"
)
POCOVI_2024 = (
    "Pocovi NC et al. Effectiveness and cost-effectiveness of an individualised, progressive "
    "walking and education intervention for the prevention of low back pain recurrence "
    "(WalkBack). Lancet 2024;404(10448):134-144. doi:10.1016/S0140-6736(24)00755-4"
)
OSTELO_2008 = (
    "Ostelo RWJG et al. Interpreting change scores for pain and functional status in low back "
    "pain: towards international consensus regarding minimal important change. Spine "
    "2008;33(1):90-94"
)
GARBER_2011 = (
    "Garber CE et al. ACSM position stand: quantity and quality of exercise for developing "
    "and maintaining cardiorespiratory, musculoskeletal, and neuromotor fitness in apparently "
    "healthy adults. Med Sci Sports Exerc 2011;43(7):1334-1359 (hold a stretch 10-30 s)"
)
FINUCANE_2020 = (
    "Finucane LM et al. International framework for red flags for potential serious spinal "
    "pathologies. J Orthop Sports Phys Ther 2020;50(7):350-372. doi:10.2519/jospt.2020.9971"
)
NICE_NG59 = (
    "NICE guideline NG59, Low back pain and sciatica in over 16s: assessment and management "
    "(2016, updated 2020)"
)
SILBERNAGEL_2007 = (
    "Silbernagel KG et al. Continued sports activity, using a pain-monitoring model, during "
    "rehabilitation in patients with Achilles tendinopathy. Am J Sports Med "
    "2007;35(6):897-906; Thomee R. Phys Ther 1997;77(12):1690-1703"
)
WHO_2020 = (
    "Bull FC et al. World Health Organization 2020 guidelines on physical activity and "
    "sedentary behaviour. Br J Sports Med 2020;54(24):1451-1462 (activity of any length counts)"
)
DWORKIN_2008 = (
    "Dworkin RH et al. Interpreting the clinical importance of treatment outcomes in chronic "
    "pain clinical trials: IMMPACT recommendations. J Pain 2008;9(2):105-121. "
    "doi:10.1016/j.jpain.2007.09.005 (a decrease of at least 30 % is moderately important)"
)
NRS_0_10 = "The 0-10 numeric pain rating scale, the scale Ostelo et al. (Spine 2008) interpret"


@dataclass(frozen=True)
class Evidence:
    """One number the app acts on: where it lives, its value, what it does, and its source.

    `where` is a constant ("coach.domain.dose.WEEKLY_GROWTH") or a value in a shipped file
    ("assets/plans/*.json#/phases/*/start_cadence", every match must equal `value`). A row
    cites a `source`, or gives `own_choice` (why we chose it), or both.
    """

    where: str
    value: object
    what: str
    source: str = ""
    own_choice: str = ""

    @property
    def is_cited(self) -> bool:
        """True when the row names a source or says plainly that it is our own choice."""
        return bool(self.source.strip() or self.own_choice.strip())

    @property
    def origin(self) -> str:
        """The source, the own-choice reason, or both, as one line for people to read."""
        parts = [self.source] if self.source else []
        if self.own_choice:
            parts.append(f"{OWN_CHOICE}: {self.own_choice}")
        return ". ".join(parts)


def values_at(where: str) -> list[Any]:
    """The values a row's `where` names: one constant (a Range as (low, high)), or every match
    of a JSON pointer in the shipped files its glob names ('*' matches each list item)."""
    if "#" in where:
        pattern, pointer = where.split("#", 1)
        root = assets_dir().parent
        files = sorted(root.glob(pattern))
        parts = pointer.strip("/").split("/")
        return [v for f in files for v in _json_values(json.loads(f.read_text("utf-8")), parts)]
    module, name = where.rsplit(".", 1)
    value = getattr(importlib.import_module(module), name)
    return [(value.low, value.high) if isinstance(value, Range) else value]


def _json_values(node: Any, parts: list[str]) -> list[Any]:
    if not parts:
        return [node]
    head, rest = parts[0], parts[1:]
    if head == "*" and isinstance(node, list):
        return [v for item in node for v in _json_values(item, rest)]
    if isinstance(node, list) and head.isdigit() and int(head) < len(node):
        return _json_values(node[int(head)], rest)
    if isinstance(node, dict) and head in node:
        return _json_values(node[head], rest)
    return []
