"""The one bridge between the audio engine and Qt: plays any ClickProgram, lights the beat.

The audio callback never talks to Qt. A ~60 Hz display timer asks the engine which sample is
being heard now, takes away the user's audio/visual offset and looks the beat up in the
program, so the footprint lights when the step is heard. Without sound (no device, or one
that vanished mid-walk) the same program runs from the monotonic clock instead, so the beat
and the timer carry on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from coach.audio.playback import AudioEngine
from coach.audio.programs.model import (
    Chime,
    ChimeKind,
    ClickProgram,
    ProgramError,
    SoundSettings,
    TempoSegment,
    steady_program,
)
from coach.audio.renderer import Renderer
from coach.audio.status import AudioStatus
from coach.domain.preferences import Preferences
from coach.ui.controllers.preferences import PreferencesController

FRAME_MS = 16
"""Display timer period: about 60 updates a second."""
HEALTH_EVERY_S = 0.2
"""How often the engine's health is checked: a lost device is reported well within 2 s."""
FALLBACK_SAMPLE_RATE = 48_000
NO_SOUND = "Sound is off, so the beat is shown on screen only."


def sound_settings(preferences: Preferences, with_count_in: bool = True) -> SoundSettings:
    """The step sounds, level, pan, accent and count-in the user chose in Settings."""
    return SoundSettings(
        left_sound=preferences.left_sound,
        right_sound=preferences.right_sound,
        volume=preferences.volume,
        pan=preferences.pan_feet,
        # Settings words it as "the first beat of each pair of steps".
        accent_every=2 if preferences.accent_first_beat else 0,
        count_in=preferences.count_in_beats if with_count_in else 0,
    )


def timed_program(program: ClickProgram, first_step: int, seconds: float) -> ClickProgram:
    """The program with its steps ending `seconds` after the first step, closed by a chime."""
    end = first_step + round(seconds * program.sample_rate)
    segments = tuple(s for s in program.segments if s.begin < end)
    return replace(
        program,
        segments=(*segments, TempoSegment(end, None)),
        chimes=(*program.chimes, Chime(end, ChimeKind.END)),
    )


class MetronomeController(QObject):
    """Plays one ClickProgram at a time with sound, or on screen only; GUI thread only."""

    beat_changed = Signal(int, str)  # beat index (negative in the count-in), "left"/"right"/""
    elapsed_changed = Signal(float)  # seconds since the first step (0 during the count-in)
    started = Signal()
    stopped = Signal(float)  # seconds walked, from the first step to the stop
    finished = Signal()  # a program with an end reached it (before `stopped`)
    tempo_changed = Signal(float)  # steps/min now in force
    audio_problem = Signal(str)  # sound stopped or is unavailable; the walk goes on
    audio_notice = Signal(str)  # a calm line, e.g. short gaps in the sound; "" clears it
    sound_changed = Signal(bool)  # whether the clicks are audible now

    def __init__(
        self,
        engine: AudioEngine | None,
        preferences: PreferencesController,
        monotonic: Callable[[], float],
        audio_status: AudioStatus | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self._preferences = preferences
        self._monotonic = monotonic
        # Without an engine there is no sound whatever the probe said ("Sound is ready").
        unavailable = audio_status is not None and not audio_status.available
        self._status_reason = audio_status.reason if unavailable and audio_status else NO_SOUND
        self.program: ClickProgram | None = None
        self._first_step = 0
        self._end_sample: int | None = None
        self._sound = False
        self._anchor = (0.0, 0.0)  # (program sample, monotonic s) for the on-screen clock
        self._last_beat: int | None = None
        self._last_health = 0.0
        self._underflows = 0
        self._position = 0.0
        self._moved = (0.0, 0.0)  # (position, monotonic s) when the audio clock last advanced
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.poll)
        self._drain_timer = QTimer(self)
        self._drain_timer.setInterval(round(HEALTH_EVERY_S * 1000))
        self._drain_timer.timeout.connect(self._drain)
        preferences.preferences_changed.connect(self._on_preferences_changed)

    # --- state -----------------------------------------------------------------------------

    @property
    def sample_rate(self) -> int:
        """The sample rate programs are built at (the engine's, or 48 kHz without one)."""
        return self.engine.samplerate if self.engine is not None else FALLBACK_SAMPLE_RATE

    @property
    def running(self) -> bool:
        """Whether a program is playing (with sound or on screen)."""
        return self.program is not None

    @property
    def sound_on(self) -> bool:
        """Whether the clicks are heard now (False: visual only)."""
        return self._sound

    @property
    def elapsed_s(self) -> float:
        """Seconds since the first step of the running program (0 before it)."""
        return max(0.0, (self._position - self._first_step) / self.sample_rate)

    @property
    def program_seconds(self) -> float:
        """Seconds since the start of the running program (a session's own clock)."""
        return self._position / self.sample_rate

    def tempo(self) -> float | None:
        """Steps/min in force at the current position, None when nothing plays."""
        if self.program is None:
            return None
        return self.program.spm_at(max(int(self._position), self._first_step))

    # --- control ---------------------------------------------------------------------------

    def steady(self, spm: float, end_after_s: float | None = None) -> ClickProgram:
        """A steady program at spm with the user's sounds and count-in, optionally timed."""
        settings = sound_settings(self._preferences.current)
        program = steady_program(spm, self.sample_rate, settings)
        if end_after_s is None:
            return program
        return timed_program(program, _first_step_sample(program), end_after_s)

    def start(self, program: ClickProgram) -> None:
        """Play a program from its start; stops whatever was playing first."""
        if self.program is not None:
            self.stop()
        self.program = program
        self._first_step = _first_step_sample(program)
        self._end_sample = _end_sample(program)
        self._last_beat = None
        self._underflows = 0
        self._position = 0.0
        self._anchor = (0.0, self._monotonic())
        self._moved = self._anchor
        self._last_health = self._monotonic()
        self._set_sound(self._play_from(0))
        if not self._sound:
            self.audio_problem.emit(self._no_sound_reason())
        self.timer.start()
        self.started.emit()
        self.tempo_changed.emit(self.tempo() or 0.0)

    def set_tempo(self, spm: float) -> None:
        """Change the tempo from the next beat that has not been rendered; none lost or doubled."""
        if self.program is None:
            return
        at = self._change_sample()
        try:
            program = self.program.with_tempo(at, spm)
        except ProgramError:
            return  # past the end of a timed walk: nothing left to change
        self._swap(program)
        self.tempo_changed.emit(spm)

    def replace_chimes(self, chimes: Sequence[Chime]) -> None:
        """Swap the chimes still ahead (from the first sample not yet rendered); beats stay put."""
        if self.program is None:
            return
        program = self.program.with_chimes_after(self._change_sample(), chimes)
        self._swap(program)

    def stop(self) -> float:
        """Stop with a short fade; emits stopped(seconds walked) and returns them."""
        if self.program is None:
            return 0.0
        self._position = max(self._position, self._current_position())
        walked = self.elapsed_s
        if self._sound and self.engine is not None:
            self._release(self.engine, self.program)
        self.program = None
        self._end_sample = None
        self.timer.stop()
        self._set_sound(False)
        self.stopped.emit(walked)
        return walked

    def _release(self, engine: AudioEngine, program: ClickProgram) -> None:
        """Fade out now, or, at a timed walk's end, let the end chime ring out first."""
        at = engine.safe_change_sample()
        natural = program.duration_samples
        ended = self._end_sample is not None and self._position >= self._end_sample
        if ended and natural is not None and natural > at:
            engine.stop(Renderer(program), natural)
        else:
            engine.stop(Renderer(program.with_stop(at)), at)
        self._drain_timer.start()

    def reopen(self) -> AudioStatus | None:
        """Look for the sound output again; a running walk continues with sound if found."""
        if self.engine is None:
            return None
        status = self.engine.reopen(self._preferences.current.output_device)
        self._status_reason = status.reason
        if self.program is not None:
            position = max(self._position, self._current_position())
            self._anchor = self._moved = (position, self._monotonic())
            self._set_sound(self._play_from(position + self.engine.latency * self.sample_rate))
            if not self._sound:
                reason = self._no_sound_reason()
                self.audio_problem.emit(reason)
                return AudioStatus(False, reason, status.devices, status.default_device)
        return status

    def close(self) -> None:
        """Stop and let the device go (on quit)."""
        self.stop()
        if self.engine is not None:
            self.engine.close()

    # --- display timer ---------------------------------------------------------------------

    def poll(self) -> None:
        """One display frame: health, then the beat being heard now (GUI timer)."""
        if self.program is None:
            return
        now = self._monotonic()
        if now - self._last_health >= HEALTH_EVERY_S:
            self._last_health = now
            self._check_health(now)
        # Never step backwards: a reopened stream starts a little ahead and catches up.
        position = self._current_position()
        if position > self._position:
            self._moved = (position, now)
        self._position = max(self._position, position)
        self._emit_beat()
        self.elapsed_changed.emit(self.elapsed_s)
        if self._end_sample is not None and self._position >= self._end_sample:
            self.finished.emit()
            self.stop()

    def _current_position(self) -> float:
        now = self._monotonic()
        if self._sound and self.engine is not None:
            offset = self._preferences.current.av_offset_ms / 1000 * self.sample_rate
            return self.engine.audible_position(now) - offset
        sample, since = self._anchor
        return sample + (now - since) * self.sample_rate

    def _emit_beat(self) -> None:
        assert self.program is not None
        # A hair of slack: the audio clock's float arithmetic lands 1e-8 short of a sample.
        info = self.program.beat_at(int(self._position + 1e-6))
        if info is None or info.index == self._last_beat:
            return
        if self._last_beat is not None and info.index < self._last_beat:
            return
        self._last_beat = info.index
        self.beat_changed.emit(info.index, info.foot.value if info.foot is not None else "")

    def _check_health(self, now: float) -> None:
        if not self._sound or self.engine is None:
            return
        health = self.engine.check_health(now)
        if not health.audio_ok:
            # Carry on on the screen's own clock from the last moment the sound moved on: a
            # stalled device freezes the audio clock a while before it is declared gone.
            sample, at = self._moved
            self._anchor = (sample + (now - at) * self.sample_rate, now)
            self._set_sound(False)
            self.audio_problem.emit(health.message)
        elif health.underflows != self._underflows:
            self._underflows = health.underflows
            self.audio_notice.emit(health.message)

    # --- helpers ---------------------------------------------------------------------------

    def _play_from(self, sample: float) -> bool:
        if self.engine is None or self.program is None:
            return False
        return self.engine.play(Renderer(self.program), start_sample=max(0, int(sample)))

    def _set_sound(self, on: bool) -> None:
        if on != self._sound:
            self._sound = on
            self.sound_changed.emit(on)

    def _no_sound_reason(self) -> str:
        if self.engine is None:
            return self._status_reason or NO_SOUND
        health = self.engine.check_health(self._monotonic())
        return health.message or self.engine.status.reason or NO_SOUND

    def _drain(self) -> None:
        """After a stop, poll the engine until its fade was heard and it let the device go."""
        engine = self.engine
        if engine is None or self.program is not None:
            self._drain_timer.stop()
            return
        engine.check_health(self._monotonic())
        if not engine.is_playing():
            self._drain_timer.stop()

    def _change_sample(self) -> int:
        if self._sound and self.engine is not None:
            return self.engine.safe_change_sample()
        return int(self._current_position()) + 1

    def _swap(self, program: ClickProgram) -> None:
        self.program = program
        if self._sound and self.engine is not None:
            self.engine.replace_source(Renderer(program))

    def _on_preferences_changed(self, preferences: Preferences) -> None:
        if self.program is None:
            if self.engine is not None:  # the next start opens the newly chosen output
                self.engine.device_name = preferences.output_device
            return
        settings = sound_settings(preferences)
        # The count-in numbers the beats, so it stays as it was for a walk under way.
        changed = replace(
            self.program,
            left_sound=settings.left_sound,
            right_sound=settings.right_sound,
            volume=settings.volume,
            pan=settings.pan,
            accent_every=settings.accent_every,
        )
        if changed != self.program:
            self._swap(changed)
        engine = self.engine
        if engine is not None and preferences.output_device != engine.device_name:
            self.reopen()


def _first_step_sample(program: ClickProgram) -> int:
    """The sample of step 0 (after any count-in), or the program's start if it has none."""
    stepping = next((s for s in program.segments if s.has_steps), None)
    if stepping is None:
        return program.segments[0].begin
    # A beat is at most 1.5 s long (40 steps/min), so 2 s per beat always reaches step 0.
    horizon = stepping.begin + (program.count_in + 2) * 2 * program.sample_rate
    for beat in program.beats_between(stepping.begin, horizon):
        if beat.index >= 0:
            return beat.sample
    return stepping.begin


def _end_sample(program: ClickProgram) -> int | None:
    """Where the steps end for good in a finite program (its END chime), else None."""
    ends = [c.sample for c in program.chimes if c.kind is ChimeKind.END]
    if ends:
        return max(ends)
    return program.stop_sample
