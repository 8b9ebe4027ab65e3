"""The player: a guided walk on the session's clock, its beat, cue cards and keys.

The audio comes from one program built from session.tempo_from_now(), rebuilt after a pause,
a skip or an added minute; the PlaybackHandle of the one now playing is the player's hold on
the sound, and its ending for any other reason means someone else took the sound. The session
runs on a HeardClock (walk/clock.py): its seconds are the program's position as heard, and it
ticks on each display frame of the metronome, so the phase, the time left, the chimes and the
beat agree. A pin or a hidden card only swaps the cue chimes still ahead, so the beat never
moves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QWidget,
)

from coach.audio.programs.metronome import sound_settings
from coach.audio.programs.model import ClickProgram, ProgramError
from coach.audio.programs.plan import phases_origin, walk_program
from coach.audio.programs.speech import with_speech
from coach.audio.speech import Speaker
from coach.domain.cues import CueCard, CueSchedule
from coach.domain.plans import PhaseTempo
from coach.domain.session import SessionEnded, SessionEvent, SessionState, WalkSession
from coach.domain.spoken_script import script_ahead, session_script
from coach.ui.controllers.metronome import PlaybackHandle
from coach.ui.services import AppServices
from coach.ui.walk import texts
from coach.ui.walk import treadmill as walk_treadmill
from coach.ui.walk.clock import HeardClock
from coach.ui.walk.cue_times import cue_change_times
from coach.ui.walk.player_view import PlayerView
from coach.ui.walk.voice import WalkVoice
from coach.ui.widgets.message_dialog import ask_yes_no

logger = logging.getLogger(__name__)

TICK_MS = 200
"""How often the session is ticked when no program plays (display frames tick it otherwise)."""


def ask_to_stop(parent: QWidget) -> bool:
    """Ask before stopping a walk (Esc is easy to press by accident)."""
    return ask_yes_no(parent, texts.STOP_CONFIRM_TITLE, texts.STOP_CONFIRM_TEXT)


class WalkPlayer(PlayerView):
    """Plays one WalkSession: phase, what is next, times, cadence, beat and the cue card."""

    ended = Signal()  # the session finished or was stopped; `session` holds the result
    sound_taken = Signal()  # the walk's sound ended, not by the player (window closing, a new walk)
    schedule_changed = Signal(object)  # the CueSchedule after a pin or a hidden card

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.session: WalkSession | None = None
        self.clock = HeardClock(services.clock)
        """The clock every WalkSession of this player runs on (the sound as heard)."""
        self.schedule: CueSchedule | None = None
        self.confirm_stop: Callable[[QWidget], bool] = ask_to_stop
        """Asks before Esc stops the walk; tests replace it to avoid a modal dialog."""
        self._sound: PlaybackHandle | None = None  # the walk's program, while it owns the sound
        self._built: tuple[list[PhaseTempo], float] | None = None  # phases, session s at build
        self.voice = WalkVoice(self)
        """Makes the spoken phrases; the first at once, the rest on a worker thread."""
        self.voice.made.connect(self._on_voice_made)
        self._voice_key: tuple[object, ...] | None = None
        self._voice_speaker: Speaker | None = None
        self._problems_logged = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the keys work with focus here too
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        for button, slot in (
            (self.pause_button, self.toggle_pause),
            (self.skip_button, self.skip_phase),
            (self.add_button, self.add_minute),
            (self.pin_button, self.toggle_pin),
            (self.hide_button, self.hide_card),
            (self.stop_button, self.ask_stop),
        ):
            button.clicked.connect(slot)
        self._add_shortcuts()
        self.treadmill = walk_treadmill.guided_treadmill_view(self)
        self.treadmill.toggle_requested.connect(self.toggle_pause)
        self.treadmill.left.connect(lambda: self.setFocus())
        self.treadmill_button.clicked.connect(self.enter_treadmill_view)

    def _add_shortcuts(self) -> None:
        keys = (
            ("Space", self.toggle_pause),
            ("N", self.skip_phase),
            ("M", self.add_minute),
            ("+", self.add_minute),
            ("P", self.toggle_pin),
            ("Esc", self.ask_stop),
            ("F", self.enter_treadmill_view),
            ("F11", self.enter_treadmill_view),
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
        """Esc: leave the treadmill view if it shows, else stop early after a confirmation."""
        if self.treadmill.isVisible():
            self.treadmill.close()  # Esc there means "back to the player", never "stop"
            return
        if self.running and self.confirm_stop(self):
            self.stop()

    def stop(self) -> None:
        """Stop the session now (no question); `ended` follows."""
        if self.session is not None and self.running:
            self._handle(self.session.stop())

    def enter_treadmill_view(self) -> None:
        """F, F11 or the button: the walk full screen, readable from two metres; Esc leaves."""
        if self.session is not None and self.running:
            walk_treadmill.show_session(self.treadmill, self.session, self.current_card())
            self.treadmill.enter()

    def current_card(self) -> CueCard | None:
        """The cue card for this moment of the walk."""
        if self.schedule is None or self.session is None:
            return None
        return self.schedule.card_at(self.session.elapsed_s)

    # -- inside ----------------------------------------------------------------------------

    def _set_schedule(self, schedule: CueSchedule) -> None:
        self.schedule = schedule
        self.schedule_changed.emit(schedule)
        if self.session is not None and self.session.state is SessionState.RUNNING:
            self._rechime()
        self.refresh()

    def _rechime(self) -> None:
        """Swap only the cue chimes ahead: the steps keep their exact samples."""
        assert self.session is not None and self.schedule is not None
        if self._built is None or self._sound is None:
            return
        phases, built_at = self._built
        # The program's clock started at built_at; the new cue times are measured from there.
        since = self.session.elapsed_s - built_at
        cues = [since + t for t in cue_change_times(self.session, self.schedule)]
        try:
            fresh = self._program(phases, built_at, cues)
        except ProgramError as error:
            logger.warning("The cue chimes stay as they were: %s", error)
            return
        # The spoken card titles ahead follow the new rotation too.
        self._sound.replace_chimes(fresh.chimes, fresh.phrases)

    def _replay(self) -> None:
        if self.session is not None and self.session.state is SessionState.RUNNING:
            self._play_from_now()
        self.refresh()

    def _handle(self, events: list[SessionEvent]) -> None:
        if any(isinstance(e, SessionEnded) for e in events):
            self.timer.stop()
            self._stop_sound()
            self.treadmill.close()  # the pain check after the walk is on the player's screen
            self.ended.emit()

    def _play_from_now(self) -> None:
        assert self.session is not None and self.schedule is not None
        phases = list(self.session.tempo_from_now())
        elapsed = self.session.elapsed_s
        try:
            program = self._program(phases, elapsed, cue_change_times(self.session, self.schedule))
        except ProgramError as error:
            logger.warning("No sound for the rest of this walk: %s", error)
            self._stop_sound()
            self.clock.follow_system(elapsed)
            return
        self._built = (phases, elapsed)
        self._sound = None  # the program it replaces ends on our own account
        sound = self.services.metronome.start(program, owner="guided walk")
        sound.beat_changed.connect(self._on_metronome_beat_changed)
        sound.elapsed_changed.connect(self._on_metronome_frame)
        sound.ended.connect(lambda _walked, _reason: self._on_sound_ended(sound))
        self._sound = sound
        origin = phases_origin(phases, program.sample_rate)
        self.clock.follow_program(sound, elapsed, origin, program.sample_rate)

    def _program(self, phases: list[PhaseTempo], elapsed: float, cues: list[float]) -> ClickProgram:
        """The session program from `elapsed` on, with cue chimes at cues (s after elapsed),
        and the voice's phrases when Settings turn it on and espeak-ng is there."""
        prefs = self.services.preferences.current
        fs = self.services.metronome.sample_rate
        program = walk_program(
            phases,
            fs=fs,
            settings=sound_settings(prefs),
            elapsed_s=elapsed,
            cue_chimes_s=cues,
        )
        speaker = self._speaker()
        if speaker is None or self.session is None:
            return program
        said = script_ahead(session_script(self.session.phases, self.schedule), elapsed)
        speak = self.voice.speak_for(speaker, said, fs)
        spoken, _ = with_speech(
            program, said, phases_origin(phases, fs), speak, duck=prefs.duck_steps
        )
        for problem in speaker.problems[self._problems_logged :]:
            logger.warning("Not said, the chime stays: %s", problem)
        self._problems_logged = len(speaker.problems)
        return spoken

    def _speaker(self) -> Speaker | None:
        """One Speaker while the voice settings stay the same, so what it made is kept."""
        prefs = self.services.preferences.current
        key = (prefs.voice_on, prefs.voice_name, prefs.speech_rate_wpm, prefs.voice_volume_percent)
        if self._voice_key != key:
            self._voice_key, self._problems_logged = key, 0
            self._voice_speaker = self.services.voice.speaker(prefs)
        return self._voice_speaker

    def _on_voice_made(self) -> None:
        # The worker finished the phrases further ahead: swap them in, the steps stay put.
        if self._sound is not None and self._sound.active:
            self._rechime()

    def _stop_sound(self) -> None:
        self.clock.hold()
        sound, self._sound = self._sound, None
        if sound is not None:
            sound.stop()
        self.footprints.clear()

    def _on_sound_ended(self, sound: PlaybackHandle) -> None:
        # Our own stops and restarts let go of the handle first; any other end was someone else.
        if sound is self._sound:
            self._sound = None
            self.sound_taken.emit()

    def _on_metronome_frame(self, _seconds: float) -> None:
        # Each display frame of the metronome: the same position that lights the beat.
        if self.running and self.session is not None:
            self.tick()

    def _on_metronome_beat_changed(self, _index: int, foot: str) -> None:
        # A stretch has no steps; a stray beat from the program's edge must not light a foot.
        if self.running and self.session is not None and self.session.target_cadence_spm:
            self.footprints.show_step(foot)
            self.treadmill.footprints.show_step(foot)

    def refresh(self) -> None:
        """Show where the session is now."""
        if self.session is not None:
            pinned = self.schedule is not None and self.schedule.pinned_id is not None
            self.show_session(self.session, self.current_card(), pinned)
            if self.treadmill.isVisible():
                walk_treadmill.show_session(self.treadmill, self.session, self.current_card())
