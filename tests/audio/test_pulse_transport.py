"""End to end: the transport hands the one sound from owner to owner on a real PulseAudio sink.

test_transport.py proves ownership on the FakeBackend; here the same hand-over plays into a
real null sink and we record its monitor: each owner's steps keep their exact spacing, the
first owner hears that its sound was taken, and nothing of the first program sounds after it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from pulse_server import PulseServer, find_onsets

from coach.audio.engine import create_engine
from coach.audio.programs.metronome import steady_program
from coach.audio.programs.model import SoundSettings
from coach.audio.transport import EndReason, Transport

pytestmark = pytest.mark.audio_server

FS = 48_000
SAME_SOUND = SoundSettings(left_sound="click", right_sound="click", count_in=0)


@dataclass
class Owner:
    """A PlaybackListener that writes down the beats and the end its owner was told of."""

    beats: list[int] = field(default_factory=list)
    ended: list[EndReason] = field(default_factory=list)

    def on_beat(self, index: int, foot: str) -> None:
        self.beats.append(index)

    def on_position(self, elapsed_s: float) -> None:
        pass

    def on_tempo(self, spm: float) -> None:
        pass

    def on_sound_changed(self, on: bool) -> None:
        pass

    def on_sound_lost(self, message: str) -> None:
        raise AssertionError(f"the sound was lost: {message}")

    def on_notice(self, text: str) -> None:
        pass

    def on_ended(self, walked_s: float, reason: EndReason) -> None:
        self.ended.append(reason)


def poll_for(transport: Transport, seconds: float, *, until_idle: bool = False) -> None:
    """Poll the way the GUI timer does, every 20 ms (or only until the transport is idle)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.02)
        if not transport.poll() and until_idle:
            return


def test_a_second_owner_takes_the_real_sound_and_each_keeps_its_exact_beat(
    pulse: PulseServer, tmp_path: Path
) -> None:
    engine = create_engine("default")
    transport = Transport(time.monotonic, engine.status, engine)
    recording = pulse.record("coach_test", tmp_path / "handover.raw")
    time.sleep(0.2)
    metronome, stretches = Owner(), Owner()
    try:
        first = transport.start(steady_program(120, FS, SAME_SOUND), "metronome", metronome)
        poll_for(transport, 2.0)
        second = transport.start(steady_program(100, FS, SAME_SOUND), "stretches", stretches)
        assert metronome.ended == [EndReason.TAKEN] and not first.active
        assert first.stop() is False  # the stale handle cannot stop the new owner
        poll_for(transport, 2.5)
        assert second.stop() is True
        poll_for(transport, 5.0, until_idle=True)  # the fade is heard, then the device goes
        assert not transport.busy and not engine.is_playing()
    finally:
        transport.close()
        engine.close()
        audio = recording.stop()
    assert stretches.ended == [EndReason.STOPPED]
    mono = np.abs(audio).max(axis=1)
    onsets = find_onsets(mono, threshold=0.1 * float(mono.max()), gap=2400)
    gaps = np.diff(onsets)
    # 120 steps/min is 24,000 samples a step, 100 is 28,800: every gap is one or the other,
    # sample for sample, except the one hand-over gap, which may not be shorter than a step
    # of the first (no double click when the sound changes hands).
    before = 24_000
    after = 28_800
    handover = [i for i, gap in enumerate(gaps) if gap not in (before, after)]
    assert len(handover) <= 1, gaps
    assert all(gap >= before for gap in gaps), gaps
    split = handover[0] if handover else int(np.argmax(gaps != before))
    assert set(gaps[:split]) == {before} and len(gaps[:split]) >= 3, gaps
    assert set(gaps[split + 1 :]) == {after} and len(gaps[split + 1 :]) >= 3, gaps
    # Each owner was told exactly the beats it played.
    assert len(metronome.beats) == split + 1
    assert len(stretches.beats) == len(onsets) - split - 1
