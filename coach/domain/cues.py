"""Posture and stride cue cards and the schedule that rotates them during a walk.

The card texts live in assets/cues/cues.json; this module only models and schedules them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


class CueKind(StrEnum):
    """Posture cues are about how to hold the body; stride cues about how to step."""

    POSTURE = "posture"
    STRIDE = "stride"


@dataclass(frozen=True)
class CueCard:
    """One cue: a short title, one calm sentence and the illustration that shows it."""

    id: str
    kind: CueKind
    title: str
    text: str
    illustration: str


class CueError(ValueError):
    """A cue id that is not in the catalogue, or a schedule that cannot run."""


@dataclass(frozen=True)
class CueCatalogue:
    """All cue cards, in the order they rotate."""

    cards: tuple[CueCard, ...]

    def by_id(self, cue_id: str) -> CueCard:
        """The card with this id, or CueError."""
        for card in self.cards:
            if card.id == cue_id:
                return card
        raise CueError(f"There is no cue card called '{cue_id}'.")

    def of_kind(self, kind: CueKind) -> tuple[CueCard, ...]:
        """The posture or the stride cards, in order."""
        return tuple(c for c in self.cards if c.kind is kind)


@dataclass(frozen=True)
class CueSchedule:
    """Which card shows when: posture and stride alternate every `interval_s` walking seconds.

    A pinned card stays up; a card turned off never shows. Time is the session's elapsed
    time, so the card holds still while the walk is paused.
    """

    catalogue: CueCatalogue
    interval_s: float = 60.0
    pinned_id: str | None = None
    off_ids: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.interval_s > 0:
            raise CueError(f"Cue cards must change after some time, not {self.interval_s} s.")

    def pin(self, cue_id: str) -> CueSchedule:
        """Keep this card up (turning it back on if it was off)."""
        self.catalogue.by_id(cue_id)
        return replace(self, pinned_id=cue_id, off_ids=self.off_ids - {cue_id})

    def unpin(self) -> CueSchedule:
        """Rotate again."""
        return replace(self, pinned_id=None)

    def turn_off(self, cue_id: str) -> CueSchedule:
        """Never show this card (unpinning it if it was pinned)."""
        self.catalogue.by_id(cue_id)
        pinned = None if self.pinned_id == cue_id else self.pinned_id
        return replace(self, pinned_id=pinned, off_ids=self.off_ids | {cue_id})

    def turn_on(self, cue_id: str) -> CueSchedule:
        """Show this card again in the rotation."""
        self.catalogue.by_id(cue_id)
        return replace(self, off_ids=self.off_ids - {cue_id})

    def rotation(self) -> tuple[CueCard, ...]:
        """One full round of the cards that are on: posture, stride, posture, stride..."""
        posture = [c for c in self.catalogue.of_kind(CueKind.POSTURE) if c.id not in self.off_ids]
        stride = [c for c in self.catalogue.of_kind(CueKind.STRIDE) if c.id not in self.off_ids]
        if not posture or not stride:
            return tuple(posture or stride)
        rounds = max(len(posture), len(stride))
        out: list[CueCard] = []
        for i in range(rounds):
            out += [posture[i % len(posture)], stride[i % len(stride)]]
        return tuple(out)

    def card_at(self, elapsed_s: float) -> CueCard | None:
        """The card to show this many walking seconds in; None when every card is off."""
        if self.pinned_id is not None:
            return self.catalogue.by_id(self.pinned_id)
        cards = self.rotation()
        if not cards:
            return None
        slot = int(max(0.0, elapsed_s) // self.interval_s)
        return cards[slot % len(cards)]

    def changed_between(self, before_s: float, now_s: float) -> bool:
        """True when the card changed between two moments: time for a soft chime."""
        return self.card_at(before_s) != self.card_at(now_s)
