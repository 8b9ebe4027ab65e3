"""The gentle daily pain check while the app is open, run on an injected clock.

`tick()` decides; a QTimer only calls it (every REMINDER_TICK_MS), so tests drive time by
hand. The prompt comes once a day, at or after the reminder time in Settings: not again
that day after "Note it now" or "Later", and not at all on a day that already has a rating
taken at or after the reminder time, or while the diary is read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from coach.domain.clock import Clock
from coach.services.diary import Diary
from coach.ui.controllers.preferences import PreferencesController

REMINDER_TICK_MS = 30_000
"""How often the timer asks whether the prompt is due; half a minute late is fine."""
_A_MOMENT = timedelta(seconds=1)  # `between` excludes its end; include a rating made just now


def reminder_time(text: str) -> time | None:
    """The time of a reminder_time preference such as '08:30', or None when it is empty."""
    if not text:
        return None
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


class ReminderController(QObject):
    """Announces `prompt_due` once a day at or after the reminder time."""

    prompt_due = Signal()

    def __init__(
        self,
        preferences: PreferencesController,
        diary: Diary,
        clock: Clock,
        can_save: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._diary = diary
        self._clock = clock
        self._can_save = can_save
        self._handled_on: date | None = None
        self.prompting = False
        """True while the prompt is showing (between prompt_due and dismiss)."""
        self.timer = QTimer(self)
        self.timer.setInterval(REMINDER_TICK_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        """Check now, then every REMINDER_TICK_MS while the app runs."""
        self.tick()
        self.timer.start()

    def is_due(self, now: datetime) -> bool:
        """Whether the prompt should show at `now` (wall-clock time of the clock)."""
        at = reminder_time(self._preferences.current.reminder_time)
        if at is None or self.prompting or self._handled_on == now.date():
            return False
        if now.time() < at or not self._can_save():
            return False
        since = datetime.combine(now.date(), at, tzinfo=now.tzinfo)
        if self._diary.pain.between(since, now + _A_MOMENT):
            self._handled_on = now.date()  # already rated today: nothing to ask
            return False
        return True

    def tick(self) -> bool:
        """Emit prompt_due if it is due now; return whether it did."""
        if not self.is_due(self._clock.now()):
            return False
        self.prompting = True
        self.prompt_due.emit()
        return True

    def dismiss(self) -> None:
        """The person answered ("Note it now" or "Later"): no more prompts today."""
        self.prompting = False
        self._handled_on = self._clock.now().date()
