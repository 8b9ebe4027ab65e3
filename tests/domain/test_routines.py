from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain.clock import FakeClock
from coach.domain.routine_player import RoutinePlayer
from coach.domain.routines import (
    Countdown,
    Exercise,
    ExerciseKind,
    Routine,
    RoutineFinished,
    RoutineTimeline,
    Side,
    Sides,
    StepKind,
    StepStarted,
    SwitchSides,
    editable,
    editable_copy,
)

WALK = Exercise(
    name="Easy walk",
    purpose="Warm up.",
    steps=("Walk.",),
    stop_if="Pain.",
    illustration="ex-walk.svg",
    kind=ExerciseKind.WALK,
    duration_seconds=60,
    cadence_spm=90,
    prep_seconds=0,
    rest_seconds=5,
)
HOLD_SIDES = Exercise(
    name="Lunge",
    purpose="Open hips.",
    steps=("Step.", "Hold."),
    stop_if="Pain.",
    illustration="ex-lunge.svg",
    sides=Sides.LEFT_RIGHT,
    hold_seconds=20,
    prep_seconds=5,
    rest_seconds=10,
    switch_seconds=4,
)
REPS = Exercise(
    name="Side lunge",
    purpose="Move sideways.",
    steps=("Step.",),
    stop_if="Pain.",
    illustration="ex-side.svg",
    reps=5,
    seconds_per_rep=3,
    sets=2,
    prep_seconds=3,
    rest_seconds=8,
)


def routine(*exercises: Exercise) -> Routine:
    return Routine("r", "R", "", exercises)


def kinds(timeline: RoutineTimeline) -> list[tuple[StepKind, Side | None, float]]:
    return [(s.kind, s.side, s.duration_s) for s in timeline.steps]


def test_timeline_sequence_prep_sides_switch_rest_sets_and_total() -> None:
    t = RoutineTimeline(routine(WALK, HOLD_SIDES, REPS))
    assert kinds(t) == [
        (StepKind.WALK, None, 60),
        (StepKind.REST, None, 5),
        (StepKind.PREPARE, None, 5),
        (StepKind.HOLD, Side.LEFT, 20),
        (StepKind.SWITCH_SIDES, Side.RIGHT, 4),
        (StepKind.HOLD, Side.RIGHT, 20),
        (StepKind.REST, None, 10),
        (StepKind.PREPARE, None, 3),
        (StepKind.REPS, None, 15),
        (StepKind.REST, None, 8),
        (StepKind.REPS, None, 15),
    ]
    assert t.total_s == 60 + 5 + 5 + 20 + 4 + 20 + 10 + 3 + 15 + 8 + 15
    assert [s.start_s for s in t.steps[:3]] == [0, 60, 65]
    assert t.exercise_starts() == [0, 65, 124]
    assert t.steps[-1].set_number == 2
    # no rest after the last exercise
    assert t.steps[-1].kind is StepKind.REPS


def test_announcements_ticks_switch_and_done() -> None:
    t = RoutineTimeline(routine(HOLD_SIDES))
    hold_left = t.steps[1]
    at = {(e.at_s, type(e.event).__name__) for e in t.events}
    assert (hold_left.start_s, "StepStarted") in at
    for n in (3, 2, 1):
        assert (hold_left.end_s - n, "Countdown") in at
    switches = [e for e in t.events if isinstance(e.event, SwitchSides)]
    assert [(e.at_s, e.event.to_side) for e in switches] == [(25, Side.RIGHT)]
    assert isinstance(t.events[-1].event, RoutineFinished)
    assert t.events[-1].at_s == t.total_s == 49


def test_step_at_and_walk_seconds() -> None:
    t = RoutineTimeline(routine(WALK, HOLD_SIDES))
    assert t.step_at(0).kind is StepKind.WALK  # type: ignore[union-attr]
    assert t.step_at(60).kind is StepKind.REST  # type: ignore[union-attr]
    assert t.step_at(t.total_s) is None
    assert t.walk_seconds_between(30, 200) == 30
    assert t.walk_seconds_between(0, 10) == 10


def test_empty_routine_has_only_finish() -> None:
    t = RoutineTimeline(routine())
    assert t.total_s == 0
    assert [type(e.event) for e in t.events] == [RoutineFinished]


def test_editing_a_default_makes_a_copy() -> None:
    default = replace(routine(WALK), id="warm-up", name="Warm-up", is_default=True)
    copy = editable(default, {"warm-up", "warm-up-copy"})
    assert copy.id == "warm-up-copy-2"
    assert copy.name == "Warm-up (copy)"
    assert not copy.is_default
    assert default.is_default and default.id == "warm-up"
    mine = editable_copy(copy, {"warm-up"}, name="Mine")
    assert mine.id == "warm-up-copy" and mine.name == "Mine"
    assert editable(mine, set()) is mine


# -- player ---------------------------------------------------------------------------


def play(*exercises: Exercise) -> tuple[RoutinePlayer, FakeClock]:
    clock = FakeClock()
    return RoutinePlayer(RoutineTimeline(routine(*exercises)), clock), clock


def test_player_runs_the_routine_with_ticks_switch_and_finish() -> None:
    player, clock = play(HOLD_SIDES)
    assert player.tick() == []  # not started
    first = player.start()
    assert [type(e) for e in first] == [StepStarted]
    assert player.current_step.kind is StepKind.PREPARE  # type: ignore[union-attr]
    assert player.next_step.side is Side.LEFT  # type: ignore[union-attr]
    clock.advance(2)
    assert [e.seconds_left for e in player.tick() if isinstance(e, Countdown)] == [3]
    clock.advance(1)
    assert [e.seconds_left for e in player.tick() if isinstance(e, Countdown)] == [2]
    clock.advance(2)
    events = player.tick()
    assert [type(e) for e in events] == [Countdown, StepStarted]
    assert player.step_remaining_s == 20
    assert player.remaining_s == 44
    clock.advance(20)
    events = player.tick()
    assert any(isinstance(e, SwitchSides) and e.to_side is Side.RIGHT for e in events)
    clock.advance(24)
    events = player.tick()
    assert isinstance(events[-1], RoutineFinished)
    assert player.finished and player.current_step is None and player.remaining_s == 0
    clock.advance(5)
    assert player.tick() == []


def test_pause_stops_time() -> None:
    player, clock = play(HOLD_SIDES)
    player.start()
    clock.advance(3)
    player.pause()
    assert player.paused
    clock.advance(100)
    assert player.tick() == []
    assert player.position_s == 3
    player.resume()
    clock.advance(1)
    player.tick()
    assert player.position_s == 4


def test_skip_and_back_move_by_exercise() -> None:
    player, clock = play(WALK, HOLD_SIDES, REPS)
    player.start()
    clock.advance(10)
    events = player.skip()
    assert player.position_s == 65
    assert [type(e) for e in events] == [StepStarted]
    clock.advance(1)
    player.back()  # just started: previous exercise
    assert player.position_s == 0
    clock.advance(10)
    player.back()  # well into it: restart it
    assert player.position_s == 0
    player.skip()
    player.skip()
    assert player.position_s == 124
    assert isinstance(player.skip()[-1], RoutineFinished)
    assert player.finished


def test_back_restarts_current_exercise_after_a_while() -> None:
    player, clock = play(WALK, HOLD_SIDES)
    player.start()
    player.skip()
    clock.advance(10)
    player.back()
    assert player.position_s == 65


def test_long_stall_drops_stale_ticks() -> None:
    player, clock = play(HOLD_SIDES, REPS)
    player.start()
    clock.advance(40)
    events = player.tick()
    assert not any(isinstance(e, Countdown) for e in events)
    assert sum(isinstance(e, StepStarted) for e in events) == 1


@pytest.mark.parametrize("step", [0.05, 0.1, 0.25, 1.0])
def test_every_event_once_whatever_the_tick_rate(step: float) -> None:
    player, clock = play(WALK, HOLD_SIDES, REPS)
    events = player.start()
    while not player.finished:
        clock.advance(step)
        events += player.tick()
    expected = [e.event for e in player.timeline.events]
    assert events == expected


def test_next_exercise() -> None:
    player, _ = play(WALK, HOLD_SIDES)
    player.start()
    assert player.next_exercise == HOLD_SIDES
    player.skip()
    assert player.next_exercise is None
    player.skip()
    assert player.next_exercise is None and player.finished


def test_pause_returns_what_was_due() -> None:
    player, clock = play(HOLD_SIDES)
    player.start()
    for _ in range(4):
        clock.advance(1)
        player.tick()
    clock.advance(1)
    assert [type(e) for e in player.pause()] == [StepStarted]
    assert player.paused


EXERCISES = st.builds(
    Exercise,
    name=st.just("E"),
    purpose=st.just("p"),
    steps=st.just(("s",)),
    stop_if=st.just("x"),
    illustration=st.just("e.svg"),
    sides=st.sampled_from(Sides),
    hold_seconds=st.one_of(st.none(), st.integers(5, 300)),
    reps=st.just(3),
    seconds_per_rep=st.integers(1, 30),
    sets=st.integers(1, 10),
    prep_seconds=st.integers(0, 120),
    rest_seconds=st.integers(0, 300),
    switch_seconds=st.integers(0, 60),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(EXERCISES, max_size=6))
def test_timeline_is_contiguous_and_announces_in_order(exercises: list[Exercise]) -> None:
    t = RoutineTimeline(routine(*exercises))
    assert t.total_s == sum(s.duration_s for s in t.steps)
    for before, after in itertools.pairwise(t.steps):
        assert before.end_s == after.start_s
    times = [e.at_s for e in t.events]
    assert times == sorted(times)
    switches = sum(isinstance(e.event, SwitchSides) for e in t.events)
    assert switches == sum(
        ex.sets for ex in exercises if ex.sides is Sides.LEFT_RIGHT and ex.switch_seconds > 0
    )
    work = sum(
        ex.work_seconds * ex.sets * (2 if ex.sides is Sides.LEFT_RIGHT else 1) for ex in exercises
    )
    assert sum(s.duration_s for s in t.steps if s.kind in (StepKind.HOLD, StepKind.REPS)) == work
