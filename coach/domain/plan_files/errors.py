"""Plain-words reasons for schema errors, so a person can fix a file without a manual."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pydantic_core import ErrorDetails

_KINDS = {
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "string_type": "text in quotes",
    "list_type": "a list in [ ]",
    "model_type": "an object in { }",
    "dict_type": "an object in { }",
}

_PATTERN_HINTS = {
    "id": "lower-case letters, digits and dashes (at most 60), like 'my-warm-up'",
    "routine": "a routine id: lower-case letters, digits and dashes",
    "illustration": "a file name of lower-case letters, digits and dashes ending in .svg",
}


def describe_value(value: Any) -> str:
    """A short, safe description of a value from a file (never a huge or deep repr)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        text = repr(value)
        return text if len(text) <= 20 else "a very long number"
    if isinstance(value, str):
        if len(value) > 30:
            return f"a text of {len(value)} characters"
        return repr(value).encode("ascii", "backslashreplace").decode("ascii")
    if isinstance(value, list):
        return f"a list of {len(value)} item{'' if len(value) == 1 else 's'}"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _key(key: str) -> str:
    # Keys come from the file: no control characters reach a terminal, no key floods it.
    safe = key if key.isprintable() else key.encode("unicode_escape").decode("ascii")
    return safe if len(safe) <= 40 else safe[:37] + "..."


def dotted(loc: Sequence[str | int]) -> str:
    """A field path as people write it: exercises[2].hold_seconds."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{_key(part)}" if out else _key(part))
    return out


def _bound(word: str, key: str) -> Callable[[Mapping[str, Any], Any], str]:
    return lambda ctx, value: f"must be {word} {ctx.get(key)}, not {describe_value(value)}"


_REASONS: dict[str, Callable[[Mapping[str, Any], Any], str]] = {
    "missing": lambda ctx, value: "is required but missing",
    "extra_forbidden": lambda ctx, value: "is not a field this file can have",
    "greater_than_equal": _bound("at least", "ge"),
    "less_than_equal": _bound("at most", "le"),
    "greater_than": _bound("more than", "gt"),
    "less_than": _bound("less than", "lt"),
    "string_too_short": lambda ctx, value: "must not be empty",
    "string_too_long": lambda ctx, value: (
        f"is {len(value) if isinstance(value, str) else '?'} characters long; "
        f"at most {ctx.get('max_length')} fit"
    ),
    "too_short": lambda ctx, value: f"needs at least {ctx.get('min_length')} item(s)",
    "too_long": lambda ctx, value: (
        f"has {ctx.get('actual_length')} items; at most {ctx.get('max_length')} fit"
    ),
    "literal_error": lambda ctx, value: (
        f"must be {ctx.get('expected')}, not {describe_value(value)}"
    ),
}


def describe_error(detail: ErrorDetails) -> tuple[str, str]:
    """(field path, reason in plain words) for one pydantic error."""
    loc = detail["loc"]
    field = dotted(loc)
    kind, value = detail["type"], detail.get("input")
    ctx: Mapping[str, Any] = detail.get("ctx") or {}
    if kind in _REASONS:
        return field, _REASONS[kind](ctx, value)
    if kind in _KINDS:
        return field, f"must be {_KINDS[kind]}, not {describe_value(value)}"
    if kind == "string_pattern_mismatch":
        last = next((p for p in reversed(loc) if isinstance(p, str)), "")
        hint = _PATTERN_HINTS.get(last, "in a form this field does not allow")
        return field, f"must be {hint}, not {describe_value(value)}"
    if kind == "value_error":
        return field, str(ctx.get("error", detail["msg"])).removeprefix("Value error, ")
    return field, detail["msg"]
