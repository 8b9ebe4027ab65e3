"""Finding the line of a field in JSON text, so messages can say where to look.

One forward pass finds the fields asked for: it descends only into the objects and lists
on their paths, skips every other value with the json module's own C scanner, counts
lines as it goes and stops once all are found. A hostile file of 90,000 keys costs one
read of it, not one per key or per problem.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Sequence

Loc = tuple[str | int, ...]

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
# A key with its colon; escapes inside it are decoded only when present.
_KEY = re.compile(r'"((?:[^"\\]|\\.)*)"[ \t\n\r]*:[ \t\n\r]*', re.DOTALL)
# A run of `"key": scalar,` pairs, skipped in one C-level match unless a wanted key is in it.
_PAIRS = re.compile(
    r'(?:"(?:[^"\\]|\\.)*"[ \t\n\r]*:[ \t\n\r]*'
    r'(?:"(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*|true|false|null)[ \t\n\r]*,[ \t\n\r]*)+',
    re.DOTALL,
)


class _AllFoundError(Exception):
    """Every field asked for was found: the scan stops early."""


class _Scan:
    """One pass over a text recording the lines of the wanted fields and their parents."""

    def __init__(self, text: str, wanted: Iterable[Loc]) -> None:
        self.text = text
        self.wanted = set(wanted)
        self.prefixes = {loc[:n] for loc in self.wanted for n in range(len(loc) + 1)}
        self.lines: dict[Loc, int] = {}
        self._pos = 0
        self._line = 1

    def line_at(self, pos: int) -> int:
        """The line of pos; positions only move forward."""
        self._line += self.text.count("\n", self._pos, pos)
        self._pos = pos
        return self._line

    def record(self, loc: Loc, pos: int) -> None:
        """Note where loc starts if it is on the path of a wanted field."""
        if loc in self.prefixes and loc not in self.lines:
            self.lines[loc] = self.line_at(pos)
            if self.wanted <= self.lines.keys():
                raise _AllFoundError

    def value(self, pos: int, path: Loc) -> int:
        """Scan the value at pos (descending only on a wanted path); return its end."""
        if path not in self.prefixes or self.text[pos : pos + 1] not in ("{", "["):
            return _DECODER.raw_decode(self.text, pos)[1]
        return self.container(pos, path)

    def container(self, pos: int, path: Loc) -> int:
        text = self.text
        is_object = text[pos] == "{"
        closing = "}" if is_object else "]"
        pos, index = _skip(text, pos + 1), 0
        keys = [
            json.dumps(loc[-1], ensure_ascii=False)
            for loc in self.prefixes
            if loc and loc[:-1] == path
        ]
        # A backslash may spell a wanted key with escapes: runs stop before one too.
        next_hit = dict.fromkeys([*keys, "\\"], -2)  # -2: not searched yet; -1: not found
        while text[pos] != closing:
            pos = self.skip_pairs(pos, next_hit) if is_object else pos
            start = pos
            if is_object:
                match = _KEY.match(text, pos)
                if match is None:
                    raise ValueError("not a key")
                key = match[1]
                child: Loc = (*path, json.loads(f'"{key}"') if "\\" in key else key)
                pos = match.end()
            else:
                child, index = (*path, index), index + 1
            self.record(child, start)
            pos = _skip(text, self.value(pos, child))
            if text[pos] == ",":
                pos = _skip(text, pos + 1)
        return pos + 1

    def skip_pairs(self, pos: int, next_hit: dict[str, int]) -> int:
        """Past the run of plain pairs at pos, stopping before the next key looked for.

        next_hit holds, per key looked for, where its text next occurs (searched again only
        once passed), so the whole object costs one search per key, not one per pair.
        """
        for key, hit in next_hit.items():
            if hit != -1 and hit < pos:
                next_hit[key] = self.text.find(key, pos)
        hits = [hit for hit in next_hit.values() if hit != -1]
        run = _PAIRS.match(self.text, pos, min(hits) if hits else len(self.text))
        return pos if run is None else run.end()


def _skip(text: str, pos: int) -> int:
    end = _SPACE.match(text, pos)
    return pos if end is None else end.end()


def find_lines(text: str, locs: Iterable[Sequence[str | int]]) -> dict[Loc, int | None]:
    """The line of each field in well-formed JSON text (or of its nearest parent found).

    A key written twice is placed at its first occurrence.
    """
    wanted = [tuple(loc) for loc in locs]
    text = text.lstrip("\ufeff")
    scan = _Scan(text, wanted)
    # Text the json module accepted but this scan cannot follow just gets fewer lines.
    with contextlib.suppress(_AllFoundError, ValueError, IndexError, RecursionError):
        scan.value(_skip(text, 0), ())
    return {loc: _nearest(scan.lines, loc) for loc in wanted}


def _nearest(lines: dict[Loc, int], loc: Loc) -> int | None:
    path = loc
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def find_line(text: str, loc: Sequence[str | int]) -> int | None:
    """The line of the field at loc, or of its nearest parent found; None if none is."""
    return find_lines(text, [loc])[tuple(loc)]
