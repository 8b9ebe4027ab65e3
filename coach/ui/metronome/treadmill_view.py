"""The treadmill view: full screen, near-black, huge white numbers, readable from two metres.

Nothing on it needs the mouse: Space starts and stops, the arrow and page keys change the
cadence, Esc leaves. The Metronome screen and the guided walk player (which also shows the
part of the walk and the cue card's title) both use it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from coach.domain.cadence import LARGE_CHANGE_SPM, SMALL_CHANGE_SPM
from coach.ui.metronome import texts
from coach.ui.metronome.cards import clock_text
from coach.ui.widgets.big_number import BigNumber
from coach.ui.widgets.footprints import Footprints

BACKGROUND = "#0b0d0e"
TEXT = "#ffffff"
MUTED = "#b8c2c0"  # 10:1 on the background
LIT = "#7fe0d6"  # the app's teal, brightened for a dark room
DIM = "#2c3335"
WARNING = "#ffd27a"  # amber, 12:1 on the background
# Fractions of the screen height: the cadence digits are 30 % tall (the brief asks >= 20 %).
CADENCE_FRACTION = 0.30
TIMER_FRACTION = 0.13
LABEL_FRACTION = 0.045
CUE_FRACTION = 0.06
HINT_FRACTION = 0.025

KEY_CHANGES = {
    Qt.Key.Key_Up: SMALL_CHANGE_SPM,
    Qt.Key.Key_Down: -SMALL_CHANGE_SPM,
    Qt.Key.Key_PageUp: LARGE_CHANGE_SPM,
    Qt.Key.Key_PageDown: -LARGE_CHANGE_SPM,
    Qt.Key.Key_Plus: LARGE_CHANGE_SPM,
    Qt.Key.Key_Equal: LARGE_CHANGE_SPM,
    Qt.Key.Key_Minus: -LARGE_CHANGE_SPM,
}


class TreadmillView(QWidget):
    """A window of its own with cadence, timer, target and the beat footprints."""

    toggle_requested = Signal()
    change_requested = Signal(int)  # steps/min
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(texts.TITLE)
        self.setAccessibleName("Treadmill view")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            f"TreadmillView {{ background: {BACKGROUND}; }} QLabel {{ color: {TEXT}; }}"
            f" QLabel#muted {{ color: {MUTED}; }} QLabel#warning {{ color: {WARNING}; }}"
        )
        self.cadence = BigNumber()
        self.cadence.setAccessibleName(texts.CADENCE_NAME)
        self.unit = self._label(texts.STEPS_PER_MIN, muted=True)
        self.timer = BigNumber(clock_text(0))
        self.timer.setAccessibleName(texts.TIMER_NAME)
        self.target = self._label("")
        self.state = self._label(texts.TV_STOPPED, muted=True)
        self.hint = self._label(texts.TV_HINT, muted=True)
        self.warning = self._label("")
        self.warning.setObjectName("warning")
        self.warning.hide()
        self.cue = self._label("")
        self.cue.setAccessibleName("Cue card")
        self.cue.hide()
        self.footprints = Footprints(texts.LEFT, texts.RIGHT)
        self.footprints.set_colors(LIT, DIM, MUTED)
        self._lay_out()

    def _label(self, text: str, muted: bool = False) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if muted:
            label.setObjectName("muted")
        return label

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.setContentsMargins(48, 32, 48, 24)
        grid.setHorizontalSpacing(48)
        grid.addWidget(self.target, 0, 0)
        grid.addWidget(self.state, 0, 1)
        left = QVBoxLayout()
        left.addStretch(1)
        left.addWidget(self.cadence)
        left.addWidget(self.unit)
        left.addStretch(1)
        grid.addLayout(left, 1, 0)
        right = QVBoxLayout()
        right.addWidget(self.footprints, 3)
        right.addWidget(self.timer, 2)
        grid.addLayout(right, 1, 1)
        grid.addWidget(self.cue, 2, 0, 1, 2)
        grid.addWidget(self.warning, 3, 0, 1, 2)
        grid.addWidget(self.hint, 4, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)
        self.setLayout(grid)

    def show_cadence(self, spm: int) -> None:
        """The cadence the metronome plays."""
        self.cadence.setText(str(spm))

    def show_cadence_text(self, text: str) -> None:
        """The cadence as text (a dash where there are no steps, e.g. in a stretch)."""
        self.cadence.setText(text)

    def show_target(self, spm: int | None) -> None:
        """This week's plan target, or nothing without a plan."""
        self.target.setText(texts.TV_TARGET.format(spm=spm) if spm else texts.TV_NO_TARGET)

    def show_heading(self, text: str) -> None:
        """The line at the top left: the plan target, or the part of a guided walk."""
        self.target.setText(text)

    def show_cue(self, text: str) -> None:
        """A cue card's title in very large type; "" hides it."""
        self.cue.setText(text)
        self.cue.setVisible(bool(text))

    def set_hint(self, text: str) -> None:
        """The keys line at the bottom."""
        self.hint.setText(text)

    def show_time(self, seconds: float) -> None:
        """The session timer."""
        self.timer.setText(clock_text(seconds))

    def show_state(self, text: str) -> None:
        """Stopped, Get ready or Walking."""
        self.state.setText(text)

    def show_warning(self, text: str) -> None:
        """A short line in amber, e.g. that the sound is off; "" hides it."""
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def enter(self) -> None:
        """Fill the screen and take the keyboard."""
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scale every text with the screen height, so it reads from two metres anywhere."""
        super().resizeEvent(event)
        height = max(1, self.height())
        self.cadence.set_pixel_size(round(height * CADENCE_FRACTION))
        self.timer.set_pixel_size(round(height * TIMER_FRACTION))
        for label, fraction in (
            (self.unit, LABEL_FRACTION),
            (self.target, LABEL_FRACTION),
            (self.state, LABEL_FRACTION),
            (self.hint, HINT_FRACTION),
            (self.warning, LABEL_FRACTION),
            (self.cue, CUE_FRACTION),
        ):
            font = label.font()
            font.setPixelSize(max(8, round(height * fraction)))
            label.setFont(font)
        font = self.footprints.font()
        font.setPixelSize(max(8, round(height * HINT_FRACTION * 1.2)))
        self.footprints.setFont(font)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space, the cadence keys and Esc; everything works without the mouse."""
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self.toggle_requested.emit()
        elif key in KEY_CHANGES:
            self.change_requested.emit(KEY_CHANGES[key])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Leaving the view (Esc or the window manager) hands the keys back to the screen."""
        super().closeEvent(event)
        self.left.emit()
