"""User routine files: private, checked on load, never replacing anything on import."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from coach.domain.plan_files.loading import (
    ASSETS_DIR,
    ILLUSTRATIONS_DIR,
    PlanFileError,
    load_default_routines,
)
from coach.domain.routines import Routine
from coach.storage.routine_files import (
    delete_routine,
    import_routine,
    load_user_routines,
    restore_routine,
    routine_path,
    routines_dir,
    save_routine,
)

WARM_UP = ASSETS_DIR / "routines" / "warm-up.json"


def _mine() -> Routine:
    return replace(load_default_routines()["warm-up"], id="mine", name="Mine", is_default=False)


def test_saved_routines_are_private_and_load_back(private_data_dir: Path) -> None:
    routine = _mine()
    path = save_routine(routine)
    assert path.parent == private_data_dir / "routines"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(routines_dir().stat().st_mode) == 0o700
    loaded, problems = load_user_routines()
    assert problems == []
    assert loaded["mine"].exercises == routine.exercises


def test_a_default_is_never_saved() -> None:
    with pytest.raises(ValueError, match="copy"):
        save_routine(load_default_routines()["warm-up"])


def test_a_bad_file_is_reported_and_the_others_still_load() -> None:
    save_routine(_mine())
    (routines_dir() / "broken.json").write_text('{"format": "walkcoach-routine", "version": 1')
    loaded, problems = load_user_routines()
    assert list(loaded) == ["mine"]
    assert len(problems) == 1 and "broken.json" in str(problems[0])


def test_delete_then_restore_gives_back_the_same_text() -> None:
    save_routine(_mine())
    text = routine_path("mine").read_text()
    assert delete_routine("mine") == text
    assert not routine_path("mine").exists()
    restore_routine("mine", text)
    assert routine_path("mine").read_text() == text


def test_import_takes_a_new_id_and_its_own_illustration_along(tmp_path: Path) -> None:
    data = json.loads(WARM_UP.read_text())
    data["exercises"][0]["illustration"] = "my-figure.svg"
    (tmp_path / "my-figure.svg").write_bytes((ILLUSTRATIONS_DIR / "ex-easy-walk.svg").read_bytes())
    source = tmp_path / "shared.json"
    source.write_text(json.dumps(data))
    routine = import_routine(source, taken_ids={"warm-up"})
    assert routine.id == "warm-up-copy" and not routine.is_default
    copied = routines_dir() / "illustrations" / "my-figure.svg"
    assert stat.S_IMODE(copied.stat().st_mode) == 0o600
    loaded, problems = load_user_routines()
    assert problems == [] and "warm-up-copy" in loaded


def test_import_refuses_an_illustration_that_is_a_link_or_a_fifo(tmp_path: Path) -> None:
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$secret")
    data = json.loads(WARM_UP.read_text())
    data["exercises"][0]["illustration"] = "my-figure.svg"
    data["exercises"][1]["illustration"] = "my-pipe.svg"
    (tmp_path / "my-figure.svg").symlink_to(secret)
    os.mkfifo(tmp_path / "my-pipe.svg")
    source = tmp_path / "shared.json"
    source.write_text(json.dumps(data))
    with pytest.raises(PlanFileError) as caught:
        import_routine(source, taken_ids={"warm-up"})
    message = str(caught.value)
    assert f"my-figure.svg is a link (to {secret})" in message
    assert "my-pipe.svg is a named pipe (FIFO), not a file" in message
    assert not (routines_dir() / "illustrations" / "my-figure.svg").exists()
    assert load_user_routines() == ({}, [])
