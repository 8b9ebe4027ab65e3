"""The words the coaching voice says (docs/audio.md, "Speech").

Phase names, exercise names and cue-card titles come from the plan, routine and cue files;
this module holds only the words the app adds around them. Numbers are spelled out, since
a speech engine reads "110" less calmly than "one hundred and ten".
"""

from __future__ import annotations

PHASE_WITH_CADENCE = "{name}. {cadence} steps a minute."
"""Said when a walking phase starts: its name and its cadence, spelled out."""
PHASE_QUIET = "{name}."
"""Said when a phase without steps (stretches) starts."""
FIVE_MINUTES_LEFT = "Five minutes left."
"""Said five minutes before the end of a session of ten minutes or more."""
ONE_MINUTE_LEFT = "One minute left."
"""Said one minute before the end of a session of two minutes or more."""
SWITCH_SIDES = "Switch sides."
"""Said when a one-sided stretch moves to the other side."""
COUNTDOWN: dict[int, str] = {3: "Three.", 2: "Two.", 1: "One."}
"""The last seconds of a stretch step, counted down."""

# fmt: off
_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# fmt: on


def number_words(n: int) -> str:
    """A whole number from 0 to 999 in British English words ("one hundred and ten")."""
    if not 0 <= n <= 999:
        raise ValueError(f"Only 0 to 999 are spelled out, not {n}.")
    hundreds, rest = divmod(n, 100)
    words = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest or not hundreds:
        if rest < 20:
            part = _ONES[rest]
        else:
            tens, ones = divmod(rest, 10)
            part = _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
        words.append(("and " if hundreds else "") + part)
    return " ".join(words)


def phase_start(name: str, cadence_spm: float | None) -> str:
    """What is said as a phase starts: "Main walk. One hundred and ten steps a minute."."""
    name = name.strip() or "Next part"
    if cadence_spm is None:
        return PHASE_QUIET.format(name=name)
    words = number_words(round(cadence_spm))
    return PHASE_WITH_CADENCE.format(name=name, cadence=words[0].upper() + words[1:])
