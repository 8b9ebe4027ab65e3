"""The player: a guided walk on the session's clock, its beat, cue cards and keys.

The QTimer only calls WalkSession.tick(); the audio comes from one program built from
session.tempo_from_now(), rebuilt after a pause, a skip, an added minute or a pin.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.audio.program import ProgramError, program_for_phases
from coach.domain.cues import CueCard, CueSchedule
from coach.domain.plans import PhaseKind
from coach.domain.session import SessionEnded, SessionEvent, SessionState, WalkSession
from coach.ui.controllers.metronome import sound_settings
from coach.ui.screens import walk_texts as texts
from coach.ui.screens.walk_cue_times import cue_change_times
from coach.ui.screens.walk_cues import CueCardView
from coach.ui.services import AppServices
from coach.ui.widgets.big_number import BigNumber
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.footprints import Footprints
from coach.ui.widgets.routine_step import RoutineStepPanel, clock_text

logger = logging.getLogger(__name__)

PHASE_NAME_PX = 36
PHASE_LEFT_PX = (88, 56)
"""The phase countdown's size while walking, and smaller in stretches (the step has its own)."""
TICK_MS = 200
"""How often the session clock is read: the seconds shown stay within a fifth of a second."""


def ask_to_stop(parent: QWidget) -> bool:
    """Ask before stopping a walk (Esc is easy to press by accident)."""
    answer = QMessageBox.question(parent, texts.STOP_CONFIRM_TITLE, texts.STOP_CONFIRM_TEXT)
    return answer == QMessageBox.StandardButton.Yes


class WalkPlayer(QWidget):
    """Plays one WalkSession: phase, what is next, times, cadence, beat and the cue card."""

    ended = Signal()  # the session finished or was stopped; `session` holds the result
    schedule_changed = Signal(object)  # the CueSchedule after a pin or a hidden card

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.session: WalkSession | None = None
        self.schedule: CueSchedule | None = None
        self.confirm_stop: Callable[[QWidget], bool] = ask_to_stop
        """Asks before Esc stops the walk; tests replace it to avoid a modal dialog."""
        self._own_stop = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the keys work with focus here too
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self._build()
        self._add_shortcuts()
        services.metronome.beat_changed.connect(self._on_metronome_beat_changed)

    def _build(self) -> None:
        self.phase_label = BigNumber(pixel_size=PHASE_NAME_PX)
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.next_label = styled_label(role="muted", wrap=False)
        self.paused_label = styled_label(texts.PAUSED, "subheading")
        self.paused_label.hide()
        self.phase_left = BigNumber(pixel_size=PHASE_LEFT_PX[0])
        self.phase_left.setAccessibleName(texts.PHASE_LEFT)
        self.session_left = styled_label(role="subheading", wrap=False)
        self.cadence = BigNumber(pixel_size=56)
        self.cadence.setAccessibleName("Target cadence")
        self.footprints = Footprints()
        self.footprints.setMinimumSize(110, 90)
        self.cue_view = CueCardView(title_px=40)
        self.step_panel = RoutineStepPanel()  # the Stretches screen's, so both read alike
        self.step_frame = QFrame()
        self.step_frame.setProperty("card", True)
        frame_layout = QVBoxLayout(self.step_frame)
        frame_layout.setContentsMargins(24, 16, 24, 16)
        frame_layout.addWidget(self.step_panel)
        self.pause_button = self._button(texts.PAUSE_BUTTON, self.toggle_pause)
        self.skip_button = self._button(texts.SKIP_PHASE_BUTTON, self.skip_phase)
        self.add_button = self._button(texts.ADD_MINUTE_BUTTON, self.add_minute)
        self.pin_button = self._button(texts.PIN_BUTTON, self.toggle_pin)
        self.hide_button = self._button(texts.CUE_OFF_BUTTON, self.hide_card)
        self.stop_button = self._button(texts.STOP_BUTTON, self.ask_stop)
        self._lay_out()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.phase_label)
        titles.addWidget(self.next_label)
        titles.addWidget(self.paused_label)
        titles.addWidget(styled_label(texts.KEYS_HELP, "muted"))
        top.addLayout(titles, 1)
        top.addSpacing(24)
        times = QVBoxLayout()
        times.addWidget(self.phase_left)
        times.addWidget(styled_label(texts.PHASE_LEFT, "muted", wrap=False))
        times.addWidget(self.session_left)
        top.addLayout(times)
        top.addSpacing(24)
        top.addWidget(self.cadence)
        top.addWidget(self.footprints)
        buttons = QHBoxLayout()
        for button in (self.pause_button, self.skip_button, self.add_button, self.pin_button):
            buttons.addWidget(button)
        buttons.addWidget(self.hide_button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 20, 28, 16)
        column.setSpacing(12)
        column.addLayout(top)
        column.addWidget(self.cue_view, 1)
        column.addWidget(self.step_frame, 1)
        column.addLayout(buttons)

    def _add_shortcuts(self) -> None:
        keys = (
            ("Space", self.toggle_pause),
            ("N", self.skip_phase),
            ("M", self.add_minute),
            ("+", self.add_minute),
            ("P", self.toggle_pin),
            ("Esc", self.ask_stop),
        )
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setAutoRepeat(False)  # a held key is one press
            shortcut.activated.connect(slot)

    # -- driving ---------------------------------------------------------------------------

    def begin(self, session: WalkSession, schedule: CueSchedule) -> None:
        """Start a session (READY) with this cue schedule; the screen shows the player."""
        self.session, self.schedule = session, schedule
        self._handle(session.start())
        if self.session is not None and self.running:
            self._play_from_now()
            self.timer.start()
        self.refresh()

    @property
    def running(self) -> bool:
        """Whether a session is under way (running or paused)."""
        state = self.session.state if self.session else None
        return state in (SessionState.RUNNING, SessionState.PAUSED)

    def tick(self) -> None:
        """Advance the session by the clock (the timer calls this) and show where it is."""
        if self.session is None:
            return
        self._handle(self.session.tick())
        self.refresh()

    def toggle_pause(self) -> None:
        """Space: pause, or carry on; the sound stops while paused."""
        if not self.running or self.session is None:
            return
        self._handle(self.session.toggle_pause())
        if self.session.state is SessionState.PAUSED:
            self._stop_sound()
        elif self.running:
            self._play_from_now()
        self.refresh()

    def skip_phase(self) -> None:
        """N: go to the next part now."""
        if not self.running or self.session is None:
            return
        self._handle(self.session.skip_phase())
        self._replay()

    def add_minute(self) -> None:
        """M or +: a minute more of this walking part (not during stretches)."""
        if self.running and self.session is not None and self.session.add_minute():
            self._replay()

    def toggle_pin(self) -> None:
        """P: keep the card on show, or let the cards rotate again."""
        card = self.current_card()
        if self.schedule is None or (card is None and self.schedule.pinned_id is None):
            return
        if self.schedule.pinned_id is not None:
            self._set_schedule(self.schedule.unpin())
        elif card is not None:
            self._set_schedule(self.schedule.pin(card.id))

    def hide_card(self) -> None:
        """Never show the current card again (in this run of the app)."""
        card = self.current_card()
        if self.schedule is not None and card is not None:
            self._set_schedule(self.schedule.turn_off(card.id))

    def ask_stop(self) -> None:
        """Esc: stop early after a confirmation; what was walked is kept."""
        if self.running and self.confirm_stop(self):
            self.stop()

    def stop(self) -> None:
        """Stop the session now (no question); `ended` follows."""
        if self.session is not None and self.running:
            self._handle(self.session.stop())

    def current_card(self) -> CueCard | None:
        """The cue card for this moment of the walk."""
        if self.schedule is None or self.session is None:
            return None
        return self.schedule.card_at(self.session.elapsed_s)

    # -- inside ----------------------------------------------------------------------------

    def _set_schedule(self, schedule: CueSchedule) -> None:
        self.schedule = schedule
        self.schedule_changed.emit(schedule)
        self._replay()

    def _replay(self) -> None:
        if self.session is not None and self.session.state is SessionState.RUNNING:
            self._play_from_now()
        self.refresh()

    def _handle(self, events: list[SessionEvent]) -> None:
        if any(isinstance(e, SessionEnded) for e in events):
            self.timer.stop()
            self._stop_sound()
            self.ended.emit()

    def _play_from_now(self) -> None:
        assert self.session is not None and self.schedule is not None
        phases = self.session.tempo_from_now()
        metronome = self.services.metronome
        try:
            program = program_for_phases(
                phases,
                fs=metronome.sample_rate,
                settings=sound_settings(self.services.preferences.current, with_count_in=False),
                elapsed_s=self.session.elapsed_s,
                cue_chimes_s=cue_change_times(self.session, self.schedule),
            )
        except ProgramError as error:
            logger.warning("No sound for the rest of this walk: %s", error)
            self._stop_sound()
            return
        self._own_stop = True
        try:
            metronome.start(program)
        finally:
            self._own_stop = False

    def _stop_sound(self) -> None:
        self._own_stop = True
        try:
            self.services.metronome.stop()
        finally:
            self._own_stop = False
        self.footprints.clear()

    @property
    def stopping_on_purpose(self) -> bool:
        """True while the player itself stops or restarts the metronome."""
        return self._own_stop

    def _on_metronome_beat_changed(self, _index: int, foot: str) -> None:
        # A stretch has no steps; a stray beat from the program's edge must not light a foot.
        if self.running and self.session is not None and self.session.target_cadence_spm:
            self.footprints.show_step(foot)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Grow the cue card's words with the window: read from a treadmill, not a chair."""
        super().resizeEvent(event)
        self.cue_view.set_title_size(max(36, min(64, self.width() // 30)))

    def refresh(self) -> None:
        """Show the phase, what is next, the times, the cadence and the card or the stretch."""
        session = self.session
        phase = session.current_phase if session else None
        if session is None or phase is None:
            return
        self.phase_label.setText(phase.name or texts.PHASE_NAMES.get(phase.kind.value, ""))
        nxt = session.next_phase
        self.next_label.setText(texts.NEXT_UP.format(name=nxt.name) if nxt else texts.NEXT_LAST)
        self.phase_left.setText(clock_text(session.phase_remaining_s))
        self.session_left.setText(texts.SESSION_LEFT.format(time=clock_text(session.remaining_s)))
        spm = session.target_cadence_spm
        if spm is None:
            self.footprints.clear()  # no steps now: no lit foot left over from the last beat
        self.cadence.setText(texts.CADENCE_TARGET.format(spm=round(spm)) if spm else "")
        self.cadence.setToolTip("" if spm else texts.CADENCE_NONE)
        paused = session.state is SessionState.PAUSED
        self.paused_label.setVisible(paused)
        self.pause_button.setText(texts.RESUME_BUTTON if paused else texts.PAUSE_BUTTON)
        self.pause_button.setAccessibleName(self.pause_button.text())
        stretching = phase.kind is PhaseKind.STRETCHES and phase.timeline is not None
        self.step_frame.setVisible(stretching)
        self.phase_left.set_pixel_size(PHASE_LEFT_PX[1] if stretching else PHASE_LEFT_PX[0])
        self.cue_view.setVisible(not stretching)
        self.add_button.setEnabled(not stretching)
        for button in (self.pin_button, self.hide_button):
            button.setVisible(not stretching)
        step = session.current_routine_step
        if stretching and step is not None and phase.timeline is not None:
            left = step.end_s - session.routine_position_s
            self.step_panel.show_step(step, left, len(phase.timeline.routine.exercises))
        elif not stretching:
            self._show_card()

    def _show_card(self) -> None:
        card = self.current_card()
        if self.cue_view.card != card or card is None:
            self.cue_view.show_card(card)
        pinned = self.schedule is not None and self.schedule.pinned_id is not None
        self.pin_button.setText(texts.UNPIN_BUTTON if pinned else texts.PIN_BUTTON)
        self.pin_button.setAccessibleName(self.pin_button.text())
        self.hide_button.setEnabled(card is not None)
