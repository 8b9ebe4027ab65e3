"""The transport: one program at a time, owned by whoever holds its Playback, on a test clock.

The engine runs on the FakeBackend, as in test_engine.py: the callback is called block by
block as the fake clock passes, so no real second is waited for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coach.audio.backend import FakeBackend
from coach.audio.playback import AudioEngine
from coach.audio.programs.metronome import metronome_program, steady_program
from coach.audio.programs.model import SoundSettings
from coach.audio.status import AUDIO_READY, NO_PORTAUDIO, AudioStatus
from coach.audio.transport import NO_SOUND, EndReason, Playback, Transport
from coach.domain.clock import FakeClock

FS = 48_000
BLOCK = 1024
READY = AudioStatus(True, AUDIO_READY, ("Speakers",), "Speakers")


@dataclass
class Heard:
    """A PlaybackListener that writes down what its owner was told."""

    beats: list[int] = field(default_factory=list)
    sound: list[bool] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    ended: list[tuple[float, EndReason]] = field(default_factory=list)
    tempos: list[float] = field(default_factory=list)

    def on_beat(self, index: int, foot: str) -> None:
        self.beats.append(index)

    def on_position(self, elapsed_s: float) -> None:
        pass

    def on_tempo(self, spm: float) -> None:
        self.tempos.append(spm)

    def on_sound_changed(self, on: bool) -> None:
        self.sound.append(on)

    def on_sound_lost(self, message: str) -> None:
        self.lost.append(message)

    def on_notice(self, text: str) -> None:
        pass

    def on_ended(self, walked_s: float, reason: EndReason) -> None:
        self.ended.append((walked_s, reason))


class Rig:
    """A transport on an engine on the FakeBackend, all on one FakeClock."""

    def __init__(self, engine: bool = True) -> None:
        self.clock = FakeClock()
        self.backend = FakeBackend(latency=0.1)
        self.engine = (
            AudioEngine(self.backend, lambda: READY, monotonic=self.clock.monotonic)
            if engine
            else None
        )
        self.transport = Transport(self.clock.monotonic, READY, self.engine)

    def run(self, seconds: float, frame_s: float = 1 / 60) -> None:
        """Pass time frame by frame: blocks are rendered as the stream clock reaches them."""
        offset = self.backend.clock - self.clock.monotonic()
        next_block = self.backend.clock
        end = self.clock.monotonic() + seconds
        while self.clock.monotonic() < end - 1e-9:
            self.clock.advance(frame_s)
            now = self.clock.monotonic() + offset
            while next_block <= now:
                self.backend.clock = next_block
                self.backend.run_blocks(1, keep=False)  # nothing once the stream is gone
                next_block += BLOCK / FS
            self.backend.clock = now
            self.transport.poll()

    def start(self, owner: str, spm: float = 120) -> tuple[Playback, Heard]:
        heard = Heard()
        program = steady_program(spm, FS, SoundSettings(count_in=0))
        return self.transport.start(program, owner, heard), heard


def test_a_second_owner_takes_the_sound_and_the_first_hears_it_ended() -> None:
    rig = Rig()
    walk, walk_heard = rig.start("metronome screen")
    rig.run(2.0)
    assert walk.sound_on and walk_heard.beats
    routine, routine_heard = rig.start("stretch routine", spm=90)
    assert [reason for _, reason in walk_heard.ended] == [EndReason.TAKEN]
    assert walk_heard.sound == [True, False]
    assert not walk.active and walk.tempo() is None
    assert routine.active and routine.sound_on and rig.transport.current is routine
    beats_before = len(walk_heard.beats)
    rig.run(2.0)
    assert len(walk_heard.beats) == beats_before  # the old owner hears nothing more
    assert routine_heard.beats and routine.tempo() == 90


def test_a_stop_by_a_handle_that_no_longer_owns_the_sound_is_refused() -> None:
    rig = Rig()
    walk, _ = rig.start("guided walk")
    routine, routine_heard = rig.start("stretch routine")
    assert walk.stop() is False  # stale: nothing happens
    assert rig.transport.current is routine and routine.sound_on
    assert routine_heard.ended == []
    walk.set_tempo(150)  # ignored too
    assert routine.tempo() == 120
    assert routine.stop() is True
    assert [reason for _, reason in routine_heard.ended] == [EndReason.STOPPED]
    assert routine.stop() is False  # once is enough


def test_the_owner_stops_with_the_seconds_walked_and_the_fade_lets_the_device_go() -> None:
    rig = Rig()
    walk, heard = rig.start("metronome screen")
    rig.run(3.0)
    walk.set_tempo(100)
    assert heard.tempos == [120, 100]
    walk.stop()
    ((walked, reason),) = heard.ended
    assert reason is EndReason.STOPPED
    assert abs(walked - (3.0 - 0.1 - 0.05)) < 0.1  # heard position: less latency and lead
    assert rig.transport.busy  # the fade still plays out
    rig.run(1.0)
    assert not rig.transport.busy and rig.engine is not None and not rig.engine.is_playing()


def test_a_timed_program_finishes_by_itself() -> None:
    rig = Rig(engine=False)
    heard = Heard()
    program = metronome_program(120, FS, SoundSettings(count_in=2), end_after_s=10)
    rig.transport.start(program, "metronome screen", heard)
    rig.run(12.0)
    ((walked, reason),) = heard.ended
    assert reason is EndReason.FINISHED and abs(walked - 10.0) < 0.05
    assert rig.transport.current is None


def test_without_an_engine_the_beat_runs_on_the_injected_clock() -> None:
    rig = Rig(engine=False)
    walk, heard = rig.start("metronome screen")
    assert heard.lost == [NO_SOUND]  # the reason comes at once
    rig.run(5.0)
    # 120 steps/min after a 50 ms lead: beats 0..9 are due within 5 s of the clock.
    assert heard.beats == list(range(10))
    assert not walk.sound_on and abs(walk.elapsed_s - 4.95) < 0.02


def test_a_lost_device_is_told_to_the_owner_and_reopening_brings_the_sound_back() -> None:
    rig = Rig()
    walk, heard = rig.start("guided walk")
    rig.run(2.0)
    rig.backend.die("inactive")
    rig.run(0.5)
    assert heard.sound == [True, False] and "no longer there" in heard.lost[0]
    assert walk.active  # the walk goes on, on screen
    rig.backend._dead = ""
    status = rig.transport.reopen("")
    assert status is not None and status.available
    assert heard.sound == [True, False, True] and walk.sound_on


def test_the_transport_is_the_one_place_that_holds_the_audio_status() -> None:
    off = AudioStatus(False, NO_PORTAUDIO)
    clock = FakeClock()
    transport = Transport(clock.monotonic, off)
    assert transport.status == off
    found = AudioStatus(True, AUDIO_READY)
    transport.probed(found)
    assert transport.status == found
    engine = AudioEngine(FakeBackend(), lambda: READY, monotonic=clock.monotonic)
    transport.attach(engine)
    assert transport.status == READY == engine.status
