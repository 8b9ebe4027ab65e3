"""End to end: the engine plays into a real PulseAudio null sink; we record its monitor."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from pulse_server import SPARE_SINK, PulseServer, find_onsets

from coach.audio.engine import create_engine, probe_audio
from coach.audio.playback import AudioEngine
from coach.audio.programs.beats import Foot
from coach.audio.programs.metronome import steady_program
from coach.audio.programs.model import ClickProgram, SoundSettings
from coach.audio.renderer import Renderer

pytestmark = pytest.mark.audio_server

FS = 48_000
WINDOW = 960  # 20 ms after an onset, to tell which channel a step is on


def play_for(engine: AudioEngine, seconds: float) -> None:
    """Let the stream run, polling health the way the GUI timer does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.1)
        health = engine.check_health(time.monotonic())
        assert health.audio_ok, health.message


def onsets_and_sides(audio: np.ndarray) -> tuple[np.ndarray, list[str]]:
    mono = np.abs(audio).max(axis=1)
    onsets = find_onsets(mono, threshold=0.1 * float(mono.max()), gap=2400)
    sides = []
    for at in onsets:
        left, right = (np.abs(audio[at : at + WINDOW]) ** 2).sum(axis=0)
        sides.append("L" if left > 100 * right else "R" if right > 100 * left else "?")
    return onsets, sides


def test_probe_sees_the_null_sink(pulse: PulseServer) -> None:
    status = probe_audio()
    assert status.available, status.reason
    assert "default" in status.devices
    assert SPARE_SINK in status.devices


def test_steps_arrive_sample_exact_and_left_right_apart(pulse: PulseServer, tmp_path: Path) -> None:
    settings = SoundSettings(left_sound="woodblock", right_sound="click", pan=True)
    program = steady_program(113, FS, settings)
    engine = create_engine("default")
    recording = pulse.record("coach_test", tmp_path / "steps.raw")
    time.sleep(0.2)
    try:
        assert engine.play(Renderer(program))
        play_for(engine, 1.5)
        # The sample heard now is behind the one being rendered by about the latency.
        lag = engine.position() - engine.audible_position(time.monotonic())
        assert 0.02 * FS < lag < 0.8 * FS
        faster = program.with_tempo(engine.safe_change_sample(), 137)
        engine.replace_source(Renderer(faster))
        play_for(engine, 1.5)
        at = engine.safe_change_sample()
        final: ClickProgram = faster.with_stop(at)
        engine.stop(Renderer(final), end_sample=at + final.fade_samples)
        play_for(engine, 0.5)
        assert not engine.is_playing()
        assert engine.underflows == 0
    finally:
        engine.close()
        audio = recording.stop()
    onsets, sides = onsets_and_sides(audio)
    beats = final.beats_between(0, at)
    assert len(onsets) == len(beats) >= 6
    # Each recorded onset minus its beat's sample is one constant per foot sound (the
    # recording's start plus that sound's attack): then every spacing is exact.
    lags = {Foot.LEFT: set(), Foot.RIGHT: set()}
    for onset, beat in zip(onsets, beats, strict=True):
        lags[beat.foot].add(int(onset) - beat.sample)
    for foot, values in lags.items():
        assert max(values) - min(values) <= 1, (foot, values)
    assert sides == ["L" if b.foot is Foot.LEFT else "R" for b in beats]
    gaps = np.diff(onsets)
    assert gaps[-1] < gaps[0] - 1000  # the change to 137 steps/min was heard


def test_a_stalled_device_is_reported_within_two_seconds_and_reopens(pulse: PulseServer) -> None:
    module = pulse.load_sink(SPARE_SINK)
    engine = create_engine(SPARE_SINK)
    try:
        assert engine.status.available and SPARE_SINK in engine.status.devices
        assert engine.play(Renderer(steady_program(100, FS)))
        play_for(engine, 0.6)
        pulse.pactl("suspend-sink", SPARE_SINK, "1")  # the device stops taking audio
        lost = time.monotonic()
        while engine.check_health(time.monotonic()).audio_ok:
            assert time.monotonic() - lost < 2.0, "the lost device went unnoticed"
            time.sleep(0.1)
        health = engine.check_health(time.monotonic())
        assert not health.playing
        assert SPARE_SINK in health.message
        assert engine.reopen("default").available
        assert engine.play(Renderer(steady_program(100, FS)), start_sample=FS * 5)
        before = engine.position()
        play_for(engine, 0.5)
        assert engine.position() > before
    finally:
        engine.close()
        pulse.pactl("unload-module", str(module))
