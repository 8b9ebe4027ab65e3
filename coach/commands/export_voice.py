"""The spoken part of `walkcoach export-audio --voice`: the same phrases the app says."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from coach.audio.programs.model import ClickProgram, SoundSettings
from coach.audio.programs.plan import phases_origin
from coach.audio.programs.speech import with_speech
from coach.audio.speech import DEFAULT_RATE_WPM, Speaker, SpeechError, find_engine
from coach.audio.speech_cache import SpeechCache
from coach.domain.cues import CueSchedule
from coach.domain.plan_files.loading import load_default_cues
from coach.domain.plans import PhaseTempo, PlannedPhase
from coach.domain.preferences import Preferences
from coach.domain.spoken_script import session_script, time_left_cues
from coach.storage.errors import DataFolderError
from coach.storage.paths import speech_cache_dir


def add_voice(
    program: ClickProgram,
    phases: Sequence[PhaseTempo],
    planned: Sequence[PlannedPhase] | None,
    settings: SoundSettings,
    *,
    voice: str,
    rate_wpm: int = DEFAULT_RATE_WPM,
    duck: bool = False,
) -> ClickProgram:
    """The program with its phrases spoken in; without an engine, unchanged with a note.

    A plan says its phases, cue cards, stretches and time left; a cadence or ramp track
    only the time left. What cannot be said is reported on stderr; the chimes stay.
    """
    try:
        engine = find_engine()
    except SpeechError as error:
        print(f"walkcoach export-audio: no voice, chimes only. {error}", file=sys.stderr)
        return program
    try:
        cache: SpeechCache | None = SpeechCache(speech_cache_dir())
    except DataFolderError:
        cache = None  # a cache is a saving, not a need
    speaker = Speaker(engine, cache, voice=voice, rate_wpm=rate_wpm)
    if planned is not None:
        cards = CueSchedule(load_default_cues(), float(Preferences().cue_interval_s))
        cues = session_script(planned, cards)
    else:
        cues = time_left_cues(sum(p.duration_s for p in phases))
    origin = phases_origin(phases, program.sample_rate, settings)
    spoken, _ = with_speech(program, cues, origin, speaker.phrase, duck=duck)
    for problem in speaker.problems[:3]:
        print(f"walkcoach export-audio: not said: {problem}", file=sys.stderr)
    return spoken
