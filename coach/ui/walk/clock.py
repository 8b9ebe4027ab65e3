"""One clock for a guided walk: the session's seconds as heard from the metronome's program.

The player's phase, time left, phase changes and chimes all come from the position the
walk's PlaybackHandle reports on each display frame: the audible sample of the engine (less the
audio/visual offset), or its on-screen clock when there is no sound. So a phase changes on the
screen in the same display frame, and within the same audio block, as its chime is heard. Only
when no program could be built does the walk run on the system clock.
"""

from __future__ import annotations

from datetime import datetime

from coach.domain.clock import Clock
from coach.ui.controllers.metronome import PlaybackHandle


class HeardClock:
    """A Clock for WalkSession: seconds of the session as heard; held still while paused."""

    def __init__(self, system: Clock) -> None:
        self._sound: PlaybackHandle | None = None
        self._system = system
        self._base = 0.0  # session seconds at the program's origin (or at the system anchor)
        self._origin_s: float | None = None  # program seconds where these phases begin
        self._system_at: float | None = None  # system seconds at _base, without a program
        self._reading = 0.0
        self._held = True

    def now(self) -> datetime:
        """The wall-clock time (for the walk's start time)."""
        return self._system.now()

    def restart(self) -> None:
        """Back to second 0, held, for a new session."""
        self._reading, self._held = 0.0, True

    def follow_program(
        self, sound: PlaybackHandle, session_s: float, origin_sample: int, sample_rate: int
    ) -> None:
        """A program built from session second `session_s` now plays as `sound`; its phases
        start at `origin_sample` (after the short lead).

        Half a sample is added: program_for_phases rounds each phase boundary to the nearest
        sample, so the session's exact boundary is never more than half a sample away and the
        phase turns on the screen exactly when its chime's sample is reached.
        """
        self._base, self._system_at, self._sound = session_s, None, sound
        self._origin_s = (origin_sample - 0.5) / sample_rate
        self._reading, self._held = session_s, False

    def follow_system(self, session_s: float) -> None:
        """No program could be built: run on the system clock from `session_s`."""
        self._base, self._origin_s = session_s, None
        self._system_at = self._system.monotonic()
        self._reading, self._held = session_s, False

    def hold(self) -> None:
        """Stop the clock where it is (pause, stop, or between two programs)."""
        self._reading = self.monotonic()
        self._held = True

    def monotonic(self) -> float:
        """The session's seconds as heard now."""
        if self._held:
            return self._reading
        if self._origin_s is not None:
            if self._sound is not None and self._sound.active:
                heard = self._sound.program_seconds - self._origin_s
                self._reading = self._base + max(0.0, heard)
        elif self._system_at is not None:
            self._reading = self._base + self._system.monotonic() - self._system_at
        return self._reading
