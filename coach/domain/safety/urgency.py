"""The one table of signs -> urgency -> words that every screen, the report and the CLI use.

Sources (docs/safety.md has the full list):
- New bladder or bowel trouble and numbness in the saddle area can mean pressure on the nerves
  at the base of the spine; guidance asks for emergency assessment the same day (NICE NG59,
  2016/2020, recommendation 1.1.1 and its red-flag list; NICE CKS "Sciatica" and GIRFT's
  national suspected cauda equina pathway, 2023). So those two get the emergency words.
- The other warning signs (leg weakness getting worse, fever or unexplained weight loss, a fall
  or accident, a past cancer, severe pain at night or at rest) need a doctor's look promptly
  (NICE NG59 red flags; Finucane et al., JOSPT 2020, international framework for red flags).
- New numbness or weakness in a leg after a walk: the same "see a doctor promptly" as the
  warning sign it resembles (Today's note says the same).
- Pain clearly rising over weeks (the worsening rule) is not an emergency: a doctor or
  physiotherapist should look before the plan goes on.

The words never name a condition: they say what to do and where to go.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

LEG_SYMPTOMS_AFTER_WALK = "leg_symptoms_after_walk"
"""Sign key: new numbness or weakness in a leg reported after a walk."""
WORSENING = "worsening"
"""Sign key: the worsening rule fired (pain clearly up over the last week)."""


class Urgency(IntEnum):
    """How soon the person should get help; larger is more urgent."""

    NONE = 0
    SOON = 1
    PROMPTLY = 2
    EMERGENCY = 3


@dataclass(frozen=True)
class UrgencyWords:
    """What a screen says for one urgency: a title and what to do."""

    title: str
    action: str


URGENCY_WORDS: dict[Urgency, UrgencyWords] = {
    Urgency.EMERGENCY: UrgencyWords(
        "Please get medical help today",
        "Please get urgent medical care today: call your doctor now and say what you noticed. "
        "If they are closed or cannot see you today, go to an emergency department. "
        "Do not wait to see if it passes.",
    ),
    Urgency.PROMPTLY: UrgencyWords(
        "Please see a doctor promptly",
        "Please see a doctor promptly, today if you can, and tell them what you noticed.",
    ),
    Urgency.SOON: UrgencyWords(
        "Please see a doctor or physiotherapist",
        "Please see a doctor or physiotherapist before you go on with the walking plan.",
    ),
}
"""The words for each urgency, used on every screen; NONE has no words."""

SIGN_URGENCY: dict[str, Urgency] = {
    "bladder_bowel": Urgency.EMERGENCY,
    "saddle_numbness": Urgency.EMERGENCY,
    "leg_weakness": Urgency.PROMPTLY,
    "fever_weight_loss": Urgency.PROMPTLY,
    "trauma": Urgency.PROMPTLY,
    "past_cancer": Urgency.PROMPTLY,
    "night_pain": Urgency.PROMPTLY,
    LEG_SYMPTOMS_AFTER_WALK: Urgency.PROMPTLY,
    WORSENING: Urgency.SOON,
}
"""Every sign the app knows and how urgent it is. An unknown key counts as PROMPTLY."""

PAUSED_LINE = (
    "Your walking plan is paused until you tell the app that a clinician has checked this. "
    "You can still log your pain."
)
"""Said wherever the safety state is active, under the words above."""


def sign_urgency(key: str) -> Urgency:
    """The urgency of one sign; an unknown key (say, from a newer app) is PROMPTLY."""
    return SIGN_URGENCY.get(key, Urgency.PROMPTLY)


def most_urgent(keys: Iterable[str]) -> Urgency:
    """The highest urgency among the signs, NONE for none."""
    return max((sign_urgency(key) for key in keys), default=Urgency.NONE)


def words_for(urgency: Urgency) -> UrgencyWords:
    """The title and action for an urgency; raises KeyError for NONE (nothing to say)."""
    return URGENCY_WORDS[urgency]
