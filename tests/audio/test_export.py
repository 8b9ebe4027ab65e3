"""Audio export: sample-exact files read back from disk, private files, and the CLI."""

from __future__ import annotations

import math
import os
import stat
import subprocess
import sys
import tracemalloc
import wave
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from coach.__main__ import main
from coach.audio.export import ExportError, export_audio
from coach.audio.programs.beats import TempoSegment
from coach.audio.programs.metronome import steady_program
from coach.audio.programs.model import ClickProgram, SoundSettings
from coach.audio.programs.plan import program_for_phases
from coach.domain.plan_files.loading import load_default_plans, load_default_routines
from coach.domain.plans import PhaseTempo

FS = 8000
LEAD = round(0.05 * FS)


def read_wav(path: Path) -> tuple[int, npt.NDArray[np.int16]]:
    with wave.open(str(path), "rb") as wav:
        assert wav.getsampwidth() == 2
        frames = np.frombuffer(wav.readframes(wav.getnframes()), "<i2")
        return wav.getframerate(), frames.reshape(-1, wav.getnchannels())


def onsets(signal: npt.NDArray[Any], threshold: float, min_gap: int) -> list[int]:
    loud = np.flatnonzero(np.abs(signal.astype(np.int32)) > threshold)
    if loud.size == 0:
        return []
    return [int(s) for s in loud[np.r_[True, np.diff(loud) > min_gap]]]


def test_an_hour_at_113_has_every_step_exactly_where_the_arithmetic_says(tmp_path: Path) -> None:
    out = tmp_path / "hour.wav"
    argv = ["export-audio", str(out), "--cadence", "113", "--minutes", "60"]
    assert main([*argv, "--rate", str(FS), "--mono", "--count-in", "0"]) == 0
    rate, frames = read_wav(out)
    assert rate == FS
    steps_and_chimes = frames[:, 0]
    # Take the chimes away (rendered alone, same level) so steps under a chime show too.
    plan = program_for_phases([PhaseTempo(3600, 113, 113, "walk")], fs=FS)
    chimes_only = ClickProgram(FS, (TempoSegment(0, None),), chimes=plan.chimes)
    _, chime_frames = read_wav(export_audio(chimes_only, tmp_path / "chimes.wav", channels=1))
    assert len(chime_frames) == len(steps_and_chimes)
    steps = steps_and_chimes.astype(np.int32) - chime_frames[:, 0]
    end = LEAD + 3600 * FS
    expected = []
    k = 0
    while (position := LEAD + math.floor(Fraction(k * FS * 60, 113) + Fraction(1, 2))) < end:
        expected.append(position)
        k += 1
    assert len(expected) == 113 * 60
    assert onsets(steps, threshold=4, min_gap=1000) == expected
    assert onsets(chime_frames[:, 0], 4, FS) == [c.sample for c in plan.chimes]


def test_export_is_rendered_in_chunks(tmp_path: Path) -> None:
    program = steady_program(120, FS)
    tracemalloc.start()
    try:
        export_audio(program, tmp_path / "ten.wav", seconds=600, channels=2)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (tmp_path / "ten.wav").stat().st_size > 600 * FS * 4
    assert peak < 4_000_000  # ten minutes of stereo samples would be 19 MB


def test_cut_export_ends_with_a_fade_and_has_the_exact_length(tmp_path: Path) -> None:
    program = steady_program(100, FS, SoundSettings("beep", "beep"))
    path = export_audio(program, tmp_path / "cut.wav", seconds=10.0, channels=2)
    rate, frames = read_wav(path)
    assert (rate, frames.shape) == (FS, (10 * FS, 2))
    assert not frames[-program.fade_samples :].any()
    assert np.array_equal(frames[:, 0], frames[:, 1])


def test_export_file_is_private_even_when_replacing_a_public_one(tmp_path: Path) -> None:
    target = tmp_path / "walk.wav"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    export_audio(steady_program(100, FS), target, seconds=2)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert read_wav(target)[1].shape == (2 * FS, 2)
    assert [p.name for p in tmp_path.iterdir()] == ["walk.wav"]


def test_pan_reaches_the_file(tmp_path: Path) -> None:
    program = steady_program(100, FS, SoundSettings(pan=True))
    _, frames = read_wav(export_audio(program, tmp_path / "pan.wav", seconds=5))
    left_beat = program.beats_between(0, FS)[0].sample
    window = frames[left_beat : left_beat + 400]
    assert np.abs(window[:, 0]).max() > 1000 and not window[:, 1].any()


def test_sample_rate_option_rescales_the_program(tmp_path: Path) -> None:
    program = program_for_phases([PhaseTempo(20, 100, 100, "walk")], fs=FS)
    seen: list[float] = []
    path = export_audio(
        program, tmp_path / "hi.wav", sample_rate=16_000, channels=1, progress=seen.append
    )
    rate, frames = read_wav(path)
    assert rate == 16_000 and len(frames) == program.with_sample_rate(16_000).duration_samples
    assert seen[-1] == 1.0 and seen == sorted(seen)


def test_bad_exports_are_refused_with_a_reason(tmp_path: Path) -> None:
    endless = steady_program(100, FS)
    with pytest.raises(ExportError, match="how long"):
        export_audio(endless, tmp_path / "a.wav")
    with pytest.raises(ExportError, match=r"\.wav or \.flac"):
        export_audio(endless, tmp_path / "a.mp3", seconds=1)
    with pytest.raises(ExportError, match="at most 12 hours"):
        export_audio(endless, tmp_path / "a.wav", seconds=13 * 3600)
    with pytest.raises(ExportError, match="does not exist"):
        export_audio(endless, tmp_path / "nope" / "a.wav", seconds=1)
    assert list(tmp_path.iterdir()) == []


def test_flac_without_soundfile_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "soundfile", None)
    with pytest.raises(ExportError, match="soundfile"):
        export_audio(steady_program(100, FS), tmp_path / "a.flac", seconds=1)
    assert list(tmp_path.iterdir()) == []


def test_flac_holds_the_same_samples_as_the_wav(tmp_path: Path) -> None:
    import soundfile  # a dependency of the app: FLAC export must really work

    program = steady_program(100, FS)
    wav = export_audio(program, tmp_path / "a.wav", seconds=3, channels=1)
    flac = export_audio(program, tmp_path / "a.flac", seconds=3, channels=1)
    assert flac.read_bytes()[:4] == b"fLaC"
    assert flac.stat().st_mode & 0o777 == 0o600
    flac_frames, flac_rate = soundfile.read(str(flac), dtype="int16")
    wav_rate, wav_frames = read_wav(wav)
    assert flac_rate == wav_rate == FS
    np.testing.assert_array_equal(flac_frames, wav_frames.reshape(flac_frames.shape))


def test_cli_ramp_then_steady(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ramp.wav"
    argv = ["export-audio", str(out), "--ramp", "90:110:1", "--minutes", "2", "--rate", "8000"]
    assert main([*argv, "--count-in", "2", "--sound", "click", "--pan", "--volume", "0.5"]) == 0
    assert "2 min: 90 to 110 steps/min over 1 min" in capsys.readouterr().out
    program = program_for_phases(
        [PhaseTempo(60, 90, 110, "ramp"), PhaseTempo(60, 110, 110, "steady")],
        fs=FS,
        settings=SoundSettings("click", "click", 0.5, True, 0, 2),
    )
    _, frames = read_wav(out)
    assert len(frames) == program.duration_samples
    mono = np.abs(frames.astype(np.int32)).max(axis=1)
    first = [b.sample for b in program.beats_between(0, 20 * FS)]
    assert onsets(mono[: 20 * FS], 4, 1000) == first
    assert program.spm_at(90 * FS) == 110


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cadence", "300"], "cadence must be between 40 and 220 steps/min, not 300"),
        (["--cadence", "fast"], "cadence must be a number"),
        (["--cadence", "39.9"], "between 40 and 220"),
        (["--ramp", "90:110"], "FROM:TO:MINUTES"),
        (["--ramp", "90:250:5"], "ramp end cadence must be between 40 and 220"),
        (["--ramp", "90:110:5", "--minutes", "3"], "shorter than the ramp"),
        (["--cadence", "100", "--minutes", "0"], "minutes must be more than 0 and at most 720"),
        (["--cadence", "100", "--volume", "2"], "volume must be between 0 and 1"),
        (["--cadence", "100", "--count-in", "9"], "from 0 to 8"),
        (["--cadence", "100", "--rate", "100"], "from 8000 to 192000"),
        (["--cadence", "100", "--sound", "cowbell"], "invalid choice"),
        (["--cadence", "100", "--pan", "--mono"], "--pan needs two channels"),
        (["--cadence", "100", "--ramp", "90:110:5"], "not allowed with"),
        ([], "one of the arguments --cadence --ramp --plan is required"),
        (["--plan", "no-such-plan"], "no built-in plan of that name"),
        (["--plan", "walk-20", "--minutes", "5"], "the plan sets the length"),
        (["--plan", "walk-20", "--target", "250"], "between 40 and 220"),
    ],
)
def test_cli_refuses_bad_values_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export-audio", str(tmp_path / "x.wav"), *args])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cli_exports_a_built_in_plan_at_its_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.wav"
    argv = ["export-audio", str(out), "--plan", "starter-10", "--target", "110"]
    assert main([*argv, "--rate", "8000", "--mono", "--count-in", "0"]) == 0
    plan = load_default_plans()["starter-10"]
    phases = plan.tempo_phases(110, load_default_routines())
    assert "starter" in capsys.readouterr().out.lower()
    expected = program_for_phases(phases, fs=8000, settings=SoundSettings(count_in=0))
    rate, frames = read_wav(out)
    assert rate == 8000 and len(frames) == expected.duration_samples
    steps = [b.sample for b in expected.beats_between(0, len(frames))]
    assert steps, "the plan has walking phases with steps"
    assert all(abs(int(frames[s, 0])) > 0 for s in steps)


def test_cli_reports_a_broken_plan_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "mine.json"
    bad.write_text('{"format": "walkcoach-plan", "version": 1, "phases": "soon"}')
    with pytest.raises(SystemExit) as exit_info:
        main(["export-audio", str(tmp_path / "x.wav"), "--plan", str(bad)])
    assert exit_info.value.code == 2
    assert "mine.json" in capsys.readouterr().err
    assert not (tmp_path / "x.wav").exists()


def test_cli_refuses_other_file_types(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export-audio", str(tmp_path / "x.mp3"), "--cadence", "100"])
    assert exit_info.value.code == 2
    assert "must end in .wav or .flac, not 'x.mp3'" in capsys.readouterr().err


def test_walkcoach_process_exit_codes(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "coach", "export-audio"]
    bad = subprocess.run(
        [*command, str(tmp_path / "x.wav"), "--cadence", "20"], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "between 40 and 220" in bad.stderr
    good = subprocess.run(
        [
            *command,
            str(tmp_path / "x.wav"),
            "--cadence",
            "112",
            "--minutes",
            "0.1",
            "--rate",
            "8000",
        ],
        capture_output=True,
        text=True,
    )
    assert good.returncode == 0, good.stderr
    assert "0.1 min at 112 steps/min" in good.stdout
