"""What the coaching voice says, and when: a session's spoken cues in session seconds.

Pure: the audio layer turns each cue into samples at a sample position. Cues falling on the
same moment are joined into one phrase, most important first, so nothing is said twice at
once (docs/audio.md, "Speech").
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coach.domain import speech_texts
from coach.domain.cues import CueSchedule
from coach.domain.plans import PlannedPhase
from coach.domain.routines import Countdown, RoutineTimeline, StepKind, StepStarted, SwitchSides

FIVE_MINUTES_FROM_S = 600.0
"""Sessions this long or longer hear "Five minutes left" (our choice: half the walk or less)."""
ONE_MINUTE_FROM_S = 120.0
"""Sessions this long or longer hear "One minute left", as the last-minute chime does."""


class CueImportance(enum.IntEnum):
    """Which cue wins when two cannot both be said; higher is more important."""

    CARD = 1
    COUNT = 2
    EXERCISE = 3
    SWITCH = 4
    TIME_LEFT = 5
    PHASE = 6


@dataclass(frozen=True)
class SpokenCue:
    """One phrase to say at a moment of the session (seconds from its start)."""

    at_s: float
    text: str
    importance: CueImportance


def session_script(
    phases: Sequence[PlannedPhase], cards: CueSchedule | None = None
) -> list[SpokenCue]:
    """Every spoken cue of a whole session: phase starts, cue cards, stretches, time left."""
    cues: list[SpokenCue] = []
    start = 0.0
    for phase in phases:
        if phase.duration_s <= 0:  # skipped before it began: nothing of it is said
            continue
        spm = None if phase.timeline is not None else phase.start_spm
        cues.append(
            SpokenCue(start, speech_texts.phase_start(phase.name, spm), CueImportance.PHASE)
        )
        if phase.timeline is not None:
            # A skip shortens the phase: what the routine would have said after it is not.
            cues += [
                SpokenCue(start + c.at_s, c.text, c.importance)
                for c in routine_script(phase.timeline)
                if c.at_s < phase.duration_s
            ]
        elif cards is not None:
            cues += card_cues(cards, start, start + phase.duration_s)
        start += phase.duration_s
    cues += time_left_cues(start)
    return merge_simultaneous(cues)


def script_ahead(cues: Iterable[SpokenCue], elapsed_s: float) -> list[SpokenCue]:
    """The cues from elapsed_s on, timed from there (a walk resumed, skipped or lengthened).

    A cue exactly at elapsed_s is kept: a skip lands on the next phase's start, to be said.
    """
    return [
        SpokenCue(c.at_s - elapsed_s, c.text, c.importance)
        for c in cues
        if c.at_s >= elapsed_s - 1e-6
    ]


def routine_script(timeline: RoutineTimeline, from_s: float = 0.0) -> list[SpokenCue]:
    """A stretch routine's cues from `from_s` on: each exercise's name, switch sides, counts.

    Times are routine seconds, as the routine player and routine_program use them.
    """
    cues: list[SpokenCue] = []
    said: set[int] = set()
    for timed in timeline.timed_between(from_s, timeline.total_s, inclusive=True):
        event = timed.event
        if isinstance(event, StepStarted) and event.step.kind is not StepKind.SWITCH_SIDES:
            if event.step.exercise_index not in said:
                said.add(event.step.exercise_index)
                text = f"{event.step.exercise.name.strip()}."
                cues.append(SpokenCue(timed.at_s, text, CueImportance.EXERCISE))
        elif isinstance(event, SwitchSides):
            cues.append(SpokenCue(timed.at_s, speech_texts.SWITCH_SIDES, CueImportance.SWITCH))
        elif isinstance(event, Countdown) and event.seconds_left in speech_texts.COUNTDOWN:
            text = speech_texts.COUNTDOWN[event.seconds_left]
            cues.append(SpokenCue(timed.at_s, text, CueImportance.COUNT))
    return merge_simultaneous(cues)


def card_cues(cards: CueSchedule, start_s: float, end_s: float) -> list[SpokenCue]:
    """The title of each cue card that comes up during a walking phase from start_s to end_s.

    Walking seconds count the whole session, as the walk screen's card rotation does.
    """
    out: list[SpokenCue] = []
    slot = math.floor(start_s / cards.interval_s) + 1
    while slot * cards.interval_s < end_s:
        at = slot * cards.interval_s
        card = cards.card_at(at)
        if card is not None and cards.changed_between(at - 1e-3, at):
            out.append(SpokenCue(at, f"{card.title.strip().rstrip('.')}.", CueImportance.CARD))
        slot += 1
    return out


def time_left_cues(total_s: float) -> list[SpokenCue]:
    """Five and one minute before the end, where the session is long enough for each."""
    out = []
    if total_s >= FIVE_MINUTES_FROM_S:
        out.append(
            SpokenCue(total_s - 300.0, speech_texts.FIVE_MINUTES_LEFT, CueImportance.TIME_LEFT)
        )
    if total_s >= ONE_MINUTE_FROM_S:
        out.append(SpokenCue(total_s - 60.0, speech_texts.ONE_MINUTE_LEFT, CueImportance.TIME_LEFT))
    return out


def merge_simultaneous(cues: Iterable[SpokenCue]) -> list[SpokenCue]:
    """Cues in time order; those at the same moment joined, most important first."""
    ordered = sorted(cues, key=lambda c: (c.at_s, -c.importance))
    out: list[SpokenCue] = []
    for cue in ordered:
        if out and math.isclose(out[-1].at_s, cue.at_s, abs_tol=1e-6):
            last = out[-1]
            out[-1] = SpokenCue(last.at_s, f"{last.text} {cue.text}", last.importance)
        else:
            out.append(cue)
    return out
