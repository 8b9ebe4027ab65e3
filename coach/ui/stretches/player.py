"""The routine player: a RoutinePlayer on screen and in the ears, driven by a QTimer.

The timer only calls RoutinePlayer.tick() (on services.clock); every cue is a chime in the
MetronomeController's program, built from the same timeline, so nobody needs to look.
Embeddable: the Walk screen can put a RoutinePlayerView first in a session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coach.audio.programs.metronome import sound_settings
from coach.audio.programs.model import LEAD_SECONDS
from coach.audio.programs.routine import routine_program
from coach.audio.programs.speech import with_speech
from coach.domain.routine_player import RoutinePlayer
from coach.domain.routines import Routine, RoutineEvent, RoutineFinished, RoutineTimeline
from coach.domain.spoken_script import routine_script, script_ahead
from coach.ui.controllers.metronome import PlaybackHandle
from coach.ui.services import AppServices
from coach.ui.stretches import texts
from coach.ui.stretches.routine_step import RoutineStepPanel, clock_text
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.checked_field import set_button_text

TICK_MS = 100
"""How often the display timer asks the player where it is."""


class RoutinePlayerView(QWidget):
    """Plays a routine: Space pauses, N or Right skips, B or Left goes back; GUI thread only."""

    finished = Signal()  # the routine's last step ended
    stopped = Signal()  # the person stopped it before the end

    def __init__(
        self, services: AppServices, parent: QWidget | None = None, *, sound: bool = True
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.sound_enabled = sound
        self._sound: PlaybackHandle | None = None  # the routine's program, while it plays
        self.player: RoutinePlayer | None = None
        self.panel = RoutineStepPanel()
        self.paused_line = styled_label("", "subheading")
        self.next_line = styled_label("", "muted")
        self.total_line = styled_label("", "muted")
        self.back_button = QPushButton(texts.BACK)
        self.pause_button = QPushButton(texts.PAUSE)
        self.skip_button = QPushButton(texts.SKIP)
        self.stop_button = QPushButton(texts.STOP)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        # The view itself takes the focus when a routine starts, so Space pauses rather
        # than pressing whichever button would otherwise have the focus.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(texts.PLAYER_NAME)
        self._lay_out()
        self._add_shortcuts()

    def _lay_out(self) -> None:
        self.back_button.setToolTip(texts.BACK_TIP)
        self.skip_button.setToolTip(texts.SKIP_TIP)
        self.stop_button.setToolTip(texts.STOP_TIP)
        for button, slot in (
            (self.back_button, self.back),
            (self.pause_button, self.toggle_pause),
            (self.skip_button, self.skip),
            (self.stop_button, self.stop),
        ):
            button.clicked.connect(slot)
            button.setMinimumHeight(44)
            button.setAccessibleName(button.text())
        footer = QHBoxLayout()
        lines = QVBoxLayout()
        lines.addWidget(self.next_line)
        lines.addWidget(self.total_line)
        footer.addLayout(lines, 1)
        footer.addWidget(self.paused_line)
        for button in (self.back_button, self.pause_button, self.skip_button, self.stop_button):
            footer.addWidget(button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(16)
        outer.addWidget(self.panel, 1)
        outer.addLayout(footer)

    def _add_shortcuts(self) -> None:
        # Window-wide while the view shows (a hidden widget's shortcuts are off), so the
        # keys work wherever the focus is, the buttons included.
        for keys, slot in (
            (("Space",), self.toggle_pause),
            (("N", "Right"), self.skip),
            (("B", "Left"), self.back),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.setAutoRepeat(False)
                shortcut.activated.connect(slot)

    # --- control -------------------------------------------------------------------------

    def play_routine(self, routine: Routine) -> RoutinePlayer:
        """Start a routine from its beginning on services.clock; returns its player."""
        player = RoutinePlayer(RoutineTimeline(routine), self.services.clock)
        self.play(player)
        return player

    def play(self, player: RoutinePlayer) -> None:
        """Start (or take over) a player and show it; sound follows if enabled."""
        self.player = player
        events = player.start()
        self._restart_sound()
        self.paused_line.setText("")
        set_button_text(self.pause_button, texts.PAUSE)
        self.timer.start()
        self._handle(events)

    def tick(self) -> None:
        """Advance the player by the clock (the timer calls this; tests may too)."""
        if self.player is not None:
            self._handle(self.player.tick())

    def toggle_pause(self) -> None:
        """Pause, or carry on from exactly where it paused."""
        player = self.player
        if player is None or player.finished:
            return
        if player.paused:
            player.resume()
            self._restart_sound()
            self.paused_line.setText("")
            set_button_text(self.pause_button, texts.PAUSE)
        else:
            events = player.pause()
            self._silence()
            self.paused_line.setText(texts.PAUSED)
            set_button_text(self.pause_button, texts.RESUME)
            self._handle(events)
        self._show()

    def skip(self) -> None:
        """On to the next exercise."""
        if self.player is not None and not self.player.finished:
            self._jumped(self.player.skip())

    def back(self) -> None:
        """This exercise again, or the one before when it has only just begun."""
        if self.player is not None and self.player.started:
            self._jumped(self.player.back())

    def stop(self) -> None:
        """Stop the routine before its end."""
        if self.player is None:
            return
        self.timer.stop()
        self._silence()
        self.player = None
        self.stopped.emit()

    # --- display -------------------------------------------------------------------------

    def _jumped(self, events: list[RoutineEvent]) -> None:
        if self.player is not None and not self.player.paused:
            self._restart_sound()
        self._handle(events)

    def _handle(self, events: list[RoutineEvent]) -> None:
        if any(isinstance(e, RoutineFinished) for e in events):
            self.timer.stop()
            # The program's own END chime rings out; the controller stops itself after it.
            self.panel.show_message(texts.FINISHED_TITLE, texts.FINISHED_TEXT)
            self.next_line.setText("")
            self.total_line.setText("")
            self.finished.emit()
            return
        self._show()

    def _show(self) -> None:
        player = self.player
        step = None if player is None else player.current_step
        if player is None or step is None:
            return
        count = len(player.timeline.routine.exercises)
        self.panel.show_step(step, player.step_remaining_s, count)
        following = player.next_exercise
        self.next_line.setText(
            texts.NEXT.format(name=following.name) if following else texts.NEXT_LAST
        )
        self.total_line.setText(texts.TOTAL_LEFT.format(time=clock_text(player.remaining_s)))

    # --- sound ---------------------------------------------------------------------------

    def _restart_sound(self) -> None:
        player = self.player
        if not self.sound_enabled or player is None or player.finished:
            return
        metronome = self.services.metronome
        prefs = self.services.preferences.current
        settings = sound_settings(prefs, with_count_in=False)
        program = routine_program(
            player.timeline, fs=metronome.sample_rate, settings=settings, from_s=player.position_s
        )
        speaker = self.services.voice.speaker(prefs)
        if speaker is not None:
            # The exercise, "switch sides" and the count, at the routine's own seconds.
            cues = script_ahead(
                routine_script(player.timeline, player.position_s), player.position_s
            )
            origin = round(LEAD_SECONDS * metronome.sample_rate)
            program, _ = with_speech(program, cues, origin, speaker.phrase, duck=prefs.duck_steps)
        self._sound = metronome.start(program, owner="stretch routine")

    def _silence(self) -> None:
        # A handle that another screen's start (or the program's end) has ended stops nothing.
        sound, self._sound = self._sound, None
        if sound is not None:
            sound.stop()

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving for another screen pauses; a minimised window plays on, to be heard."""
        super().hideEvent(event)
        player = self.player
        if event.spontaneous() or player is None or player.paused or player.finished:
            return
        self.toggle_pause()
