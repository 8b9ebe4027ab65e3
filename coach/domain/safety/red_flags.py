"""Warning signs that need a doctor rather than a walking programme, and what to show for them.

The list follows the red flags for lower back pain that clinical guidance agrees on (see
PRODUCT.md and docs/safety.md): NICE NG59 "Low back pain and sciatica in over 16s" (2016,
updated 2020), section 1.1 and the red flags its committee lists, and the international
framework of Finucane et al. (JOSPT 2020;50(7):350-372), which lists a past cancer and severe
pain at night or at rest, not eased by any position, beside the five signs asked first.
How urgent each sign is, and the words for it, live in coach.domain.safety.urgency.
The wording is ours: calm, concrete, and free of medical jargon where possible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class RedFlag:
    """One warning sign: a stable key, the question as the user reads it, and a short name."""

    key: str
    label: str
    short: str


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "bladder_bowel",
        "New trouble with your bladder or bowels, such as leaking, or not being able to pass water",
        "new bladder or bowel problems",
    ),
    RedFlag(
        "saddle_numbness",
        "Numbness or pins and needles between your legs or around your bottom "
        "(where you would sit on a saddle)",
        "numbness in the saddle area",
    ),
    RedFlag(
        "leg_weakness",
        "Weakness in one or both legs that is getting worse",
        "leg weakness that is getting worse",
    ),
    RedFlag(
        "fever_weight_loss",
        "A fever, or weight loss you cannot explain, together with your back pain",
        "fever or unexplained weight loss with back pain",
    ),
    RedFlag(
        "trauma",
        "Back pain that started after a bad fall, a road accident or another hard knock",
        "back pain after a fall or accident",
    ),
    RedFlag(
        "past_cancer",
        "You have had cancer in the past, and this back pain is new or different",
        "a past cancer",
    ),
    RedFlag(
        "night_pain",
        "Severe pain at night or at rest that does not ease in any position",
        "severe pain at night or at rest that no position eases",
    ),
)
"""Every red flag, in the order the user is asked about them."""

RED_FLAG_KEYS: tuple[str, ...] = tuple(flag.key for flag in RED_FLAGS)
"""The keys of RED_FLAGS, in order."""


@dataclass(frozen=True)
class RedFlagAdvice:
    """What to show after the check: whether to urge a doctor's visit, and for which signs."""

    see_doctor: bool
    flags: tuple[RedFlag, ...]

    def summary(self) -> str:
        """The ticked signs as one readable phrase, e.g. 'a, b and c'; empty when none."""
        names = [flag.short for flag in self.flags]
        if len(names) <= 1:
            return "".join(names)
        return f"{', '.join(names[:-1])} and {names[-1]}"


def red_flag_advice(ticked: Iterable[str]) -> RedFlagAdvice:
    """Decide what to show for the ticked keys; any one sign means 'see a doctor promptly'.

    Keys are reported in the order of RED_FLAGS, each once. An unknown key raises ValueError,
    because silently dropping a warning sign would be worse than failing loudly.
    """
    chosen = set(ticked)
    unknown = chosen.difference(RED_FLAG_KEYS)
    if unknown:
        raise ValueError(f"Unknown red flag(s): {', '.join(sorted(unknown))}.")
    flags = tuple(flag for flag in RED_FLAGS if flag.key in chosen)
    return RedFlagAdvice(see_doctor=bool(flags), flags=flags)


def red_flag(key: str) -> RedFlag:
    """The red flag with this key; raises KeyError for an unknown key."""
    for flag in RED_FLAGS:
        if flag.key == key:
            return flag
    raise KeyError(key)
