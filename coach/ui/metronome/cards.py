"""The two cards at the top of the metronome screen: the pace, and the walk under way."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSizePolicy, QSpinBox

from coach.domain.cadence import (
    LARGE_CHANGE_SPM,
    SMALL_CHANGE_SPM,
    cadence_presets,
    intensity_band,
)
from coach.ui.metronome import texts
from coach.ui.widgets.big_number import BigNumber
from coach.ui.widgets.card import Card, styled_label
from coach.ui.widgets.checked_field import named_button, set_button_text
from coach.ui.widgets.flow_row import FlowRow
from coach.ui.widgets.footprints import Footprints

CADENCE_PIXELS = 84
TIMER_PIXELS = 48
END_AFTER_MAX_MIN = 120


def clock_text(seconds: float) -> str:
    """Elapsed time as m:ss, or h:mm:ss from an hour on."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class PaceCard(Card):
    """The big cadence with -5 -1 +1 +5, its intensity band in words, and the presets."""

    change_requested = Signal(int)  # a change in steps/min
    preset_chosen = Signal(int)

    def __init__(self) -> None:
        super().__init__(texts.PACE_TITLE)
        self.cadence = BigNumber(pixel_size=CADENCE_PIXELS)
        self.cadence.setAccessibleName(texts.CADENCE_NAME)
        self.cadence.setMinimumWidth(self.cadence.fontMetrics().horizontalAdvance("2200"))
        self.buttons: dict[int, QPushButton] = {}
        self._row = QGridLayout()
        self._row.setHorizontalSpacing(8)
        self._narrow: bool | None = None
        for change, text, name in (
            (-LARGE_CHANGE_SPM, texts.SLOWER_5, texts.SLOWER_5_NAME),
            (-SMALL_CHANGE_SPM, texts.SLOWER_1, texts.SLOWER_1_NAME),
            (SMALL_CHANGE_SPM, texts.FASTER_1, texts.FASTER_1_NAME),
            (LARGE_CHANGE_SPM, texts.FASTER_5, texts.FASTER_5_NAME),
        ):
            button = named_button(text)
            button.setObjectName("step_button")
            button.setAccessibleName(name)
            button.clicked.connect(lambda _=False, c=change: self.change_requested.emit(c))
            self.buttons[change] = button
        self._arrange(narrow=False)
        self.body.addLayout(self._row)
        self.unit_label = styled_label(texts.STEPS_PER_MIN, "muted", wrap=False)
        self.unit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.unit_label)
        self.band_label = styled_label()
        self.band_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.band_label)
        self.presets_row = FlowRow(spacing=8)  # wraps rather than widen the card
        presets_label = styled_label(texts.PRESETS_LABEL, "muted", wrap=False)
        presets_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.presets_row.add(presets_label)
        self.preset_buttons: dict[str, QPushButton] = {}
        self.body.addWidget(self.presets_row)
        self.body.addStretch(1)

    def _arrange(self, narrow: bool) -> None:
        # Wide: -5 -1 [cadence] +1 +5 in one row. Narrow (a small window or large text): the
        # cadence on its own line and the four buttons under it, so nothing is cut off.
        if narrow == self._narrow:
            return
        self._narrow = narrow
        steps = [self.buttons[c] for c in sorted(self.buttons)]
        for widget in (self.cadence, *steps):
            self._row.removeWidget(widget)
        for column in range(5):
            self._row.setColumnStretch(column, 0)
        if narrow:
            self._row.addWidget(self.cadence, 0, 0, 1, 4)
            for column, button in enumerate(steps):
                self._row.addWidget(button, 1, column)
                self._row.setColumnStretch(column, 1)
        else:
            for column, widget in enumerate((*steps[:2], self.cadence, *steps[2:])):
                self._row.addWidget(widget, 0, column)
            self._row.setColumnStretch(2, 1)

    def _wide_width(self) -> int:
        widths = [b.minimumSizeHint().width() for b in self.buttons.values()]
        widths.append(max(self.cadence.minimumWidth(), self.cadence.minimumSizeHint().width()))
        margins = self.body.contentsMargins()
        return sum(widths) + 8 * (len(widths) - 1) + margins.left() + margins.right()

    def minimumSizeHint(self) -> QSize:
        """As narrow as the stacked arrangement allows: the card never forces a scroll bar."""
        hint = super().minimumSizeHint()
        if self._narrow:
            return hint
        margins = self.body.contentsMargins()
        steps = sum(b.minimumSizeHint().width() for b in self.buttons.values()) + 3 * 8
        cadence = max(self.cadence.minimumWidth(), self.cadence.minimumSizeHint().width())
        narrow = max(steps, cadence) + margins.left() + margins.right()
        return QSize(min(hint.width(), max(narrow, self._presets_width())), hint.height())

    def _presets_width(self) -> int:
        margins = self.body.contentsMargins()
        return self.presets_row.minimumSizeHint().width() + margins.left() + margins.right()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Choose the wide or the stacked arrangement for the new width, once this resize is done.

        Moving widgets in the grid while the parent layout is still placing its children
        crashed Qt; after the event the parent has finished.
        """
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._follow_width)

    def _follow_width(self) -> None:
        self._arrange(narrow=self.width() < self._wide_width())

    def show_cadence(self, spm: int) -> None:
        """Show a cadence and the intensity band it falls in."""
        self.cadence.setText(str(spm))
        self.band_label.setText(texts.BAND_TEXT[intensity_band(spm).value])

    def show_presets(self, plan_target: int | None) -> None:
        """Rebuild the preset buttons: easy, brisk and this week's target when a plan runs."""
        for button in self.preset_buttons.values():
            self.presets_row.remove(button)
            button.hide()
            button.deleteLater()
        self.preset_buttons = {}
        for name, spm in cadence_presets(plan_target).items():
            button = named_button(texts.PRESET_NAMES[name].format(spm=spm))
            button.clicked.connect(lambda _=False, s=spm: self.preset_chosen.emit(s))
            self.presets_row.add(button)
            self.preset_buttons[name] = button


class WalkCard(Card):
    """The beat footprints, the session timer, the optional end time and Start/Stop."""

    def __init__(self) -> None:
        super().__init__(texts.WALK_TITLE)
        self.footprints = Footprints(texts.LEFT, texts.RIGHT)
        self.footprints.setAccessibleName(texts.FOOTPRINTS_NAME)
        self.timer_label = BigNumber(clock_text(0), TIMER_PIXELS)
        self.timer_label.setAccessibleName(texts.TIMER_NAME)
        self.status_label = styled_label(texts.READY)
        self.end_after = QSpinBox()
        self.end_after.setRange(0, END_AFTER_MAX_MIN)
        self.end_after.setSingleStep(5)
        self.end_after.setSpecialValueText(texts.END_AFTER_NONE)
        self.end_after.setSuffix(texts.END_AFTER_SUFFIX)
        self.end_after.setAccessibleName(texts.END_AFTER)
        self.end_after.setMinimumWidth(
            self.end_after.fontMetrics().horizontalAdvance(texts.END_AFTER_NONE) + 64
        )
        self.start_button = named_button(texts.START)
        self.start_button.setObjectName("start_button")
        self.treadmill_button = named_button(texts.TREADMILL_BUTTON)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        grid.addWidget(self.footprints, 0, 0, 3, 1)
        grid.addWidget(self.timer_label, 0, 1, 1, 2)
        end_label = styled_label(texts.END_AFTER, wrap=False)
        end_label.setBuddy(self.end_after)
        grid.addWidget(end_label, 1, 1)
        grid.addWidget(self.end_after, 1, 2)
        grid.addWidget(self.start_button, 2, 1, 1, 2)
        grid.setColumnStretch(0, 1)
        self.body.addLayout(grid)
        self.body.addWidget(self.status_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.treadmill_button)
        self.body.addLayout(row)

    def show_running(self, running: bool) -> None:
        """Start or Stop on the button; the end time is fixed while walking."""
        set_button_text(self.start_button, texts.STOP if running else texts.START)
        self.end_after.setEnabled(not running)
        if not running:
            self.footprints.clear()


def end_after_seconds(minutes: int) -> float | None:
    """The spin box value as seconds, None for "No set end"."""
    return minutes * 60.0 if minutes > 0 else None
