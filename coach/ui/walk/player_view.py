"""What the walk player shows: the phase, what is next, the times, cadence, beat and card.

Pure display: WalkPlayer (walk/player.py) drives the session and calls show_session().
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from coach.domain.cues import CueCard
from coach.domain.plans import PhaseKind
from coach.domain.session import SessionState, WalkSession
from coach.ui.stretches.routine_step import RoutineStepPanel, clock_text
from coach.ui.walk import texts
from coach.ui.walk.cues import CueCardView
from coach.ui.widgets.big_number import BigNumber
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.checked_field import set_button_text
from coach.ui.widgets.column_scroll import column_scroll
from coach.ui.widgets.flow_row import FlowRow
from coach.ui.widgets.footprints import Footprints
from coach.ui.widgets.reflow_row import ReflowRow

PHASE_NAME_PX = 36
PHASE_LEFT_PX = (88, 56)
"""The phase countdown's size while walking, and smaller in stretches (the step has its own)."""


class PlayerView(QWidget):
    """The player's labels, beat, cue card, stretch step and buttons (not yet connected)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()

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
        self.pause_button = self._button(texts.PAUSE_BUTTON)
        self.skip_button = self._button(texts.SKIP_PHASE_BUTTON)
        self.add_button = self._button(texts.ADD_MINUTE_BUTTON)
        self.pin_button = self._button(texts.PIN_BUTTON)
        self.hide_button = self._button(texts.CUE_OFF_BUTTON)
        self.stop_button = self._button(texts.STOP_BUTTON)
        self.treadmill_button = self._button(texts.TREADMILL_BUTTON)
        self._lay_out()

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        return button

    def _lay_out(self) -> None:
        titles = QWidget()
        title_column = QVBoxLayout(titles)
        title_column.setContentsMargins(0, 0, 0, 0)
        title_column.addWidget(self.phase_label)
        title_column.addWidget(self.next_label)
        title_column.addWidget(self.paused_label)
        title_column.addWidget(styled_label(texts.KEYS_HELP, "muted"))
        title_column.addStretch(1)  # the words stay together at the top
        times = QWidget()
        time_column = QVBoxLayout(times)
        time_column.setContentsMargins(0, 0, 0, 0)
        time_column.addWidget(self.phase_left)
        time_column.addWidget(styled_label(texts.PHASE_LEFT, "muted", wrap=False))
        time_column.addWidget(self.session_left)
        # Titles beside the numbers on a wide window; above them, then the numbers one above
        # another, as the window narrows, so nothing is cut off (issue 12).
        numbers = ReflowRow(spacing=24)
        numbers.add(times)
        numbers.add(self.cadence)
        numbers.add(self.footprints, 1)
        top = ReflowRow(spacing=24)
        top.add(titles, 1)
        top.add(numbers)
        buttons = FlowRow()
        for button in (self.pause_button, self.skip_button, self.add_button, self.pin_button):
            buttons.add(button)
        buttons.add(self.hide_button)
        buttons.add(self.treadmill_button)
        buttons.add(self.stop_button, right=True)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(28, 20, 28, 16)
        column.setSpacing(12)
        column.addWidget(top)
        column.addWidget(self.cue_view, 1)
        column.addWidget(self.step_frame, 1)
        column.addWidget(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(column_scroll(page, texts.PLAYER_NAME))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Grow the cue card's words with the window: read from a treadmill, not a chair."""
        super().resizeEvent(event)
        self.cue_view.set_title_size(max(36, min(64, self.width() // 30)))

    def show_session(self, session: WalkSession, card: CueCard | None, pinned: bool) -> None:
        """Show the phase, what is next, the times, the cadence and the card or the stretch."""
        phase = session.current_phase
        if phase is None:
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
        set_button_text(self.pause_button, texts.RESUME_BUTTON if paused else texts.PAUSE_BUTTON)
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
            self._show_card(card, pinned)

    def _show_card(self, card: CueCard | None, pinned: bool) -> None:
        if self.cue_view.card != card or card is None:
            self.cue_view.show_card(card)
        set_button_text(self.pin_button, texts.UNPIN_BUTTON if pinned else texts.PIN_BUTTON)
        self.pin_button.setAccessibleName(self.pin_button.text())
        self.hide_button.setEnabled(card is not None)
