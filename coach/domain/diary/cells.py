"""Reading one diary cell: dates (with day/month order), pain ratings and their messages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, time, tzinfo

from coach.domain.diary.decoding import ISO_DATE, NUMERIC_DATE, PAIN_NUMBER
from coach.domain.diary.import_texts import (
    MONTHS,
    REASON_AMBIGUOUS,
    REASON_BAD_DAY,
    REASON_DATE,
    REASON_MIXED,
    REASON_PAIN,
    REASON_YEARS,
)
from coach.domain.pain import PainEntryError, check_pain_value
from coach.domain.text_rules import UNSAFE_IN_NOTE

DATE_ONLY_TIME = time(12, 0)
"""Rows with a date and no time are placed at noon local time."""
CONTROL_CHARS = UNSAFE_IN_NOTE
"""Characters that are not text, or that turn its direction (tab, newline, CR allowed)."""


def shown_cell(cell: str) -> str:
    """The cell as quoted in a message: control characters as ?, cut after 30 characters."""
    text = CONTROL_CHARS.sub("?", cell.strip())
    return f'"{text[:30]}…"' if len(text) > 30 else f'"{text}"'


def _numeric_parts(cell: str) -> tuple[int, int] | None:
    match = NUMERIC_DATE.fullmatch(cell.strip())
    if match is None or match.group(2) == ".":
        return None
    return int(match.group(1)), int(match.group(3))


def date_order_from(cells: Iterable[str]) -> tuple[bool | None, bool]:
    """(day_first, mixed) inferred from numeric dates such as 13/04/2026 in one file."""
    parts = [p for p in map(_numeric_parts, cells) if p is not None]
    day_first = any(a > 12 >= b for a, b in parts)
    month_first = any(b > 12 >= a for a, b in parts)
    if day_first and month_first:
        return None, True
    return (True if day_first else False if month_first else None), False


def _readable_day(day: int, month: int, year: int) -> str:
    return f"{day} {MONTHS[month - 1]} {year}" if 1 <= month <= 12 else f"{day}/{month}/{year}"


def _parse_numeric(
    match: re.Match[str], day_first: bool | None, mixed: bool, shown: str
) -> tuple[int, int, int] | str:
    a, sep, b, year = int(match[1]), match[2], int(match[3]), int(match[4])
    if sep == "." or a > 12:
        return a, b, year
    if b > 12 or a == b:
        return b, a, year
    if day_first is not None:
        return (a, b, year) if day_first else (b, a, year)
    template = REASON_MIXED if mixed else REASON_AMBIGUOUS
    first, second = _readable_day(a, b, year), _readable_day(b, a, year)
    return template.format(shown=shown, first=first, second=second)


def parse_when(
    cell: str, tz: tzinfo, day_first: bool | None = None, mixed: bool = False
) -> datetime | str:
    """The cell as an aware datetime (naive times are local in tz), or the reason it is not."""
    text, shown = cell.strip(), shown_cell(cell)
    try:
        if ISO_DATE.fullmatch(text):
            when = datetime.fromisoformat(text.replace("Z", "+00:00"))
            if len(text) == 10:
                when = datetime.combine(when.date(), DATE_ONLY_TIME)
        elif match := NUMERIC_DATE.fullmatch(text):
            parsed = _parse_numeric(match, day_first, mixed, shown)
            if isinstance(parsed, str):
                return parsed
            day, month, year = parsed
            hour, minute, second = (int(match[k] or 0) for k in (5, 6, 7))
            clock = time(hour, minute, second) if match[5] else DATE_ONLY_TIME
            when = datetime(year, month, day).replace(
                hour=clock.hour, minute=clock.minute, second=clock.second
            )
        else:
            return REASON_DATE.format(shown=shown)
    except (ValueError, OverflowError):
        return REASON_BAD_DAY.format(shown=shown)
    if not 1900 <= when.year <= 2100:
        return REASON_YEARS.format(shown=shown)
    return when.replace(tzinfo=tz) if when.tzinfo is None else when


def parse_pain(cell: str) -> int | str:
    """The cell as a whole 0-10 rating ("4", "4.0", "4,0"), or the reason it is not."""
    text = cell.strip()
    if PAIN_NUMBER.fullmatch(text):
        try:
            return check_pain_value(float(text.replace(",", ".")))
        except PainEntryError:
            pass
    return REASON_PAIN.format(shown=shown_cell(cell))
