"""What every screen may use, built once by the composition root (coach/app.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coach.audio.status import AudioStatus
from coach.domain.clock import Clock
from coach.domain.progression import this_week_target
from coach.services.checkins import CheckIns
from coach.services.diary import Diary
from coach.services.errors import StoreError
from coach.services.plans import CadencePlans
from coach.services.safety import SafetyRecord
from coach.services.speech import VoiceService
from coach.storage.database import Store
from coach.storage.pain_repo import PainRepository
from coach.storage.walks_repo import WalkRepository
from coach.ui.audio_services import AudioServices
from coach.ui.controllers.preferences import PreferencesController
from coach.ui.data_changes import DataChanges

if TYPE_CHECKING:
    from coach.ui.controllers.metronome import MetronomeController


@dataclass
class AppServices:
    """The application services, preferences, audio status, the clock and the sound stack.

    Screens save through `diary`, `cadence`, `safety` and `checkins` (coach.services), which
    report each change to `data_changes`; they read the diary through `pain` and `walks`.
    """

    store: Store
    preferences: PreferencesController
    diary: Diary
    cadence: CadencePlans
    safety: SafetyRecord
    checkins: CheckIns
    data_changes: DataChanges
    clock: Clock
    audio: AudioServices
    voice: VoiceService = field(default_factory=VoiceService)
    """The coaching voice (espeak-ng), looked up on first use."""

    @property
    def audio_status(self) -> AudioStatus:
        """Whether sound can play and why not (held by the transport, read here)."""
        return self.audio.status

    @property
    def pain(self) -> PainRepository:
        """The pain diary, for reading (save through `diary`, so screens hear of it)."""
        return self.diary.pain

    @property
    def walks(self) -> WalkRepository:
        """The walks, for reading (save through `diary`, so screens hear of it)."""
        return self.diary.walks

    @property
    def metronome(self) -> MetronomeController:
        """The metronome; the sound stack behind it is built on first access."""
        return self.audio.metronome

    def plan_target(self) -> int | None:
        """This week's target cadence from the stored plan, or None without a readable plan."""
        try:
            plan = self.cadence.active_plan()
        except StoreError:
            return None
        return None if plan is None else this_week_target(plan, self.clock.now().date())

    def can_save(self) -> bool:
        """Whether data may be saved now; False while a damaged copy is open read-only.

        Every screen that saves checks this first (and says why when it is False), so a
        read-only diary never sends a save into the crash dialog.
        """
        return self.diary.can_save()
