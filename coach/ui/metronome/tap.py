"""The "Measure my cadence" tab: tap once per footfall, see the cadence and how steady it was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from coach.domain.cadence_records import CadenceBaseline
from coach.domain.tap_tempo import TapEstimate, TapRecorder, TapTempoError
from coach.domain.units import OutOfRangeError
from coach.services.errors import StoreError
from coach.ui.metronome import texts
from coach.ui.services import AppServices
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.checked_field import named_button


class TapPanel(QWidget):
    """A big tap button (and the T key), a live estimate and the measured result."""

    tempo_chosen = Signal(int)  # "Use as tempo"
    baseline_saved = Signal(object)  # the CadenceBaseline just saved

    def __init__(
        self,
        services: AppServices,
        monotonic: Callable[[], float],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._monotonic = monotonic
        self.recorder = TapRecorder()
        self.estimate: TapEstimate | None = None
        self.tap_button = named_button(texts.TAP_BUTTON)
        self.tap_button.setObjectName("tap_button")
        self.tap_button.setAccessibleName(texts.TAP_BUTTON_NAME)
        self.tap_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.tap_button.setMinimumHeight(84)
        self.tap_button.setAutoRepeat(False)
        self.count_label = styled_label(texts.TAP_NONE, "subheading")
        self.count_label.setAccessibleName("Taps so far")
        self.result_label = styled_label()
        self.result_label.setAccessibleName("Measured cadence")
        self.hint_label = styled_label(role="muted")
        self.baseline_label = styled_label(role="muted")
        self.save_button = named_button(texts.TAP_SAVE)
        self.use_button = named_button(texts.TAP_USE)
        self.reset_button = named_button(texts.TAP_RESET)
        self._lay_out()
        self.tap_button.pressed.connect(self.tap)  # on press: the moment the foot lands
        self.save_button.clicked.connect(self.save_baseline)
        self.use_button.clicked.connect(self._on_use)
        self.reset_button.clicked.connect(self.reset)
        self._show()

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 8, 4, 8)
        column.setSpacing(10)
        column.addWidget(styled_label(texts.TAP_HELP, "muted"))
        row = QHBoxLayout()
        row.setSpacing(18)
        row.addWidget(self.tap_button, 2)
        info = QVBoxLayout()
        info.addWidget(self.count_label)
        info.addWidget(self.result_label)
        info.addWidget(self.hint_label)
        row.addLayout(info, 3)
        column.addLayout(row)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.use_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.baseline_label)
        column.addStretch(1)

    def tap(self) -> None:
        """One footfall, at the injected monotonic time."""
        self.recorder = self.recorder.tap(self._monotonic())
        self.estimate = None
        if self.recorder.taps_needed == 0:
            try:
                self.estimate = self.recorder.estimate()
            except (TapTempoError, OutOfRangeError) as error:
                self.hint_label.setText(str(error))
        self._show()

    def reset(self) -> None:
        """Forget the taps and start a new measurement."""
        self.recorder = TapRecorder()
        self.estimate = None
        self._show()

    def save_baseline(self) -> None:
        """Keep the measured cadence as the baseline the plan starts from."""
        if self.estimate is None or not self.estimate.reliable:
            return
        now = self.services.clock.now()
        try:
            self.services.cadence.save_baseline(self.estimate, now)
            baseline = self.services.cadence.latest_baseline()
        except (StoreError, TapTempoError) as error:
            self.hint_label.setText(str(error))
            return
        self.hint_label.setText(texts.TAP_SAVED.format(at=now))
        self.save_button.setEnabled(False)
        self._show_baseline(baseline)
        self.baseline_saved.emit(baseline)

    def refresh(self) -> None:
        """Show the saved baseline again (after the screen comes back into view)."""
        try:
            self._show_baseline(self.services.cadence.latest_baseline())
        except StoreError as error:
            self.baseline_label.setText(str(error))

    def _show_baseline(self, baseline: CadenceBaseline | None) -> None:
        if baseline is None:
            self.baseline_label.setText(texts.BASELINE_NONE)
        else:
            self.baseline_label.setText(
                texts.BASELINE_NOW.format(spm=round(baseline.cadence_spm), at=baseline.measured_at)
            )

    def _on_use(self) -> None:
        if self.estimate is not None:
            self.tempo_chosen.emit(round(self.estimate.cadence_spm))

    def _show(self) -> None:
        taps = len(self.recorder.times_s)
        needed = self.recorder.taps_needed
        live = self.recorder.live_cadence
        if taps == 0:
            count = texts.TAP_NONE
        elif needed and live is not None:
            count = texts.TAP_COUNTING_LIVE.format(taps=taps, needed=needed, spm=round(live))
        elif needed:
            count = texts.TAP_COUNTING.format(taps=taps, needed=needed)
        else:
            count = texts.TAP_LIVE.format(taps=taps, spm=round(live or 0))
        self.count_label.setText(count)
        estimate = self.estimate
        if estimate is None:
            self.result_label.setText("")
            if needed or taps == 0:
                self.hint_label.setText("")
        else:
            self.result_label.setText(
                texts.TAP_RESULT.format(
                    spm=round(estimate.cadence_spm),
                    steadiness=estimate.steadiness.value,
                    used=estimate.used_taps,
                    taps=estimate.taps,
                )
            )
            self.hint_label.setText("" if estimate.reliable else texts.TAP_UNEVEN_HINT)
        self.save_button.setEnabled(estimate is not None and estimate.reliable)
        self.use_button.setEnabled(estimate is not None)
        self.reset_button.setEnabled(taps > 0)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
