"""`walkcoach export-audio`: save a metronome track to WAV or FLAC for walks away from the computer.

What to play comes from exactly one source option (--cadence, --ramp or --plan); each source
turns into a list of PhaseTempo for the one renderer the app plays through.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from coach.audio.export import FORMATS, MAX_EXPORT_SECONDS, ExportError, export_audio
from coach.audio.programs.model import ProgramError, SoundSettings
from coach.audio.programs.plan import program_for_phases
from coach.audio.speech import DEFAULT_RATE_WPM, DEFAULT_VOICE, RATE_RANGE
from coach.commands.export_voice import add_voice
from coach.domain.cadence_range import CADENCE_MAX, CADENCE_MIN
from coach.domain.plan_files.loading import (
    PlanFileError,
    load_default_plans,
    load_default_routines,
    load_plan,
)
from coach.domain.plans import PhaseTempo, PlannedPhase, SessionPlan, tempo_of
from coach.domain.preferences import RANGES, SOUND_NAMES, Preferences

RATE_MIN, RATE_MAX = 8000, 192_000
MAX_MINUTES = MAX_EXPORT_SECONDS // 60
_DEFAULTS = Preferences()


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the export-audio subcommand."""
    parser = subparsers.add_parser(
        "export-audio",
        help="save a metronome track as a WAV or FLAC file",
        description="Save a metronome track, with the same sounds and chimes as the app.",
    )
    parser.add_argument(
        "out", type=_output_path, metavar="OUT", help="file to write (.wav or .flac)"
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--cadence", type=_cadence, help=f"steady steps/min ({CADENCE_MIN}-{CADENCE_MAX})"
    )
    source.add_argument(
        "--ramp",
        type=_ramp,
        metavar="FROM:TO:MINUTES",
        help="glide from one cadence to another, then hold the second (e.g. 90:110:5)",
    )
    source.add_argument(
        "--plan",
        metavar="PLAN",
        help="a session plan: a plan file, or the id of a built-in plan (starter-10, walk-20, "
        "walk-30)",
    )
    parser.add_argument(
        "--target",
        type=_cadence,
        default=float(_DEFAULTS.default_cadence_spm),
        help="with --plan: the target cadence the plan's phases refer to "
        f"(default {_DEFAULTS.default_cadence_spm})",
    )
    parser.add_argument(
        "--minutes",
        type=_minutes,
        help="length of the track (default 30, or the ramp's length with --ramp)",
    )
    parser.add_argument("--sound", choices=SOUND_NAMES, default=_DEFAULTS.left_sound)
    parser.add_argument("--pan", action="store_true", help="left steps left, right steps right")
    parser.add_argument(
        "--volume", type=_volume, default=_DEFAULTS.volume, help="0 to 1 (default 0.7)"
    )
    parser.add_argument(
        "--count-in",
        type=_count_in,
        default=_DEFAULTS.count_in_beats,
        help="beats before the first step (0-8, default 4)",
    )
    parser.add_argument(
        "--rate", type=_rate, default=44_100, help=f"sample rate in Hz ({RATE_MIN}-{RATE_MAX})"
    )
    parser.add_argument("--mono", action="store_true", help="one channel instead of two")
    parser.add_argument(
        "--voice",
        action="store_true",
        help="speak the phases, cue cards, stretches and time left (needs espeak-ng)",
    )
    parser.add_argument(
        "--voice-name",
        default=DEFAULT_VOICE,
        metavar="NAME",
        help=f"with --voice: an espeak-ng voice (default {DEFAULT_VOICE}; "
        "'espeak-ng --voices' lists them)",
    )
    parser.add_argument(
        "--speech-rate",
        type=_speech_rate,
        default=DEFAULT_RATE_WPM,
        help=f"with --voice: words per minute ({RATE_RANGE[0]}-{RATE_RANGE[1]}, "
        f"default {DEFAULT_RATE_WPM})",
    )
    parser.add_argument(
        "--duck", action="store_true", help="with --voice: steps a little softer under speech"
    )
    parser.set_defaults(handler=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    """Build the program the options describe and write it; return the exit code."""
    parser: argparse.ArgumentParser = args.parser
    if args.pan and args.mono:
        parser.error("--pan needs two channels; leave out --mono.")
    try:
        phases, planned, summary = _phases_from_args(args)
        settings = SoundSettings(args.sound, args.sound, args.volume, args.pan, 0, args.count_in)
        program = program_for_phases(phases, fs=args.rate, settings=settings)
        if args.voice:
            program = add_voice(
                program,
                phases,
                planned,
                settings,
                voice=args.voice_name,
                rate_wpm=args.speech_rate,
                duck=args.duck,
            )
    except (ProgramError, PlanFileError) as error:
        parser.error(str(error))
    try:
        written = export_audio(program, args.out, channels=1 if args.mono else 2)
    except ExportError as error:
        parser.error(str(error))
    except OSError as error:
        print(f"walkcoach export-audio: could not write {args.out}: {error}", file=sys.stderr)
        return 1
    layout = "mono" if args.mono else "stereo"
    print(f"Saved {summary} to {written} ({args.rate} Hz, {layout}).")
    return 0


def _phases_from_args(
    args: argparse.Namespace,
) -> tuple[list[PhaseTempo], tuple[PlannedPhase, ...] | None, str]:
    """The phases to play, the plan's phases (with --plan) and a short description."""
    if args.plan is not None:
        if args.minutes is not None:
            raise ProgramError("--minutes does not go with --plan: the plan sets the length.")
        plan = _plan(args.plan)
        planned = plan.planned_phases(args.target, load_default_routines())
        phases = tempo_of(planned)
        minutes = sum(p.duration_s for p in phases) / 60
        return phases, planned, f"the plan '{plan.name}' ({_fmt(round(minutes, 1))} min)"
    if args.ramp is not None:
        start, end, ramp_minutes = args.ramp
        minutes = ramp_minutes if args.minutes is None else args.minutes
        if minutes < ramp_minutes:
            raise ProgramError(
                f"--minutes ({minutes:g}) is shorter than the ramp ({ramp_minutes:g} minutes)."
            )
        phases = [PhaseTempo(ramp_minutes * 60, start, end, "ramp")]
        if minutes > ramp_minutes:
            phases.append(PhaseTempo((minutes - ramp_minutes) * 60, end, end, "steady"))
        summary = f"{_fmt(minutes)} min: {_fmt(start)} to {_fmt(end)} steps/min"
        summary += f" over {_fmt(ramp_minutes)} min" if minutes > ramp_minutes else ""
        return phases, None, summary
    minutes = 30.0 if args.minutes is None else args.minutes
    phases = [PhaseTempo(minutes * 60, args.cadence, args.cadence, "walk")]
    return phases, None, f"{_fmt(minutes)} min at {_fmt(args.cadence)} steps/min"


def _plan(reference: str) -> SessionPlan:
    """A plan from a file path, or a built-in plan by its id."""
    defaults = load_default_plans()
    if reference in defaults:
        return defaults[reference]
    path = Path(reference).expanduser()
    if not path.exists():
        raise ProgramError(
            f"There is no plan file '{reference}' and no built-in plan of that name "
            f"(built-in: {', '.join(sorted(defaults))})."
        )
    return load_plan(path, known_routines=load_default_routines().keys())


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{what} must be a number, not '{text}'.") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{what} must be a number, not '{text}'.")
    return value


def _cadence(text: str, what: str = "cadence") -> float:
    value = _number(text, what)
    if not CADENCE_MIN <= value <= CADENCE_MAX:
        raise argparse.ArgumentTypeError(
            f"{what} must be between {CADENCE_MIN} and {CADENCE_MAX} steps/min, not {text}."
        )
    return value


def _minutes(text: str, what: str = "minutes") -> float:
    value = _number(text, what)
    if not 0 < value <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(
            f"{what} must be more than 0 and at most {MAX_MINUTES}, not {text}."
        )
    return value


def _ramp(text: str) -> tuple[float, float, float]:
    parts = text.split(":")
    if len(parts) != 3:
        raise argparse.ArgumentTypeError(
            f"ramp must look like FROM:TO:MINUTES, for example 90:110:5, not '{text}'."
        )
    return (
        _cadence(parts[0], "ramp start cadence"),
        _cadence(parts[1], "ramp end cadence"),
        _minutes(parts[2], "ramp minutes"),
    )


def _speech_rate(text: str) -> int:
    low, high = RATE_RANGE
    if not text.isdigit() or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(
            f"speech rate must be a whole number of words per minute from {low} to {high}, "
            f"not '{text}'."
        )
    return int(text)


def _volume(text: str) -> float:
    value = _number(text, "volume")
    bounds = RANGES["volume"]
    if not bounds.low <= value <= bounds.high:
        raise argparse.ArgumentTypeError(f"volume must be between 0 and 1, not {text}.")
    return value


def _count_in(text: str) -> int:
    bounds = RANGES["count_in_beats"]
    if not text.isdigit() or not bounds.low <= int(text) <= bounds.high:
        raise argparse.ArgumentTypeError(
            f"count-in must be a whole number of beats from {bounds.low:g} to "
            f"{bounds.high:g}, not '{text}'."
        )
    return int(text)


def _rate(text: str) -> int:
    if not text.isdigit() or not RATE_MIN <= int(text) <= RATE_MAX:
        raise argparse.ArgumentTypeError(
            f"rate must be a whole number of Hz from {RATE_MIN} to {RATE_MAX}, not '{text}'."
        )
    return int(text)


def _output_path(text: str) -> Path:
    path = Path(text).expanduser()
    if path.suffix.lower() not in FORMATS:
        raise argparse.ArgumentTypeError(
            f"the file name must end in {' or '.join(FORMATS)}, not '{path.name}'."
        )
    return path


def _fmt(number: float) -> str:
    return f"{number:g}"
