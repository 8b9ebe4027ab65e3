"""Lines of fields in JSON text: right for any document, and one pass for many fields."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain.json_lines import find_line, find_lines

Loc = tuple[str | int, ...]

keys = st.text(alphabet=st.characters(codec="utf-8", exclude_characters='"'), max_size=6)
scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4),
    max_leaves=25,
)


def expected_lines(data: Any) -> dict[Loc, int]:
    """Every field's line when dumped with indent=1: one key or element per line, in order."""
    lines: dict[Loc, int] = {}
    line = 1

    def walk(value: Any, loc: Loc) -> None:
        nonlocal line
        children = (
            list(value.items()) if isinstance(value, dict) else list(enumerate(value))
            if isinstance(value, list) else []
        )  # fmt: skip
        for key, child in children:
            line += 1
            lines[(*loc, key)] = line
            walk(child, (*loc, key))
        if children:
            line += 1  # the closing bracket

    walk(data, ())
    return lines


@settings(max_examples=200)
@given(st.dictionaries(keys, documents, min_size=1, max_size=5))
def test_every_field_is_found_on_its_own_line(data: dict[str, Any]) -> None:
    text = json.dumps(data, indent=1, ensure_ascii=False)
    expected = expected_lines(data)
    assert find_lines(text, expected) == expected
    for loc, line in list(expected.items())[:3]:
        assert find_line(text, loc) == line


def test_a_missing_field_gets_its_nearest_parent() -> None:
    text = '{\n "a": {\n  "b": 1\n },\n "c": [\n  1,\n  2\n ]\n}'
    assert find_lines(text, [("a", "x"), ("c", 5), ("zz",), ("c", 1)]) == {
        ("a", "x"): 2, ("c", 5): 5, ("zz",): None, ("c", 1): 7,
    }  # fmt: skip


def test_keys_written_with_escapes_and_duplicates_are_found() -> None:
    text = '{\n"\\u00e9t\\u00e9": 1,\n"k": 1,\n"k": 2,\n"q\\"uote": 3\n}'
    assert find_lines(text, [("été",), ("k",), ('q"uote',)]) == {
        ("été",): 2, ("k",): 3, ('q"uote',): 5,
    }  # fmt: skip


def test_a_key_that_also_appears_as_a_value_is_still_placed_right() -> None:
    pairs = ",\n".join(f'"x{n}": "k"' for n in range(500))
    text = "{\n" + pairs + ',\n"k": 1\n}'
    assert find_line(text, ("k",)) == 502
