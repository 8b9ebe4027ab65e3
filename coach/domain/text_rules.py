"""Which characters people's names and notes may hold: no control or text-direction codes.

Control characters (ESC, NUL, ...) can rewrite a terminal when `walkcoach validate` prints
a name, and bidirectional overrides (U+202E and friends) make text read differently from
what it says. Files that hold them are refused, naming the character; a note typed in the
app simply loses them (they are invisible there).
"""

from __future__ import annotations

import re

_BIDI = "\u202a-\u202e\u2066-\u2069"  # embeddings, overrides and isolates
UNSAFE_IN_NAME = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
"""Characters no single-line name or line of text may hold."""
UNSAFE_IN_NOTE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")
"""The same, less tab, newline and carriage return, which a note or description may hold."""


def unsafe_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character the text may not hold, as U+XXXX, or None when it is clean."""
    found = (UNSAFE_IN_NOTE if multiline else UNSAFE_IN_NAME).search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def without_unsafe(text: str, *, multiline: bool = False) -> str:
    """The text with every character it may not hold removed."""
    return (UNSAFE_IN_NOTE if multiline else UNSAFE_IN_NAME).sub("", text)
