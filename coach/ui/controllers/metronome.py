"""The Qt face of the one metronome transport: handles with signals, and a display timer.

The audio callback never talks to Qt. coach/audio/transport.py plays one program at a time
for one owner, on the monotonic clock; this module only turns what it reports into signals.
A screen that starts a program gets a PlaybackHandle: its signals concern that program only,
and its `stop` works only while it still owns the sound, so no flags are needed to tell one
screen's program from another's. The controller's own signals follow whatever plays, for the
main window's sound notice.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from coach.audio.playback import AudioEngine
from coach.audio.programs.metronome import metronome_program, sound_settings
from coach.audio.programs.model import Chime, ClickProgram, Phrase
from coach.audio.status import AudioStatus
from coach.audio.transport import EndReason, Playback, Transport
from coach.domain.preferences import Preferences
from coach.ui.controllers.preferences import PreferencesController

FRAME_MS = 16
"""Display timer period: about 60 updates a second."""


class PlaybackHandle(QObject):
    """One program playing for its owner; whoever holds it owns the sound. GUI thread only."""

    beat_changed = Signal(int, str)  # beat index (negative in the count-in), "left"/"right"/""
    elapsed_changed = Signal(float)  # each display frame: seconds since the first step
    tempo_changed = Signal(float)  # steps/min now in force
    sound_changed = Signal(bool)  # the clicks became audible (True: sound back) or not
    sound_lost = Signal(str)  # why the sound stopped or never started; the walk goes on
    notice = Signal(str)  # a calm line about the sound, e.g. short gaps; "" clears it
    ended = Signal(float, object)  # seconds walked, and the EndReason

    def __init__(self, controller: MetronomeController) -> None:
        # No Qt parent: the owner's reference keeps it, and a stale one stays safe to call.
        super().__init__()
        self._controller = controller
        self.playback: Playback | None = None  # set by the controller right after the start

    # --- what the owner may do ------------------------------------------------------------

    @property
    def active(self) -> bool:
        """Whether this handle still owns the sound."""
        return self.playback is not None and self.playback.active

    @property
    def elapsed_s(self) -> float:
        """Seconds since the first step (0 before it)."""
        return self.playback.elapsed_s if self.playback is not None else 0.0

    @property
    def program_seconds(self) -> float:
        """Seconds since the program's start (a session's own clock)."""
        return self.playback.program_seconds if self.playback is not None else 0.0

    @property
    def sound_on(self) -> bool:
        """Whether the clicks are heard now (False: visual only, or ended)."""
        return self.playback is not None and self.playback.sound_on

    def set_tempo(self, spm: float) -> None:
        """Change the tempo from the next beat not yet rendered; ignored once it has ended."""
        if self.playback is not None:
            self.playback.set_tempo(spm)

    def replace_chimes(
        self, chimes: Sequence[Chime], phrases: Sequence[Phrase] | None = None
    ) -> None:
        """Swap the chimes (and phrases) still ahead; the beats stay put. Ignored once ended."""
        if self.playback is not None:
            self.playback.replace_chimes(chimes, phrases)

    def stop(self) -> bool:
        """Stop with a short fade (ended follows); False, doing nothing, if no longer the owner."""
        return self.playback is not None and self.playback.stop()

    # --- the transport's listener: each report goes to the owner and to the app ------------

    def on_beat(self, index: int, foot: str) -> None:
        """Forward a beat."""
        self.beat_changed.emit(index, foot)
        self._controller.beat_changed.emit(index, foot)

    def on_position(self, elapsed_s: float) -> None:
        """Forward a display frame."""
        self.elapsed_changed.emit(elapsed_s)
        self._controller.elapsed_changed.emit(elapsed_s)

    def on_tempo(self, spm: float) -> None:
        """Forward a tempo change."""
        self.tempo_changed.emit(spm)
        self._controller.tempo_changed.emit(spm)

    def on_sound_changed(self, on: bool) -> None:
        """Forward sound back (True) or gone (False)."""
        self.sound_changed.emit(on)
        self._controller.sound_changed.emit(on)

    def on_sound_lost(self, message: str) -> None:
        """Forward why there is no sound."""
        self.sound_lost.emit(message)
        self._controller.audio_problem.emit(message)

    def on_notice(self, text: str) -> None:
        """Forward a notice about the sound."""
        self.notice.emit(text)
        self._controller.audio_notice.emit(text)

    def on_ended(self, walked_s: float, reason: EndReason) -> None:
        """Forward the end: a finish first, then the end itself."""
        if reason is EndReason.FINISHED:
            self._controller.finished.emit()
        self.ended.emit(walked_s, reason)
        self._controller.stopped.emit(walked_s)


class MetronomeController(QObject):
    """Starts programs on the one transport and polls it on a display timer; GUI thread only."""

    beat_changed = Signal(int, str)  # whatever plays: beat index, "left"/"right"/""
    elapsed_changed = Signal(float)  # whatever plays: seconds since its first step
    started = Signal()
    stopped = Signal(float)  # whatever played ended: seconds walked
    finished = Signal()  # a program with an end reached it (before `stopped`)
    tempo_changed = Signal(float)  # steps/min now in force
    audio_problem = Signal(str)  # sound stopped or is unavailable; the walk goes on
    audio_notice = Signal(str)  # a calm line, e.g. short gaps in the sound; "" clears it
    sound_changed = Signal(bool)  # whether the clicks are audible now

    def __init__(
        self,
        transport: Transport,
        preferences: PreferencesController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.transport = transport
        self._preferences = preferences
        self._handle: PlaybackHandle | None = None
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.poll)
        preferences.preferences_changed.connect(self._on_preferences_changed)

    # --- state -----------------------------------------------------------------------------

    @property
    def engine(self) -> AudioEngine | None:
        """The engine the transport plays through (None: on screen only)."""
        return self.transport.engine

    @property
    def sample_rate(self) -> int:
        """The sample rate programs are built at (the engine's, or 48 kHz without one)."""
        return self.transport.sample_rate

    @property
    def running(self) -> bool:
        """Whether a program is playing (with sound or on screen)."""
        return self.transport.current is not None

    @property
    def program(self) -> ClickProgram | None:
        """The program playing now, whoever owns it."""
        playback = self.transport.current
        return playback.program if playback is not None else None

    @property
    def sound_on(self) -> bool:
        """Whether the clicks are heard now (False: visual only)."""
        playback = self.transport.current
        return playback is not None and playback.sound_on

    @property
    def elapsed_s(self) -> float:
        """Seconds since the first step of the last program started (kept after its end)."""
        return self._handle.elapsed_s if self._handle is not None else 0.0

    @property
    def program_seconds(self) -> float:
        """Seconds since the start of the last program started (kept after its end)."""
        return self._handle.program_seconds if self._handle is not None else 0.0

    def tempo(self) -> float | None:
        """Steps/min in force now, None when nothing plays."""
        playback = self.transport.current
        return playback.tempo() if playback is not None else None

    # --- control ---------------------------------------------------------------------------

    def steady(self, spm: float, end_after_s: float | None = None) -> ClickProgram:
        """A steady program at spm with the user's sounds and count-in, optionally timed."""
        settings = sound_settings(self._preferences.current)
        return metronome_program(spm, self.sample_rate, settings, end_after_s)

    def start(self, program: ClickProgram, owner: str = "metronome") -> PlaybackHandle:
        """Play a program for `owner`; whatever played before ends (its handle hears TAKEN)."""
        handle = PlaybackHandle(self)
        self._handle = handle
        handle.playback = self.transport.start(program, owner, handle)
        self.timer.start()
        self.started.emit()
        return handle

    def stop_all(self) -> None:
        """Stop whatever plays (the app quits or its window closes); its owner hears CLOSED."""
        self.transport.stop_all()

    def reopen(self) -> AudioStatus | None:
        """Look for the sound output again; a running walk continues with sound if found."""
        return self.transport.reopen(self._preferences.current.output_device)

    def close(self) -> None:
        """Stop and let the device go (on quit)."""
        self.transport.close()

    def poll(self) -> None:
        """One display frame (the timer calls this; tests may too)."""
        if not self.transport.poll():
            self.timer.stop()

    def _on_preferences_changed(self, preferences: Preferences) -> None:
        self.transport.use_sound(sound_settings(preferences))
        self.transport.use_device(preferences.output_device)
