"""Time the voice for a 30-minute plan: every phrase rendered (cold and warm cache), and export.

Renders every phrase of the built-in plan walk-30 at 48 kHz with the real espeak-ng into an
empty cache, then again from the cache, then exports the whole walk with and without the
voice at 44.1 kHz stereo (the command's default) into a temporary folder.
Run: .venv/bin/python benchmarks/speech_render.py
Prints each timing and ends with a RESULT line (targets from issue 14: phrases at most 2 s,
an export with voice at most 5 s).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from coach.__main__ import main
from coach.audio.programs.model import SoundSettings
from coach.audio.programs.plan import phases_origin, program_for_phases
from coach.audio.programs.speech import with_speech
from coach.audio.speech import Speaker, find_engine
from coach.audio.speech_cache import SpeechCache
from coach.domain.cues import CueSchedule
from coach.domain.plan_files.loading import (
    load_default_cues,
    load_default_plans,
    load_default_routines,
)
from coach.domain.plans import tempo_of
from coach.domain.spoken_script import session_script

PHRASES_TARGET_S = 2.0
EXPORT_TARGET_S = 5.0


def _phrases(cache_dir: Path) -> tuple[float, int]:
    planned = load_default_plans()["walk-30"].planned_phases(110, load_default_routines())
    phases = tempo_of(planned)
    settings = SoundSettings(count_in=4)
    program = program_for_phases(phases, fs=48_000, settings=settings)
    cues = session_script(planned, CueSchedule(load_default_cues(), 60.0))
    speaker = Speaker(find_engine(), SpeechCache(cache_dir))
    start = time.perf_counter()
    _, placed = with_speech(program, cues, phases_origin(phases, 48_000, settings), speaker.phrase)
    return time.perf_counter() - start, len(placed.phrases)


def _export(folder: Path, *voice: str) -> float:
    start = time.perf_counter()
    assert main(["export-audio", str(folder / "walk.wav"), "--plan", "walk-30", *voice]) == 0
    return time.perf_counter() - start


def run() -> None:
    """Print the timings and a RESULT line."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["COACH_DATA_DIR"] = str(folder / "data")
        cold, count = _phrases(folder / "cache")
        warm, _ = _phrases(folder / "cache")
        print(f"{count} phrases of walk-30: {cold:.2f} s into an empty cache, {warm:.2f} s cached")
        plain = _export(folder)
        voiced = _export(folder, "--voice")
        print(f"export walk-30 (44.1 kHz stereo WAV): {plain:.2f} s, with voice {voiced:.2f} s")
        ok = cold <= PHRASES_TARGET_S and voiced <= EXPORT_TARGET_S
        print(f"RESULT {'PASS' if ok else 'FAIL'}: phrases {cold:.2f} s, export {voiced:.2f} s")


if __name__ == "__main__":
    run()
