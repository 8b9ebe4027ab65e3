"""A hostile routine file is refused quickly, with a short message (issue 23, case 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.domain.plan_files.loading import MAX_ENTRIES, MAX_PROBLEMS, PlanFileError, load_routine
from coach.resources import assets_dir


def warm_up() -> dict[str, object]:
    return dict(json.loads((assets_dir() / "routines" / "warm-up.json").read_text("utf-8")))


def test_an_object_with_thousands_of_keys_is_refused_before_checking(tmp_path: Path) -> None:
    data = warm_up() | {f"k{n}": 0 for n in range(5000)}
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        load_routine(path)
    message = str(caught.value)
    assert message.count("\n") == 0 and f"at most {MAX_ENTRIES} fit" in message
    assert "5," in message and "entries" in message


def test_many_problems_are_capped_and_the_rest_counted(tmp_path: Path) -> None:
    data = warm_up() | {f"k{n}": 0 for n in range(MAX_ENTRIES - 20)}
    path = tmp_path / "many.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        load_routine(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[-1] == f"... and {MAX_ENTRIES - 20 - MAX_PROBLEMS} more problems not listed."
    first_key_line = path.read_text("utf-8").splitlines().index('  "k0": 0,') + 1
    assert lines[0].startswith(f"{path}, line {first_key_line}, k0:")
