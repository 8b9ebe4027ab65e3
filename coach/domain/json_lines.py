"""Finding the line of a field in JSON text, so messages can say where to look."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence

_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _SPACE:
        pos += 1
    return pos


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _scan(
    text: str, pos: int, path: tuple[str | int, ...], lines: dict[tuple[str | int, ...], int]
) -> int:
    """Record the line of every key and element below `path`; return the end position."""
    pos = _skip(text, pos)
    opening = text[pos : pos + 1]
    if opening not in ("{", "["):
        return _DECODER.raw_decode(text, pos)[1]
    closing = "}" if opening == "{" else "]"
    pos, index = _skip(text, pos + 1), 0
    while pos < len(text) and text[pos] != closing:
        if opening == "{":
            key_pos = pos
            key, pos = json.decoder.scanstring(text, pos + 1)  # type: ignore[attr-defined]
            child: tuple[str | int, ...] = (*path, key)
            lines[child] = _line(text, key_pos)  # the last duplicate wins, as in json
            pos = _skip(text, pos) + 1  # the colon
        else:
            child = (*path, index)
            lines.setdefault(child, _line(text, _skip(text, pos)))
            index += 1
        pos = _skip(text, _scan(text, pos, child, lines))
        if text[pos : pos + 1] == ",":
            pos = _skip(text, pos + 1)
    return pos + 1


def field_lines(text: str) -> dict[tuple[str | int, ...], int]:
    """The line of every key and list element in well-formed JSON text, by its path."""
    lines: dict[tuple[str | int, ...], int] = {}
    # Text the json module accepted but this simple scan cannot follow just gets no lines.
    with contextlib.suppress(ValueError, IndexError, RecursionError):
        _scan(text.lstrip("\ufeff"), 0, (), lines)
    return lines


def find_line(text: str, loc: Sequence[str | int]) -> int | None:
    """The line of the field at loc, or of its nearest parent found; None if none is."""
    lines = field_lines(text)
    path = tuple(loc)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None
