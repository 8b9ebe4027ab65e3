"""AudioEngine driven block by block through the FakeBackend: no sound card, no real time."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from coach.audio.backend import FakeBackend
from coach.audio.playback import LEAD_IN, STALL_S, STARTUP_GRACE_S, AudioEngine
from coach.audio.source import FloatBlock
from coach.audio.status import AudioStatus

FS = 48_000
BLOCK = 256
READY = AudioStatus(True, "Sound is ready.", ("Speakers", "USB headset"), "Speakers")


class Impulses:
    """A tiny BlockSource: a 1.0 impulse on beat k at first + k * period, alternating L/R."""

    sample_rate = FS
    channels = 2

    def __init__(self, period: int, first: int = 0) -> None:
        self.period = period
        self.first = first

    def beats(self, end: int) -> list[int]:
        return list(range(self.first, end, self.period))

    def render(self, start_sample: int, out: FloatBlock) -> None:
        out.fill(0.0)
        offset = (self.first - start_sample) % self.period
        k = (start_sample + offset - self.first) // self.period
        for at in range(offset, out.shape[0], self.period):
            if start_sample + at >= self.first:
                out[at, k % 2] = 1.0
            k += 1


class Changed(Impulses):
    """The old impulses before `change`, then a new period counted from the beat at `change`."""

    def __init__(self, old: Impulses, change: int, period: int) -> None:
        super().__init__(period, change)
        self.old = old

    def render(self, start_sample: int, out: FloatBlock) -> None:
        self.old.render(start_sample, out)
        out[max(0, self.first - start_sample) :] = 0.0
        if start_sample + out.shape[0] > self.first:
            head = max(0, self.first - start_sample)
            Impulses.render(self, start_sample + head, out[head:])


def make_engine(backend: FakeBackend, status: AudioStatus = READY, name: str = "") -> AudioEngine:
    return AudioEngine(backend, lambda: status, name, monotonic=backend.time, blocksize=BLOCK)


def joined(blocks: list[FloatBlock]) -> FloatBlock:
    return np.concatenate(blocks) if blocks else np.zeros((0, 2), np.float32)


def onsets(audio: FloatBlock, origin: int) -> list[int]:
    return [int(i) + origin for i in np.flatnonzero(np.abs(audio).max(axis=1) > 0.5)]


def test_plays_the_source_after_a_silent_lead_in_and_counts_samples() -> None:
    backend = FakeBackend()
    engine = make_engine(backend)
    source = Impulses(1000)
    assert engine.play(source)
    assert engine.position() == -LEAD_IN
    audio = joined(backend.run_blocks(40))
    assert engine.position() == -LEAD_IN + 40 * BLOCK
    expected = np.zeros((40 * BLOCK - LEAD_IN, 2), np.float32)
    source.render(0, expected)
    assert not audio[:LEAD_IN].any()
    np.testing.assert_array_equal(audio[LEAD_IN:], expected)


def test_play_from_a_later_sample_continues_the_same_timeline() -> None:
    backend = FakeBackend()
    engine = make_engine(backend)
    engine.play(Impulses(1000), start_sample=5_500)
    audio = joined(backend.run_blocks(30))
    assert onsets(audio, 5_500 - LEAD_IN) == list(range(6_000, 5_500 - LEAD_IN + 30 * BLOCK, 1000))


def test_the_state_is_read_once_per_block() -> None:
    # A swap that lands while a block renders (the GUI thread can run mid-callback) must
    # not reach that block: it is rendered wholly from the state read at its start.
    backend = FakeBackend()
    engine = make_engine(backend)
    quiet = Impulses(10**9, first=10**9)
    loud = Impulses(1)

    class SwapsWhileRendering(Impulses):
        def render(self, start_sample: int, out: FloatBlock) -> None:
            out.fill(0.0)
            engine.replace_source(loud)
            out[:] = 0.25

    engine.play(quiet)
    backend.run_blocks(LEAD_IN // BLOCK + 1)  # past the silent lead-in
    engine.replace_source(SwapsWhileRendering(1000))
    first, second = backend.run_blocks(2)
    assert (first == 0.25).all()
    assert (second == 1.0).any()
    engine.replace_source(quiet)
    assert not backend.run_blocks(1)[0].any()


@pytest.mark.parametrize("swap_after_blocks", [1, 7, 19, 20, 33])
def test_a_tempo_change_loses_and_doubles_no_beat(swap_after_blocks: int) -> None:
    backend = FakeBackend()
    engine = make_engine(backend)
    old = Impulses(777)
    engine.play(old)
    before = joined(backend.run_blocks(swap_after_blocks))
    safe = engine.safe_change_sample()
    change = next(b for b in old.beats(10**6) if b >= safe)  # first beat not yet rendered
    new = Changed(old, change, 500)
    engine.replace_source(new)
    after = joined(backend.run_blocks(60))
    heard = onsets(np.concatenate([before, after]), -LEAD_IN)
    end = -LEAD_IN + (swap_after_blocks + 60) * BLOCK
    assert heard == old.beats(change) + new.beats(end)


def test_underflows_are_counted_and_reported() -> None:
    backend = FakeBackend()
    engine = make_engine(backend)
    engine.play(Impulses(1000))
    backend.run_blocks(5)
    backend.run_blocks(3, underflow=True)
    backend.run_blocks(5)
    assert engine.underflows == 3
    health = engine.check_health(backend.time())
    assert health.playing and health.audio_ok
    assert health.underflows == 3
    assert "3 short gap" in health.message


@pytest.mark.parametrize("mode", ["inactive", "error"])
def test_a_vanished_device_stops_the_sound_and_says_so(mode: str) -> None:
    backend = FakeBackend()
    engine = make_engine(backend, name="USB headset")
    engine.play(Impulses(1000))
    backend.run_blocks(10)
    backend.die(mode)
    health = engine.check_health(backend.time())
    assert not health.playing
    assert not health.audio_ok
    assert "USB headset" in health.message or "problem" in health.message
    assert not engine.is_playing()
    assert backend.run_blocks(1) == []


def test_a_stalled_stream_is_noticed_within_two_seconds() -> None:
    backend = FakeBackend()
    engine = make_engine(backend)
    engine.play(Impulses(1000))
    backend.clock += STARTUP_GRACE_S  # past the start-up grace, audio flowing normally
    backend.run_blocks(10)
    assert engine.check_health(backend.time()).audio_ok
    backend.die("stalled")  # still 'active', but no callback ever comes again
    lost_at = backend.time()
    polls = [lost_at + 0.25 * i for i in range(1, 9)]
    first_bad = next(t for t in polls if not engine.check_health(t).audio_ok)
    assert first_bad - lost_at <= 2.0
    assert first_bad - lost_at > STALL_S - 0.25


def test_a_slow_start_is_not_taken_for_a_lost_device() -> None:
    backend = FakeBackend()
    engine = make_engine(backend)
    engine.play(Impulses(1000))
    backend.run_blocks(9)  # PortAudio primes its buffer, then the server takes its time
    for step in range(1, 8):
        assert engine.check_health(backend.time() + 0.25 * step).audio_ok


def test_reopen_rescans_and_play_resumes_on_the_timeline() -> None:
    backend = FakeBackend()
    engine = make_engine(backend)
    engine.play(Impulses(1000))
    backend.run_blocks(10)
    backend.die("inactive")
    assert not engine.check_health(backend.time()).audio_ok
    status = engine.reopen()
    assert status.available
    assert backend.rescans == 1
    assert engine.check_health(backend.time()).audio_ok
    assert engine.play(Impulses(1000), start_sample=50_000)
    audio = joined(backend.run_blocks(20))
    assert onsets(audio, 50_000 - LEAD_IN)[0] == 50_000


def test_without_audio_the_engine_is_visual_only() -> None:
    backend = FakeBackend()
    missing = AudioStatus(False, "Sound is off because the PortAudio library is missing.")
    engine = make_engine(backend, missing)
    assert not engine.play(Impulses(1000))
    assert backend.opened == []
    health = engine.check_health(0.0)
    assert not health.playing and not health.audio_ok
    assert health.message == missing.reason


def test_a_refused_stream_is_a_message_not_a_crash() -> None:
    backend = FakeBackend(fail_on_open="Device busy")
    engine = make_engine(backend)
    assert not engine.play(Impulses(1000))
    health = engine.check_health(0.0)
    assert not health.audio_ok
    assert "Device busy" in health.message


def test_the_device_is_chosen_by_name_with_a_fallback() -> None:
    backend = FakeBackend()
    make_engine(backend, name="USB headset").play(Impulses(1000))
    assert backend.opened[-1].device == "USB headset"
    engine = make_engine(backend, name="Bluetooth gone")
    engine.play(Impulses(1000))
    assert backend.opened[-1].device is None
    assert "Bluetooth gone" in engine.check_health(backend.time()).message
    make_engine(backend).play(Impulses(1000))
    assert backend.opened[-1].device is None


def test_a_source_in_another_format_is_refused() -> None:
    class Mono(Impulses):
        channels = 1

    with pytest.raises(ValueError, match="1 channels"):
        make_engine(FakeBackend()).play(Mono(1000))


def test_audible_position_follows_the_dac_clock() -> None:
    backend = FakeBackend(latency=0.1)
    engine = make_engine(backend)
    engine.play(Impulses(1000))
    assert engine.audible_position(backend.time()) == 0.0  # nothing rendered yet
    backend.run_blocks(50)
    last_block = engine.position() - BLOCK
    dac = backend.time() - BLOCK / FS + 0.1  # when the last block's first sample is heard
    assert engine.audible_position(dac) == pytest.approx(last_block)
    assert engine.audible_position(dac - 0.01) == pytest.approx(last_block - 480)
    assert engine.audible_position(dac + 10.0) == engine.position()  # never beyond rendered


def test_stop_plays_the_fade_then_closes() -> None:
    backend = FakeBackend()
    engine = make_engine(backend)
    engine.play(Impulses(1000))
    backend.run_blocks(20)
    at = engine.safe_change_sample()
    fading = Impulses(10**9, first=10**9)  # a source that is silent from here on
    engine.stop(fading, end_sample=at + 240)
    backend.run_blocks(2)
    assert engine.check_health(backend.time()).playing
    backend.run_blocks(int((engine.latency + 0.1) * FS) // BLOCK + 2)  # the fade is heard
    health = engine.check_health(backend.time())
    assert not health.playing and health.audio_ok
    assert not engine.is_playing()


def test_the_callback_allocates_no_buffers_after_warm_up() -> None:
    backend = FakeBackend()
    engine = make_engine(backend)
    engine.play(Impulses(700))
    backend.run_blocks(50, keep=False)
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        backend.run_blocks(2000, keep=False)
        after, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    block_bytes = BLOCK * 2 * 4
    assert peak - before < block_bytes // 4
    assert after - before < 512
