"""The Metronome & treadmill screen: walk to a beat, measure a cadence, plan its progress.

Sound and beat come from the app's one MetronomeController (services.metronome); this screen
only chooses the program, shows the beat of the walk it started (through that walk's
PlaybackHandle) and saves each walk done here as a WalkRecord.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QFrame,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coach.audio.transport import EndReason
from coach.domain.cadence import LARGE_CHANGE_SPM, SMALL_CHANGE_SPM, adjust_cadence
from coach.domain.preferences import Preferences
from coach.domain.walks import WalkKind, WalkRecord, counts_toward_goal, duration_words
from coach.services.changes import Change
from coach.services.errors import StoreError
from coach.ui.controllers.metronome import PlaybackHandle
from coach.ui.data_changes import refresh_on
from coach.ui.metronome import texts
from coach.ui.metronome.calculator import CalculatorPanel
from coach.ui.metronome.cards import PaceCard, WalkCard, clock_text, end_after_seconds
from coach.ui.metronome.plan import PlanPanel
from coach.ui.metronome.tap import TapPanel
from coach.ui.metronome.treadmill_view import TreadmillView
from coach.ui.safety.gate import WalkQuestion, ask_before_walking, may_start_walk
from coach.ui.safety.notice import SafetyNotice
from coach.ui.services import AppServices
from coach.ui.theme import ThemeColors, colors_for, current_scheme
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.reflow_row import ReflowRow

MIN_SAVED_WALK_S = 10
"""Shorter runs are a start pressed by mistake, not a walk worth counting."""
TABS_MIN_HEIGHT = 330
CONTENT_MAX_WIDTH = 1400  # wider lines are hard to follow on a big screen

SHORTCUT_CHANGES = {
    "Up": SMALL_CHANGE_SPM,
    "Down": -SMALL_CHANGE_SPM,
    "PgUp": LARGE_CHANGE_SPM,
    "PgDown": -LARGE_CHANGE_SPM,
    "+": LARGE_CHANGE_SPM,
    "=": LARGE_CHANGE_SPM,  # + without Shift on most layouts
    "-": -LARGE_CHANGE_SPM,
}


def local_style(colors: ThemeColors) -> str:
    """Rules only this screen needs: refusals at a field, the Start and Tap buttons."""
    return f"""
    QLabel#field_error {{
        color: {colors.warning_text}; background: {colors.warning_bg};
        border-radius: 6px; padding: 4px 8px;
    }}
    QLineEdit[invalid="true"] {{ border: 2px solid {colors.warning_text}; border-radius: 4px; }}
    QPushButton#start_button, QPushButton#tap_button {{
        background: {colors.accent}; color: {colors.accent_text}; font-weight: 600;
        border-radius: 8px; padding: 10px 22px;
    }}
    QPushButton#tap_button {{ font-size: 20pt; }}
    QPushButton#step_button {{ min-width: 44px; min-height: 40px; font-weight: 600; }}
    """


class MetronomeScreen(QScrollArea):
    """Pace and walk cards on top; tap-to-measure, calculator and plan in tabs below."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.controller = services.metronome
        preferences = services.preferences.current
        self.cadence = preferences.default_cadence_spm
        self.plan_target: int | None = None
        self._walk: PlaybackHandle | None = None  # the walk started here, while it plays
        self._walk_spm: list[int] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.pace = PaceCard()
        self.walk = WalkCard()
        self.message_label = styled_label()
        self.tap = TapPanel(services, services.clock.monotonic)
        self.calculator = CalculatorPanel(preferences, lambda: self.tap.estimate)
        self.plan = PlanPanel(services)
        self.tabs = QTabWidget()
        self.treadmill = TreadmillView(self)  # a window of its own, owned by the screen
        self.safety_notice = SafetyNotice(services)
        self.ask_before_walking: WalkQuestion = ask_before_walking
        """Asks before a walk while the plan is paused; tests answer it instead."""
        self._lay_out()
        self._connect()
        self._add_shortcuts()
        refresh_on(services.data_changes, (Change.PLANS, Change.SAFETY), self, self.refresh)
        self.refresh()

    # --- layout --------------------------------------------------------------------------

    def _lay_out(self) -> None:
        column = QVBoxLayout()
        column.setContentsMargins(28, 20, 28, 20)
        column.setSpacing(12)
        column.addWidget(styled_label(texts.TITLE, "heading"))
        column.addWidget(styled_label(texts.INTRO, "muted"))
        column.addWidget(self.safety_notice)
        cards = ReflowRow(spacing=16)  # side by side when they fit, stacked when they do not
        cards.add(self.pace, 1)
        cards.add(self.walk, 1)
        column.addWidget(cards)
        self.message_label.hide()
        column.addWidget(self.message_label)
        column.addWidget(styled_label(texts.KEYS, "muted"))
        for page, title in (
            (self.tap, texts.TAB_TAP),
            (self.calculator, texts.TAB_CALCULATOR),
            (self.plan, texts.TAB_PLAN),
        ):
            self.tabs.addTab(_scrolling(page, title), title)
        self.tabs.setMinimumHeight(TABS_MIN_HEIGHT)
        self.tabs.setAccessibleName(texts.TABS_NAME)
        self.tabs.tabBar().setAccessibleName(texts.TABS_NAME)
        column.addWidget(self.tabs, 1)
        content = QWidget()
        content.setLayout(column)
        content.setMaximumWidth(CONTENT_MAX_WIDTH)
        content.setStyleSheet(local_style(colors_for(current_scheme())))
        self.content = content
        self.setWidget(content)

    def _connect(self) -> None:
        self.pace.change_requested.connect(self.change_cadence)
        self.pace.preset_chosen.connect(self.set_cadence)
        self.walk.start_button.clicked.connect(self.toggle)
        self.walk.treadmill_button.clicked.connect(self.enter_treadmill_view)
        self.tap.tempo_chosen.connect(self.set_cadence)
        self.tap.baseline_saved.connect(lambda _b: self.plan.refresh())
        self.calculator.cadence_chosen.connect(self.set_cadence)
        self.plan.tempo_chosen.connect(self.set_cadence)
        self.plan.plan_changed.connect(self._show_plan_target)
        self.treadmill.toggle_requested.connect(self.toggle)
        self.treadmill.change_requested.connect(self.change_cadence)
        self.treadmill.left.connect(self._on_treadmill_left)
        self.services.preferences.preferences_changed.connect(self._on_preferences_changed)

    def _add_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, change in SHORTCUT_CHANGES.items():
            shortcut = QShortcut(QKeySequence(key), self, context=context)
            shortcut.activated.connect(lambda change=change: self._on_cadence_key(change))
        # Space, T and F work wherever the focus is in the window while this screen shows
        # (a hidden screen's shortcuts are off); the arrows stay with the sidebar there.
        for key, slot in (
            ("Space", self._on_space),
            ("T", self.tap.tap),
            ("F", self.enter_treadmill_view),
            ("F11", self.enter_treadmill_view),
        ):
            shortcut = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WindowShortcut)
            shortcut.setAutoRepeat(False)  # a held key is one tap, one start
            shortcut.activated.connect(slot)

    # --- cadence -------------------------------------------------------------------------

    def change_cadence(self, change: int) -> None:
        """The cadence up or down by `change` steps/min, kept within 40-220."""
        self.set_cadence(adjust_cadence(self.cadence, change))

    def set_cadence(self, spm: int) -> None:
        """Set the tempo; a walk under way changes at its next beat."""
        spm = adjust_cadence(spm, 0)
        self.cadence = spm
        self.pace.show_cadence(spm)
        self.treadmill.show_cadence(spm)
        self.calculator.set_cadence(spm)
        if self._walk is not None:
            self._walk.set_tempo(spm)
            self._walk_spm.append(spm)

    # --- walking -------------------------------------------------------------------------

    @property
    def walking(self) -> bool:
        """Whether a walk started here is under way."""
        return self._walk is not None

    def toggle(self) -> None:
        """Start a walk, or stop the one under way (Space, the button, the treadmill view)."""
        if self.walking:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        """Start the metronome at the cadence shown, with the count-in and optional end."""
        if not may_start_walk(self.services, self, self.ask_before_walking):
            return
        end_s = end_after_seconds(self.walk.end_after.value())
        program = self.controller.steady(self.cadence, end_s)
        walk = self.controller.start(program, owner="metronome screen")
        walk.beat_changed.connect(self._on_beat)
        walk.elapsed_changed.connect(self._on_elapsed)
        walk.ended.connect(self._on_ended)
        walk.sound_changed.connect(lambda _on: self._show_status())
        walk.sound_lost.connect(lambda _text: self._show_status())
        self._walk = walk
        self._walk_spm = [self.cadence]
        self._say("")
        self.walk.show_running(True)
        self.treadmill.show_state(texts.TV_COUNT_IN)
        self._show_status()

    def stop(self) -> None:
        """Stop the walk under way; it is saved (see _on_stopped)."""
        if self._walk is not None:
            self._walk.stop()

    def _on_ended(self, walked_s: float, reason: EndReason) -> None:
        # Whatever ended it (Stop, its end time, another screen taking the sound, the window
        # closing), the walk done so far is saved.
        self._walk = None
        finished = reason is EndReason.FINISHED
        self.walk.show_running(False)
        self.treadmill.show_state(texts.TV_FINISHED if finished else texts.TV_STOPPED)
        self.treadmill.footprints.clear()
        self._show_status()
        note = texts.FINISHED if finished else ""
        self._say(note + self._save_walk(walked_s))

    def _save_walk(self, walked_s: float) -> str:
        if walked_s < MIN_SAVED_WALK_S:
            return texts.TOO_SHORT.format(seconds=MIN_SAVED_WALK_S)
        first, last = self._walk_spm[0], self._walk_spm[-1]
        now: datetime = self.services.clock.now()
        record = WalkRecord(
            started_at=now - timedelta(seconds=walked_s),
            duration_s=walked_s,
            kind=WalkKind.METRONOME,
            cadence_spm=float(last),
            ramp_from_spm=float(first) if first != last else None,
            speed_kmh=self.calculator.speed_kmh,
        )
        try:
            self.services.diary.add_walk(record)
        except StoreError as error:
            return texts.SAVE_FAILED.format(error=error)
        counted = texts.SAVED if counts_toward_goal(record) else texts.SAVED_SHORT
        return counted.format(duration=duration_words(walked_s), spm=last)

    def _on_beat(self, index: int, foot: str) -> None:
        self.walk.footprints.show_step(foot)
        self.treadmill.footprints.show_step(foot)
        if index == 0:
            self._show_status()
            self.treadmill.show_state(texts.TV_WALKING)

    def _on_elapsed(self, seconds: float) -> None:
        self.walk.timer_label.setText(clock_text(seconds))
        self.treadmill.show_time(seconds)

    def _show_status(self) -> None:
        walk = self._walk
        if walk is None:
            text = texts.READY
        elif walk.elapsed_s <= 0:
            text = texts.COUNT_IN
        elif self.walk.end_after.value():
            text = texts.WALKING_UNTIL.format(minutes=self.walk.end_after.value())
        else:
            text = texts.WALKING
        sound_off = walk is not None and not walk.sound_on
        if sound_off:
            text = f"{text} {texts.SOUND_OFF}"
        self.walk.status_label.setText(text)
        self.treadmill.show_warning(texts.TV_SOUND_OFF if sound_off else "")

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # --- treadmill view ------------------------------------------------------------------

    def enter_treadmill_view(self) -> None:
        """Show the full-screen treadmill view (Esc leaves it)."""
        self.treadmill.show_cadence(self.cadence)
        self.treadmill.show_target(self.plan_target)
        self.treadmill.enter()

    def _on_treadmill_left(self) -> None:
        self.activateWindow()
        self.walk.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- refresh -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the plan target and baseline (called each time the screen is shown)."""
        self.pace.show_cadence(self.cadence)
        self.treadmill.show_cadence(self.cadence)
        self.tap.refresh()
        self.plan.refresh()
        self._show_plan_target()
        self._show_status()
        self.safety_notice.refresh()

    def _show_plan_target(self) -> None:
        self.plan_target = self.services.plan_target()
        self.pace.show_presets(self.plan_target)
        self.treadmill.show_target(self.plan_target)

    def _on_cadence_key(self, change: int) -> None:
        # The arrow keys still step a focused spin box (the walk's end time), as expected.
        focused = QApplication.focusWidget()
        owner = focused.parent() if focused is not None else None
        spin = focused if isinstance(focused, QAbstractSpinBox) else owner
        if isinstance(spin, QAbstractSpinBox):
            spin.stepBy(1 if change > 0 else -1)
        else:
            self.change_cadence(change)

    def _on_space(self) -> None:
        # Space on a focused button presses that button, as everywhere else in the app.
        focused = QApplication.focusWidget()
        if isinstance(focused, QAbstractButton) and focused is not self.walk.start_button:
            focused.click()
        else:
            self.toggle()

    def _on_preferences_changed(self, preferences: Preferences) -> None:
        self.calculator.apply_preferences(preferences)

    def changeEvent(self, event: QEvent) -> None:
        """Restyle the screen's own rules when the theme changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "content"):
            self.content.setStyleSheet(local_style(colors_for(current_scheme())))


def _scrolling(page: QWidget, name: str) -> QScrollArea:
    area = QScrollArea()
    area.setAccessibleName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area
