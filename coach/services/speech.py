"""The coaching voice for screens: is there one, which voices, and a Speaker from Settings.

Qt-free. The engine is looked up once (a subprocess of a few milliseconds) and remembered;
phrases are cached on disk in the data folder's speech-cache/ (docs/audio.md, "Speech").
AppServices holds one from the start, so coach.audio.speech (and numpy with it) is imported
only on first use, never on the way to the first paint (tests/packaging/test_startup.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from coach.domain.preferences import Preferences
from coach.storage.errors import DataFolderError
from coach.storage.paths import speech_cache_dir

if TYPE_CHECKING:
    from coach.audio.speech import Speaker, SpeechEngine

logger = logging.getLogger(__name__)

ESPEAK = "espeak-ng"
"""The engine's program name (as coach.audio.speech.ESPEAK, without importing it early)."""


class VoiceService:
    """Finds espeak-ng on first use and makes Speakers with the person's voice settings."""

    def __init__(
        self, program: str = ESPEAK, cache_dir: Callable[[], Path] = speech_cache_dir
    ) -> None:
        self._program = program
        self._cache_dir = cache_dir
        self._engine: SpeechEngine | None = None
        self._reason: str | None = None
        self._looked = False

    def engine(self) -> SpeechEngine | None:
        """The engine, or None when there is none (see unavailable_reason)."""
        if not self._looked:
            from coach.audio.speech import SpeechError, find_engine

            self._looked = True
            try:
                self._engine = find_engine(self._program)
            except SpeechError as error:
                self._reason = str(error)
                logger.info("No coaching voice: %s", error)
        return self._engine

    def unavailable_reason(self) -> str | None:
        """Why there is no voice and how to install it, or None when there is one."""
        self.engine()
        return self._reason

    def voices(self) -> list[tuple[str, str]]:
        """(name, description) of each voice the engine offers; empty without an engine."""
        from coach.audio.speech import list_voices

        engine = self.engine()
        return [] if engine is None else list_voices(engine)

    def speaker(self, prefs: Preferences, *, even_if_off: bool = False) -> Speaker | None:
        """A Speaker with the person's voice, rate and level; None when off or unavailable."""
        from coach.audio.speech import Speaker
        from coach.audio.speech_cache import SpeechCache

        engine = self.engine()
        if engine is None or not (prefs.voice_on or even_if_off):
            return None
        try:
            cache: SpeechCache | None = SpeechCache(self._cache_dir())
        except DataFolderError:
            cache = None  # a cache only saves time
        return Speaker(
            engine,
            cache,
            voice=prefs.voice_name,
            rate_wpm=prefs.speech_rate_wpm,
            volume=prefs.voice_volume_percent / 100,
        )
