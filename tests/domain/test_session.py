from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntryError
from coach.domain.plans import Cadence, Phase, PhaseKind, PhaseTempo, SessionPlan
from coach.domain.routines import Exercise, ExerciseKind, Routine, StepStarted
from coach.domain.session import (
    Halfway,
    HoldReason,
    LastMinute,
    PhaseStarted,
    RoutineCue,
    SessionEnded,
    SessionState,
    WalkSession,
    hold_reasons,
)
from coach.domain.walks import WalkKind

T = Cadence.parse("target")
WARM = Phase(PhaseKind.WARM_UP, "Warm-up", 120, Cadence.parse("target-20"), T)
MAIN = Phase(PhaseKind.MAIN, "Walk", 240, T, T)
COOL = Phase(PhaseKind.COOL_DOWN, "Cool-down", 120, T, Cadence.parse("target-20"))
STRETCH = Phase(PhaseKind.STRETCHES, "Stretches", routine_id="r")
PLAN = SessionPlan("p8", "Eight minutes", "", (WARM, MAIN, COOL))
ROUTINE = Routine(
    "r",
    "R",
    "",
    (
        Exercise(
            "Walk",
            "p",
            ("s",),
            "x",
            "a.svg",
            ExerciseKind.WALK,
            duration_seconds=30,
            cadence_spm=90,
            prep_seconds=0,
            rest_seconds=0,
        ),
        Exercise("Hold", "p", ("s",), "x", "b.svg", hold_seconds=20, prep_seconds=5),
    ),
)


def make(plan: SessionPlan = PLAN, **kw: object) -> tuple[WalkSession, FakeClock]:
    clock = FakeClock()
    return WalkSession(plan, 110, clock, **kw), clock  # type: ignore[arg-type]


def run(session: WalkSession, clock: FakeClock, seconds: float, step: float = 1.0) -> list[object]:
    events: list[object] = []
    while seconds > 1e-9:
        dt = min(step, seconds)
        clock.advance(dt)
        events += session.tick()
        seconds -= dt
    return events


def test_ready_session_reports_nothing_and_summary_is_empty() -> None:
    s, _ = make()
    assert s.state is SessionState.READY
    assert s.tick() == []
    assert s.target_cadence_spm is None
    assert s.remaining_s == 480
    summary = s.summary()
    assert summary.walked_s == 0 and summary.started_at is None
    assert summary.to_walk_record() is None


def test_full_run_phases_in_order_with_halfway_last_minute_and_end() -> None:
    s, clock = make()
    events = s.start()
    assert events == [PhaseStarted(0, s.phases[0])]
    assert s.state is SessionState.RUNNING
    assert s.current_phase.kind is PhaseKind.WARM_UP  # type: ignore[union-attr]
    assert s.next_phase.kind is PhaseKind.MAIN  # type: ignore[union-attr]
    assert s.target_cadence_spm == 90
    run(s, clock, 60)
    assert s.target_cadence_spm == 100
    assert s.phase_remaining_s == 60 and s.remaining_s == 420
    events = run(s, clock, 60)
    assert events == [PhaseStarted(1, s.phases[1])]
    assert s.target_cadence_spm == 110
    events = run(s, clock, 120)
    assert events == [Halfway()]
    events = run(s, clock, 120)
    assert [type(e) for e in events] == [PhaseStarted]
    events = run(s, clock, 60)
    assert events == [LastMinute()]
    assert s.target_cadence_spm == 100
    events = run(s, clock, 60)
    assert [type(e) for e in events] == [SessionEnded]
    assert s.state is SessionState.FINISHED
    assert s.current_phase is None and s.next_phase is None and s.remaining_s == 0
    summary = events[0].summary  # type: ignore[attr-defined]
    assert summary.completed and summary.walked_s == 480 and summary.walked_minutes == 8
    assert summary.phases_done == 3 and summary.main_cadence_spm == 110
    run(s, clock, 10)
    assert s.walked_s == 480


def test_one_huge_tick_crosses_everything_in_order() -> None:
    s, clock = make()
    s.start()
    clock.advance(10_000)
    events = s.tick()
    assert [type(e) for e in events] == [PhaseStarted, PhaseStarted, SessionEnded]
    assert s.walked_s == 480


def test_pause_does_not_count_and_resume_continues() -> None:
    s, clock = make()
    s.start()
    run(s, clock, 30)
    s.pause()
    assert s.state is SessionState.PAUSED
    clock.advance(600)
    assert s.tick() == []
    assert s.walked_s == 30 and s.elapsed_s == 30
    assert s.target_cadence_spm == 95  # still shown while paused
    s.resume()
    assert s.state is SessionState.RUNNING
    run(s, clock, 10)
    assert s.walked_s == 40
    assert s.toggle_pause() == [] and s.state is SessionState.PAUSED
    s.toggle_pause()
    assert s.state is SessionState.RUNNING


def test_skip_phase_shortens_the_session() -> None:
    s, clock = make()
    s.start()
    run(s, clock, 30)
    events = s.skip_phase()
    assert events == [PhaseStarted(1, s.phases[1])]
    assert s.phases[0].duration_s == 30
    assert s.total_s == 390 and s.remaining_s == 360
    assert s.target_cadence_spm == 110
    s.skip_phase()
    events = s.skip_phase()
    assert [type(e) for e in events] == [SessionEnded]
    assert s.state is SessionState.FINISHED and s.walked_s == 30


def test_skip_can_cross_halfway() -> None:
    s, clock = make()
    s.start()
    run(s, clock, 220)  # in the main walk; halfway of 480 is 240
    events = s.skip_phase()  # the session is now 340 long: 220 is past its half
    assert events == [PhaseStarted(2, s.phases[2]), Halfway()]
    assert run(s, clock, 200).count(Halfway()) == 0


def test_halfway_after_skips_uses_the_new_length() -> None:
    s, clock = make()
    s.start()
    run(s, clock, 100)
    s.skip_phase()
    assert Halfway() not in s.skip_phase()  # 100 of 220
    assert run(s, clock, 10) == [Halfway()]
    assert s.elapsed_s == 110


def test_add_minute_lengthens_the_phase_and_holds_the_ramp_end() -> None:
    s, clock = make()
    s.start()
    run(s, clock, 60)
    assert s.add_minute()
    assert s.phase_remaining_s == 120 and s.total_s == 540
    run(s, clock, 60)
    assert s.target_cadence_spm == 110
    run(s, clock, 30)
    assert s.target_cadence_spm == 110
    assert s.current_phase.kind is PhaseKind.WARM_UP  # type: ignore[union-attr]


def test_add_minute_in_the_last_minute_allows_another_warning() -> None:
    s, clock = make()
    s.start()
    events = run(s, clock, 430)
    assert LastMinute() in events
    assert s.add_minute()
    events = run(s, clock, 60)
    assert events == [LastMinute()]
    events = run(s, clock, 60)
    assert [type(e) for e in events] == [SessionEnded]
    assert s.walked_s == 540


def test_early_stop_keeps_what_was_walked() -> None:
    s, clock = make()
    s.start()
    run(s, clock, 150)
    clock.advance(0.5)  # not yet ticked: stop() counts it
    events = s.stop()
    assert [type(e) for e in events] == [SessionEnded]
    summary = events[-1].summary  # type: ignore[attr-defined]
    assert summary.state is SessionState.STOPPED and not summary.completed
    assert summary.walked_s == 150.5 and summary.phases_done == 1
    assert s.current_phase is None and s.remaining_s == 0
    assert s.stop() == [] and s.skip_phase() == [] and not s.add_minute()
    record = summary.to_walk_record()
    assert record is not None and record.kind is WalkKind.GUIDED
    assert record.duration_s == 150.5 and record.cadence_spm == 110
    assert record.plan_name == "Eight minutes"
    assert record.started_at == datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def test_stop_while_paused() -> None:
    s, clock = make()
    s.start()
    run(s, clock, 20)
    s.pause()
    clock.advance(100)
    assert s.stop()[-1].summary.walked_s == 20  # type: ignore[union-attr]


def test_summary_any_moment_does_not_steal_events() -> None:
    s, clock = make()
    s.start()
    clock.advance(125)
    assert s.summary().walked_s == 0
    assert [type(e) for e in s.tick()] == [PhaseStarted]
    summary = s.summary()
    assert summary.walked_s == 125 and summary.state is SessionState.RUNNING
    assert summary.phases_done == 1


def test_stretch_phase_plays_the_routine_and_only_its_walk_counts() -> None:
    plan = SessionPlan("p", "P", "", (STRETCH, MAIN))
    s, clock = make(plan, routines={"r": ROUTINE})
    events = s.start()
    assert isinstance(events[0], PhaseStarted)
    assert isinstance(events[1], RoutineCue) and isinstance(events[1].event, StepStarted)
    assert s.target_cadence_spm == 90
    assert s.current_routine_step.exercise.name == "Walk"  # type: ignore[union-attr]
    assert not s.add_minute()
    events = run(s, clock, 30)
    assert any(isinstance(e, RoutineCue) for e in events)
    assert s.target_cadence_spm is None  # preparing a stretch: no metronome
    run(s, clock, 25)
    assert s.current_phase.kind is PhaseKind.MAIN  # type: ignore[union-attr]
    assert s.current_routine_step is None
    assert s.walked_s == 30
    run(s, clock, 240)
    assert s.walked_s == 270 and s.state is SessionState.FINISHED


def test_unknown_routine_leaves_the_plan_without_stretches() -> None:
    plan = SessionPlan("p", "P", "", (STRETCH, MAIN))
    s, _ = make(plan)
    assert [p.kind for p in s.phases] == [PhaseKind.MAIN]


def test_empty_plan_ends_at_once() -> None:
    s, _ = make(SessionPlan("e", "E", "", ()))
    assert [type(e) for e in s.start()] == [SessionEnded]
    assert s.start() == []


@pytest.mark.parametrize(
    ("before", "after", "legs", "reasons"),
    [
        # Pain may rise a little: up to 5/10 is fine (the pain-monitoring model).
        (3, 5, False, ()),
        (1, 5, False, ()),
        (3, 6, False, (HoldReason.PAIN_ABOVE_LIMIT,)),
        (7, 7, False, ()),  # above 5 but not risen: the walk did not make it worse
        (3, 1, True, (HoldReason.NEW_LEG_SYMPTOMS,)),
        (0, 10, True, (HoldReason.PAIN_ABOVE_LIMIT, HoldReason.NEW_LEG_SYMPTOMS)),
        (None, 9, False, (HoldReason.PAIN_ABOVE_LIMIT,)),
        (4, None, False, ()),
    ],
)
def test_hold_rule(
    before: int | None, after: int | None, legs: bool, reasons: tuple[HoldReason, ...]
) -> None:
    assert hold_reasons(before, after, legs) == reasons


def test_the_next_morning_answer_holds_when_pain_has_not_settled() -> None:
    assert hold_reasons(3, 4, False, settled_next_morning=False) == (HoldReason.NOT_SETTLED,)
    assert hold_reasons(3, 4, False, settled_next_morning=True) == ()


def test_finish_applies_the_hold_rule() -> None:
    s, clock = make(pain_before=2)
    s.start()
    run(s, clock, 480)
    result = s.finish(pain_after=6)
    assert result.holds and result.hold == (HoldReason.PAIN_ABOVE_LIMIT,)
    assert result.summary.completed and result.pain_before == 2 and result.pain_after == 6
    assert not s.finish(pain_after=5).holds
    with pytest.raises(PainEntryError):
        s.finish(pain_after=11)
    with pytest.raises(PainEntryError):
        make(pain_before=-1)


def test_tempo_from_now_follows_skips_and_added_time() -> None:
    s, clock = make()
    s.start()
    assert s.tempo_from_now() == PLAN.tempo_phases(110)
    run(s, clock, 60)
    assert s.tempo_from_now()[0] == PhaseTempo(60, 100, 110, "Warm-up")
    s.add_minute()
    assert s.tempo_from_now()[:2] == [
        PhaseTempo(60, 100, 110, "Warm-up"),
        PhaseTempo(60, 110, 110, "Warm-up"),
    ]
    s.skip_phase()
    tempo = s.tempo_from_now()
    assert tempo[0] == PhaseTempo(240, 110, 110, "Walk") and len(tempo) == 2
    assert sum(t.duration_s for t in tempo) == s.remaining_s
    s.stop()
    assert s.tempo_from_now() == []


def test_tempo_from_now_inside_the_stretches() -> None:
    plan = SessionPlan("p", "P", "", (STRETCH, MAIN))
    s, clock = make(plan, routines={"r": ROUTINE})
    s.start()
    run(s, clock, 10)
    tempo = s.tempo_from_now()
    assert tempo[0] == PhaseTempo(20, 90, 90, "Stretches: Walk")
    assert tempo[1].start_spm is None and tempo[-1] == PhaseTempo(240, 110, 110, "Walk")
    assert sum(t.duration_s for t in tempo) == s.remaining_s


ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), st.floats(0, 200)),
        st.tuples(
            st.sampled_from(["pause", "resume", "skip", "add", "stop", "toggle", "next", "back"]),
            st.just(0.0),
        ),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(ACTIONS)
def test_any_sequence_keeps_the_books_straight(actions: list[tuple[str, float]]) -> None:
    plan = SessionPlan("p", "P", "", (STRETCH, WARM, MAIN, COOL))
    s, clock = make(plan, routines={"r": ROUTINE})
    events: list[object] = s.start()
    walked = 0.0
    for name, dt in actions:
        clock.advance(dt)
        if name == "tick":
            events += s.tick()
        elif name == "pause":
            events += s.pause()
        elif name == "resume":
            s.resume()
        elif name == "skip":
            events += s.skip_phase()
        elif name == "add":
            s.add_minute()
        elif name == "toggle":
            events += s.toggle_pause()
        elif name == "next":
            events += s.skip_exercise()
        elif name == "back":
            events += s.back_exercise()
        else:
            events += s.stop()
        assert s.walked_s >= walked - 1e-9
        walked = s.walked_s
        assert s.walked_s <= s.elapsed_s + 1e-9
        if s.state in (SessionState.RUNNING, SessionState.PAUSED):
            assert abs(s.elapsed_s + s.remaining_s - s.total_s) < 1e-6
            assert s.current_phase is not None and s.phase_remaining_s >= 0
    ends = [e for e in events if isinstance(e, SessionEnded)]
    assert len(ends) == (s.state in (SessionState.FINISHED, SessionState.STOPPED))
    assert events.count(Halfway()) <= 1
    assert [e.index for e in events if isinstance(e, PhaseStarted)] == sorted(
        {e.index for e in events if isinstance(e, PhaseStarted)}
    )
    assert s.summary().walked_s == s.walked_s


def test_no_cadence_while_getting_ready_for_a_routine_walk() -> None:
    walk = ROUTINE.exercises[0]
    ready_first = Routine("r", "R", "", (replace(walk, prep_seconds=5),))
    s, clock = make(SessionPlan("p", "P", "", (STRETCH, MAIN)), routines={"r": ready_first})
    s.start()
    assert s.target_cadence_spm is None
    run(s, clock, 5)
    assert s.target_cadence_spm == 90


def test_add_minute_between_ticks_loses_no_event() -> None:
    s, clock = make()
    s.start()
    run(s, clock, 100)
    clock.advance(30)  # the warm-up would have ended 10 s ago
    assert s.add_minute()
    assert s.tick() == []
    assert s.current_phase.kind is PhaseKind.WARM_UP  # type: ignore[union-attr]
    assert s.phase_remaining_s == 50


def test_skip_and_back_between_exercises_inside_the_stretches() -> None:
    plan = SessionPlan("p", "P", "", (STRETCH, MAIN))
    s, clock = make(plan, routines={"r": ROUTINE})
    s.start()
    assert s.total_s == 55 + 240
    run(s, clock, 10)
    events = s.skip_exercise()
    assert [type(e) for e in events] == [RoutineCue]
    assert s.current_routine_step.exercise.name == "Hold"  # type: ignore[union-attr]
    assert s.routine_position_s == 30 and s.phase_elapsed_s == 10
    assert s.total_s == 275 and s.remaining_s == 265 and s.walked_s == 10
    run(s, clock, 1)
    s.back_exercise()  # just begun: back to the walk
    assert s.routine_position_s == 0 and s.total_s == 11 + 55 + 240
    assert s.target_cadence_spm == 90
    run(s, clock, 12)
    s.back_exercise()  # well into it: restart the walk
    assert s.routine_position_s == 0
    assert s.walked_s == 22  # the walk done twice counts twice
    s.skip_exercise()
    events = s.skip_exercise()  # past the last exercise: the next phase
    assert events == [PhaseStarted(1, s.phases[1])]
    assert s.phases[0].duration_s == s.elapsed_s
    assert s.skip_exercise() == [] and s.back_exercise() == []  # walking phases have none
    run(s, clock, 240)
    assert s.state is SessionState.FINISHED
