"""The guided walk in the treadmill view (the Metronome's TreadmillView, reused): the part of
the walk and its time left, the target cadence, the beat and the cue card, readable from 2 m."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coach.domain.cues import CueCard
from coach.domain.plans import PhaseKind
from coach.domain.session import SessionState, WalkSession
from coach.ui.metronome.treadmill_view import TreadmillView
from coach.ui.stretches.routine_step import clock_text
from coach.ui.walk import texts


def guided_treadmill_view(parent: QWidget) -> TreadmillView:
    """A treadmill view worded for a guided walk (its own window, owned by the player)."""
    view = TreadmillView(parent)
    view.setWindowTitle(texts.TV_TITLE)
    view.set_hint(texts.TV_HINT)
    view.show_warning("")
    return view


def show_session(view: TreadmillView, session: WalkSession, card: CueCard | None) -> None:
    """Fill the view from the session as it is now (same clock as the player)."""
    phase = session.current_phase
    if phase is None:
        return
    name = phase.name or texts.PHASE_NAMES.get(phase.kind.value, "")
    left = clock_text(session.phase_remaining_s)
    view.show_heading(texts.TV_HEADING.format(phase=name, left=left))
    view.timer.setText(left)  # a countdown, rounded up as on the player (not the walk timer)
    spm = session.target_cadence_spm
    view.show_cadence_text(str(round(spm)) if spm else texts.TV_NO_STEPS)
    if spm is None:
        view.footprints.clear()
    nxt = session.next_phase
    paused = session.state is SessionState.PAUSED
    following = texts.TV_NEXT.format(name=nxt.name) if nxt else texts.TV_LAST
    view.show_state(texts.TV_PAUSED if paused else following)
    step = session.current_routine_step
    if phase.kind is PhaseKind.STRETCHES and step is not None:
        view.show_cue(step.exercise.name)
    else:
        view.show_cue(card.title if card is not None else "")
