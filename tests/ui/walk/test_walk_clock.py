"""One clock for a walk: the player's phase changes land on the audio block of their chime.

The walk plays through the real MetronomeController and AudioEngine into the FakeBackend; the
test renders one block per display frame, so "the same block" is exact: each phase change on
the screen happens in the frame whose newly heard samples contain the chime.
"""

from __future__ import annotations

import pytest
from metronome_support import BLOCK, FS, READY, fake_engine
from pytestqt.qtbot import QtBot

from coach.audio.backend import FakeBackend
from coach.audio.programs.model import ChimeKind
from coach.domain.clock import FakeClock
from coach.domain.cues import CueSchedule
from coach.domain.plan_files.loading import load_default_cues
from coach.domain.plans import Cadence, Phase, PhaseKind, SessionPlan
from coach.domain.session import WalkSession
from coach.storage.database import Store
from coach.ui.bootstrap import build_services
from coach.ui.services import AppServices
from coach.ui.walk.player import WalkPlayer

PLAN = SessionPlan(
    "clock-test",
    "Clock test",
    "",
    (
        Phase(PhaseKind.WARM_UP, "Easy start", 20, Cadence(90), Cadence(100)),
        Phase(PhaseKind.MAIN, "Main walk", 31, Cadence(105)),
        Phase(PhaseKind.COOL_DOWN, "Cool-down", 17, Cadence(100), Cadence(90)),
    ),
)
SLACK = 1e-3
"""Samples: float noise of the audible position, far below one sample."""
Frame = tuple[float, float, int]  # samples heard before the frame, after it, phase shown


def play(services: AppServices, clock: FakeClock, backend: FakeBackend | None) -> list[Frame]:
    """Walk the plan to its end, one audio block per display frame."""
    player = WalkPlayer(services)
    player.clock.restart()
    session = WalkSession(PLAN, 105.0, player.clock)
    player.begin(session, CueSchedule(load_default_cues(), 600.0))
    controller = services.metronome
    offset = (backend.clock - clock.monotonic()) if backend else 0.0
    next_block = backend.clock if backend else 0.0
    frames: list[Frame] = []
    heard = 0.0
    while player.running and len(frames) < 10 * 70 * FS // BLOCK:
        clock.advance(BLOCK / FS)
        if backend is not None:
            now = clock.monotonic() + offset
            while next_block <= now:
                backend.clock = next_block
                backend.run_blocks(1, keep=False)
                next_block += BLOCK / FS
            backend.clock = now
        controller.poll()  # the display frame: lights the beat and ticks the player
        after = controller.program_seconds * FS
        frames.append((heard, after, session.phase_index))
        heard = after
    assert not player.running and session.summary().completed
    return frames


def flips(frames: list[Frame]) -> list[tuple[float, float]]:
    """The heard-sample window of each frame in which the phase on screen changed."""
    return [(b, a) for (b, a, i), (_, _, j) in zip(frames[1:], frames, strict=False) if i != j]


@pytest.mark.parametrize("with_sound", [True, False])
def test_phase_changes_land_on_the_block_of_their_chime(
    qtbot: QtBot, store: Store, clock: FakeClock, with_sound: bool
) -> None:
    backend = FakeBackend(latency=0.1) if with_sound else None
    engine = fake_engine(clock, backend) if backend else None
    services = build_services(store, READY, clock, engine=engine)
    controller = services.metronome
    programs = []
    controller.started.connect(lambda: programs.append(controller.program))
    frames = play(services, clock, backend)
    assert controller.sound_on is False  # stopped at the end
    (program,) = programs  # one program for the whole walk: nothing was rebuilt
    chimes = [c.sample for c in program.chimes if c.kind in (ChimeKind.PHASE_CHANGE, ChimeKind.END)]
    assert len(chimes) == len(PLAN.phases)  # two phase changes and the end
    windows = flips(frames)
    assert len(windows) == len(chimes)
    for (before, after), chime in zip(windows, chimes, strict=True):
        # The audio clock's float arithmetic can land a hair short of a whole sample (the
        # controller allows the same slack when it lights a beat).
        assert before < chime <= after + SLACK, (before, chime, after)
        assert after - before <= BLOCK + 1  # one block heard per frame
