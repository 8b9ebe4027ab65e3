"""What every screen may use, built once by the composition root (coach/app.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.audio.status import AudioStatus
from coach.domain.clock import Clock
from coach.storage.cadence_repo import CadenceRepository
from coach.storage.database import Store
from coach.storage.pain_repo import PainRepository
from coach.storage.walks_repo import WalkRepository
from coach.ui.audio_services import AudioServices
from coach.ui.controllers.preferences import PreferencesController

if TYPE_CHECKING:
    from coach.ui.controllers.metronome import MetronomeController


@dataclass
class AppServices:
    """The store, its repositories, preferences, audio status, the clock and the sound stack."""

    store: Store
    preferences: PreferencesController
    walks: WalkRepository
    pain: PainRepository
    cadence: CadenceRepository
    clock: Clock
    audio: AudioServices

    @property
    def audio_status(self) -> AudioStatus:
        """Whether sound can play and why not (held by the transport, read here)."""
        return self.audio.status

    @property
    def metronome(self) -> MetronomeController:
        """The metronome; the sound stack behind it is built on first access."""
        return self.audio.metronome

    def can_save(self) -> bool:
        """Whether data may be saved now; False while a damaged copy is open read-only.

        Every screen that saves checks this first (and says why when it is False), so a
        read-only diary never sends a save into the crash dialog.
        """
        return not self.store.read_only
