from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from coach.__main__ import main
from coach.domain.plan_files.loading import ASSETS_DIR

ROUTINE: dict[str, Any] = json.loads((ASSETS_DIR / "routines" / "warm-up.json").read_text())
PLAN: dict[str, Any] = json.loads((ASSETS_DIR / "plans" / "starter-10.json").read_text())


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(json.dumps(data, indent=2))
    return path


def draw_illustrations(folder: Path) -> None:
    for exercise in ROUTINE["exercises"]:
        (folder / exercise["illustration"]).write_text("<svg/>")


def test_valid_files_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draw_illustrations(tmp_path)
    routine = write(tmp_path, "mine.json", {**ROUTINE, "id": "mine"})
    plan = write(tmp_path, "plan.json", PLAN)
    assert main(["validate", str(routine), str(plan)]) == 0
    out, err = capsys.readouterr()
    assert f"{routine}: valid (routine 'Warm-up', 4 exercises)" in out
    assert f"{plan}: valid (plan '10-minute starter', 4 phases)" in out
    assert err == ""


def test_invalid_file_exits_2_with_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draw_illustrations(tmp_path)
    bad = json.loads(json.dumps(ROUTINE))
    bad["exercises"][2]["hold_seconds"] = 3
    good = write(tmp_path, "good.json", ROUTINE)
    path = write(tmp_path, "bad.json", bad)
    assert main(["validate", str(good), str(path)]) == 2
    out, err = capsys.readouterr()
    assert f"{good}: valid" in out
    assert f"{path}, line " in err and "exercises[2].hold_seconds: must be at least 5, not 3" in err
    assert "1 of 2 file(s) not valid." in err


def test_missing_illustration_unless_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(json.dumps(ROUTINE))
    data["exercises"][0]["illustration"] = "not-drawn.svg"
    path = write(tmp_path, "r.json", data)
    assert main(["validate", str(path)]) == 2
    assert "exercises[0].illustration: illustration file 'not-drawn.svg' is missing" in (
        capsys.readouterr().err
    )
    assert main(["validate", "--skip-illustrations", str(path)]) == 0


def test_plan_routines_found_beside_it_or_unknown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    phases = [{"kind": "stretches", "name": "S", "routine": "mine"}, *PLAN["phases"][1:]]
    plan = write(tmp_path, "plan.json", {**PLAN, "phases": phases})
    assert main(["validate", str(plan)]) == 2
    assert "phases[0].routine: no routine is called 'mine'" in capsys.readouterr().err
    write(tmp_path, "mine.json", {**ROUTINE, "id": "mine"})
    assert main(["validate", str(plan)]) == 0


def test_unreadable_and_not_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "notes.json"
    text.write_text("walk more\n")
    assert main(["validate", str(tmp_path / "gone.json"), str(text)]) == 2
    err = capsys.readouterr().err
    assert "gone.json: cannot be read" in err
    assert "notes.json, line 1: is not valid JSON" in err


def test_shipped_files_validate_apart_from_undrawn_illustrations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [str(p) for p in sorted(ASSETS_DIR.glob("*/*.json"))]
    assert main(["validate", "--skip-illustrations", *files]) == 0
    assert capsys.readouterr().out.count(": valid (") == 5
