"""The one metronome transport: one program at a time, owned by whoever holds its Playback.

`start(program, owner, listener)` ends whatever played (its owner hears `ended` with reason
TAKEN) and returns the new Playback: the handle through which its owner changes the tempo,
swaps chimes and stops. A stale handle can do none of that: stopping it is refused (returns
False) and changes are ignored, so no screen can stop another screen's walk by accident.

Qt-free, on an injected monotonic clock. The UI's display timer calls `poll()`, which asks the
engine which sample is being heard (less the user's audio/visual offset), looks the beat up in
the program and tells the listener. Without sound (no engine, no device, or one that vanished
mid-walk) the same program runs from the monotonic clock, so the beat and the timer carry on.
This is also the one place that holds the audio status.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from coach.audio.status import AudioStatus

if TYPE_CHECKING:  # numpy and the program modules load with the engine, not at start-up
    from coach.audio.playback import AudioEngine
    from coach.audio.programs.model import Chime, ClickProgram, Phrase, SoundSettings

HEALTH_EVERY_S = 0.2
"""How often the engine's health is checked: a lost device is reported well within 2 s."""
FALLBACK_SAMPLE_RATE = 48_000
NO_SOUND = "Sound is off, so the beat is shown on screen only."


class EndReason(enum.Enum):
    """Why a playback ended."""

    STOPPED = "stopped"  # its owner stopped it
    FINISHED = "finished"  # a program with an end reached it (its owner is told, then it stops)
    TAKEN = "taken"  # another start took the sound
    CLOSED = "closed"  # the app let the sound go (quit)


class PlaybackListener(Protocol):
    """What a playback tells its owner; called on the thread that calls the transport."""

    def on_beat(self, index: int, foot: str) -> None:
        """A new beat is heard: its index (negative in the count-in), "left"/"right"/""."""

    def on_position(self, elapsed_s: float) -> None:
        """A display frame: seconds since the first step (0 during the count-in)."""

    def on_tempo(self, spm: float) -> None:
        """The tempo now in force, in steps/min."""

    def on_sound_changed(self, on: bool) -> None:
        """The clicks became audible (True: sound back) or stopped being so."""

    def on_sound_lost(self, message: str) -> None:
        """Sound stopped, or could not start, for this reason; the beat goes on on screen."""

    def on_notice(self, text: str) -> None:
        """A calm line about the sound, e.g. short gaps; "" clears it."""

    def on_ended(self, walked_s: float, reason: EndReason) -> None:
        """The playback is over: seconds walked from the first step, and why."""


class Playback:
    """One program playing for one owner: the handle to its sound. GUI thread only."""

    def __init__(
        self, transport: Transport, program: ClickProgram, owner: str, listener: PlaybackListener
    ) -> None:
        from coach.audio.programs.metronome import end_sample, first_step_sample

        self.owner = owner
        self.program = program
        self.listener = listener
        self.first_step = first_step_sample(program)
        self.end_sample = end_sample(program)
        self.position = 0.0  # program sample heard now; never steps backwards
        self.sound_on = False
        self.reason: EndReason | None = None
        self._transport = transport
        self._last_beat: int | None = None

    @property
    def active(self) -> bool:
        """Whether this playback still owns the sound (it has not ended)."""
        return self.reason is None

    @property
    def elapsed_s(self) -> float:
        """Seconds since the first step (0 before it)."""
        return max(0.0, (self.position - self.first_step) / self.program.sample_rate)

    @property
    def program_seconds(self) -> float:
        """Seconds since the program's start (a session's own clock)."""
        return self.position / self.program.sample_rate

    def tempo(self) -> float | None:
        """Steps/min in force now, None after the end or in a part without steps."""
        if not self.active:
            return None
        return self.program.spm_at(max(int(self.position), self.first_step))

    def set_tempo(self, spm: float) -> None:
        """Change the tempo from the next beat not yet rendered; none lost or doubled."""
        if self.active:
            self._transport.change_tempo(self, spm)

    def replace_chimes(
        self, chimes: Sequence[Chime], phrases: Sequence[Phrase] | None = None
    ) -> None:
        """Swap the chimes (and phrases, if given) still ahead; the beats stay where they are."""
        if self.active:
            self._transport.change_chimes(self, chimes, phrases)

    def stop(self) -> bool:
        """Stop with a short fade (ended: STOPPED); False, doing nothing, if no longer the owner."""
        return self._transport.stop(self)


class Transport:
    """Plays one ClickProgram at a time with sound, or on screen only; GUI thread only."""

    def __init__(
        self,
        monotonic: Callable[[], float],
        status: AudioStatus,
        engine: AudioEngine | None = None,
        av_offset_s: Callable[[], float] = lambda: 0.0,
    ) -> None:
        self._monotonic = monotonic
        self._status = status
        self.engine = engine
        self._av_offset_s = av_offset_s
        self.current: Playback | None = None
        self._anchor = (0.0, 0.0)  # (program sample, monotonic s) for the on-screen clock
        self._moved = (0.0, 0.0)  # (position, monotonic s) when the audio clock last advanced
        self._last_health = 0.0
        self._underflows = 0
        self._draining = False

    # --- status ------------------------------------------------------------------------------

    @property
    def status(self) -> AudioStatus:
        """Whether sound can play and why not: the engine's probe, or what was found without one."""
        return self.engine.status if self.engine is not None else self._status

    def attach(self, engine: AudioEngine) -> None:
        """Play through this engine from now on (the sound stack is built after the first paint)."""
        self.engine = engine

    def probed(self, status: AudioStatus) -> None:
        """Record what a probe found while there is no engine to play through."""
        self._status = status

    @property
    def sample_rate(self) -> int:
        """The sample rate programs are built at (the engine's, or 48 kHz without one)."""
        return self.engine.samplerate if self.engine is not None else FALLBACK_SAMPLE_RATE

    @property
    def busy(self) -> bool:
        """Whether `poll` has work: a playback, or a stopped sound still fading out."""
        return self.current is not None or self._draining

    # --- control -----------------------------------------------------------------------------

    def start(self, program: ClickProgram, owner: str, listener: PlaybackListener) -> Playback:
        """Play a program from its start for `owner`; whatever played before ends (TAKEN)."""
        if self.current is not None:
            self._end(self.current, EndReason.TAKEN)
        playback = Playback(self, program, owner, listener)
        self.current = playback
        now = self._monotonic()
        self._anchor = self._moved = (0.0, now)
        self._last_health = now
        self._underflows = 0
        self._set_sound(playback, self._play_from(playback, 0))
        if not playback.sound_on:
            listener.on_sound_lost(self._no_sound_reason())
        listener.on_tempo(playback.tempo() or 0.0)
        return playback

    def stop(self, playback: Playback) -> bool:
        """Stop `playback` if it still owns the sound; a stale handle's stop is refused (False)."""
        if playback is not self.current:
            return False
        self._end(playback, EndReason.STOPPED)
        return True

    def stop_all(self) -> None:
        """Let whatever plays end now (the app quits or the window closes): reason CLOSED."""
        if self.current is not None:
            self._end(self.current, EndReason.CLOSED)

    def close(self) -> None:
        """Stop and let the device go (on quit)."""
        self.stop_all()
        if self.engine is not None:
            self.engine.close()

    def reopen(self, device_name: str) -> AudioStatus | None:
        """Look for the sound output again; a playback continues with sound if found.

        None without an engine: then the caller probes (and tells `probed`).
        """
        engine = self.engine
        if engine is None:
            return None
        status = engine.reopen(device_name)
        playback = self.current
        if playback is None:
            return status
        position = max(playback.position, self._current_position(playback))
        self._anchor = self._moved = (position, self._monotonic())
        self._set_sound(
            playback, self._play_from(playback, position + engine.latency * self.sample_rate)
        )
        if playback.sound_on:
            return status
        reason = self._no_sound_reason()
        playback.listener.on_sound_lost(reason)
        return AudioStatus(False, reason, status.devices, status.default_device)

    def use_device(self, device_name: str) -> None:
        """Settings chose another output: the next start opens it, a playback reopens now."""
        engine = self.engine
        if engine is None or device_name == engine.device_name:
            return
        if self.current is None:
            engine.device_name = device_name
        else:
            self.reopen(device_name)

    def use_sound(self, sound: SoundSettings) -> None:
        """Settings changed the sounds: a playback under way sounds so from the next block."""
        playback = self.current
        if playback is not None:
            changed = playback.program.with_sound(sound)
            if changed != playback.program:
                self._swap(playback, changed)

    def change_tempo(self, playback: Playback, spm: float) -> None:
        """Swap in `playback`'s program at a new tempo from the next beat (see Playback)."""
        from coach.audio.programs.model import ProgramError

        try:
            program = playback.program.with_tempo(self._change_sample(playback), spm)
        except ProgramError:
            return  # past the end of a timed walk: nothing left to change
        self._swap(playback, program)
        playback.listener.on_tempo(spm)

    def change_chimes(
        self, playback: Playback, chimes: Sequence[Chime], phrases: Sequence[Phrase] | None = None
    ) -> None:
        """Swap the chimes (and phrases) ahead of the first sample not yet rendered."""
        at = self._change_sample(playback)
        self._swap(playback, playback.program.with_chimes_after(at, chimes, phrases))

    # --- the display timer --------------------------------------------------------------------

    def poll(self) -> bool:
        """One display frame: health, then the beat heard now; True while there is more to do."""
        playback = self.current
        if playback is None:
            return self._drain()
        now = self._monotonic()
        if now - self._last_health >= HEALTH_EVERY_S:
            self._last_health = now
            self._check_health(playback, now)
        # Never step backwards: a reopened stream starts a little ahead and catches up.
        position = self._current_position(playback)
        if position > playback.position:
            self._moved = (position, now)
        playback.position = max(playback.position, position)
        self._tell_beat(playback)
        if playback.active:
            playback.listener.on_position(playback.elapsed_s)
        # The owner may have stopped or restarted its program from those reports.
        ended = playback.end_sample is not None and playback.position >= playback.end_sample
        if ended and playback is self.current:
            self._end(playback, EndReason.FINISHED)
        return self.busy

    # --- inside -------------------------------------------------------------------------------

    def _end(self, playback: Playback, reason: EndReason) -> None:
        playback.position = max(playback.position, self._current_position(playback))
        walked = playback.elapsed_s
        if playback.sound_on and self.engine is not None:
            self._release(self.engine, playback, ending=reason is EndReason.FINISHED)
        self.current = None
        playback.reason = reason
        self._set_sound(playback, False)
        playback.listener.on_ended(walked, reason)

    def _release(self, engine: AudioEngine, playback: Playback, *, ending: bool) -> None:
        """Fade out now, or, at a timed walk's end, let the end chime ring out first."""
        from coach.audio.renderer import Renderer

        at = engine.safe_change_sample()
        program = playback.program
        natural = program.duration_samples
        if ending and natural is not None and natural > at:
            engine.stop(Renderer(program), natural)
        else:
            engine.stop(Renderer(program.with_stop(at)), at)
        self._draining = True

    def _drain(self) -> bool:
        """After a stop, poll the engine until its fade was heard and it let the device go."""
        engine = self.engine
        if not self._draining or engine is None:
            self._draining = False
            return False
        now = self._monotonic()
        if now - self._last_health >= HEALTH_EVERY_S:
            self._last_health = now
            engine.check_health(now)
            self._draining = engine.is_playing()
        return self._draining

    def _current_position(self, playback: Playback) -> float:
        now = self._monotonic()
        if playback.sound_on and self.engine is not None:
            offset = self._av_offset_s() * self.sample_rate
            return self.engine.audible_position(now) - offset
        sample, since = self._anchor
        return sample + (now - since) * self.sample_rate

    def _tell_beat(self, playback: Playback) -> None:
        # A hair of slack: the audio clock's float arithmetic lands 1e-8 short of a sample.
        info = playback.program.beat_at(int(playback.position + 1e-6))
        last = playback._last_beat
        if info is None or info.index == last or (last is not None and info.index < last):
            return
        playback._last_beat = info.index
        playback.listener.on_beat(info.index, info.foot.value if info.foot is not None else "")

    def _check_health(self, playback: Playback, now: float) -> None:
        if not playback.sound_on or self.engine is None:
            return
        health = self.engine.check_health(now)
        if not health.audio_ok:
            # Carry on on the screen's own clock from the last moment the sound moved on: a
            # stalled device freezes the audio clock a while before it is declared gone.
            sample, at = self._moved
            self._anchor = (sample + (now - at) * self.sample_rate, now)
            self._set_sound(playback, False)
            playback.listener.on_sound_lost(health.message)
        elif health.underflows != self._underflows:
            self._underflows = health.underflows
            playback.listener.on_notice(health.message)

    def _play_from(self, playback: Playback, sample: float) -> bool:
        from coach.audio.renderer import Renderer

        if self.engine is None:
            return False
        return self.engine.play(Renderer(playback.program), start_sample=max(0, int(sample)))

    def _set_sound(self, playback: Playback, on: bool) -> None:
        if on != playback.sound_on:
            playback.sound_on = on
            playback.listener.on_sound_changed(on)

    def _no_sound_reason(self) -> str:
        if self.engine is None:
            return self._status.reason if not self._status.available else NO_SOUND
        health = self.engine.check_health(self._monotonic())
        return health.message or self.engine.status.reason or NO_SOUND

    def _change_sample(self, playback: Playback) -> int:
        if playback.sound_on and self.engine is not None:
            return self.engine.safe_change_sample()
        return int(self._current_position(playback)) + 1

    def _swap(self, playback: Playback, program: ClickProgram) -> None:
        from coach.audio.renderer import Renderer

        playback.program = program
        if playback.sound_on and self.engine is not None:
            self.engine.replace_source(Renderer(program))
