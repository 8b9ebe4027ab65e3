"""What the voice says and when: numbers in words, phase starts, cards, stretches, time left."""

from __future__ import annotations

import pytest

from coach.domain import speech_texts
from coach.domain.cues import CueSchedule
from coach.domain.plan_files.loading import (
    load_default_cues,
    load_default_plans,
    load_default_routines,
)
from coach.domain.routines import RoutineTimeline
from coach.domain.spoken_script import (
    CueImportance,
    SpokenCue,
    card_cues,
    merge_simultaneous,
    routine_script,
    session_script,
    time_left_cues,
)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (7, "seven"),
        (15, "fifteen"),
        (40, "forty"),
        (95, "ninety-five"),
        (100, "one hundred"),
        (110, "one hundred and ten"),
        (113, "one hundred and thirteen"),
        (220, "two hundred and twenty"),
        (999, "nine hundred and ninety-nine"),
    ],
)
def test_numbers_are_spelled_out(n: int, words: str) -> None:
    assert speech_texts.number_words(n) == words


def test_only_numbers_up_to_999_are_spelled() -> None:
    with pytest.raises(ValueError, match="0 to 999"):
        speech_texts.number_words(1000)


def test_a_phase_start_names_the_phase_and_its_cadence_in_words() -> None:
    assert speech_texts.phase_start("Main walk", 110.0) == (
        "Main walk. One hundred and ten steps a minute."
    )
    assert speech_texts.phase_start("Warm-up stretches", None) == "Warm-up stretches."


def test_a_plan_says_each_phase_cards_stretches_and_time_left_in_order() -> None:
    plan = load_default_plans()["walk-20"]
    planned = plan.planned_phases(110, load_default_routines())
    cards = CueSchedule(load_default_cues(), 60.0)
    script = session_script(planned, cards)
    times = [c.at_s for c in script]
    assert times == sorted(times) and len(set(times)) == len(times)  # joined, never doubled
    texts = [c.text for c in script]
    starts = [0.0]
    for phase in planned:
        starts.append(starts[-1] + phase.duration_s)
    said = {c.at_s: c.text for c in script}
    assert said[starts[2]] == "Main walk. One hundred and ten steps a minute."
    assert said[starts[1]].startswith("Easy start. Ninety-five steps a minute.")
    assert said[starts[-1] - 300] == "Five minutes left."
    assert said[starts[-1] - 60] == "One minute left."
    assert "Switch sides." in texts and "One." in texts
    titles = {f"{c.title}." for c in load_default_cues().cards}
    card_said = [c for c in script if c.importance is CueImportance.CARD]
    assert card_said and all(c.text in titles for c in card_said)
    # Cards only during walking phases, never during the stretches.
    assert all(c.at_s > starts[1] for c in card_said)


def test_same_moment_cues_are_joined_most_important_first() -> None:
    merged = merge_simultaneous(
        [
            SpokenCue(5.0, "Shoulders soft.", CueImportance.CARD),
            SpokenCue(5.0, "Main walk.", CueImportance.PHASE),
            SpokenCue(1.0, "Three.", CueImportance.COUNT),
        ]
    )
    assert merged == [
        SpokenCue(1.0, "Three.", CueImportance.COUNT),
        SpokenCue(5.0, "Main walk. Shoulders soft.", CueImportance.PHASE),
    ]


def test_time_left_is_said_only_where_the_session_is_long_enough() -> None:
    assert [c.text for c in time_left_cues(600)] == ["Five minutes left.", "One minute left."]
    assert [c.at_s for c in time_left_cues(600)] == [300.0, 540.0]
    assert [c.text for c in time_left_cues(300)] == ["One minute left."]
    assert time_left_cues(90) == []


def test_a_card_is_said_each_time_it_changes() -> None:
    cards = CueSchedule(load_default_cues(), 60.0)
    cues = card_cues(cards, 30.0, 200.0)
    assert [c.at_s for c in cues] == [60.0, 120.0, 180.0]
    assert [c.text for c in cues] == [f"{cards.card_at(t).title}." for t in (60, 120, 180)]  # type: ignore[union-attr]


def test_a_routine_from_the_middle_says_only_what_is_still_ahead() -> None:
    timeline = RoutineTimeline(load_default_routines()["warm-up"])
    whole = routine_script(timeline)
    from_s = whole[len(whole) // 2].at_s
    later = routine_script(timeline, from_s=from_s)
    assert later and all(c.at_s >= from_s for c in later)

    # Counts and side switches ahead are all still said; an exercise resumed part-way is
    # named again at its next step, so the walker hears where they are.
    def not_names(cues: list[SpokenCue]) -> list[SpokenCue]:
        return [c for c in cues if c.importance is not CueImportance.EXERCISE]

    assert not_names(later) == not_names([c for c in whole if c.at_s >= from_s])
    exercises = [c.text for c in whole if c.importance is CueImportance.EXERCISE]
    names = [f"{e.name}." for e in load_default_routines()["warm-up"].exercises]
    assert exercises == names


def test_a_skipped_phase_says_nothing_past_where_it_was_left() -> None:
    from dataclasses import replace

    planned = load_default_plans()["starter-10"].planned_phases(110, load_default_routines())
    stretches = planned[0]
    assert stretches.timeline is not None
    skipped = [replace(stretches, duration_s=0.0), *planned[1:]]
    script = session_script(skipped)
    assert script[0].at_s == 0.0 and script[0].text.startswith(f"{planned[1].name}.")
    left_early = [replace(stretches, duration_s=30.0), *planned[1:]]
    early = session_script(left_early)
    at_30 = next(c for c in early if c.at_s >= 30.0)
    assert at_30.at_s == 30.0 and at_30.text.startswith(f"{planned[1].name}.")
    whole = session_script(planned)
    # Up to the skip, the routine said what it always says; after it, nothing of it.
    assert [c for c in early if c.at_s < 30.0] == [c for c in whole if c.at_s < 30.0]
