"""The walk's voice made off the GUI thread: the walk starts at once, the phrases join it.

The phrases of the next few seconds are made at once (a few short espeak-ng runs), so the
first thing said is never late; the rest are made by a worker thread, and `made` tells the
player to swap them in ahead of what is playing. The GUI thread only reads what is made.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QObject, Signal

from coach.audio.programs.speech import Speak
from coach.audio.speech import Speaker
from coach.domain.spoken_script import SpokenCue

NOW_S = 5.0
"""Cues within this many seconds of the start are made before the program starts."""


class WalkVoice(QObject):
    """Makes the phrases of a walk: the first ones now, the rest on a worker thread."""

    made = Signal()  # phrases the worker was asked for are ready (emitted on the GUI thread)
    _worker_done = Signal()  # emitted from a worker; queued to the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Batches asked of workers whose `made` has not been handled yet; counted on the GUI
        # thread only, so "not busy" means every phrase asked for has joined the program.
        self._pending = 0
        self._worker_done.connect(self._on_worker_done)
        # What was already asked of this speaker: a phrase that failed is not tried again
        # at every rebuild (an engine that hangs would cost its time-out each time).
        self._speaker: Speaker | None = None
        self._tried_now: set[tuple[str, int]] = set()
        self._sent_later: set[tuple[str, int]] = set()

    def speak_for(self, speaker: Speaker, cues: Sequence[SpokenCue], fs: int) -> Speak:
        """A Speak that knows only made phrases, after making the first ones and asking the
        worker for the rest (GUI thread)."""
        if speaker is not self._speaker:
            self._speaker, self._tried_now, self._sent_later = speaker, set(), set()
        later: list[str] = []
        for cue in cues:
            key = (cue.text, fs)
            if speaker.made(cue.text, fs) is not None:
                continue
            if cue.at_s < NOW_S:
                # Due now (a skip may bring forward one the worker has not reached yet).
                if key not in self._tried_now:
                    self._tried_now.add(key)
                    speaker.phrase(cue.text, fs)
            elif key not in self._sent_later:
                self._sent_later.add(key)
                later.append(cue.text)
        if later:
            self._start(speaker, later, fs)

        def speak(text: str, rate: int) -> npt.NDArray[np.float32] | None:
            return speaker.made(text, rate)

        return speak

    def busy(self) -> bool:
        """Whether phrases asked of a worker have not yet been handed to the player."""
        return self._pending > 0

    def _on_worker_done(self) -> None:
        self._pending -= 1
        self.made.emit()

    def _start(self, speaker: Speaker, texts: list[str], fs: int) -> None:
        def work() -> None:
            for text in texts:
                speaker.phrase(text, fs)  # a failure is noted in speaker.problems
            # Queued to the GUI thread, where the player lives; if the walk's window has
            # closed meanwhile, nobody is left to tell.
            with contextlib.suppress(RuntimeError):
                self._worker_done.emit()

        self._pending += 1
        # A daemon: quitting mid-walk never waits for espeak-ng (5 s at most per phrase).
        threading.Thread(target=work, name="walk voice", daemon=True).start()
