"""The evidence table: every row matches the number the code acts on and names its source."""

from __future__ import annotations

import ast
import importlib
import inspect
import numbers
from pathlib import Path
from typing import Any

import pytest

from coach.domain.evidence import doc as evidence_doc
from coach.domain.evidence.sources import Evidence, values_at
from coach.domain.evidence.table import COVERED_MODULES, EVIDENCE, NOT_HEALTH_NUMBERS
from coach.domain.plan_files.loading import ASSETS_DIR


def resolve(where: str) -> list[Any]:
    """The values a row names; a glob must match at least one shipped file."""
    if "#" in where:
        pattern = where.split("#", 1)[0]
        assert sorted(ASSETS_DIR.parent.glob(pattern)), f"{pattern} matches no shipped file"
    return values_at(where)


@pytest.mark.parametrize("row", EVIDENCE, ids=lambda row: row.where)
def test_each_row_matches_the_number_the_app_acts_on(row: Evidence) -> None:
    found = resolve(row.where)
    assert found, f"{row.where} names nothing"
    assert all(value == row.value for value in found), (
        f"{row.where} is {found} in the code but {row.value!r} in the evidence table: "
        "update the row (and its source) with the number"
    )


@pytest.mark.parametrize("row", EVIDENCE, ids=lambda row: row.where)
def test_each_row_names_a_source_or_says_it_is_our_own_choice(row: Evidence) -> None:
    assert row.is_cited, f"{row.where} has no source and no reason"
    assert row.what.strip()


def _defined_names(module_name: str) -> set[str]:
    """Names assigned at the top level of the module's own source (not imported ones)."""
    source = inspect.getsource(importlib.import_module(module_name))
    names = set()
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _numeric_constants(module_name: str) -> dict[str, Any]:
    found = {}
    for name in sorted(_defined_names(module_name)):
        if not name.isupper() or name.startswith("_"):
            continue
        [value] = values_at(f"{module_name}.{name}")
        is_number = isinstance(value, numbers.Real) and not isinstance(value, bool)
        is_range = (
            isinstance(value, tuple) and value and all(isinstance(v, numbers.Real) for v in value)
        )
        if is_number or is_range:
            found[f"{module_name}.{name}"] = value
    return found


@pytest.mark.parametrize("module_name", COVERED_MODULES)
def test_every_number_in_a_covered_module_has_a_row(module_name: str) -> None:
    rows = {row.where for row in EVIDENCE}
    missing = [
        where
        for where in _numeric_constants(module_name)
        if where not in rows and where not in NOT_HEALTH_NUMBERS
    ]
    assert not missing, f"numbers without a row in coach/domain/evidence/table.py: {missing}"


def test_the_table_has_no_duplicate_rows_and_no_stale_exemptions() -> None:
    wheres = [row.where for row in EVIDENCE]
    assert len(wheres) == len(set(wheres))
    for where, reason in NOT_HEALTH_NUMBERS.items():
        assert reason.strip() and resolve(where), where
        assert where not in wheres, f"{where} is both a row and exempt"


def test_a_changed_constant_fails_its_row(monkeypatch: pytest.MonkeyPatch) -> None:
    from coach.domain import dose

    monkeypatch.setattr(dose, "WEEKLY_GROWTH", 0.2)
    [row] = [r for r in EVIDENCE if r.where.endswith("dose.WEEKLY_GROWTH")]
    assert resolve(row.where) != [row.value]


def test_docs_evidence_md_is_the_rendered_table() -> None:
    doc = Path(evidence_doc.DOC_PATH)
    assert doc.read_text(encoding="utf-8") == evidence_doc.render(), (
        "docs/evidence.md is out of date: run python -m coach.domain.evidence.doc"
    )
    for row in EVIDENCE:
        assert f"`{row.where}`" in doc.read_text(encoding="utf-8")
