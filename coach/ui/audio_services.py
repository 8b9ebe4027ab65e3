"""The sound stack (probe, engine, metronome controller), built on first use.

Why lazy: numpy, sounddevice (which starts PortAudio) and the click program modules cost
about 200 ms before the first paint on the 2-core machine, yet nothing on the first screen
plays sound. The app builds this stack right after the window has painted (see coach/app.py);
a screen that needs the metronome earlier simply builds it by asking for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from coach.audio.status import AudioStatus
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
        self.status = status
        """What the probe said; NOT_PROBED until the engine_factory has run."""
        self.engine = engine
        self._engine_factory = engine_factory
        self._metronome: MetronomeController | None = None

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

    def stop(self) -> None:
        """Stop a running metronome; nothing to do when it was never built."""
        if self._metronome is not None:
            self._metronome.stop()

    def close(self) -> None:
        """Let the sound device go (on quit); nothing to do when it was never opened."""
        if self.engine is not None:
            self.engine.close()

    def _build(self) -> MetronomeController:
        # Imported here: these modules pull in numpy and the click program code.
        from coach.ui.controllers.metronome import MetronomeController

        if self._engine_factory is not None and self.engine is None:
            self.engine = self._engine_factory()
            self.status = self.engine.status
        if self.engine is not None:
            # The output chosen in Settings, including any change made before this build
            # (the controller follows later changes itself).
            self.engine.device_name = self._preferences.current.output_device
        return MetronomeController(
            self.engine, self._preferences, self._clock.monotonic, self.status
        )
