"""No control or text-direction characters in names and notes from files (issue 23, case 6)."""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path

import pytest

from coach.domain.diary.import_preview import preview_import
from coach.domain.plan_files.loading import PlanFileError, load_routine
from coach.domain.text_rules import unsafe_character, without_unsafe
from coach.resources import assets_dir

HOSTILE = ["\x1b[2J", "\x00", "\u202e", "\u2066", "\x9b", "\x07"]


@pytest.mark.parametrize("bad", HOSTILE)
def test_names_with_control_or_direction_characters_are_found(bad: str) -> None:
    assert unsafe_character(f"Warm{bad}up") == f"U+{ord(bad[0]):04X}"
    assert without_unsafe(f"Warm{bad}up").startswith("Warmup") or bad == "\x1b[2J"


def test_a_note_may_hold_new_lines_and_tabs_but_a_name_may_not() -> None:
    assert unsafe_character("one\ntwo\tthree", multiline=True) is None
    assert unsafe_character("one\ntwo") == "U+000A"
    assert unsafe_character("Ça va, 日本語, עברית ok") is None  # real scripts are fine


@pytest.mark.parametrize("bad", HOSTILE)
@pytest.mark.parametrize(
    "where", [("name",), ("description",), ("exercises", 0, "name"), ("exercises", 0, "steps", 0)]
)
def test_a_routine_with_them_is_refused_naming_the_field(
    tmp_path: Path, bad: str, where: tuple[str | int, ...]
) -> None:
    data = json.loads((assets_dir() / "routines" / "warm-up.json").read_text("utf-8"))
    holder = data
    for key in where[:-1]:
        holder = holder[key]
    holder[where[-1]] = f"Evil{bad}name"
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        load_routine(path)
    message = str(caught.value)
    assert f"U+{ord(bad[0]):04X}" in message and "text-direction" in message
    assert unsafe_character(message, multiline=True) is None  # nothing raw reaches a terminal


@pytest.mark.parametrize("bad", [b for b in HOSTILE if b != "\x00"])  # NUL: a binary file
def test_an_imported_note_with_them_is_a_rejected_row(bad: str) -> None:
    preview = preview_import(f"at,pain,note\n2026-11-02T08:30:00+00:00,3,a{bad}b\n".encode(), UTC)
    assert preview.to_add == () and len(preview.rejected) == 1
    assert preview.rejected[0].column == "note"
