"""MetronomeController on the FakeBackend and a fake monotonic clock: no real seconds pass."""

from __future__ import annotations

import itertools

import pytest
from metronome_support import FS, READY, fake_engine, run_for
from pytestqt.qtbot import QtBot

from coach.audio.backend import FakeBackend
from coach.audio.playback import LEAD_IN
from coach.audio.programs.model import ChimeKind
from coach.audio.transport import EndReason
from coach.domain.clock import FakeClock
from coach.storage.database import Store
from coach.ui.bootstrap import build_services
from coach.ui.services import AppServices

SPM = 120  # one step every 0.5 s = 24 000 samples


@pytest.fixture(autouse=True)
def _qt(qapp: object) -> None:
    """The controller's timers need the application object."""


@pytest.fixture
def backend() -> FakeBackend:
    """A fake sound card with 100 ms of output latency."""
    return FakeBackend(latency=0.1)


@pytest.fixture
def audio_services(store: Store, clock: FakeClock, backend: FakeBackend) -> AppServices:
    """Services whose metronome plays through the fake backend."""
    return build_services(store, READY, clock, engine=fake_engine(clock, backend))


def _heard_at(t: float, offset_ms: int, latency: float = 0.1) -> float:
    """The sample the listener hears at monotonic t (play started at t=0, after the lead-in)."""
    return (t - latency) * FS - LEAD_IN - offset_ms / 1000 * FS


@pytest.mark.parametrize("offset_ms", [0, 200])
def test_beats_light_when_heard_with_the_offset(
    audio_services: AppServices, clock: FakeClock, backend: FakeBackend, offset_ms: int
) -> None:
    audio_services.preferences.set("av_offset_ms", offset_ms)
    controller = audio_services.metronome
    program = controller.steady(SPM)
    controller.start(program)
    assert controller.sound_on
    seen = run_for(6.0, clock, backend, controller)
    beats = {b.index: b.sample for b in program.beats_between(0, 6 * FS)}
    assert [index for index, _, _ in seen] == list(range(-4, len(seen) - 4))
    assert len(seen) >= 10
    frame = 1 / 240
    for index, foot, t in seen:
        # Emitted on the first frame at which the beat is heard (offset applied), not before.
        assert _heard_at(t, offset_ms) >= beats[index] - 1e-3
        assert _heard_at(t - frame, offset_ms) < beats[index] - 1e-3
        assert foot == ("" if index < 0 else "left" if index % 2 == 0 else "right")


def test_tempo_change_keeps_every_beat(
    audio_services: AppServices, clock: FakeClock, backend: FakeBackend
) -> None:
    controller = audio_services.metronome
    walk = controller.start(controller.steady(SPM))
    first = run_for(3.0, clock, backend, controller)
    walk.set_tempo(100)
    second = run_for(4.0, clock, backend, controller)
    indices = [i for i, _, _ in first + second]
    assert indices == list(range(indices[0], indices[0] + len(indices)))
    assert controller.tempo() == 100
    gaps = [b[2] - a[2] for a, b in itertools.pairwise(second[2:])]
    assert all(abs(gap - 0.6) < 0.01 for gap in gaps)


def test_device_vanishing_keeps_the_walk_and_reports_within_two_seconds(
    qtbot: QtBot, audio_services: AppServices, clock: FakeClock, backend: FakeBackend
) -> None:
    controller = audio_services.metronome
    problems: list[tuple[str, float]] = []
    controller.audio_problem.connect(lambda text: problems.append((text, clock.monotonic())))
    controller.start(controller.steady(SPM))
    run_for(5.0, clock, backend, controller)
    elapsed_before = controller.elapsed_s
    backend.die("stalled")  # still "active", but no block ever comes again
    gone_at = clock.monotonic()
    seen = run_for(4.0, clock, backend, controller)
    assert problems, "no message after the device vanished"
    text, when = problems[0]
    assert "no longer there" in text
    assert when - gone_at <= 2.0
    assert not controller.sound_on and controller.running
    # The walk, its timer and its beat carry on, on the screen's clock.
    assert controller.elapsed_s == pytest.approx(elapsed_before + 4.0, abs=0.2)
    assert len(seen) >= 7
    # The device comes back: Reopen sound plays again from where the walk is.
    backend._dead = ""
    status = controller.reopen()
    assert status is not None and status.available
    assert controller.sound_on
    resumed = run_for(2.0, clock, backend, controller)
    indices = [i for i, _, _ in seen + resumed]
    assert indices == list(range(indices[0], indices[0] + len(indices)))
    assert backend.rescans == 1


def test_inactive_device_reported_at_once(
    audio_services: AppServices, clock: FakeClock, backend: FakeBackend
) -> None:
    controller = audio_services.metronome
    problems: list[float] = []
    controller.audio_problem.connect(lambda _text: problems.append(clock.monotonic()))
    controller.start(controller.steady(SPM))
    run_for(1.0, clock, backend, controller)
    backend.die("inactive")
    gone_at = clock.monotonic()
    run_for(1.0, clock, backend, controller)
    assert problems and problems[0] - gone_at <= 0.25


def test_visual_only_without_an_engine(services: AppServices, clock: FakeClock) -> None:
    controller = services.metronome
    problems: list[str] = []
    controller.audio_problem.connect(problems.append)
    walk = controller.start(controller.steady(SPM))
    assert not controller.sound_on and problems
    beats: list[int] = []
    controller.beat_changed.connect(lambda index, _foot: beats.append(index))
    for _ in range(300):  # 5 s at 60 frames a second
        clock.advance(1 / 60)
        controller.poll()
    assert beats == list(range(-4, 6))
    walked: list[float] = []
    walk.ended.connect(lambda seconds, _reason: walked.append(seconds))
    assert walk.stop()
    assert walked == [pytest.approx(5.0 - 0.05 - 2.0, abs=0.02)]


def test_timed_walk_ends_with_a_chime(services: AppServices, clock: FakeClock) -> None:
    controller = services.metronome
    program = controller.steady(SPM, end_after_s=60)
    assert [c.kind for c in program.chimes] == [ChimeKind.END]
    finished: list[bool] = []
    walked: list[float] = []
    controller.finished.connect(lambda: finished.append(True))
    controller.stopped.connect(walked.append)
    controller.start(program)
    for _ in range(70 * 10):
        clock.advance(0.1)
        controller.poll()
    assert finished == [True] and not controller.running
    assert walked == [pytest.approx(60.0, abs=0.1)]


def test_underflows_become_a_calm_line(
    audio_services: AppServices, clock: FakeClock, backend: FakeBackend
) -> None:
    controller = audio_services.metronome
    notices: list[str] = []
    controller.audio_notice.connect(notices.append)
    controller.start(controller.steady(SPM))
    backend.run_blocks(1, underflow=True, keep=False)
    run_for(0.5, clock, backend, controller)
    assert notices and "short gap" in notices[0]


def test_sound_preferences_apply_live(
    audio_services: AppServices, clock: FakeClock, backend: FakeBackend
) -> None:
    controller = audio_services.metronome
    controller.start(controller.steady(SPM))
    run_for(1.0, clock, backend, controller)
    audio_services.preferences.set("volume", 0.3)
    audio_services.preferences.set("left_sound", "beep")
    assert controller.program is not None
    assert controller.program.sound.volume == 0.3 and controller.program.sound.left_sound == "beep"
    assert controller.sound_on


def test_timed_walk_lets_the_end_chime_ring_out(
    audio_services: AppServices, clock: FakeClock, backend: FakeBackend
) -> None:
    controller = audio_services.metronome
    program = controller.steady(SPM, end_after_s=3)
    controller.start(program)
    run_for(6.0, clock, backend, controller)  # count-in 2.05 s + 3 s of steps, then the end
    assert not controller.running
    engine = controller.engine
    assert engine is not None and engine.is_playing()  # still sounding the chime
    blocks = backend.run_blocks(60)  # the next 1.3 s of the stream
    # A quarter of a second on, a cut-off stop would be silent; the chime still sounds.
    assert max(float(abs(b).max()) for b in blocks[12:24]) > 0.001
    for _ in range(20):
        clock.advance(0.2)
        backend.run_blocks(10, keep=False)
        engine.check_health(clock.monotonic())
    assert not engine.is_playing()  # the device is let go once the chime was heard


def test_output_device_chosen_in_settings_is_used_next_time(
    audio_services: AppServices, clock: FakeClock, backend: FakeBackend
) -> None:
    audio_services.preferences.set("output_device", "Test speakers")
    controller = audio_services.metronome
    controller.start(controller.steady(SPM))
    assert backend.opened[-1].device == "Test speakers"


def test_plays_any_program_such_as_a_session(services: AppServices, clock: FakeClock) -> None:
    from coach.audio.programs.plan import program_for_phases
    from coach.domain.plans import PhaseTempo

    controller = services.metronome
    phases = [
        PhaseTempo(20, None, None, "stretch"),
        PhaseTempo(30, 90, 100, "warm-up"),
        PhaseTempo(30, 100, None, "walk"),
    ]
    program = program_for_phases(phases, fs=controller.sample_rate)
    beats: list[int] = []
    finished: list[bool] = []
    controller.beat_changed.connect(lambda index, _foot: beats.append(index))
    controller.finished.connect(lambda: finished.append(True))
    controller.start(program)
    for _ in range(19 * 10):
        clock.advance(0.1)
        controller.poll()
    assert beats == [] and controller.elapsed_s == 0  # stretching: no steps yet
    assert controller.program_seconds == pytest.approx(19.0, abs=0.01)
    for _ in range(70 * 10):
        clock.advance(0.1)
        controller.poll()
    assert finished == [True] and not controller.running
    assert beats == list(range(len(beats)))
    assert 95 * 0.5 + 50 - 2 <= len(beats) <= 95 * 0.5 + 50 + 2  # ramp 90->100, then 100


def test_a_handle_that_lost_the_sound_cannot_stop_the_new_owner(services: AppServices) -> None:
    controller = services.metronome
    first = controller.start(controller.steady(SPM), owner="metronome screen")
    reasons: list[EndReason] = []
    first.ended.connect(lambda _walked, reason: reasons.append(reason))
    second = controller.start(controller.steady(100), owner="stretch routine")
    assert reasons == [EndReason.TAKEN] and not first.active
    assert first.stop() is False
    first.set_tempo(140)
    assert controller.running and second.active and controller.tempo() == 100
