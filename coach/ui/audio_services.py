"""The sound stack (transport, probe, engine, metronome controller), built on first use.

Why lazy: numpy, sounddevice (which starts PortAudio) and the click program modules cost
about 200 ms before the first paint on the 2-core machine, yet nothing on the first screen
plays sound. The app builds this stack right after the window has painted (see coach/app.py);
a screen that needs the metronome earlier simply builds it by asking for it. The transport
(coach/audio/transport.py, no numpy) exists from the start: it is the one place that holds
the audio status, before the probe and after it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from coach.audio.status import AudioStatus
from coach.audio.transport import Transport
from coach.domain.clock import Clock
from coach.ui.controllers.preferences import PreferencesController

if TYPE_CHECKING:
    from coach.audio.playback import AudioEngine
    from coach.ui.controllers.metronome import MetronomeController

NOT_PROBED = AudioStatus(available=False, reason="")
"""The status before the deferred probe has run: nothing to tell the user yet."""


class AudioServices(QObject):
    """Builds the engine (via engine_factory, which probes) and the metronome once, on demand."""

    built = Signal(object)  # the AudioStatus found, once the metronome exists

    def __init__(
        self,
        preferences: PreferencesController,
        clock: Clock,
        status: AudioStatus,
        engine: AudioEngine | None = None,
        engine_factory: Callable[[], AudioEngine] | None = None,
    ) -> None:
        super().__init__()
        self._preferences = preferences
        self._clock = clock
        self.transport = Transport(
            clock.monotonic, status, engine, lambda: preferences.current.av_offset_ms / 1000
        )
        self._engine_factory = engine_factory
        self._metronome: MetronomeController | None = None

    @property
    def status(self) -> AudioStatus:
        """What the probe said (held by the transport); NOT_PROBED until the build in the app."""
        return self.transport.status

    @property
    def engine(self) -> AudioEngine | None:
        """The engine, once built (None: sound is on screen only)."""
        return self.transport.engine

    @property
    def is_built(self) -> bool:
        """Whether the metronome (and with it the engine) exists yet."""
        return self._metronome is not None

    @property
    def metronome(self) -> MetronomeController:
        """The one metronome controller, built (engine probed first) on first access."""
        if self._metronome is None:
            self._metronome = self._build()
            self.built.emit(self.status)
        return self._metronome

    def build(self) -> None:
        """Build the stack now if it is not built yet (the app calls this after the first paint)."""
        _ = self.metronome

    def showing(self, status: AudioStatus) -> AudioServices:
        """A sound stack without an engine that reports `status` (screenshots of sound off)."""
        return AudioServices(self._preferences, self._clock, status)

    def stop(self) -> None:
        """Stop whatever plays (its owner hears CLOSED); nothing to do when never built."""
        self.transport.stop_all()

    def close(self) -> None:
        """Let the sound device go (on quit); nothing to do when it was never opened."""
        self.transport.close()

    def reopen(self, probe: Callable[[], AudioStatus] | None = None) -> AudioStatus:
        """Look for a sound output again: the engine reopens, or without one a probe runs."""
        status = self.metronome.reopen()
        if status is None:
            status = (probe or _probe_audio)()
            self.transport.probed(status)
        return status

    def _build(self) -> MetronomeController:
        # Imported here: these modules pull in numpy and the click program code.
        from coach.ui.controllers.metronome import MetronomeController

        if self._engine_factory is not None and self.engine is None:
            self.transport.attach(self._engine_factory())
        if self.engine is not None:
            # The output chosen in Settings, including any change made before this build
            # (the controller follows later changes itself).
            self.engine.device_name = self._preferences.current.output_device
        return MetronomeController(self.transport, self._preferences)


def _probe_audio() -> AudioStatus:
    """Probe the sound card; imported here because coach.audio.engine brings in numpy."""
    from coach.audio.engine import probe_audio

    return probe_audio()
